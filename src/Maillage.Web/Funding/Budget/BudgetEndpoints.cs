using System.Globalization;
using Maillage.Funding.Budget;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;

namespace Maillage.Web.Funding.Budget;

/// <summary>
/// The budget of a CPTS (budget fléché, <c>/api/cpts/{id}/budget</c>): read by whoever may read the CPTS, written by its coordinator, its
/// treasurer or an admin; exports of a year for the accountant.
/// </summary>
public static class BudgetEndpoints
{
    private const string Excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapBudgetApi(this IEndpointRouteBuilder app)
    {
        var budget = app.MapGroup("/api/cpts/{id:guid}/budget").RequireAuthorization().WithTags("Funding");
        budget.MapGet("", Year).WithName("CptsBudget")
            .WithSummary("The budget lines of a calendar year (year=, default the current one) and their totals: income by source, spending by category, "
                + "mission and action sheet, spending that funds care (flagged, outside the ACI) apart, balance; with what the ACI contract's schedule expects that year")
            .Produces<BudgetDtos.Budget>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        budget.MapGet("/years", Years).WithName("CptsBudgetYears")
            .WithSummary("The totals of every year that has budget lines, side by side")
            .Produces<BudgetDtos.Years>().ProducesProblem(StatusCodes.Status404NotFound);
        budget.MapPost("/lines", Add).WithName("AddBudgetLine")
            .WithSummary("Adds a line: direction (income|spending), year, source (income: aci|fir|call-for-projects|local-authority|other) or category "
                + "(spending), mission (spending: operating|access|pathways|prevention|crisis|quality|support|none), actionSheet, label, planned, actual, note")
            .Produces<BudgetDtos.Line>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        budget.MapPut("/lines/{lineId:guid}", Edit).WithName("EditBudgetLine")
            .WithSummary("Changes a line (same fields as adding it); `version` is required and a stale one gets 409")
            .Produces<BudgetDtos.Line>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        budget.MapDelete("/lines/{lineId:guid}", Delete).WithName("DeleteBudgetLine")
            .WithSummary("Deletes a line; `version` (query) is required and a stale one gets 409")
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        budget.MapGet("/{year:int}.csv", (Guid id, int year, HttpContext http, ReadBudget read, CancellationToken ct) => ExportAsync(id, year, false, http, read, ct))
            .WithName("ExportBudgetCsv").WithSummary("One year's lines and totals for the accountant as CSV (« ; », UTF-8 with BOM); flagged lines marked")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        budget.MapGet("/{year:int}.xlsx", (Guid id, int year, HttpContext http, ReadBudget read, CancellationToken ct) => ExportAsync(id, year, true, http, read, ct))
            .WithName("ExportBudgetExcel").WithSummary("One year's lines and totals for the accountant as Excel (sheets Lignes and Totaux); flagged lines marked")
            .Produces(StatusCodes.Status200OK, contentType: Excel).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Year(Guid id, string? year, HttpContext http, ReadBudget read, CancellationToken ct)
    {
        int? chosen = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return new[] { new Error("invalid_year", $"« {year.Trim()} » n'est pas une année (attendu AAAA).", "year") }.ToProblem();
            }

            chosen = parsed;
        }

        var result = await read.RunAsync(id, chosen, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(BudgetDtos.From(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Years(Guid id, HttpContext http, ReadBudget read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, null, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(BudgetDtos.History(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Add(Guid id, BudgetDtos.LineRequest body, HttpContext http, SaveBudgetLine save, CancellationToken ct)
    {
        var result = await save.CreateAsync(id, body.ToDraft(), http.GetActor(), ct);
        return result.Succeeded
            ? TypedResults.Created($"/api/cpts/{id}/budget/lines/{result.Value!.Id}", BudgetDtos.From(result.Value!))
            : result.ToProblem();
    }

    private static async Task<IResult> Edit(Guid id, Guid lineId, BudgetDtos.LineRequest body, HttpContext http, SaveBudgetLine save, CancellationToken ct)
    {
        var result = await save.EditAsync(id, lineId, body.ToDraft(), body.Version, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.Ok(BudgetDtos.From(result.Value!)) : result.ToProblem();
    }

    private static async Task<IResult> Delete(Guid id, Guid lineId, int? version, HttpContext http, DeleteBudgetLine delete, CancellationToken ct)
    {
        var result = await delete.RunAsync(id, lineId, version, http.GetActor(), ct);
        return result.Succeeded ? TypedResults.NoContent() : result.ToProblem();
    }

    private static async Task<IResult> ExportAsync(Guid id, int year, bool excel, HttpContext http, ReadBudget read, CancellationToken ct)
    {
        var result = await read.RunAsync(id, year, http.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.ToProblem();
        }

        var stream = new MemoryStream();
        if (excel)
        {
            BudgetExport.WriteExcel(result.Value!, stream);
        }
        else
        {
            await BudgetExport.WriteCsvAsync(result.Value!, stream, ct);
        }

        stream.Position = 0;
        var name = BudgetExport.FileName(result.Value!);
        return excel ? TypedResults.File(stream, Excel, name + ".xlsx") : TypedResults.File(stream, "text/csv; charset=utf-8", name + ".csv");
    }
}
