using Maillage.Platform.Errors;

namespace Maillage.Territories.Published;

/// <summary>A territory unit with its legal population, as a territory summary lists it.</summary>
public sealed record TerritoryUnitSummary(string Code, string Name, int Population, string Departement, string Region);

/// <summary>Population, tier and units of a set of INSEE codes, with what is wrong in the set.</summary>
public sealed record TerritorySummary(long Population, int Tier, string RuleSet, IReadOnlyList<TerritoryUnitSummary> Units, IReadOnlyList<Error> Errors)
{
    public IReadOnlyList<string> Departements => [.. Units.Select(u => u.Departement).Distinct().Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Regions => [.. Units.Select(u => u.Region).Distinct().Order(StringComparer.Ordinal)];
}

/// <summary>
/// Computes a territory from commune or arrondissement codes (domain-rules §1–§2) without writing anything:
/// the population is the sum of the legal populations, the tier comes from the rule set.
/// </summary>
public sealed class ComputeTerritory(GeoCatalog geo, SizeTiers tiers)
{
    public TerritorySummary Run(IEnumerable<string> codes, SizeTierRuleSet? ruleSet = null)
    {
        ruleSet ??= tiers.Default;
        var errors = new List<Error>();
        var units = new List<GeoUnit>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in codes)
        {
            var code = (raw ?? "").Trim().ToUpperInvariant();
            if (code.Length == 0 || !seen.Add(code))
            {
                continue;
            }

            if (CheckUnit(code) is { } error)
            {
                errors.Add(error);
                continue;
            }

            units.Add(geo.Units[code]);
        }

        foreach (var city in units.Where(u => geo.ArrondissementsOf(u.Code).Count > 0).ToList())
        {
            foreach (var arr in units.Where(u => u.Parent == city.Code))
            {
                errors.Add(new Error("city_and_arrondissement",
                    $"{city.Name} ({city.Code}) et {arr.Name} ({arr.Code}) ne peuvent pas être ensemble : la population compterait deux fois.",
                    "territory"));
            }
        }

        if (units.Count == 0 && errors.Count == 0)
        {
            errors.Add(new Error("empty_territory", "Le territoire est vide : ajoutez au moins une commune.", "territory"));
        }

        var population = units.Sum(u => (long)u.Population);
        return new TerritorySummary(
            population,
            ruleSet.TierOf(population),
            ruleSet.Id,
            [.. units.OrderBy(u => u.Code, StringComparer.Ordinal)
                .Select(u => new TerritoryUnitSummary(u.Code, u.Name, u.Population, u.Departement, u.Region))],
            errors);
    }

    private Error? CheckUnit(string code)
    {
        if (geo.Find(code) is { } unit)
        {
            return unit.Zone == GeoZone.Com
                ? new Error("collectivite_outre_mer", $"{unit.Name} ({code}) est dans une collectivité d'outre-mer, où il n'y a pas de CPTS.", "territory")
                : null;
        }

        var former = geo.FindFormer(code);
        if (former?.Parent is not null && geo.Find(former.Parent) is { } current)
        {
            return new Error("not_a_current_commune",
                $"{former.Name} ({code}) n'est plus une commune : ajoutez sa commune actuelle {current.Name} ({current.Code}).", "territory");
        }

        return Platform.Identifiers.Identifiers.LooksLikeInseeCode(code)
            ? new Error("unknown_commune", $"Le code INSEE {code} ne correspond à aucune commune du {geo.Vintage}.", "territory")
            : new Error("malformed_insee_code", $"« {code} » n'est pas un code INSEE de commune (5 caractères, ex. 35236 ou 2A004).", "territory");
    }
}
