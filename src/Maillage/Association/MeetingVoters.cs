using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership;
using Maillage.Membership.Storage;
using Maillage.Association.Storage;
using Maillage.Directory.Storage;

namespace Maillage.Association;

/// <summary>A voter of a meeting and the name the CPTS knows it by (a professional « NOM Prénom », or a structure).</summary>
public sealed record Voter(Guid MemberId, string Name);

/// <summary>
/// Who votes in a meeting, on the day it is held (in France): for an AG every member — person or structure, one vote each — whose
/// status on that day is adhérent or adhérent actif (from the dated status history); for a conseil or a bureau the members holding
/// a mandate of that body on that day.
/// </summary>
public static class MeetingVoters
{
    public static async Task<IReadOnlyList<Guid>> IdsAsync(MaillageDbContext db, Meeting meeting, Body body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(body);
        var day = MeetingInputs.Day(meeting.StartsAt);
        if (body.Kind == BodyKind.GeneralAssembly)
        {
            var members = await db.Members().AsNoTracking().Include(m => m.Periods).Where(m => m.CptsId == meeting.CptsId).ToListAsync(ct);
            return [.. members.Where(m => ComputeMembershipHistory.StatusAt(m.Periods, day) is MembershipStatus.Member or MembershipStatus.Active)
                .Select(m => m.Id)];
        }

        return await db.Mandates().AsNoTracking()
            .Where(x => x.BodyId == body.Id && x.CptsId == meeting.CptsId && x.From <= day && (x.To == null || x.To >= day))
            .Select(x => x.MemberId).Distinct().ToListAsync(ct);
    }

    /// <summary>The voters with their names, sorted by name.</summary>
    public static async Task<IReadOnlyList<Voter>> NamedAsync(MaillageDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await db.Members().AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.ProfessionalId, m.StructureId }).ToListAsync(ct);
        var professionalIds = members.Select(m => m.ProfessionalId).OfType<Guid>().ToList();
        var structureIds = members.Select(m => m.StructureId).OfType<Guid>().ToList();
        var people = await db.Professionals().AsNoTracking().Where(p => professionalIds.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName }).ToDictionaryAsync(p => p.Id, ct);
        var structures = await db.Structures().AsNoTracking().Where(s => structureIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, ct);
        return [.. members.Select(m => new Voter(m.Id, m.ProfessionalId is { } p && people.TryGetValue(p, out var person)
                ? $"{person.LastName} {person.FirstName}"
                : m.StructureId is { } s && structures.TryGetValue(s, out var structure) ? structure.Name : "—"))
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
