using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Reviews;

/// <summary>
/// Records an action the CPTS carried out outside the contract's objectives in the open review of a year (title, optional mission of the
/// year, description). The review's version moves on, so a decision taken on an older reading is refused.
/// </summary>
public sealed class AddReviewAction(ReviewStore store, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<(AnnualReview Review, ReviewAction Action)>> RunAsync(Guid cptsId, int year, string? title, string? mission, string? description,
        Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await store.ReviewForChangeAsync(cptsId, year, actor, ReviewChange.Prepare, ct);
        if (!found.Succeeded)
        {
            return Result<(AnnualReview, ReviewAction)>.Fail(found.Errors);
        }

        var (context, review) = found.Value;
        if (ReviewRules.CheckAction(title, mission, description, context.DecisionLines(year)) is { Count: > 0 } errors)
        {
            return Result<(AnnualReview, ReviewAction)>.Fail(errors);
        }

        var action = new ReviewAction
        {
            Id = Guid.NewGuid(), ReviewId = review.Id, Title = title!.Trim(), Mission = ReviewRules.Clean(mission),
            Description = ReviewRules.Clean(description, keepCase: true), RecordedBy = actor.Name, RecordedAt = clock.GetUtcNow(),
        };
        review.Actions.Add(action);
        store.Db.Add(action);
        store.Touch(review, review.Version);
        audit.Record(actor, cptsId, "aci.review.action_added", $"Action hors contrat {action.Id} ajoutée au dialogue de gestion {review.Id} (année {year}).");
        var saved = await store.SaveAsync(review, ct);
        return saved.Succeeded ? Result<(AnnualReview, ReviewAction)>.Ok((review, action)) : Result<(AnnualReview, ReviewAction)>.Fail(saved.Errors);
    }
}

/// <summary>Removes an action outside the contract from the open review of a year.</summary>
public sealed class RemoveReviewAction(ReviewStore store, AuditTrail audit)
{
    public async Task<Result<AnnualReview>> RunAsync(Guid cptsId, int year, Guid actionId, Actor actor, CancellationToken ct = default)
    {
        var found = await store.ReviewForChangeAsync(cptsId, year, actor, ReviewChange.Prepare, ct);
        if (!found.Succeeded)
        {
            return Result<AnnualReview>.Fail(found.Errors);
        }

        var review = found.Value.Review;
        if (review.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action)
        {
            return Error.NotFound("Action");
        }

        review.Actions.Remove(action);
        store.Db.Remove(action);
        store.Touch(review, review.Version);
        audit.Record(actor, cptsId, "aci.review.action_removed", $"Action hors contrat {action.Id} retirée du dialogue de gestion {review.Id} (année {year}).");
        return await store.SaveAsync(review, ct);
    }
}
