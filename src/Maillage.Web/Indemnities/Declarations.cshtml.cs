using System.Globalization;
using Maillage.Indemnities;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Directory.Published;

namespace Maillage.Web.Indemnities;

/// <summary>
/// Mission time and indemnities of a CPTS: a linked member declares its time and follows it; the coordinator and the bureau validate or
/// refuse, keep the scale and the profession notes; the treasurer makes payment batches, marks them paid and exports them; every reader
/// sees the officers' cap, the concentration warning and the totals by year, profession and activity without names.
/// </summary>
public sealed class DeclarationsModel(ReadIndemnities read, DeclareTime declare, ValidateDeclaration validate, RejectDeclaration reject,
    CreateScale createScale, DeleteScale deleteScale, SaveProfessionNote saveNote, CreatePaymentBatch createBatch, MarkBatchPaid markPaid,
    CancelPaymentBatch cancelBatch, Maillage.Directory.Published.Nomenclatures nomenclatures) : PageModel, IRefusesForms
{
    /// <summary>Today where the CPTS is: the latest mission and payment date the forms offer.</summary>
    public DateOnly Today => Summary!.Clock.Today;

    public IndemnitySummary? Summary { get; private set; }

    /// <summary>The declarations the reader may see: all for the validators and payers, its own for a linked member, none otherwise.</summary>
    public IReadOnlyList<DeclarationRow>? Declarations { get; private set; }

    public IReadOnlyList<BatchSummary> Batches { get; private set; } = [];

    /// <summary>Batches not yet paid, with their totals per person (whom to transfer what).</summary>
    public IReadOnlyList<BatchDetail> OpenBatches { get; private set; } = [];

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public string? Message { get; private set; }

    public Maillage.Directory.Published.Nomenclatures Nomenclatures => nomenclatures;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeclareAsync(Guid id, DateOnly? missionDate, string? activity, string? hours, string? description, Guid? memberId,
        CancellationToken ct)
    {
        var parsed = Number(hours, "hours", "Le nombre d'heures");
        if (!parsed.Succeeded)
        {
            return await DoneAsync(id, parsed.Errors, null, ct);
        }

        var result = await declare.RunAsync(id, new DeclarationInput(missionDate, activity, parsed.Value, description, memberId), HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors, "La déclaration est enregistrée ; elle attend sa validation.", ct);
    }

    public async Task<IActionResult> OnPostValidateAsync(Guid id, Guid declarationId, int? version, CancellationToken ct)
    {
        var result = await validate.RunAsync(id, declarationId, new ReviewInput(version), HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors,
            result.Succeeded ? $"Déclaration validée : {IndemnityLabels.Euros(result.Value!.Amount ?? 0m)}." : null, ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, Guid declarationId, int? version, string? reason, CancellationToken ct)
    {
        var result = await reject.RunAsync(id, declarationId, new ReviewInput(version, reason), HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors, "La déclaration est refusée.", ct);
    }

    public async Task<IActionResult> OnPostScaleAsync(Guid id, DateOnly? effectiveFrom, string? reference, string? meeting, string? action, string? training,
        string? governance, string? overrideProfession, string? overrideActivity, string? overrideRate, CancellationToken ct)
    {
        var errors = new List<Error>();
        var rates = new List<ScaleRateInput>();
        foreach (var (activity, text) in new[] { (Activity.Meeting, meeting), (Activity.Action, action), (Activity.Training, training), (Activity.Governance, governance) })
        {
            Add(rates, errors, activity.Code(), null, text, "rate-" + activity.Code(), $"Le taux « {activity.French()} »");
        }

        if (!string.IsNullOrWhiteSpace(overrideProfession) || !string.IsNullOrWhiteSpace(overrideRate))
        {
            Add(rates, errors, overrideActivity, overrideProfession, overrideRate, "overrideRate", "Le taux de la profession");
        }

        if (errors.Count > 0)
        {
            return await DoneAsync(id, errors, null, ct);
        }

        var result = await createScale.RunAsync(id, new ScaleInput(effectiveFrom, reference, rates), HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors, "La nouvelle version du barème est enregistrée.", ct);
    }

    public async Task<IActionResult> OnPostDeleteScaleAsync(Guid id, Guid scaleId, CancellationToken ct)
    {
        var result = await deleteScale.RunAsync(id, scaleId, HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors, "La version du barème est supprimée.", ct);
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? profession, string? text, int? version, CancellationToken ct)
    {
        var result = await saveNote.RunAsync(id, profession, new ProfessionNoteInput(text, version), HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors, "La note est enregistrée.", ct);
    }

    public async Task<IActionResult> OnPostBatchAsync(Guid id, DateOnly? until, CancellationToken ct)
    {
        var result = await createBatch.RunAsync(id, until, HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors,
            result.Succeeded ? $"Lot {result.Value!.Number} créé : {IndemnityLabels.Euros(result.Value.Total)}." : null, ct);
    }

    public async Task<IActionResult> OnPostPaidAsync(Guid id, Guid batchId, DateOnly? paidOn, int? version, CancellationToken ct)
    {
        var result = await markPaid.RunAsync(id, batchId, new BatchChangeInput(paidOn, version), HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors, result.Succeeded ? $"Lot {result.Value!.Number} payé." : null, ct);
    }

    public async Task<IActionResult> OnPostCancelBatchAsync(Guid id, Guid batchId, int? version, CancellationToken ct)
    {
        var result = await cancelBatch.RunAsync(id, batchId, new BatchChangeInput(Version: version), HttpContext.GetActor(), ct);
        return await DoneAsync(id, result.Errors, result.Succeeded ? $"Lot {result.Value!.Number} annulé." : null, ct);
    }

    /// <summary>A number typed the French (12,5) or the browser's (12.5) way; null when empty.</summary>
    private static Result<decimal?> Number(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<decimal?>.Ok(null);
        }

        return decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? Result<decimal?>.Ok(value)
            : new Error("invalid_number", $"{what} n'est pas un nombre : « {text} ».", field);
    }

    private static void Add(List<ScaleRateInput> rates, List<Error> errors, string? activity, string? profession, string? text, string field, string what)
    {
        var rate = Number(text, field, what);
        if (!rate.Succeeded)
        {
            errors.AddRange(rate.Errors);
        }
        else if (rate.Value is { } value)
        {
            rates.Add(new ScaleRateInput(activity, value, profession));
        }
    }

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct) =>
        DoneAsync(arguments.Get<Guid>("id"), errors, null, ct);

    /// <summary>Shows the page again with the outcome: the message, or the errors and their status (403, 409, 422); 404 outside the CPTS.</summary>
    private async Task<IActionResult> DoneAsync(Guid id, IReadOnlyList<Error> errors, string? message, CancellationToken ct)
    {
        if (errors.Count == 0)
        {
            Message = message;
        }
        else
        {
            Errors = errors;
            Response.StatusCode = PageErrors.StatusOf(errors.Max(e => e.Kind));
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var summary = await read.SummaryAsync(id, actor, ct);
        if (!summary.Succeeded)
        {
            return false;
        }

        Summary = summary.Value;
        Declarations = (await read.DeclarationsAsync(id, actor, null, ct)).Value;
        if (Summary!.SeesAll)
        {
            Batches = (await read.BatchesAsync(id, actor, ct)).Value ?? [];
            var open = new List<BatchDetail>();
            foreach (var b in Batches.Where(b => b.Batch.PaidOn is null))
            {
                if ((await read.BatchAsync(id, b.Batch.Id, actor, ct)).Value is { } detail)
                {
                    open.Add(detail);
                }
            }

            OpenBatches = open;
        }

        return true;
    }
}
