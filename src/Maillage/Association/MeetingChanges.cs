using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Time;

namespace Maillage.Association;

/// <summary>What a change to a meeting works on: the CPTS and its clock, the meeting with its agenda, attendance and motions, its body.</summary>
public sealed record MeetingScope(Tenant Tenant, Meeting Meeting, Body Body)
{
    public CptsInfo Cpts => Tenant.Cpts;

    public LocalClock Clock => Tenant.Clock;

    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Clock.Today;

    public DateTimeOffset Now => Clock.UtcNow;

    /// <summary>The day the meeting is held on, in the CPTS's local time.</summary>
    public DateOnly Day => Clock.DateOf(Meeting.StartsAt);

    /// <summary>Refuses the change unless the meeting is in one of these statuses.</summary>
    public Error? Requires(string what, params MeetingStatus[] statuses) => statuses.Contains(Meeting.Status)
        ? null
        : new Error("wrong_status", $"{what} : impossible quand la réunion est « {MeetingLabels.Label(Meeting.Status)} ».", null, ErrorKind.Conflict);

    /// <summary>A change the convened voters must see: the invitation's SEQUENCE goes up (nothing is sent before convocation).</summary>
    public void Touch()
    {
        if (Meeting.Status == MeetingStatus.Convened)
        {
            Meeting.Sequence++;
        }
    }
}

/// <summary>The line the audit trail gets for a change (ids, never names).</summary>
public sealed record MeetingChange(string Action, string Details)
{
    public static Result<MeetingChange> Ok(string action, string details) => Result<MeetingChange>.Ok(new MeetingChange(action, details));
}

/// <summary>
/// The one path of every change to an existing meeting: the CPTS must be readable (404), the actor must run its association
/// (<see cref="Published.CommunityRights.Run"/>, 403), the meeting must be the CPTS's (404), the version the user saw must be current (409),
/// and a closed or cancelled meeting changes no more (409). The change, its audit line and the new version are saved together;
/// a concurrent save is a 409, and a decision number taken at the same moment is retried.
/// </summary>
public sealed class MeetingChanges(MaillageDbContext db, AssociationAccess access, AuditTrail audit)
{
    private const int Attempts = 3;

    /// <summary>A decision number taken at the same moment by another save: the change is tried again with the next one.</summary>
    private static readonly Error NumberTaken = new("taken", "Un autre enregistrement a eu lieu au même moment : recommencez.", null, ErrorKind.Conflict);

    public MaillageDbContext Db => db;

    public Task<Result<Meeting>> ApplyAsync(Guid cptsId, Guid meetingId, int? version, Actor actor, Func<MeetingScope, Result<MeetingChange>> change,
        CancellationToken ct) => ApplyAsync(cptsId, meetingId, version, actor, scope => Task.FromResult(change(scope)), ct);

    public async Task<Result<Meeting>> ApplyAsync(Guid cptsId, Guid meetingId, int? version, Actor actor,
        Func<MeetingScope, Task<Result<MeetingChange>>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await LoadAsync(cptsId, meetingId, version, actor, ct);
            if (!loaded.Succeeded)
            {
                return Result<Meeting>.Fail(loaded.Errors);
            }

            var scope = loaded.Value!;
            var done = await change(scope);
            if (!done.Succeeded)
            {
                db.ChangeTracker.Clear();
                return Result<Meeting>.Fail(done.Errors);
            }

            db.Entry(scope.Meeting).State = EntityState.Modified;
            db.Entry(scope.Meeting).Property(m => m.Version).OriginalValue = version!.Value;
            audit.Record(actor, cptsId, done.Value!.Action, done.Value.Details);
            var refused = await db.SaveOrConflictAsync(ct, taken: NumberTaken);
            if (refused is null)
            {
                return Result<Meeting>.Ok(scope.Meeting);
            }

            if (!ReferenceEquals(refused, NumberTaken) || attempt >= Attempts)
            {
                return refused;
            }
        }
    }

    private async Task<Result<MeetingScope>> LoadAsync(Guid cptsId, Guid meetingId, int? version, Actor actor, CancellationToken ct)
    {
        var found = await access.RunAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<MeetingScope>.Fail(found.Errors);
        }

        var meeting = await db.Meetings().Include(m => m.Agenda).Include(m => m.Attendances).Include(m => m.Motions).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Error.NotFound("Réunion");
        }

        if (version is not { } seen)
        {
            return new Error("version_required", "La version de la réunion est requise (celle que vous avez lue).", "version");
        }

        if (seen != meeting.Version)
        {
            return Error.Stale();
        }

        if (meeting.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            return new Error(meeting.Status == MeetingStatus.Closed ? "closed" : "cancelled", meeting.Status == MeetingStatus.Closed
                ? "La réunion est close (procès-verbal approuvé) : plus rien ne change."
                : "La réunion est annulée : plus rien ne change.", null, ErrorKind.Conflict);
        }

        var body = await db.Bodies().AsNoTracking().FirstAsync(b => b.Id == meeting.BodyId, ct);
        return Result<MeetingScope>.Ok(new MeetingScope(found.Value!.Tenant, meeting, body));
    }
}
