using Maillage.Association.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Membership.Published;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Association.Published;

/// <summary>
/// What an actor may do in the association life and the indemnities of one CPTS, decided once per request by <see cref="AssociationStanding"/>
/// for pages, API and CLI.
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

/// <summary>
/// The standing of an actor in the association of a CPTS — the seats its adhérent holds on the CPTS's « today » — and the offices other
/// modules ask about (the treasurer enters the funding values; the officers' cap of indemnities).
/// </summary>
public sealed class AssociationStanding(MaillageDbContext db, MemberRoll members)
{
    // Scoped: a home asks for the rights from several modules' sources with the same tenant (five times for the treasurer's, two queries
    // each: WorkspaceBenchmarks); they are read once per resolved tenant, which a request resolves afresh when it needs the rights again.
    private readonly Dictionary<Tenant, CommunityRights> decided = new(ReferenceEqualityComparer.Instance);

    /// <summary>Bureau seats and treasurer mandates are read on the tenant's today; an account linked to a member of another CPTS gets nothing
    /// from that link. Read once per <paramref name="tenant"/> (the object <see cref="Tenancy"/> resolved).</summary>
    public async Task<CommunityRights> RightsAsync(Tenant tenant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (decided.TryGetValue(tenant, out var known))
        {
            return known;
        }

        Guid? memberId = null;
        var (bureau, treasurer) = (false, false);
        if (tenant.ClaimedMemberId is { } linked && await members.BelongsAsync(tenant.Id, linked, ct))
        {
            memberId = linked;
            var today = tenant.Today;
            var seats = await (from m in db.Mandates()
                               join b in db.Bodies() on m.BodyId equals b.Id
                               where m.MemberId == linked && m.CptsId == tenant.Id && m.From <= today && (m.To == null || m.To >= today)
                               select new { b.Kind, m.Office }).ToListAsync(ct);
            bureau = seats.Any(s => s.Kind == BodyKind.Bureau);
            treasurer = seats.Any(s => s.Office == Office.Treasurer);
        }

        var read = tenant.Manages || tenant.Belongs;
        var rights = new CommunityRights(
            Read: read,
            Run: tenant.Manages || bureau,
            Pay: tenant.Actor.Role == Role.Admin || treasurer,
            Aggregates: read || tenant.Actor.IsOfficer,
            MemberId: memberId);
        decided[tenant] = rights;
        return rights;
    }

    /// <summary>Whether a member holds a bureau office (président, vice-président, trésorier, secrétaire) on a day: the officers' cap applies.</summary>
    public Task<bool> HoldsBureauOfficeAsync(Guid cptsId, Guid memberId, DateOnly day, CancellationToken ct = default) =>
        (from m in db.Mandates()
         join b in db.Bodies() on m.BodyId equals b.Id
         where m.CptsId == cptsId && m.MemberId == memberId && b.Kind == BodyKind.Bureau && m.Office != Office.Member
             && m.From <= day && (m.To == null || m.To >= day)
         select m.Id).AnyAsync(ct);
}
