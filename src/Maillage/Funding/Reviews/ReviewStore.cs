using Maillage.Funding.Schedule;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Reviews;

/// <summary>The funding of a CPTS's latest contract (with the reader's rights) and the reviews of that contract, with their missions and actions.</summary>
public sealed record ReviewContext(ContractFunding Funding, IReadOnlyList<AnnualReview> Reviews)
{
    public AnnualReview? Review(int year) => Reviews.FirstOrDefault(r => r.Year == year);

    public YearFunding? Year(int year) => Funding.Computation.Years.FirstOrDefault(y => y.Year == year);

    /// <summary>The mission lines of a year (every line of the grid in force but operating; <c>total</c> for the simplified grid).</summary>
    public IReadOnlyList<LineFunding> MissionLines(int year) =>
        Year(year) is { } y ? [.. y.Lines.Where(l => l.Line != AciLineIds.Operating)] : [];

    public IReadOnlyList<DecisionLine> DecisionLines(int year) =>
        [.. MissionLines(year).Select(l => new DecisionLine(l.Line, l.Name, l.MaximumFixed, l.MaximumVariable, l.ExpectedVariable,
            l.Notes.Contains(Indicators.IndicatorRules.WeightsWarning)))];
}

/// <summary>What each change to a review needs.</summary>
public enum ReviewChange
{
    /// <summary>Opening, editing the record, adding or removing actions: <see cref="FundingRights.EditValues"/>, while the review is open.</summary>
    Prepare,

    /// <summary>Deciding: <see cref="FundingRights.Decide"/>, while the review is open.</summary>
    Decide,

    /// <summary>Reopening a decided review: an admin only.</summary>
    Reopen,
}

/// <summary>
/// Finds the reviews of a CPTS's contract for a reader or for a change: a CPTS the actor may not read (or without a contract) is a 404,
/// a change the actor's rights do not allow is a 403, a review not opened is a 404, and a decided review is read-only (409) except for
/// an admin reopening it.
/// </summary>
public sealed class ReviewStore(MaillageDbContext db, ReadFunding funding)
{
    public MaillageDbContext Db => db;

    public async Task<Result<ReviewContext>> ReadAsync(Guid cptsId, Actor actor, bool tracked, CancellationToken ct)
    {
        var read = await funding.RunAsync(cptsId, actor, ct);
        if (!read.Succeeded)
        {
            return Result<ReviewContext>.Fail(read.Errors);
        }

        var query = db.AnnualReviews().Include(r => r.Missions).Include(r => r.Actions).AsSplitQuery().Where(r => r.ContractId == read.Value!.Contract.Id);
        var reviews = await (tracked ? query : query.AsNoTracking()).OrderBy(r => r.Year).ToListAsync(ct);
        return Result<ReviewContext>.Ok(new ReviewContext(read.Value!, reviews));
    }

    /// <summary>The context (reviews tracked) once the actor may make <paramref name="change"/>; no review check (opening).</summary>
    public async Task<Result<ReviewContext>> ForChangeAsync(Guid cptsId, Actor actor, ReviewChange change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await ReadAsync(cptsId, actor, tracked: true, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var rights = found.Value!.Funding.Rights;
        return change switch
        {
            ReviewChange.Prepare => rights.EditValues ? found : Error.Forbidden(),
            ReviewChange.Decide => rights.Decide ? found : rights.DecideRefusal(),
            _ => actor.Role == Platform.Identity.Role.Admin ? found : Error.Forbidden(),
        };
    }

    /// <summary>The context and the review of the year, for a change: open for preparing and deciding, decided for reopening.</summary>
    public async Task<Result<(ReviewContext Context, AnnualReview Review)>> ReviewForChangeAsync(Guid cptsId, int year, Actor actor, ReviewChange change,
        CancellationToken ct)
    {
        var found = await ForChangeAsync(cptsId, actor, change, ct);
        if (!found.Succeeded)
        {
            return Result<(ReviewContext, AnnualReview)>.Fail(found.Errors);
        }

        if (found.Value!.Review(year) is not { } review)
        {
            return NotOpened(year);
        }

        if (change == ReviewChange.Reopen && review.Status != ReviewStatus.Decided)
        {
            return new Error("review_not_decided", $"Le dialogue de gestion de l'année {year} n'est pas décidé : il n'y a rien à rouvrir.", null, ErrorKind.Conflict);
        }

        if (change != ReviewChange.Reopen && review.Status == ReviewStatus.Decided)
        {
            return new Error("review_decided",
                $"Le dialogue de gestion de l'année {year} est décidé : son dossier ne peut plus être modifié. Seul un administrateur peut le rouvrir.",
                null, ErrorKind.Conflict);
        }

        return Result<(ReviewContext, AnnualReview)>.Ok((found.Value!, review));
    }

    /// <summary>Checks the version the user read (required; stale → 409) and marks the review changed against it, so a concurrent save fails too.</summary>
    public Error? Touch(AnnualReview review, int? version)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (version is not { } expected)
        {
            return new Error("version_required", "Indiquez la version lue (champ version) pour éviter d'écraser une modification concurrente.", "version");
        }

        if (expected != review.Version)
        {
            return Error.Stale();
        }

        db.Entry(review).Property(r => r.Version).OriginalValue = expected;
        db.Entry(review).State = EntityState.Modified;
        return null;
    }

    public Task<Result<AnnualReview>> SaveAsync(AnnualReview review, CancellationToken ct) => db.SaveAsync(review, ct);

    public static Error NotOpened(int year) =>
        new("review_not_found", $"Le dialogue de gestion de l'année {year} n'est pas ouvert.", null, ErrorKind.NotFound);
}
