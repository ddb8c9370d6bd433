namespace Maillage.Lifecycle.Published;

/// <summary>
/// A CPTS as every module may know it: its identity, stage, perimeter (population, tier, départements, régions) and the time zone of its
/// territory. Its history, letter and territory units stay in the Lifecycle module.
/// </summary>
public sealed record CptsInfo(
    Guid Id,
    string Name,
    Stage Stage,
    long Population,
    int Tier,
    string TierRuleSet,
    IReadOnlyList<string> DepartementCodes,
    IReadOnlyList<string> RegionCodes,
    string? Rna,
    string? Siret,
    string? ContactEmail,
    string? ContactPhone,
    TimeZoneInfo TimeZone,
    string? Finess = null)
{
    public override string ToString() => $"CPTS {Id}";
}
