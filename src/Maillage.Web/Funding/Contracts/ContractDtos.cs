using Maillage.Funding;
using Maillage.Funding.Contracts;
using Maillage.Territories.Published;

namespace Maillage.Web.Funding.Contracts;

/// <summary>The JSON documents of <c>/api/cpts/{id}/contract</c>.</summary>
public static class ContractDtos
{
    /// <summary>
    /// A contract to record; <c>arsRegion</c> (INSEE code of the région of the signing ARS) and <c>cpamDepartement</c> (of the signing CPAM)
    /// are required when the territory has several, and decide who records what the funders decide afterwards.
    /// </summary>
    public sealed record ContractRequest(string? RuleSet, DateOnly? SignedOn, string? ArsSignatory, string? CpamSignatory,
        IReadOnlyList<string>? Missions, int? CrisisPlanYear, string? Summary, decimal? FixedAdvanceShare = null, string? VariableRule = null,
        decimal? VariableFloor = null, int? BalanceMonths = null, string? ArsRegion = null, string? CpamDepartement = null)
    {
        public ContractDraft ToDraft() => new(RuleSet, SignedOn, ArsSignatory, CpamSignatory, Missions, CrisisPlanYear, Summary, ArsRegion, CpamDepartement);

        /// <summary>The payment parameters given (each missing one takes its default).</summary>
        public ParametersDraft Parameters() => new(FixedAdvanceShare, VariableRule, VariableFloor, BalanceMonths);
    }

    /// <summary>The payment parameters of <c>PUT …/contract/parameters</c>: all required (the floor only with the threshold rule), with the version read.</summary>
    public sealed record ParametersRequest(decimal? FixedAdvanceShare, string? VariableRule, decimal? VariableFloor, int? BalanceMonths, int? Version)
    {
        public ParametersDraft ToDraft() => new(FixedAdvanceShare, VariableRule, VariableFloor, BalanceMonths);
    }

    /// <summary>An edit of the contract; <c>arsRegion</c> and <c>cpamDepartement</c> left out stay as they are.</summary>
    public sealed record EditRequest(string? ArsSignatory, string? CpamSignatory, string? Summary, int? Version, string? ArsRegion = null,
        string? CpamDepartement = null);

    public sealed record AmendmentRequest(DateOnly? EffectiveOn, IReadOnlyList<string>? AddedMissions, IReadOnlyList<string>? RemovedMissions,
        int? Tier, string? TierReason, string? Summary, int? Version);

    /// <summary>The signing authorities of the ARS and the CPAM (the CPTS is the third party).</summary>
    public sealed record Signatories(string Ars, string Cpam);

    /// <summary>
    /// The ARS (its région) and the CPAM (its département) that signed, whose officers decide for the funders; null on a contract recorded
    /// before they were asked for, when every officer of the territory decides.
    /// </summary>
    public sealed record Funders(string? ArsRegion, string? ArsRegionName, string? CpamDepartement, string? CpamDepartementName);

    public sealed record Amendment(int Number, DateOnly EffectiveOn, IReadOnlyList<string> AddedMissions, IReadOnlyList<string> RemovedMissions,
        int? Tier, string? TierReason, string Summary, string RecordedBy, DateTimeOffset RecordedAt);

    public sealed record Contract(Guid Id, Guid CptsId, int Number, string RuleSet, DateOnly SignedOn, DateOnly EndsOn, int TierAtSignature,
        Signatories Signatories, Funders Funders, IReadOnlyList<string> Missions, int CrisisPlanYear, string? Summary, string RecordedBy, DateTimeOffset RecordedAt,
        IReadOnlyList<Amendment> Amendments, decimal FixedAdvanceShare, string VariableRule, decimal? VariableFloor, int BalanceMonths, int Version);

    public sealed record Terms(DateOnly Date, string RuleSet, int Tier, IReadOnlyList<string> Missions, int AmendmentsApplied, string CrisisPlan,
        AciSimulationDocument Simulation);

    public static Contract From(AciContract c, GeoCatalog geo)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(geo);
        var funders = new Funders(c.ArsRegion, c.ArsRegion is { } r ? ContractFunders.RegionName(geo, r) : null,
            c.CpamDepartement, c.CpamDepartement is { } d ? ContractFunders.DepartementName(geo, d) : null);
        return new Contract(c.Id, c.CptsId, c.Number, c.RuleSetId, c.SignedOn, c.EndsOn, c.TierAtSignature, new Signatories(c.ArsSignatory, c.CpamSignatory),
            funders, c.MissionIds, c.CrisisPlanYear, c.Summary, c.RecordedBy, c.RecordedAt,
            [.. c.Amendments.OrderBy(a => a.Number).Select(a =>
                new Amendment(a.Number, a.EffectiveOn, a.Added, a.Removed, a.Tier, a.TierReason, a.Summary, a.RecordedBy, a.RecordedAt))],
            c.FixedAdvanceShare, ContractParameters.Id(c.VariableRule), c.VariableFloor, c.BalanceMonths, c.Version);
    }

    public static Terms From(ContractTermsView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new Terms(view.Terms.Date, view.Simulation.RuleSet.Id, view.Terms.Tier, view.Terms.Missions, view.Terms.AmendmentsApplied,
            AciInput.Id(view.Simulation.CrisisPlan), view.Simulation.ToDocument());
    }
}
