using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Territories.Published;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;

namespace Maillage.Lifecycle.Coverage;

/// <summary>Level at which coverage is aggregated.</summary>
public enum CoverageLevel
{
    Region,
    Departement,
}

/// <summary>Coverage of one région, one département, or the whole of metropolitan France and the DROM.</summary>
public sealed record CoverageRow(
    string Code,
    string Name,
    long Population,
    long CoveredPopulation,
    long AciPopulation,
    int PreProject,
    int LetterValidated,
    int HealthProjectValidated,
    int AciSigned,
    int UncoveredCommunes,
    long UncoveredPopulation)
{
    /// <summary>Share of the population in a CPTS at a formal stage (letter validated or later).</summary>
    public double CoveredShare => Population == 0 ? 0 : (double)CoveredPopulation / Population;

    /// <summary>Share of the population in a CPTS with a signed ACI.</summary>
    public double AciShare => Population == 0 ? 0 : (double)AciPopulation / Population;

    public int CptsCount => PreProject + LetterValidated + HealthProjectValidated + AciSigned;
}

/// <summary>The coverage table at a level, with the national total.</summary>
public sealed record CoverageReport(CoverageLevel Level, string Vintage, IReadOnlyList<CoverageRow> Rows, CoverageRow Total);

/// <summary>A commune (or arrondissement) not covered by any CPTS at a formal stage.</summary>
public sealed record UncoveredCommune(string Code, string Name, int Population, string? PreProjectCpts);

/// <summary>
/// One intercommunalité's share of a département's coverage: its communes in the département, their population, and what of it no CPTS at a
/// formal stage covers (<see cref="Code"/> is null for communes outside any EPCI). What the département page draws instead of commune outlines,
/// which the reference data does not have.
/// </summary>
public sealed record EpciCoverage(string? Code, string Name, int Communes, long Population, int UncoveredCommunes, long UncoveredPopulation)
{
    public double UncoveredShare => Population == 0 ? 0 : (double)UncoveredPopulation / Population;
}

/// <summary>A département's zones blanches, most populated first, and the same read by intercommunalité, most uncovered first.</summary>
public sealed record DepartementCoverage(IReadOnlyList<UncoveredCommune> Uncovered, IReadOnlyList<EpciCoverage> Epcis);

/// <summary>
/// Computes coverage over metropolitan France and the DROM (domain-rules §1, §3): a unit is covered when a
/// CPTS at a formal stage (letter validated, health project validated, ACI signed) holds it; Paris, Lyon and
/// Marseille count by arrondissement. A CPTS counts in every area where it holds a unit, once in the total.
/// </summary>
public sealed class ComputeCoverage(MaillageDbContext db, GeoCatalog geo)
{
    public static Result<CoverageLevel> ParseLevel(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "region" or "région" or null or "" => Result<CoverageLevel>.Ok(CoverageLevel.Region),
        "departement" or "département" => Result<CoverageLevel>.Ok(CoverageLevel.Departement),
        _ => new Error("invalid_level", $"Niveau « {level} » inconnu : attendu region ou departement.", "level"),
    };

    public async Task<CoverageReport> RunAsync(CoverageLevel level, CancellationToken ct = default)
    {
        var (best, holders) = await CoverUnitsAsync(ct);
        var areas = level == CoverageLevel.Region
            ? geo.Regions.Values.Where(r => r.Zone != GeoZone.Com).Select(r => (r.Code, r.Name))
            : geo.Departements.Values.Where(d => d.Zone != GeoZone.Com).Select(d => (d.Code, d.Name));
        var units = CoverageUnits().ToList();
        var byArea = units.ToLookup(u => AreaOf(u, level));
        var rows = areas.Select(a => Row(a.Code, a.Name, byArea[a.Code], best, holders))
            .OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        return new CoverageReport(level, geo.Vintage, rows, Row("FR", "France (métropole et DROM)", units, best, holders));
    }

    /// <summary>The zones blanches of a département, most populated first.</summary>
    public async Task<Result<IReadOnlyList<UncoveredCommune>>> UncoveredAsync(string departement, CancellationToken ct = default)
    {
        var found = await DepartementAsync(departement, ct);
        return found.Succeeded ? Result<IReadOnlyList<UncoveredCommune>>.Ok(found.Value!.Uncovered) : Result<IReadOnlyList<UncoveredCommune>>.Fail(found.Errors);
    }

