using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>
/// A move of a proposal: a comment (the reason, required to reject), the decision's date for an adoption (today by default), the meeting
/// where it was decided (a bureau meeting for a proposal awaiting the bureau, a conseil meeting for one at the conseil), and the
/// <see cref="Version"/> the user saw.
/// </summary>
public sealed record ProposalMoveInput(string? Comment = null, DateOnly? Date = null, Guid? MeetingId = null, int? Version = null);

/// <summary>
/// Moves a proposal along its path (<see cref="ProposalFlow"/>): the bureau forwards it to the conseil or rejects it; the conseil adopts
/// it — the decision enters the register of the conseil, numbered, in the same save — or rejects it; its author withdraws it. Every move
/// adds a step to the trail. An illegal move or a stale version is a conflict.
/// </summary>
public sealed class MoveProposal(MaillageDbContext db, AuditTrail audit, TimeProvider clock, AssociationAccess access)
{
    public const int MaxComment = 1500;

    public async Task<Result<Proposal>> RunAsync(Guid cptsId, Guid proposalId, ProposalMove move, ProposalMoveInput input, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.ReadAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<Proposal>.Fail(scope.Errors);
        }

        var (rights, today) = (scope.Value!.Rights, scope.Value.Today);
        var proposal = await db.Proposals().FirstOrDefaultAsync(p => p.Id == proposalId && p.CptsId == cptsId, ct);
        if (proposal is null)
        {
            return Error.NotFound("Proposition");
        }

        if (!ProposalFlow.MayMove(move, rights, proposal.MemberId))
        {
            return move == ProposalMove.Withdraw
                ? new Error("author_only", "Seul l'auteur d'une proposition peut la retirer.", null, ErrorKind.Forbidden)
                : Error.Forbidden();
        }

        var next = ProposalFlow.Next(proposal.Status, move);
        if (!next.Succeeded)
        {
            return Result<Proposal>.Fail(next.Errors);
        }

        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        var date = input.Date ?? today;
        var errors = await CheckAsync(cptsId, proposal.Status, move, input, comment, date, today, ct);
        if (errors.Count > 0)
        {
            return Result<Proposal>.Fail(errors);
        }

        if (input.Version is { } version)
        {
            db.Entry(proposal).Property(p => p.Version).OriginalValue = version;
        }

        var now = clock.GetUtcNow();
        if (move == ProposalMove.Adopt)
        {
            var board = await DecisionRegister.BodyAsync(db, cptsId, BodyKind.Board, ct);
            var decision = await DecisionRegister.AddAsync(db, cptsId, board.Id, date, proposal.Title + (comment is null ? "" : " — " + comment), actor.Name,
                now, meetingId: input.MeetingId, proposalId: proposal.Id, ct: ct);
            proposal.DecisionId = decision.Id;
        }

        db.Add(new ProposalStep
        {
            Id = Guid.NewGuid(), ProposalId = proposal.Id, From = proposal.Status, To = next.Value, By = actor.Name, At = now, Comment = comment,
            MeetingId = input.MeetingId,
        });
        audit.Record(actor, cptsId, "proposal." + MeetingLabels.Id(next.Value), $"Proposition {proposal.Id} : {AssociationLabels.Status(proposal.Status)} → "
            + $"{AssociationLabels.Status(next.Value)}" + (proposal.DecisionId is { } d ? $", décision {d}." : "."));
        proposal.Status = next.Value;
        return await db.SaveAsync(proposal, ct, taken:
            new Error("decision_number_taken", "Une autre décision vient d'être inscrite au registre au même moment : recommencez.", null, ErrorKind.Conflict));
    }

    private async Task<List<Error>> CheckAsync(Guid cptsId, ProposalStatus status, ProposalMove move, ProposalMoveInput input, string? comment,
        DateOnly date, DateOnly today, CancellationToken ct)
    {
        var errors = new List<Error>();
        if (move == ProposalMove.Reject && comment is null)
        {
            errors.Add(new Error("reason_required", "Indiquez pourquoi la proposition est rejetée.", "comment"));
        }

        if (comment?.Length > MaxComment)
        {
            errors.Add(new Error("comment_too_long", $"Le commentaire tient en {MaxComment} caractères.", "comment"));
        }

        if (move == ProposalMove.Adopt && date > today)
        {
            errors.Add(new Error("date_in_future", $"La date du {French.Date(date)} est dans le futur : la décision se prend le jour venu.", "date"));
        }

        if (input.MeetingId is { } meetingId)
        {
            var body = status == ProposalStatus.Submitted ? BodyKind.Bureau : BodyKind.Board;
            var held = move != ProposalMove.Withdraw && await (from m in db.Meetings()
                                                              join b in db.Bodies() on m.BodyId equals b.Id
                                                              where m.Id == meetingId && m.CptsId == cptsId && b.Kind == body
                                                              select m.Id).AnyAsync(ct);
            if (!held)
            {
                errors.Add(new Error("unknown_meeting", move == ProposalMove.Withdraw
                    ? "Un retrait ne se décide pas en réunion : n'indiquez pas de réunion."
                    : $"Cette étape se décide en réunion du {(body == BodyKind.Bureau ? "bureau" : "conseil d'administration")} : choisissez une "
                        + "réunion de cette instance de la CPTS.", "meetingId"));
            }
        }

        return errors;
    }
}
