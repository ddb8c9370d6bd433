using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>A meeting in the list of a CPTS's meetings.</summary>
public sealed record MeetingSummary(Guid Id, BodyKind Body, string Title, bool Extraordinary, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string Location, MeetingStatus Status, int Version);

/// <summary>The meetings of a CPTS, by start, and whether the reader runs them.</summary>
public sealed record MeetingList(Guid CptsId, string CptsName, bool CanRun, DateTimeOffset Now, IReadOnlyList<MeetingSummary> Meetings);

/// <summary>A voter of a meeting with its attendance (null while not recorded) and the proxies it holds.</summary>
public sealed record VoterAttendance(Guid MemberId, string Name, Presence? Presence, Guid? ProxyHolderId, int ProxiesHeld);

/// <summary>
/// A meeting as its page shows it: the meeting (agenda and motions in order), its body and statutory parameters, the voters with
/// their attendance, the quorum, the decisions it produced, and the earliest day a convocation sent today allows.
/// </summary>
public sealed record MeetingDetail(Guid CptsId, string CptsName, bool CanRun, Meeting Meeting, Body Body, IReadOnlyList<VoterAttendance> Voters,
    QuorumCount Quorum, IReadOnlyList<Decision> Decisions, DateOnly EarliestDay)
{
    public DateOnly Day => MeetingInputs.Day(Meeting.StartsAt);

    /// <summary>Whether a vote is already recorded (attendance is then frozen).</summary>
    public bool Voted => Meeting.Motions.Any(m => m.Result is not null);
}

/// <summary>The meetings of a CPTS: its members and managers read them (<see cref="CommunityRights.Read"/>), officers do not.</summary>
public sealed class ReadMeetings(MaillageDbContext db, TimeProvider clock)
{
    public async Task<Result<MeetingList>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await ReadableAsync(db, cptsId, actor, clock, ct);
        if (!found.Succeeded)
        {
            return Result<MeetingList>.Fail(found.Errors);
        }

        var (cpts, rights) = found.Value;
        var rows = await (from m in db.Meetings().AsNoTracking()
                          join b in db.Bodies() on m.BodyId equals b.Id
                          where m.CptsId == cptsId
                          orderby m.StartsAt
                          select new MeetingSummary(m.Id, b.Kind, m.Title, m.Extraordinary, m.StartsAt, m.EndsAt, m.Location, m.Status, m.Version))
            .ToListAsync(ct);
        return Result<MeetingList>.Ok(new MeetingList(cpts.Id, cpts.Name, rights.Run, clock.GetUtcNow(), rows));
    }

    /// <summary>The CPTS and the reader's rights, refused (403) to those without <c>Read</c>.</summary>
    internal static async Task<Result<(Lifecycle.Cpts Cpts, CommunityRights Rights)>> ReadableAsync(MaillageDbContext db, Guid cptsId, Actor actor,
        TimeProvider clock, CancellationToken ct)
    {
        var found = await MeetingChanges.CptsAsync(db, cptsId, actor, Maillage.Lifecycle.CreateCpts.Today(clock), ct);
        return !found.Succeeded || found.Value.Rights.Read ? found : Error.Forbidden();
    }
}

/// <summary>One meeting with its voters, attendance, quorum, motions and decisions (<see cref="CommunityRights.Read"/>).</summary>
public sealed class ReadMeeting(MaillageDbContext db, TimeProvider clock)
{
    public async Task<Result<MeetingDetail>> RunAsync(Guid cptsId, Guid meetingId, Actor actor, CancellationToken ct = default)
    {
        var found = await ReadMeetings.ReadableAsync(db, cptsId, actor, clock, ct);
        if (!found.Succeeded)
        {
            return Result<MeetingDetail>.Fail(found.Errors);
        }

        var (cpts, rights) = found.Value;
        var meeting = await db.Meetings().AsNoTracking().Include(m => m.Agenda).Include(m => m.Attendances).Include(m => m.Motions).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId && m.CptsId == cptsId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Réunion");
        }

        meeting.Agenda.Sort((a, b) => a.Position.CompareTo(b.Position));
        meeting.Motions.Sort((a, b) => a.Position.CompareTo(b.Position));
        var body = await db.Bodies().AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, ct);
        var ids = await MeetingVoters.IdsAsync(db, meeting, body, ct);
        var attendance = meeting.Attendances.ToDictionary(a => a.MemberId);
        var voters = (await MeetingVoters.NamedAsync(db, ids, ct)).Select(v =>
        {
            var row = attendance.GetValueOrDefault(v.MemberId);
            var held = meeting.Attendances.Count(a => a.Presence == Presence.Represented && a.ProxyHolderId == v.MemberId && ids.Contains(a.MemberId));
            return new VoterAttendance(v.MemberId, v.Name, row?.Presence, row?.ProxyHolderId, held);
        }).ToList();
        var decisions = await db.Decisions().AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.Sequence).ToListAsync(ct);
        return Result<MeetingDetail>.Ok(new MeetingDetail(cpts.Id, cpts.Name, rights.Run, meeting, body, voters,
            MeetingVoters.Quorum(meeting, body, ids), decisions, ConveneRules.Earliest(Maillage.Lifecycle.CreateCpts.Today(clock), body.NoticeDays)));
    }
}

/// <summary>The invitation (iCalendar) of a convened, held, closed or cancelled meeting, for its readers.</summary>
public sealed class MeetingInvitation(MaillageDbContext db, TimeProvider clock)
{
    public async Task<Result<string>> RunAsync(Guid cptsId, Guid meetingId, Actor actor, CancellationToken ct = default)
    {
        var found = await ReadMeetings.ReadableAsync(db, cptsId, actor, clock, ct);
        if (!found.Succeeded)
        {
            return Result<string>.Fail(found.Errors);
        }

        var meeting = await db.Meetings().AsNoTracking().Include(m => m.Agenda).FirstOrDefaultAsync(m => m.Id == meetingId && m.CptsId == cptsId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Réunion");
        }

        if (meeting.Status == MeetingStatus.Draft)
        {
            return new Error("not_convened", "La réunion n'est pas encore convoquée : son invitation n'existe pas encore.", null, ErrorKind.Conflict);
        }

        var kind = await db.Bodies().Where(b => b.Id == meeting.BodyId).Select(b => b.Kind).FirstAsync(ct);
        var cpts = found.Value.Cpts;
        return Result<string>.Ok(IcalendarInvitation.Write(meeting, kind, cpts.Id, cpts.Name, cpts.ContactEmail, clock.GetUtcNow()));
    }
}
