using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Reviews;

/// <summary>
/// The officers of the ARS and the CPAM recorded on the contract (or an admin) decide the review of a year once it has ended: per mission
/// whether the means were deployed and the fixed and variable parts decided (each at most the grid's maximum for that line and year), the
/// outcome and the day it applies. The review is then read-only; the schedule takes the decided amounts and dates from it.
/// </summary>
public sealed class DecideReview(ReviewStore store, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<AnnualReview>> RunAsync(Guid cptsId, int year, DecisionDraft draft, int? version, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(actor);
        var found = await store.ReviewForChangeAsync(cptsId, year, actor, ReviewChange.Decide, ct);
        if (!found.Succeeded)
        {
            return Result<AnnualReview>.Fail(found.Errors);
        }

        var (context, review) = found.Value;
        var (missions, errors) = ReviewRules.Decide(draft, context.DecisionLines(year), year, ReviewRules.DecidableFrom(context.Funding.Contract, year),
            context.Funding.Today);
        if (errors.Count > 0)
        {
            return Result<AnnualReview>.Fail(errors);
        }

        if (store.Touch(review, version) is { } stale)
        {
            return stale;
        }

        foreach (var previous in review.Missions.ToList())
        {
            review.Missions.Remove(previous);
            store.Db.Remove(previous);
        }

        foreach (var mission in missions)
        {
            mission.ReviewId = review.Id;
            review.Missions.Add(mission);
            store.Db.Add(mission);
        }

        (review.Status, review.Outcome, review.DecidedOn, review.DecidedBy, review.DecidedAt) =
            (ReviewStatus.Decided, draft.Outcome!.Trim(), draft.DecidedOn ?? context.Funding.Today, actor.Name, clock.GetUtcNow());
        var total = missions.Sum(m => (m.DecidedFixed ?? 0m) + (m.DecidedVariable ?? 0m));
        audit.Record(actor, cptsId, "aci.review.decided",
            $"Dialogue de gestion {review.Id} (année {year}) décidé au {Platform.French.Date(review.DecidedOn.Value)} : "
            + string.Join(" ; ", missions.Select(m => $"{AciLabels.Line(m.Mission)} : {(m.MeansDeployed ? "moyens déployés" : "moyens non déployés")}, "
                + $"part fixe {Amount(m.DecidedFixed)}, part variable {Amount(m.DecidedVariable)}"))
            + $" ; total {Amount(total)}.");
        return await store.SaveAsync(review, ct);
    }

    private static string Amount(decimal? amount) => AciLabels.Euros(amount ?? 0m);
}

/// <summary>
/// An admin reopens a decided review (a mistake to correct): it goes back to « en préparation », the decision day, who and when are
/// cleared, the mission decisions and the outcome stay as the starting point of the next decision; the audit trail keeps the decision.
/// </summary>
public sealed class ReopenReview(ReviewStore store, AuditTrail audit)
{
    public async Task<Result<AnnualReview>> RunAsync(Guid cptsId, int year, int? version, Actor actor, CancellationToken ct = default)
    {
        var found = await store.ReviewForChangeAsync(cptsId, year, actor, ReviewChange.Reopen, ct);
        if (!found.Succeeded)
        {
            return Result<AnnualReview>.Fail(found.Errors);
        }

        var review = found.Value.Review;
        if (store.Touch(review, version) is { } stale)
        {
            return stale;
        }

        (review.Status, review.DecidedOn, review.DecidedBy, review.DecidedAt) = (ReviewStatus.Open, null, null, null);
        audit.Record(actor, cptsId, "aci.review.reopened", $"Dialogue de gestion {review.Id} (année {year}) rouvert.");
        return await store.SaveAsync(review, ct);
    }
}
