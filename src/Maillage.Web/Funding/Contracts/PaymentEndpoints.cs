using Maillage.Territories.Published;
using Maillage.Funding.Contracts;
using Maillage.Funding.Payments;
using Maillage.Web.Platform;

namespace Maillage.Web.Funding.Contracts;

/// <summary>
/// What the funders record on the latest contract of a CPTS: its payment parameters, the serious health crises, the payments received
/// per schedule line. Read by whoever may read the CPTS; recorded by the officer of the territory or an admin (others who read the CPTS
/// get a 403, others a 404).
/// </summary>
public static class PaymentEndpoints
{
    public static void MapPaymentApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var contract = app.MapGroup("/api/cpts/{id:guid}/contract").RequireAuthorization().WithTags("Funding");
        Change(contract.MapPut("/parameters", ChangeParameters), "ChangeAciContractParameters",
                "Sets the payment parameters: fixedAdvanceShare (in [0, 1], 4 decimals; 1 = the fixed part at once), variableRule "
                + "(proportional|threshold|all-or-nothing), variableFloor (in ]0, 1], threshold only), balanceMonths (0 to 24), version (stale → 409)")
            .Produces<ContractDtos.Contract>();
        contract.MapGet("/crises", Crises).WithName("AciContractCrises").WithSummary("The serious health crises declared per contract year")
            .Produces<IReadOnlyList<FunderDtos.Crisis>>().ProducesProblem(StatusCodes.Status404NotFound);
        Change(contract.MapPost("/crises", AddCrisis), "DeclareAciContractCrisis",
                "Declares a serious health crisis: year (a contract year 1–5 that has begun), declaredOn (inside that year, not in the future), "
                + "description (≤ 1,000 characters); one per year (409)")
            .Produces<FunderDtos.Crisis>(StatusCodes.Status201Created);
        Change(contract.MapDelete("/crises/{year:int}", RemoveCrisis), "DeleteAciContractCrisis", "Withdraws the crisis declared for a contract year")
            .Produces(StatusCodes.Status204NoContent);
        contract.MapGet("/payments", Payments).WithName("AciContractPayments")
            .WithSummary("The payments recorded per schedule line (year, line, part), amounts in euros")
            .Produces<IReadOnlyList<FunderDtos.Payment>>().ProducesProblem(StatusCodes.Status404NotFound);
        Change(contract.MapPut("/payments/{year:int}/{line}/{part}", RecordPayment), "RecordAciContractPayment",
                "Records (or corrects) the payment of a schedule line — part: operating|fixed-advance|fixed-balance|variable — "
                + "amount (≥ 0, euros and cents), paidOn (not in the future, not before the signature), reference (≤ 100 characters)")
            .Produces<FunderDtos.Payment>();
        Change(contract.MapDelete("/payments/{year:int}/{line}/{part}", RemovePayment), "DeleteAciContractPayment",
                "Removes the payment recorded for a schedule line")
            .Produces(StatusCodes.Status204NoContent);
    }

    private static RouteHandlerBuilder Change(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> ChangeParameters(Guid id, ContractDtos.ParametersRequest body, HttpContext http, ChangeContractParameters change,
        GeoCatalog geo, CancellationToken ct)
    {
        var result = await change.RunAsync(id, body.ToDraft(), body.Version, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(ContractDtos.From(result.Value!, geo)) : result.ToProblem();
    }

    private static async Task<IResult> Crises(Guid id, HttpContext http, ReadFunderRecords read, CancellationToken ct)
    {
        var result = await read.CrisesAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.List.Select(FunderDtos.From).ToList()) : result.ToProblem();
    }

    private static async Task<IResult> AddCrisis(Guid id, FunderDtos.CrisisRequest body, HttpContext http, RecordCrisis record, CancellationToken ct)
    {
        var result = await record.RunAsync(id, body.ToDraft(), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Created($"/api/cpts/{id}/contract/crises", FunderDtos.From(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> RemoveCrisis(Guid id, int year, HttpContext http, DeleteCrisis delete, CancellationToken ct)
    {
        var result = await delete.RunAsync(id, year, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }

    private static async Task<IResult> Payments(Guid id, HttpContext http, ReadFunderRecords read, CancellationToken ct)
    {
        var result = await read.PaymentsAsync(id, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(result.Value!.List.Select(FunderDtos.From).ToList()) : result.ToProblem();
    }

    private static async Task<IResult> RecordPayment(Guid id, int year, string line, string part, FunderDtos.PaymentRequest body, HttpContext http,
        RecordPayment record, CancellationToken ct)
    {
        var result = await record.RunAsync(id, year, line, part, body.ToDraft(), http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(FunderDtos.From(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> RemovePayment(Guid id, int year, string line, string part, HttpContext http, DeletePayment delete, CancellationToken ct)
    {
        var result = await delete.RunAsync(id, year, line, part, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }
}