    /// <summary>The zones blanches of a département, and its coverage by intercommunalité.</summary>
    public async Task<Result<DepartementCoverage>> DepartementAsync(string departement, CancellationToken ct = default)
    {
        if (!geo.Departements.TryGetValue(departement, out var dep) || dep.Zone == GeoZone.Com)
        {
            return Error.NotFound("Département");
        }

        var (best, holders) = await CoverUnitsAsync(ct, departement);
        var units = CoverageUnits().Where(u => u.Departement == departement)
            .Select(u => (Unit: u, Uncovered: !(best.TryGetValue(u.Code, out var s) && s.IsFormal()))).ToList();
        var uncovered = units.Where(x => x.Uncovered).Select(x => x.Unit)
            .OrderByDescending(u => u.Population).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => new UncoveredCommune(u.Code, u.Name, u.Population,
                holders.TryGetValue(u.Code, out var h) ? string.Join(", ", h.Select(x => x.Name).Distinct()) : null)).ToList();
        // An arrondissement of Paris, Lyon or Marseille belongs to the intercommunalité of its city.
        var epcis = units.GroupBy(x => x.Unit.Epci ?? (x.Unit.Parent is { } p ? geo.Find(p)?.Epci : null))
            .Select(g => new EpciCoverage(g.Key, g.Key is { } code && geo.Epcis.TryGetValue(code, out var e) ? e.Name : "Hors intercommunalité",
                g.Count(), g.Sum(x => (long)x.Unit.Population), g.Count(x => x.Uncovered), g.Where(x => x.Uncovered).Sum(x => (long)x.Unit.Population)))
            .OrderByDescending(e => e.UncoveredPopulation).ThenByDescending(e => e.Population).ThenBy(e => e.Name, StringComparer.Ordinal).ToList();
        return Result<DepartementCoverage>.Ok(new DepartementCoverage(uncovered, epcis));
    }

    private static string AreaOf(GeoUnit u, CoverageLevel level) => level == CoverageLevel.Region ? u.Region : u.Departement;

    /// <summary>The units coverage is counted on: current communes, with PLM cities replaced by their arrondissements.</summary>
    private IEnumerable<GeoUnit> CoverageUnits() => geo.Units.Values
        .Where(u => u.IsTerritoryUnit && (u.Type == GeoUnitType.Arrondissement || geo.ArrondissementsOf(u.Code).Count == 0));

    private static CoverageRow Row(string code, string name, IEnumerable<GeoUnit> units, Dictionary<string, Stage> best,
        Dictionary<string, List<(Guid Id, string Name, Stage Stage)>> holders)
    {
        long population = 0, covered = 0, aci = 0, uncoveredPopulation = 0;
        var uncovered = 0;
        var cpts = new Dictionary<Guid, Stage>();
        foreach (var u in units)
        {
            population += u.Population;
            var stage = best.TryGetValue(u.Code, out var s) ? s : (Stage?)null;
            if (stage?.IsFormal() == true)
            {
                covered += u.Population;
            }
            else
            {
                uncovered++;
                uncoveredPopulation += u.Population;
            }

            if (stage == Stage.AciSigned)
            {
                aci += u.Population;
            }

            foreach (var h in holders.GetValueOrDefault(u.Code, []))
            {
                cpts[h.Id] = h.Stage;
            }
        }

        int Count(Stage st) => cpts.Values.Count(v => v == st);
        return new CoverageRow(code, name, population, covered, aci, Count(Stage.PreProject), Count(Stage.LetterValidated),
            Count(Stage.HealthProjectValidated), Count(Stage.AciSigned), uncovered, uncoveredPopulation);
    }

    private async Task<(Dictionary<string, Stage> Best, Dictionary<string, List<(Guid Id, string Name, Stage Stage)>> Holders)> CoverUnitsAsync(CancellationToken ct, string? departement = null)
    {
        var cpts = db.Cpts().Where(c => c.Stage != Stage.Dissolved);
        if (departement is not null)
        {
            cpts = cpts.Where(c => c.Departements.Contains("," + departement + ","));
        }

        var held = await db.TerritoryUnits().EveryCpts()
            .Join(cpts, u => u.CptsId, c => c.Id, (u, c) => new { u.Code, c.Id, c.Name, c.Stage })
            .AsNoTracking().ToListAsync(ct);
        var best = new Dictionary<string, Stage>(StringComparer.Ordinal);
        var holders = new Dictionary<string, List<(Guid Id, string Name, Stage Stage)>>(StringComparer.Ordinal);
        foreach (var h in held)
        {
            var arrondissements = geo.ArrondissementsOf(h.Code);
            foreach (var code in arrondissements.Count > 0 ? arrondissements.Select(a => a.Code) : [h.Code])
            {
                if (!best.TryGetValue(code, out var current) || Rank(h.Stage) > Rank(current))
                {
                    best[code] = h.Stage;
                }

                if (!holders.TryGetValue(code, out var list))
                {
                    holders[code] = list = [];
                }

                list.Add((h.Id, h.Name, h.Stage));
            }
        }

        return (best, holders);
    }

    private static int Rank(Stage s) => s == Stage.Dissolved ? -1 : (int)s;
}
