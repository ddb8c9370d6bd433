using Maillage.Platform.Errors;

namespace Maillage.Funding;

/// <summary>
/// Who does what with a CPTS's funding (issues 4 and 11): whoever may read the CPTS reads its contract, indicators, reviews, schedule and
/// budget; the coordinator and the treasurer of the CPTS (and an admin) enter values, justifications, the review record and the budget;
/// the officers of the ARS and the CPAM recorded on the contract (or an admin) record what the funders decide (contract, amendments,
/// crises, decisions, payments) — before any contract, the officers of the territory. Decided once per request by
/// <see cref="FundingAccess.RightsAsync"/>.
/// </summary>
/// <param name="WhoDecides">
/// For an officer of the territory who did not sign the contract (and so reads only): who decides, in French, shown on the pages and given
/// with the 403 of a refused change; null otherwise.
/// </param>
public sealed record FundingRights(bool Read, bool EditValues, bool Decide, string? WhoDecides = null)
{
    public static FundingRights None { get; } = new(false, false, false);

    /// <summary>The refusal of a change the funders decide: a 403 saying who decides, when it is known.</summary>
    public Error DecideRefusal() => WhoDecides is { } who ? new Error("not_a_signatory", who, null, ErrorKind.Forbidden) : Error.Forbidden();
}
