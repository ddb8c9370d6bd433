using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;
using Maillage.Membership.Published;

namespace Maillage.Association;

/// <summary>A voter of a meeting and the name the CPTS knows it by (a professional « NOM Prénom », or a structure).</summary>
public sealed record Voter(Guid MemberId, string Name);

/// <summary>
/// Who votes in a meeting, on the day it is held (in France): for an AG every member — person or structure, one vote each — whose
/// status on that day is adhérent or adhérent actif (from the dated status history); for a conseil or a bureau the members holding
/// a mandate of that body on that day.
/// </summary>
public sealed class MeetingVoters(MaillageDbContext db, MemberRoll roll)
{
    /// <summary>The voters of the meeting held on <paramref name="day"/> (the CPTS's local date of its start).</summary>
    public async Task<IReadOnlyList<Guid>> IdsAsync(Meeting meeting, Body body, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(body);
        if (body.Kind == BodyKind.GeneralAssembly)
        {
            return await roll.MembersOnAsync(meeting.CptsId, day, ct);
        }

        return await db.Mandates().AsNoTracking()
            .Where(x => x.BodyId == body.Id && x.CptsId == meeting.CptsId && x.From <= day && (x.To == null || x.To >= day))
            .Select(x => x.MemberId).Distinct().ToListAsync(ct);
    }

    /// <summary>The voters with their names, sorted by name.</summary>
    public async Task<IReadOnlyList<Voter>> NamedAsync(Guid cptsId, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var members = await roll.ByIdsAsync(cptsId, ids, ct);
        return [.. ids.Distinct().Select(id => new Voter(id, members.TryGetValue(id, out var m) ? m.Name : "—"))
            .OrderBy(v => v.Name, StringComparer.Create(Platform.French.Culture, true))];
    }

    /// <summary>The quorum of a meeting: attendance of its current voters only.</summary>
    public static QuorumCount Quorum(Meeting meeting, Body body, IReadOnlyCollection<Guid> voters)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(body);
        var counted = meeting.Attendances.Where(a => voters.Contains(a.MemberId)).ToList();
        return QuorumCount.Of(voters.Count, counted.Count(a => a.Presence == Presence.Present), counted.Count(a => a.Presence == Presence.Represented),
            body.QuorumPercent);
    }
}
