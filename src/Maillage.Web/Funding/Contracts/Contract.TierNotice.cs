using Maillage.Funding.Contracts;

namespace Maillage.Web.Funding.Contracts;

/// <summary>
/// The contract page's note on a tier drop: the CPTS's stored tier follows its population, the contract keeps its tier until an amendment
/// lowers it after the notice of its rule set (<see cref="TierDropNotice"/>).
/// </summary>
public sealed partial class ContractModel
{
    /// <summary>The line shown under the terms when the population now gives a lower tier than the contract's; <c>null</c> otherwise.</summary>
    public string? TierNoticeLine => Contract is { } contract && Cpts is { } cpts
        ? TierDropNotice.For(RuleSets.Find(contract.RuleSetId), Today).PopulationLine(contract, cpts.Tier)
        : null;
}
