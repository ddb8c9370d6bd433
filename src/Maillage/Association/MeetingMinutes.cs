using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Association;

/// <summary>Writes the minutes (procès-verbal) of a held meeting (Run), plain text, until they are approved.</summary>
public sealed class SaveMinutes(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, MinutesInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ApplyAsync(cptsId, meetingId, input.Version, actor, scope =>
        {
            if (scope.Requires("Rédiger le procès-verbal", MeetingStatus.Held) is { } wrong)
            {
                return wrong;
            }

            var minutes = MeetingInputs.Optional(input.Minutes, MeetingInputs.MaxMinutes, "minutes", "Le procès-verbal");
            if (!minutes.Succeeded)
            {
                return Result<MeetingChange>.Fail(minutes.Errors);
            }

            scope.Meeting.Minutes = minutes.Value;
            return MeetingChange.Ok("meeting.minutes",
                $"Réunion {scope.Meeting.Id} : procès-verbal enregistré ({French.Count(minutes.Value?.Length ?? 0, "caractère", "caractères")}).");
        }, ct);
    }
}

/// <summary>Approves the minutes of a held meeting (Run): the meeting is closed and nothing about it changes any more.</summary>
public sealed class ApproveMinutes(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, int? version, Actor actor, CancellationToken ct = default) =>
        changes.ApplyAsync(cptsId, meetingId, version, actor, scope =>
        {
            if (scope.Requires("Approuver le procès-verbal", MeetingStatus.Held) is { } wrong)
            {
                return wrong;
            }

            if (string.IsNullOrWhiteSpace(scope.Meeting.Minutes))
            {
                return new Error("no_minutes", "Rédigez le procès-verbal avant de l'approuver.", "minutes", ErrorKind.Conflict);
            }

            scope.Meeting.Status = MeetingStatus.Closed;
            scope.Meeting.MinutesApprovedAt = scope.Now;
            return MeetingChange.Ok("meeting.closed", $"Réunion {scope.Meeting.Id} : procès-verbal approuvé, réunion close.");
        }, ct);
}
