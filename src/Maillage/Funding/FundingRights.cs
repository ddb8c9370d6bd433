namespace Maillage.Funding;

/// <summary>
/// Who does what with a CPTS's funding (issue 4): whoever may read the CPTS reads its contract, indicators, reviews, schedule and budget;
/// the coordinator and the treasurer of the CPTS (and an admin) enter values, justifications, the review record and the budget; the
/// officer of the territory (CPAM/ARS) or an admin records what the funders decide (contract, crises, decisions, payments). Decided once
/// per request by <see cref="FundingAccess.RightsAsync"/>.
/// </summary>
public sealed record FundingRights(bool Read, bool EditValues, bool Decide)
{
    public static FundingRights None { get; } = new(false, false, false);
}
