using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Association;

/// <summary>
/// The statutory notice (<see cref="Body.NoticeDays"/>) counted in jours francs: neither the day the convocation is sent nor the
/// day of the meeting counts, so a convocation sent today allows a meeting on today + notice + 1 at the earliest (days in France).
/// </summary>
public static class ConveneRules
{
    public static DateOnly Earliest(DateOnly today, int noticeDays) => today.AddDays(noticeDays + 1);

    public static bool Respected(DateOnly meetingDay, DateOnly today, int noticeDays) => meetingDay >= Earliest(today, noticeDays);

    /// <summary>The French refusal giving the notice and the earliest date a convocation sent today allows.</summary>
    public static string Refusal(string what, DateOnly today, int noticeDays) =>
        $"{what} : le préavis statutaire est de {French.Count(noticeDays, "jour franc", "jours francs")} ; une convocation envoyée aujourd'hui "
        + $"permet une réunion le {French.Date(Earliest(today, noticeDays))} au plus tôt.";
}

/// <summary>
/// Convenes a meeting in preparation (Run): it needs an agenda, and its day must respect the body's notice from today; records who
/// convened it and when. The invitation (iCalendar) is then sent with SEQUENCE 0.
/// </summary>
public sealed class ConveneMeeting(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, int? version, Actor actor, CancellationToken ct = default) =>
        changes.ApplyAsync(cptsId, meetingId, version, actor, scope =>
        {
            var meeting = scope.Meeting;
            if (scope.Requires("Convoquer", MeetingStatus.Draft) is { } wrong)
            {
                return wrong;
            }

            if (meeting.Agenda.Count == 0)
            {
                return new Error("empty_agenda",
                    "La convocation porte l'ordre du jour : ajoutez au moins un point avant de convoquer.", null, ErrorKind.Conflict);
            }

            if (!ConveneRules.Respected(scope.Day, scope.Today, scope.Body.NoticeDays))
            {
                return new Error("notice",
                    ConveneRules.Refusal("Convocation impossible", scope.Today, scope.Body.NoticeDays), "startsAt", ErrorKind.Conflict);
            }

            meeting.Status = MeetingStatus.Convened;
            meeting.ConvenedAt = scope.Now;
            meeting.ConvenedBy = actor.Name;
            return MeetingChange.Ok("meeting.convened",
                $"Réunion {meeting.Id} convoquée pour le {French.Date(scope.Day)} (préavis de {scope.Body.NoticeDays} jours francs).");
        }, ct);
}

/// <summary>Cancels a meeting not yet held (Run): the invitation becomes a cancellation (METHOD:CANCEL, SEQUENCE + 1).</summary>
public sealed class CancelMeeting(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, int? version, Actor actor, CancellationToken ct = default) =>
        changes.ApplyAsync(cptsId, meetingId, version, actor, scope =>
        {
            if (scope.Requires("Annuler", MeetingStatus.Draft, MeetingStatus.Convened) is { } wrong)
            {
                return wrong;
            }

            scope.Meeting.Status = MeetingStatus.Cancelled;
            scope.Meeting.Sequence++;
            return MeetingChange.Ok("meeting.cancelled", $"Réunion {scope.Meeting.Id} annulée.");
        }, ct);
}
