using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;

namespace Maillage.Funding.Contracts;

/// <summary>
/// The funders who signed a contract, as the régions of its ARS and the départements of its CPAM: their officers (and an admin) decide for
/// the funders — the contract, its amendments, the crises, the dialogues de gestion, the payments. A CPTS may span several régions or
/// départements (Redon: Ille-et-Vilaine and Morbihan in Bretagne, Loire-Atlantique in Pays de la Loire); the officers whose scope touches
/// the territory but who did not sign read only. A contract recorded before the ARS and the CPAM were asked for names none: every région and
/// département of the territory then stand for them, as before.
/// </summary>
public sealed record ContractFunders(IReadOnlyList<string> Regions, IReadOnlyList<string> Departements)
{
    /// <summary>The funders of a contract of this CPTS: its ARS's région and CPAM's département, or the territory's when not recorded.</summary>
    public static ContractFunders Of(AciContract contract, CptsInfo cpts)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(cpts);
        return new ContractFunders(contract.ArsRegion is { } region ? [region] : cpts.RegionCodes,
            contract.CpamDepartement is { } departement ? [departement] : cpts.DepartementCodes);
    }

    /// <summary>The funders named for a new contract (<see cref="Check"/>).</summary>
    public static ContractFunders Named(string? arsRegion, string? cpamDepartement) =>
        new(arsRegion is null ? [] : [arsRegion], cpamDepartement is null ? [] : [cpamDepartement]);

    /// <summary>Whether the actor decides for them: an admin, or an officer whose région is the ARS's or whose département is the CPAM's.</summary>
    public bool Decide(Actor actor) => Tenant.SteersTerritory(actor, Departements, Regions);

    /// <summary>« l'ARS de la région Bretagne et la CPAM du département Ille-et-Vilaine (35) ».</summary>
    public string Describe(GeoCatalog geo)
    {
        ArgumentNullException.ThrowIfNull(geo);
        return $"l'ARS de la région {Or(Regions.Select(r => RegionName(geo, r)))} et la CPAM du département "
            + Or(Departements.Select(d => $"{DepartementName(geo, d)} ({d})"));
    }

    /// <summary>
    /// The ARS région and the CPAM département given for a new contract, checked against the CPTS's territory: each is one of the territory's
    /// (the officers who sign are those of the territory); left out, it is the territory's only one, and required when the territory has
    /// several (a refusal that lists them by name).
    /// </summary>
    public static (string? Region, string? Departement, List<Error> Errors) Check(string? arsRegion, string? cpamDepartement, CptsInfo cpts, GeoCatalog geo)
    {
        ArgumentNullException.ThrowIfNull(cpts);
        ArgumentNullException.ThrowIfNull(geo);
        var errors = new List<Error>();
        var region = Pick(arsRegion, cpts.RegionCodes, "arsRegion", ("la région de l'ARS", "régions", "une région"), c => RegionName(geo, c), errors);
        var departement = Pick(cpamDepartement, cpts.DepartementCodes, "cpamDepartement", ("le département de la CPAM", "départements", "un département"),
            c => DepartementName(geo, c), errors);
        return (region, departement, errors);
    }

    public static string RegionName(GeoCatalog geo, string code)
    {
        ArgumentNullException.ThrowIfNull(geo);
        return geo.Regions.TryGetValue(code, out var region) ? region.Name : code;
    }

    public static string DepartementName(GeoCatalog geo, string code)
    {
        ArgumentNullException.ThrowIfNull(geo);
        return geo.Departements.TryGetValue(code, out var departement) ? departement.Name : code;
    }

    private static string? Pick(string? given, IReadOnlyList<string> territory, string field, (string Which, string Plural, string One) words,
        Func<string, string> name, List<Error> errors)
    {
        var listed = string.Join(", ", territory.Order(StringComparer.Ordinal).Select(c => $"{name(c)} ({c})"));
        if (string.IsNullOrWhiteSpace(given))
        {
            if (territory.Count > 1)
            {
                errors.Add(new Error($"{field}_required",
                    $"Le territoire de la CPTS s'étend sur plusieurs {words.Plural} ({listed}) : indiquez {words.Which} signataire.", field));
            }

            return territory.Count == 1 ? territory[0] : null;
        }

        var code = given.Trim().ToUpperInvariant();
        if (!territory.Contains(code))
        {
            errors.Add(new Error($"{field}_outside",
                $"{char.ToUpperInvariant(words.Which[0])}{words.Which[1..]} signataire doit être {words.One} du territoire de la CPTS : {listed}.", field));
        }

        return code;
    }

    private static string Or(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count <= 1 ? string.Concat(all) : string.Join(", ", all.Take(all.Count - 1)) + " ou " + all[^1];
    }
}
