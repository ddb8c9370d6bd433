using Maillage.Funding.Schedule;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Funding.Schedule;

/// <summary>
/// What the ACI contract of a CPTS gives and when: per contract year, per line, the maximum, the expected, the decided and the paid amounts
/// with their notes and a chart, then the payment schedule with its explanations. For whoever may read the contract (404 otherwise, and for a
/// CPTS without a contract).
/// </summary>
public sealed class ScheduleModel(ReadFunding read) : PageModel
{
    public ContractFunding? Funding { get; private set; }

    public ScheduleTotalsDocument? ScheduleTotals { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public ContractComputation Computation() => Funding!.Computation;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await read.RunAsync(id, HttpContext.GetActor(), ct);
        if (!result.Succeeded)
        {
            if (result.Kind == ErrorKind.NotFound)
            {
                return NotFound();
            }

            Errors = result.Errors;
            Response.StatusCode = PageErrors.StatusOf(result.Kind);
            return Page();
        }

        Funding = result.Value!;
        ScheduleTotals = FundingDocuments.Totals(Funding.Computation);
        return Page();
    }
}
