using System.Globalization;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Pages.Funding;

/// <summary>
/// The indicators of a CPTS's ACI contract: per mission, their targets and values per contract year, the achievement of a chosen year
/// and the expected variable part; the coordinator (or an admin) adds indicators and records values with their justification.
/// </summary>
public sealed class IndicatorsModel(ReadIndicators read, SaveIndicator save, RecordIndicatorValue record, TimeProvider clock) : PageModel
{
    public Cpts? Cpts { get; private set; }

    public AciContract? Contract { get; private set; }

    public IReadOnlyList<ContractIndicator> Indicators { get; private set; } = [];

    public Achievement? Achievement { get; private set; }

    public int Year { get; private set; }

    public bool CanManage { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public IReadOnlyList<string> Missions => Contract is null ? [] : IndicatorRules.Missions(Contract);

    public async Task<IActionResult> OnGetAsync(Guid id, int? year, CancellationToken ct) => await LoadAsync(id, year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, string? mission, string? name, string? kind, string? unit, bool localInitiative, string? weight,
        string?[]? targets, CancellationToken ct)
    {
        var errors = new List<Error>();
        var parsedWeight = Parse(weight, "weight", "Le poids", errors);
        var drafts = new List<TargetDraft>();
        for (var y = 1; y <= AciContract.Years; y++)
        {
            if (Parse(targets is not null && targets.Length >= y ? targets[y - 1] : null, "targets", $"La cible de l'année {y}", errors) is { } target)
            {
                drafts.Add(new TargetDraft(y, target));
            }
        }

        var result = errors.Count > 0 ? Result<ContractIndicator>.Fail(errors)
            : await save.CreateAsync(id, new IndicatorDraft(mission, name, kind, unit, localInitiative, parsedWeight, drafts), HttpContext.GetActor(), ct);
        return await AfterAsync(id, null, result, "Indicateur ajouté.", ct);
    }

    public async Task<IActionResult> OnPostValueAsync(Guid id, Guid indicatorId, int year, string? achieved, string? justification, CancellationToken ct)
    {
        var errors = new List<Error>();
        var value = Parse(achieved, "achieved", "La valeur atteinte", errors);
        var result = errors.Count > 0 ? Result<ContractIndicator>.Fail(errors)
            : await record.RunAsync(id, indicatorId, year, value, justification, HttpContext.GetActor(), ct);
        return await AfterAsync(id, year, result, $"Valeur de l'année {year} enregistrée.", ct);
    }

    /// <summary>A number typed with a comma or a point; empty is <c>null</c>.</summary>
    private static decimal? Parse(string? text, string field, string what, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (decimal.TryParse(text.Trim().Replace(',', '.').Replace("\u202F", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal),
            NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new Error("invalid_number", $"{what} « {text.Trim()} » n'est pas un nombre.", field));
        return null;
    }

    private async Task<IActionResult> AfterAsync(Guid id, int? year, Result<ContractIndicator> result, string message, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/cpts/{id}/contrat/indicateurs" + (year is { } y ? $"?year={y}" : ""));
        }

        if (result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Errors = result.Errors;
        Response.StatusCode = result.Kind switch
        {
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        return await LoadAsync(id, year, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, int? year, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var found = await read.ListAsync(id, actor, ct);
        if (!found.Succeeded)
        {
            return false;
        }

        (Cpts, Contract, Indicators) = (found.Value!.Cpts, found.Value!.Contract, found.Value!.Indicators);
        CanManage = actor.CanManage(Cpts);
        Year = year is >= 1 and <= AciContract.Years ? year.Value : IndicatorRules.YearOf(Contract, CreateCpts.Today(clock));
        Achievement = read.Achieve(Contract, Indicators, Year);
        return true;
    }
}
