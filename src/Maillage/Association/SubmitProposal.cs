using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Association.Storage;
using Maillage.Membership.Published;

namespace Maillage.Association;

/// <summary>What a member proposes: a title and a description.</summary>
public sealed record ProposalInput(string? Title, string? Description);

/// <summary>
/// A member proposes an action to the association: the account must be linked to an adhérent of the CPTS (status adhérent or actif);
/// the proposal waits for the bureau (<see cref="ProposalStatus.Submitted"/>), its trail starts with the submission.
/// </summary>
public sealed class SubmitProposal(MaillageDbContext db, AuditTrail audit, TimeProvider clock, AssociationAccess access, MemberRoll roll)
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 5000;

    public async Task<Result<Proposal>> RunAsync(Guid cptsId, ProposalInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.ReadAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<Proposal>.Fail(scope.Errors);
        }

        var author = scope.Value!.Rights.MemberId is { } memberId ? await roll.EligibleAsync(cptsId, memberId, "memberId", ct) : null;
        if (author is null || !author.Succeeded)
        {
            return new Error("not_a_linked_member", "Seul un adhérent (statut adhérent ou actif) dont le compte est lié à sa fiche d'adhérent dépose une "
                + "proposition.", null, ErrorKind.Forbidden);
        }

        var title = input.Title?.Trim() ?? "";
        var description = input.Description?.Trim() ?? "";
        var errors = new List<Error>();
        if (title.Length is 0 or > MaxTitle)
        {
            errors.Add(new Error("invalid_title", $"Le titre est obligatoire ({MaxTitle} caractères au plus).", "title"));
        }

        if (description.Length is 0 or > MaxDescription)
        {
            errors.Add(new Error("invalid_description", $"Décrivez la proposition ({MaxDescription} caractères au plus).", "description"));
        }

        if (errors.Count > 0)
        {
            return Result<Proposal>.Fail(errors);
        }

        var now = clock.GetUtcNow();
        var proposal = new Proposal
        {
            Id = Guid.NewGuid(), CptsId = cptsId, MemberId = author.Value!.Id, Title = title, Description = description,
            Status = ProposalStatus.Submitted, SubmittedAt = now,
        };
        proposal.Steps.Add(new ProposalStep
        {
            Id = Guid.NewGuid(), ProposalId = proposal.Id, From = ProposalStatus.Submitted, To = ProposalStatus.Submitted, By = actor.Name, At = now,
        });
        db.Proposals().Add(proposal);
        audit.Record(actor, cptsId, "proposal.submitted", $"Proposition {proposal.Id} déposée par l'adhérent {proposal.MemberId}.");
        await db.SaveChangesAsync(ct);
        return Result<Proposal>.Ok(proposal);
    }
}
