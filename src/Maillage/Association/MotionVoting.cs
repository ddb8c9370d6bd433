using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>Puts a motion (résolution) on a meeting not yet closed (Run), under an agenda item or not, with its majority.</summary>
public sealed class AddMotion(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, MotionInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ApplyAsync(cptsId, meetingId, input.Version, actor, scope =>
        {
            var meeting = scope.Meeting;
            if (scope.Requires("Ajouter une résolution", MeetingStatus.Draft, MeetingStatus.Convened, MeetingStatus.Held) is { } wrong)
            {
                return wrong;
            }

            var text = MeetingInputs.Text(input.Text, MeetingInputs.MaxMotion, "text", "Le texte de la résolution");
            var majority = string.IsNullOrWhiteSpace(input.Majority)
                ? Result<Majority>.Ok(MotionRules.DefaultFor(scope.Body.Kind, meeting.Extraordinary))
                : MeetingLabels.Parse<Majority>(input.Majority, "majority", "Majorité");
            var errors = text.Errors.Concat(majority.Errors).ToList();
            if (input.AgendaItemId is { } item && meeting.Agenda.All(a => a.Id != item))
            {
                errors.Add(new Error("unknown_item", "Ce point n'est pas à l'ordre du jour de la réunion.", "agendaItemId"));
            }

            if (errors.Count > 0)
            {
                return Result<MeetingChange>.Fail(errors);
            }

            var motion = new Motion
            {
                Id = Guid.NewGuid(), MeetingId = meeting.Id, AgendaItemId = input.AgendaItemId, Text = text.Value!, Majority = majority.Value,
                Position = meeting.Motions.Select(m => m.Position).DefaultIfEmpty(0).Max() + 1,
            };
            meeting.Motions.Add(motion);
            changes.Db.Motions().Add(motion);
            return MeetingChange.Ok("meeting.motion", $"Réunion {meeting.Id} : résolution {motion.Id} (n° {motion.Position}, {MeetingLabels.Label(motion.Majority)}) ajoutée.");
        }, ct);
    }
}

/// <summary>Withdraws a motion not yet voted (Run).</summary>
public sealed class RemoveMotion(MeetingChanges changes)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, Guid motionId, int? version, Actor actor, CancellationToken ct = default) =>
        changes.ApplyAsync(cptsId, meetingId, version, actor, scope =>
        {
            var motion = scope.Meeting.Motions.FirstOrDefault(m => m.Id == motionId);
            if (motion is null)
            {
                return Error.NotFound("Résolution");
            }

            if (motion.Result is not null)
            {
                return Voted();
            }

            scope.Meeting.Motions.Remove(motion);
            changes.Db.Motions().Remove(motion);
            return MeetingChange.Ok("meeting.motion", $"Réunion {scope.Meeting.Id} : résolution {motion.Id} retirée.");
        }, ct);

    internal static Error Voted() => new("already_voted", "Le vote de cette résolution est enregistré : il ne change plus.", null, ErrorKind.Conflict);
}

/// <summary>
/// Records the vote on a motion (Run) once the meeting is convened and its quorum reached (else a second convocation is needed):
/// pour, contre and abstentions, together at most the voters present or represented. The result follows the motion's majority
/// over the votes cast (<see cref="MotionRules"/>); an adopted motion enters the register of decisions, dated the day of the
/// meeting, in the same save. The meeting is then held; a recorded vote never changes.
/// </summary>
public sealed class RecordVote(MeetingChanges changes, MeetingVoters voters)
{
    public Task<Result<Meeting>> RunAsync(Guid cptsId, Guid meetingId, Guid motionId, VoteInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return changes.ApplyAsync(cptsId, meetingId, input.Version, actor, async scope =>
        {
            var meeting = scope.Meeting;
            var motion = meeting.Motions.FirstOrDefault(m => m.Id == motionId);
            if (motion is null)
            {
                return Error.NotFound("Résolution");
            }

            if (motion.Result is not null)
            {
                return RemoveMotion.Voted();
            }

            if (scope.Requires("Voter", MeetingStatus.Convened, MeetingStatus.Held) is { } wrong)
            {
                return wrong;
            }

            var quorum = MeetingVoters.Quorum(meeting, scope.Body, await voters.IdsAsync(meeting, scope.Body, scope.Day, ct));
            if (!quorum.Reached)
            {
                return new Error("quorum_not_reached", $"Le quorum n'est pas atteint ({quorum.Text}) : la réunion ne peut pas délibérer, "
                    + "une seconde convocation est nécessaire.", null, ErrorKind.Conflict);
            }

            var errors = Counts(input, quorum);
            if (errors.Count > 0)
            {
                return Result<MeetingChange>.Fail(errors);
            }

            (motion.For, motion.Against, motion.Abstentions) = (input.For, input.Against, input.Abstentions);
            motion.Result = MotionRules.Decide(motion.Majority, input.For!.Value, input.Against!.Value);
            motion.VotedAt = scope.Now;
            meeting.Status = MeetingStatus.Held;
            var decision = motion.Result == MotionResult.Adopted
                ? await DecisionRegister.AddAsync(changes.Db, cptsId, scope.Body.Id, scope.Day, motion.Text, actor.Name, scope.Now, meeting.Id, motion.Id,
                    motion.ProposalId, ct)
                : null;
            return MeetingChange.Ok("meeting.vote", $"Réunion {meeting.Id}, résolution {motion.Id} : {input.For} pour, {input.Against} contre, "
                + $"{French.Count(input.Abstentions!.Value, "abstention", "abstentions")} — {(motion.Result == MotionResult.Adopted ? "adoptée" : "rejetée")}"
                + (decision is null ? "." : $", décision {decision.Number}."));
        }, ct);
    }

    private static List<Error> Counts(VoteInput input, QuorumCount quorum)
    {
        var errors = new List<Error>();
        foreach (var (value, field, what) in new[] { (input.For, "for", "pour"), (input.Against, "against", "contre"), (input.Abstentions, "abstentions", "abstentions") })
        {
            if (value is not >= 0)
            {
                errors.Add(new Error("invalid_count", $"Le nombre de voix « {what} » est un entier positif ou nul.", field));
            }
        }

        var total = errors.Count == 0 ? (long)input.For!.Value + input.Against!.Value + input.Abstentions!.Value : 0;
        if (total > quorum.Counted)
        {
            errors.Add(new Error("too_many_votes", $"Pour, contre et abstentions ({total}) dépassent les "
                + $"{quorum.Counted} votants présents ou représentés.", "for"));
        }

        return errors;
    }
}
