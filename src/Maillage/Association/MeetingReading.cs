using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>A meeting in the list of a CPTS's meetings.</summary>
public sealed record MeetingSummary(Guid Id, BodyKind Body, string Title, bool Extraordinary, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Location, MeetingStatus Status, int Version);

/// <summary>The meetings of a CPTS, by start, whether the reader runs them, and the CPTS's clock (times are shown in its zone).</summary>
public sealed record MeetingList(Guid CptsId, string CptsName, bool CanRun, LocalClock Clock, IReadOnlyList<MeetingSummary> Meetings)
{
    public DateTimeOffset Now => Clock.UtcNow;
}

/// <summary>A voter of a meeting with its attendance (null while not recorded) and the proxies it holds.</summary>
public sealed record VoterAttendance(Guid MemberId, string Name, Presence? Presence, Guid? ProxyHolderId, int ProxiesHeld);

/// <summary>
/// A meeting as its page shows it: the meeting (agenda and motions in order), its body and statutory parameters, the voters with
/// their attendance, the quorum, the decisions it produced, and the earliest day a convocation sent today allows.
/// </summary>
public sealed record MeetingDetail(Guid CptsId, string CptsName, bool CanRun, Meeting Meeting, Body Body, IReadOnlyList<VoterAttendance> Voters,
    QuorumCount Quorum, IReadOnlyList<Decision> Decisions, DateOnly EarliestDay, LocalClock Clock)
{
    /// <summary>The day the meeting is held on, in the CPTS's local time.</summary>
    public DateOnly Day => Clock.DateOf(Meeting.StartsAt);

    /// <summary>Whether a vote is already recorded (attendance is then frozen).</summary>
    public bool Voted => Meeting.Motions.Any(m => m.Result is not null);
}

/// <summary>The meetings of a CPTS: its members and managers read them (<see cref="Published.CommunityRights.Read"/>), officers do not.</summary>
public sealed class ReadMeetings(MaillageDbContext db, AssociationAccess access)
{
    public async Task<Result<MeetingList>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ReadAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<MeetingList>.Fail(found.Errors);
        }

        var (cpts, rights, _) = found.Value!;
        var rows = await (from m in db.Meetings().AsNoTracking()
                          join b in db.Bodies() on m.BodyId equals b.Id
                          orderby m.StartsAt
                          select new MeetingSummary(m.Id, b.Kind, m.Title, m.Extraordinary, m.StartsAt, m.EndsAt, m.Location, m.Status, m.Version))
            .ToListAsync(ct);
        return Result<MeetingList>.Ok(new MeetingList(cpts.Id, cpts.Name, rights.Run, found.Value!.Tenant.Clock, rows));
    }
}

/// <summary>One meeting with its voters, attendance, quorum, motions and decisions (<see cref="Published.CommunityRights.Read"/>).</summary>
public sealed class ReadMeeting(MaillageDbContext db, AssociationAccess access, MeetingVoters meetingVoters)
{
    public async Task<Result<MeetingDetail>> RunAsync(Guid cptsId, Guid meetingId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ReadAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<MeetingDetail>.Fail(found.Errors);
        }

        var (cpts, rights, today) = found.Value!;
        var clock = found.Value!.Tenant.Clock;
        var meeting = await db.Meetings().AsNoTracking().Include(m => m.Agenda).Include(m => m.Attendances).Include(m => m.Motions).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Réunion");
        }

        meeting.Agenda.Sort((a, b) => a.Position.CompareTo(b.Position));
        meeting.Motions.Sort((a, b) => a.Position.CompareTo(b.Position));
        var body = await db.Bodies().AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, ct);
        var ids = await meetingVoters.IdsAsync(meeting, body, clock.DateOf(meeting.StartsAt), ct);
        var attendance = meeting.Attendances.ToDictionary(a => a.MemberId);
        var voters = (await meetingVoters.NamedAsync(cptsId, ids, ct)).Select(v =>
        {
            var row = attendance.GetValueOrDefault(v.MemberId);
            var held = meeting.Attendances.Count(a => a.Presence == Presence.Represented && a.ProxyHolderId == v.MemberId && ids.Contains(a.MemberId));
            return new VoterAttendance(v.MemberId, v.Name, row?.Presence, row?.ProxyHolderId, held);
        }).ToList();
        var decisions = await db.Decisions().AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.Sequence).ToListAsync(ct);
        return Result<MeetingDetail>.Ok(new MeetingDetail(cpts.Id, cpts.Name, rights.Run, meeting, body, voters,
            MeetingVoters.Quorum(meeting, body, ids), decisions, ConveneRules.Earliest(today, body.NoticeDays), clock));
    }
}

/// <summary>The invitation (iCalendar) of a convened, held, closed or cancelled meeting, for its readers.</summary>
public sealed class MeetingInvitation(MaillageDbContext db, AssociationAccess access)
{
    public async Task<Result<string>> RunAsync(Guid cptsId, Guid meetingId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ReadAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<string>.Fail(found.Errors);
        }

        var meeting = await db.Meetings().AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Réunion");
        }

        if (meeting.Status == MeetingStatus.Draft)
        {
            return new Error("not_convened", "La réunion n'est pas encore convoquée : son invitation n'existe pas encore.", null, ErrorKind.Conflict);
        }

        var kind = await db.Bodies().Where(b => b.Id == meeting.BodyId).Select(b => b.Kind).FirstAsync(ct);
        return Result<string>.Ok(IcalendarInvitation.Write(meeting, kind, found.Value!.Cpts, found.Value.Tenant.Clock));
    }
}
