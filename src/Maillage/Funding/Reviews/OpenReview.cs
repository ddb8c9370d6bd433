using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Reviews;

/// <summary>
/// Opens the dialogue de gestion of a contract year that has begun: one per contract and year (a second, even opened at the same moment,
/// is a 409). Preparing the record is for those who enter the CPTS's funding values (<see cref="FundingRights.EditValues"/>).
/// </summary>
public sealed class OpenReview(ReviewStore store, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<AnnualReview>> RunAsync(Guid cptsId, int? year, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await store.ForChangeAsync(cptsId, actor, ReviewChange.Prepare, ct);
        if (!found.Succeeded)
        {
            return Result<AnnualReview>.Fail(found.Errors);
        }

        var context = found.Value!;
        if (year is not { } chosen)
        {
            return new Error("year_required", "Indiquez l'année du contrat (1 à 5) dont le dialogue de gestion s'ouvre.", "year");
        }

        if (ReviewRules.OpenableYear(context.Funding.Contract, chosen, context.Funding.Today) is { } error)
        {
            return error;
        }

        if (context.Review(chosen) is not null)
        {
            return Exists(chosen);
        }

        var review = new AnnualReview
        {
            Id = Guid.NewGuid(), ContractId = context.Funding.Contract.Id, Year = chosen, Status = ReviewStatus.Open,
            CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow(),
        };
        store.Db.Add(review);
        audit.Record(actor, cptsId, "aci.review.opened", $"Dialogue de gestion {review.Id} de l'année {chosen} du contrat ACI {review.ContractId} ouvert.");
        return await store.Db.SaveAsync(review, ct, taken: Exists(chosen));
    }

    private static Error Exists(int year) =>
        new("review_exists", $"Le dialogue de gestion de l'année {year} est déjà ouvert : complétez-le plutôt que d'en ouvrir un second.", "year", ErrorKind.Conflict);
}
