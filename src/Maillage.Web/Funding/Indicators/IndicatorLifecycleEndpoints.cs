using System.Globalization;
using Maillage.Funding.Indicators;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Maillage.Platform.Indicators;

namespace Maillage.Web.Funding.Indicators;

/// <summary>
/// The indicators through the year (<c>/api/cpts/{id}/contract/indicators/…</c>): deleting one (coordinator or admin), adjusting a target,
/// marking it obsolete and computing values from the platform (coordinator, treasurer or admin).
/// </summary>
public static class IndicatorLifecycleEndpoints
{
    public static void MapIndicatorLifecycleApi(this RouteGroupBuilder contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        Change(contract.MapDelete("/indicators/{indicatorId:guid}", Delete), "DeleteAciIndicator",
            "Deletes an indicator with its targets (?version=); refused (409) once a value is recorded: mark it obsolete instead")
            .Produces(StatusCodes.Status204NoContent);
        Change(contract.MapPost("/indicators/{indicatorId:guid}/adjustments", Adjust), "AdjustAciIndicatorTarget",
            "Mid-year target adjustment of a year that has begun: year, target, reason, agreedBy (who agreed), agreedOn (not in the future), version; "
            + "kept in the indicator's history").Produces<IndicatorDtos.Indicator>(StatusCodes.Status201Created);
        Change(contract.MapPost("/indicators/{indicatorId:guid}/obsolete", MarkObsolete), "MarkAciIndicatorObsolete",
            "Marks the indicator obsolete from a contract year on (neutralised, not failed): fromYear, reason, version").Produces<IndicatorDtos.Indicator>();
        Change(contract.MapDelete("/indicators/{indicatorId:guid}/obsolete", UndoObsolete), "UndoAciIndicatorObsolete",
            "The indicator applies again (?version=)").Produces<IndicatorDtos.Indicator>();
        Change(contract.MapPost("/indicators/{indicatorId:guid}/values/{year:int}/compute", Compute), "ComputeAciIndicatorValue",
            "Computes a computed indicator's value of a contract year from the platform's data and stores it with its justification")
            .Produces<IndicatorDtos.Indicator>();
        Change(contract.MapPost("/indicators/compute", ComputeAll), "ComputeAciIndicatorValues",
            "Computes and stores the values of every computed indicator of a contract year (?year=, default: the current one)")
            .Produces<IReadOnlyList<IndicatorDtos.Indicator>>();
    }

    private static RouteHandlerBuilder Change(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static IResult Ok(Result<ContractIndicator> result, IndicatorSources sources) =>
        result.Succeeded ? TypedResults.Ok(IndicatorDtos.From(result.Value!, sources)) : result.ToProblem();

    private static async Task<IResult> Delete(Guid id, Guid indicatorId, int? version, HttpContext http, SaveIndicator save, CancellationToken ct)
    {
        var result = await save.DeleteAsync(id, indicatorId, version, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }

    private static async Task<IResult> Adjust(Guid id, Guid indicatorId, IndicatorDtos.AdjustmentRequest body, HttpContext http, AdjustIndicatorTarget adjust,
        IndicatorSources sources, CancellationToken ct)
    {
        var result = await adjust.RunAsync(id, indicatorId, body.ToDraft(), body.Version, http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/contract/indicators/{indicatorId}", IndicatorDtos.From(result.Value!, sources))
            : result.ToProblem();
    }

    private static async Task<IResult> MarkObsolete(Guid id, Guid indicatorId, IndicatorDtos.ObsoleteRequest body, HttpContext http, MarkIndicatorObsolete mark,
        IndicatorSources sources, CancellationToken ct) =>
        Ok(await mark.RunAsync(id, indicatorId, body.FromYear, body.Reason, body.Version, http.GetActor(), ct), sources);

    private static async Task<IResult> UndoObsolete(Guid id, Guid indicatorId, int? version, HttpContext http, MarkIndicatorObsolete mark,
        IndicatorSources sources, CancellationToken ct) =>
        Ok(await mark.UndoAsync(id, indicatorId, version, http.GetActor(), ct), sources);

    private static async Task<IResult> Compute(Guid id, Guid indicatorId, int year, HttpContext http, ComputeIndicatorValue compute, IndicatorSources sources,
        CancellationToken ct) =>
        Ok(await compute.RunAsync(id, indicatorId, year, http.GetActor(), ct), sources);

    private static async Task<IResult> ComputeAll(Guid id, string? year, HttpContext http, ComputeIndicatorValue compute, IndicatorSources sources,
        CancellationToken ct)
    {
        var chosen = ParseYear(year);
        if (!chosen.Succeeded)
        {
            return chosen.ToProblem();
        }

        var result = await compute.RunAllAsync(id, chosen.Value, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.Select(i => IndicatorDtos.From(i, sources)).ToList()) : result.ToProblem();
    }

    /// <summary>A contract year given in the query string; empty is <c>null</c> (the current year).</summary>
    internal static Result<int?> ParseYear(string? year) =>
        string.IsNullOrWhiteSpace(year) ? Result<int?>.Ok(null)
        : int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? Result<int?>.Ok(parsed)
        : new Error("invalid_year", $"« {year.Trim()} » n'est pas une année du contrat (attendu 1 à 5).", "year");
}
