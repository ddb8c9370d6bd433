using Maillage.Funding.Schedule;
using Maillage.Web.Platform;

namespace Maillage.Web.Funding.Schedule;

/// <summary>
/// What the contract of a CPTS gives and when it is paid: <c>/api/cpts/{id}/contract/funding</c>, <c>…/schedule</c> and <c>…/schedule.csv</c>,
/// for whoever may read the contract (404 otherwise, and for a CPTS without a contract).
/// </summary>
public static class ScheduleEndpoints
{
    public static void MapScheduleApi(this IEndpointRouteBuilder app)
    {
        var contract = app.MapGroup("/api/cpts/{id:guid}/contract").RequireAuthorization().WithTags("Funding");
        contract.MapGet("/funding", Funding).WithName("AciFunding")
            .WithSummary("Per contract year and line of the grid in force: maximum, expected (fixed due + variable from the indicators), decided "
                + "(the review's decision), paid, with French notes; totals per year and for the contract")
            .Produces<FundingDocument>().ProducesProblem(StatusCodes.Status404NotFound);
        contract.MapGet("/schedule", Schedule).WithName("AciSchedule")
            .WithSummary("The payment schedule: per year, line and part (operating, fixed-advance, fixed-balance, variable) the due date, the amount, "
                + "whether it is confirmed or a forecast, what was paid and a French explanation; totals")
            .Produces<ScheduleDocument>().ProducesProblem(StatusCodes.Status404NotFound);
        contract.MapGet("/schedule.csv", ScheduleCsv).WithName("AciScheduleCsv")
            .WithSummary("The payment schedule as CSV (« ; », UTF-8 with BOM, French headers)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Funding(Guid id, HttpContext http, ReadFunding read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(FundingDocuments.Funding(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Schedule(Guid id, HttpContext http, ReadFunding read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(FundingDocuments.Schedule(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> ScheduleCsv(Guid id, HttpContext http, ReadFunding read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var stream = new MemoryStream();
        await FundingDocuments.WriteCsvAsync(result.Value!.Computation, stream, ct);
        stream.Position = 0;
        return TypedResults.File(stream, "text/csv; charset=utf-8", "echeancier-aci.csv");
    }
}
