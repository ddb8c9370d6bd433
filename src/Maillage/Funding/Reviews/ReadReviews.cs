using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Reviews;

/// <summary>A contract year and its review, if opened.</summary>
public sealed record ReviewYear(int Year, DateOnly Start, DateOnly End, bool Begun, AnnualReview? Review);

/// <summary>The five years of a contract with their reviews, and what the reader may do.</summary>
public sealed record ReviewList(Lifecycle.Published.CptsInfo Cpts, AciContract Contract, FundingRights Rights, IReadOnlyList<ReviewYear> Years, DateOnly Today);

/// <summary>The reviews of a CPTS's latest contract, year by year, for whoever may read it.</summary>
public sealed class ReadReviews(ReviewStore store)
{
    public async Task<Result<ReviewList>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await store.ReadAsync(cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<ReviewList>.Fail(found.Errors);
        }

        var context = found.Value!;
        var contract = context.Funding.Contract;
        var years = Enumerable.Range(1, AciContract.Years).Select(y =>
        {
            var start = IndicatorRules.YearStart(contract, y);
            return new ReviewYear(y, start, IndicatorRules.YearStart(contract, y + 1).AddDays(-1), start <= context.Funding.Today, context.Review(y));
        }).ToList();
        return Result<ReviewList>.Ok(new ReviewList(context.Funding.Cpts, contract, context.Funding.Rights, years, context.Funding.Today));
    }
}
