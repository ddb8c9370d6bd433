using Maillage.Association;
using Maillage.Lifecycle;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding;

/// <summary>
/// Who does what with a CPTS's funding (issue 4): whoever may read the CPTS reads its contract, indicators, reviews, schedule and budget;
/// the coordinator and the treasurer of the CPTS (and an admin) enter values, justifications, the review record and the budget; the
/// officer of the territory (CPAM/ARS) or an admin records what the funders decide (contract, crises, decisions, payments).
/// </summary>
public sealed record FundingRights(bool Read, bool EditValues, bool Decide)
{
    public static FundingRights None { get; } = new(false, false, false);

    /// <summary>The treasurer is the member linked to the account holding the treasurer's mandate on <paramref name="today"/>.</summary>
    public static async Task<FundingRights> ResolveAsync(MaillageDbContext db, Actor actor, Cpts cpts, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(cpts);
        if (!actor.CanRead(cpts))
        {
            return None;
        }

        var edit = actor.CanManage(cpts) || (actor.Role == Role.Member && (await AssociationRights.ResolveAsync(db, actor, cpts, today, ct)).Pay);
        return new FundingRights(true, edit, actor.CanOverride(cpts));
    }
}
