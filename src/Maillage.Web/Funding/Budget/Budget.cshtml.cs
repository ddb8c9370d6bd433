using System.Globalization;
using Maillage.Funding.Budget;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Funding.Budget;

/// <summary>
/// The budget of a CPTS for a calendar year (budget fléché): income by source, spending by category, mission and action sheet, spending that
/// funds care flagged, totals, a chart of spending per mission, every year side by side and the exports; the coordinator, the treasurer and an
/// admin add, change and delete lines.
/// </summary>
public sealed class BudgetModel(ReadBudget read, SaveBudgetLine save, DeleteBudgetLine delete) : PageModel
{
    /// <summary>What a line form shows: the values typed (kept after an error) or those of the line being changed.</summary>
    public sealed record LineForm(string Direction, Guid? LineId, int? Version, string? Year, string? Source, string? Category, string? Mission,
        string? ActionSheet, string? Label, string? Planned, string? Actual, string? Note, int FirstYear, int LastYear);

    /// <summary>A table of spending groups (by mission, action sheet or category) with its total.</summary>
    public sealed record GroupTable(string Id, string Caption, string Column, IReadOnlyList<BudgetGroup> Groups, BudgetAmount Total);

    public BudgetView? View { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    /// <summary>The form of the line being changed, or of the line whose save failed.</summary>
    public LineForm? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? year, Guid? edit, CancellationToken ct)
    {
        // A CPTS the user may not read is a 404 page; a line deleted meanwhile is said on the page.
        if (!await LoadAsync(id, year, ct))
        {
            return NotFound();
        }

        if (edit is { } lineId && View!.Rights.EditValues && View.Lines.FirstOrDefault(l => l.Id == lineId) is { } line)
        {
            Editing = Form(line);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, Guid? lineId, int? version, string? direction, string? year, string? source, string? category,
        string? mission, string? actionSheet, string? label, string? planned, string? actual, string? note, CancellationToken ct)
    {
        var errors = new List<Error>();
        var parsedYear = FundingForms.Parse(year, "year", "L'année", errors, "une année", wholeNumber: true);
        var draft = new BudgetLineDraft(direction, parsedYear is { } y ? (int)y : null, source, category, mission, actionSheet, label,
            FundingForms.Parse(planned, "planned", "Le montant prévu", errors, "un montant"), FundingForms.Parse(actual, "actual", "Le montant réalisé", errors, "un montant"), note);
        var result = errors.Count > 0 ? Result<BudgetLine>.Fail(errors)
            : lineId is { } existing ? await save.EditAsync(id, existing, draft, version, HttpContext.GetActor(), ct)
            : await save.CreateAsync(id, draft, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = (lineId is null ? "Ligne ajoutée : " : "Ligne modifiée : ") + result.Value!.Label
                + (BudgetLabels.Warning(result.Value!) is { } warning ? ". Attention — " + warning : ".");
            return Redirect($"/cpts/{id}/budget?year={result.Value!.Year}");
        }

        var form = new LineForm(direction ?? "", lineId, version, year, source, category, mission, actionSheet, label, planned, actual, note, 0, 0);
        return await FailedAsync(id, parsedYear is { } shown ? ((int)shown).ToString(CultureInfo.InvariantCulture) : null, result.Errors, result.Kind, form, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid lineId, int? version, string? year, CancellationToken ct)
    {
        var result = await delete.RunAsync(id, lineId, version, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Ligne supprimée : {result.Value!.Label}.";
            return Redirect($"/cpts/{id}/budget?year={result.Value!.Year}");
        }

        return await FailedAsync(id, year, result.Errors, result.Kind, null, ct);
    }

    /// <summary>The fields of a line, for its edit form.</summary>
    public LineForm Form(BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        static string? Amount(decimal? a) => a is null ? null : FundingForms.Amount(a);
        return new LineForm(BudgetLabels.Id(line.Direction), line.Id, line.Version, line.Year.ToString(CultureInfo.InvariantCulture),
            line.Source is { } s ? BudgetLabels.Id(s) : null, line.Category is { } c ? BudgetLabels.Id(c) : null, line.Mission, line.ActionSheet, line.Label,
            Amount(line.Planned), Amount(line.Actual), line.Note, View!.FirstYear, View.LastYear);
    }

    /// <summary>An empty form to add a line of that direction in the year shown.</summary>
    public LineForm NewForm(string direction) =>
        new(direction, null, null, View!.Year.ToString(CultureInfo.InvariantCulture), null, null, null, null, null, null, null, null, View.FirstYear, View.LastYear);

    private async Task<IActionResult> FailedAsync(Guid id, string? year, IReadOnlyList<Error> errors, ErrorKind kind, LineForm? form, CancellationToken ct)
    {
        Response.StatusCode = PageErrors.StatusOf(kind);
        // A CPTS the user may not read is a 404 page; a line deleted meanwhile is said on the page.
        if (!await LoadAsync(id, year, ct))
        {
            return NotFound();
        }

        Errors = [.. errors, .. Errors];
        Editing = form is not null && View!.Rights.EditValues && kind != ErrorKind.Conflict ? form with { FirstYear = View.FirstYear, LastYear = View.LastYear } : null;
        return Page();
    }

    /// <summary>Loads the year asked for; a year that is not one (or out of range) shows the current year with a French error.</summary>
    private async Task<bool> LoadAsync(Guid id, string? year, CancellationToken ct)
    {
        var errors = new List<Error>();
        var chosen = FundingForms.Parse(year, "year", "L'année", errors, "une année", wholeNumber: true);
        var result = await read.RunAsync(id, chosen is { } c ? (int)c : null, HttpContext.GetActor(), ct);
        if (!result.Succeeded && result.Kind == ErrorKind.Validation)
        {
            errors.AddRange(result.Errors);
            result = await read.RunAsync(id, null, HttpContext.GetActor(), ct);
        }

        if (!result.Succeeded)
        {
            return false;
        }

        (View, Errors) = (result.Value, errors);
        return true;
    }
}
