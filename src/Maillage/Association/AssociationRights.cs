using Maillage.Lifecycle;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>
/// What an actor may do in the association life and indemnities of one CPTS, resolved once per request by
/// <see cref="AssociationRights.ResolveAsync"/> — the one place where it is decided, for pages, API and CLI.
/// </summary>
/// <param name="Read">Sees bodies, mandates, meetings, decisions, proposals (members of the CPTS, its managers).</param>
/// <param name="Run">Manages bodies, mandates, working groups, meetings, votes and minutes; moves proposals; validates time:
/// the coordinator, an admin, or a member holding a current seat in the bureau.</param>
/// <param name="Pay">Runs payment batches: the treasurer (current mandate) or an admin — not the coordinator who validates.</param>
/// <param name="Aggregates">Sees totals without names (ARS/CPAM officers steering the CPTS).</param>
/// <param name="MemberId">The adhérent the actor speaks for, when the account is linked to one of this CPTS: declares its own
/// time, proposes actions.</param>
public sealed record CommunityRights(bool Read, bool Run, bool Pay, bool Aggregates, Guid? MemberId)
{
    public static CommunityRights None { get; } = new(false, false, false, false, null);

    /// <summary>Whether the actor may act as this member (declare its time, withdraw its proposal).</summary>
    public bool ActsFor(Guid memberId) => MemberId == memberId;
}

public static class AssociationRights
{
    /// <summary>Bureau seats and treasurer mandates are read on <paramref name="today"/>; an account linked to a member of another
    /// CPTS gets nothing from that link.</summary>
    public static async Task<CommunityRights> ResolveAsync(MaillageDbContext db, Actor actor, Cpts cpts, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(cpts);
        if (!actor.CanRead(cpts))
        {
            return CommunityRights.None;
        }

        var manages = actor.CanManage(cpts);
        var ownCpts = actor.CptsId == cpts.Id && actor.Role is Role.Member or Role.Coordinator;
        Guid? memberId = null;
        var bureau = false;
        var treasurer = false;
        if (ownCpts && actor.MemberId is { } linked && await db.Members().AnyAsync(m => m.Id == linked && m.CptsId == cpts.Id, ct))
        {
            memberId = linked;
            var seats = await (from m in db.Mandates()
                               join b in db.Bodies() on m.BodyId equals b.Id
                               where m.MemberId == linked && m.CptsId == cpts.Id && m.From <= today && (m.To == null || m.To >= today)
                               select new { b.Kind, m.Office }).ToListAsync(ct);
            bureau = seats.Any(s => s.Kind == BodyKind.Bureau);
            treasurer = seats.Any(s => s.Office == Office.Treasurer);
        }

        var read = manages || ownCpts;
        return new CommunityRights(
            Read: read,
            Run: manages || bureau,
            Pay: actor.Role == Role.Admin || treasurer,
            Aggregates: read || actor.IsOfficer,
            MemberId: memberId);
    }
}
