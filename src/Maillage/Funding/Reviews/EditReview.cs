using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Reviews;

/// <summary>Changes the record of an open review (the day of the meeting, who took part), against the version the user read.</summary>
public sealed class EditReview(ReviewStore store, AuditTrail audit)
{
    public async Task<Result<AnnualReview>> RunAsync(Guid cptsId, int year, DateOnly? heldOn, string? participants, int? version, Actor actor,
        CancellationToken ct = default)
    {
        var found = await store.ReviewForChangeAsync(cptsId, year, actor, ReviewChange.Prepare, ct);
        if (!found.Succeeded)
        {
            return Result<AnnualReview>.Fail(found.Errors);
        }

        var (context, review) = found.Value;
        if (ReviewRules.CheckRecord(context.Funding.Contract, year, heldOn, participants) is { Count: > 0 } errors)
        {
            return Result<AnnualReview>.Fail(errors);
        }

        if (store.Touch(review, version) is { } stale)
        {
            return stale;
        }

        (review.HeldOn, review.Participants) = (heldOn, ReviewRules.Clean(participants, keepCase: true));
        audit.Record(actor, cptsId, "aci.review.edited", $"Dialogue de gestion {review.Id} (année {year}) : date ou participants modifiés.");
        return await store.SaveAsync(review, ct);
    }
}
