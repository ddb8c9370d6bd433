using Maillage.Funding.Contracts;
using Maillage.Funding.Payments;
using Maillage.Funding.Schedule;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Funding.Contracts;

/// <summary>
/// The payment schedule of a CPTS's latest ACI contract, year by year — due date, line, part, amount, how it was computed, whether it is
/// confirmed — with what was paid; the officers of the ARS and the CPAM recorded on the contract (or an admin) record, correct or remove
/// the payment of each line, and the other officers of the territory are told who does.
/// </summary>
public sealed class PaymentsModel(ReadFunding read, ReadFunderRecords records, RecordPayment record, DeletePayment delete)
    : PageModel, IRefusesForms
{
    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Funding!.Today;

    public ContractFunding? Funding { get; private set; }

    /// <summary>Payments recorded for a line the schedule no longer has (e.g. a balance once the advance share became 1).</summary>
    public IReadOnlyList<FundingPayment> Orphans { get; private set; } = [];

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    /// <summary>The line whose form was posted and refused, to show the values typed.</summary>
    public (int Year, string Line, string Part, string? Amount, DateOnly? PaidOn, string? Reference)? Posted { get; private set; }

    public bool CanDecide => Funding?.Rights.Decide == true;

    /// <summary>The schedule by contract year.</summary>
    public IEnumerable<IGrouping<int, ScheduleLine>> Years => (Funding?.Computation.Schedule ?? []).GroupBy(l => l.Year).OrderBy(g => g.Key);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPayAsync(Guid id, int year, string? line, string? part, string? amount, DateOnly? paidOn, string? reference,
        CancellationToken ct)
    {
        var errors = new List<Error>();
        var value = FundingForms.Parse(amount, "amount", "Le montant versé", errors);
        var result = errors.Count > 0 ? Result<FundingPayment>.Fail(errors)
            : await record.RunAsync(id, year, line, part, new PaymentDraft(value, paidOn, reference), HttpContext.GetActor(), ct);
        if (!result.Succeeded)
        {
            Posted = (year, line ?? "", part ?? "", amount, paidOn, reference);
        }

        return await AfterAsync(id, year, result, $"Versement de l'année {year} enregistré.", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, int year, string? line, string? part, CancellationToken ct)
    {
        var result = await delete.RunAsync(id, year, line, part, HttpContext.GetActor(), ct);
        return await AfterAsync(id, year, result, $"Versement de l'année {year} supprimé.", ct);
    }

    /// <summary>A line's id in the page: its year, line and part.</summary>
    public static string Key(int year, string line, PaymentPart part) => $"{year}-{line}-{PaymentRules.Id(part)}";

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct)
    {
        var year = arguments.Get<int>("year");
        Posted = (year, arguments.Get<string>("line") ?? "", arguments.Get<string>("part") ?? "", arguments.Get<string>("amount"), null, arguments.Get<string>("reference"));
        return AfterAsync(arguments.Get<Guid>("id"), year, Result<FundingPayment>.Fail(errors), "", ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, int year, Result<FundingPayment> result, string message, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/cpts/{id}/contrat/versements#annee-{year}");
        }

        if (result.Errors.Any(e => e.Code is "not_found" or "no_contract"))
        {
            return NotFound();
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var funding = await read.RunAsync(id, actor, ct);
        if (!funding.Succeeded)
        {
            return false;
        }

        Funding = funding.Value!;
        var payments = await records.PaymentsAsync(id, actor, ct);
        var schedule = Funding.Computation.Schedule;
        Orphans = [.. (payments.Value?.List ?? []).Where(p => !schedule.Any(l => l.Year == p.Year && l.Line == p.Line && l.Part == p.Part))];
        return true;
    }
}
