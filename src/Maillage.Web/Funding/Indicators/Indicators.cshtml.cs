using System.Globalization;
using Maillage.Funding;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Platform.Indicators;
using Maillage.Lifecycle.Published;

namespace Maillage.Web.Funding.Indicators;

/// <summary>
/// The indicators of a CPTS's ACI contract: per mission, their targets and values per contract year, the achievement of a chosen year
/// and the expected variable part. The coordinator (or an admin) adds, edits and deletes indicators; the coordinator, the treasurer (or
/// an admin) record values with their justification and evidence, compute the computed ones, adjust targets and mark indicators obsolete.
/// </summary>
public sealed class IndicatorsModel(ReadIndicators read, SaveIndicator save, RecordIndicatorValue record, ComputeIndicatorValue compute,
    AdjustIndicatorTarget adjust, MarkIndicatorObsolete obsolete, FundingAccess access, IndicatorSources sources) : PageModel
{
    public CptsInfo? Cpts { get; private set; }

    /// <summary>How the reader stands towards the CPTS.</summary>
    public Tenant? Tenant { get; private set; }

    public AciContract? Contract { get; private set; }

    public IReadOnlyList<ContractIndicator> Indicators { get; private set; } = [];

    public Achievement? Achievement { get; private set; }

    public int Year { get; private set; }

    /// <summary>The view asked for (<c>vue</c>): the year's summary, entering values, or each indicator's follow-up.</summary>
    public string View { get; private set; } = Summary;

    public const string Summary = "synthese";

    public const string Entry = "saisie";

    public const string FollowUp = "suivi";

    /// <summary>The views this reader has: entering values only for those who may.</summary>
    public IEnumerable<(string View, string Label)> Views
    {
        get
        {
            yield return (Summary, "Synthèse de l'année");
            if (CanEditValues)
            {
                yield return (Entry, "Saisir les valeurs");
            }

            yield return (FollowUp, CanManage ? "Suivi et définition des indicateurs" : "Suivi des indicateurs");
        }
    }

    /// <summary>The address of a view, keeping the year shown.</summary>
    public string ViewUrl(string view) => $"/cpts/{Cpts!.Id}/contrat/indicateurs?"
        + (view == Summary ? "" : $"vue={view}&") + $"year={Year}";

    /// <summary>Defines indicators: the coordinator or an admin.</summary>
    public bool CanManage { get; private set; }

    /// <summary>Enters values, adjusts targets, marks obsolete: coordinator, treasurer, admin.</summary>
    public bool CanEditValues { get; private set; }

    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Tenant!.Today;

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public IReadOnlyList<string> Missions => Contract is null ? [] : IndicatorRules.Missions(Contract);

    /// <summary>The figures the platform computes, and those coming with their module.</summary>
    /// <summary>The figures the modules contribute (<see cref="IndicatorSources"/>).</summary>
    public IndicatorSources Sources => sources;

    public string SourcesText => string.Join(" ; ", sources.All.Select(s => s.Label))
        + ". À venir avec le module d'accès aux soins : " + string.Join(" ; ", ComputedSources.Coming);

    /// <summary>The fields of the add form (no indicator) or of an indicator's edit form.</summary>
    public IndicatorFields Fields(ContractIndicator? indicator) => new(indicator is null ? "add" : $"ind-{indicator.Id:N}", Missions, indicator);

    public async Task<IActionResult> OnGetAsync(Guid id, int? year, string? vue, CancellationToken ct) =>
        await LoadAsync(id, year, vue, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, string? mission, string? name, string? kind, string? unit, bool localInitiative, string? weight,
        string?[]? targets, string? source, string? sourceKey, CancellationToken ct)
    {
        var errors = new List<Error>();
        var draft = Draft(mission, name, kind, unit, localInitiative, weight, targets, errors);
        var result = errors.Count > 0 ? Result<ContractIndicator>.Fail(errors)
            : await save.CreateAsync(id, draft, new SourceDraft(source, sourceKey), HttpContext.GetActor(), ct);
        return await AfterAsync(id, null, FollowUp, result, "Indicateur ajouté.", ct);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid indicatorId, string? mission, string? name, string? kind, string? unit, bool localInitiative,
        string? weight, string?[]? targets, string? source, string? sourceKey, int? version, CancellationToken ct)
    {
        var errors = new List<Error>();
        var draft = Draft(mission, name, kind, unit, localInitiative, weight, targets, errors);
        var result = errors.Count > 0 ? Result<ContractIndicator>.Fail(errors)
            : await save.EditAsync(id, indicatorId, draft, new SourceDraft(source, sourceKey), version, HttpContext.GetActor(), ct);
        return await AfterAsync(id, null, FollowUp, result, "Indicateur modifié.", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid indicatorId, int? version, CancellationToken ct) =>
        await AfterAsync(id, null, FollowUp, await save.DeleteAsync(id, indicatorId, version, HttpContext.GetActor(), ct), "Indicateur supprimé.", ct);

    public async Task<IActionResult> OnPostValueAsync(Guid id, Guid indicatorId, int year, string? achieved, string? justification, string? evidence,
        CancellationToken ct)
    {
        var errors = new List<Error>();
        var value = FundingForms.Parse(achieved, "achieved", "La valeur atteinte", errors);
        var result = errors.Count > 0 ? Result<ContractIndicator>.Fail(errors)
            : await record.RunAsync(id, indicatorId, year, value, justification, evidence, HttpContext.GetActor(), ct);
        return await AfterAsync(id, year, Entry, result, $"Valeur de l'année {year} enregistrée.", ct);
    }

    public async Task<IActionResult> OnPostComputeAsync(Guid id, Guid indicatorId, int year, CancellationToken ct) =>
        await AfterAsync(id, year, Entry, await compute.RunAsync(id, indicatorId, year, HttpContext.GetActor(), ct), $"Valeur de l'année {year} calculée.", ct);

    public async Task<IActionResult> OnPostComputeAllAsync(Guid id, int year, CancellationToken ct)
    {
        var result = await compute.RunAllAsync(id, year, HttpContext.GetActor(), ct);
        return await AfterAsync(id, year, Entry, result, result.Succeeded
            ? $"{Maillage.Platform.French.Count(result.Value!.Count, "indicateur calculé", "indicateurs calculés")} pour l'année {year}." : "", ct);
    }

    public async Task<IActionResult> OnPostAdjustAsync(Guid id, Guid indicatorId, int? year, string? target, string? reason, string? agreedBy, string? agreedOn,
        int? version, CancellationToken ct)
    {
        var errors = new List<Error>();
        var value = FundingForms.Parse(target, "target", "La nouvelle cible", errors);
        DateOnly? on = null;
        if (!string.IsNullOrWhiteSpace(agreedOn))
        {
            if (DateOnly.TryParseExact(agreedOn.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                on = parsed;
            }
            else
            {
                errors.Add(UnreadableDates.BadlyWritten(agreedOn, "agreedOn"));
            }
        }

        var result = errors.Count > 0 ? Result<ContractIndicator>.Fail(errors)
            : await adjust.RunAsync(id, indicatorId, new AdjustmentDraft(year, value, reason, agreedBy, on), version, HttpContext.GetActor(), ct);
        return await AfterAsync(id, year, FollowUp, result, $"Cible de l'année {year} ajustée.", ct);
    }

    public async Task<IActionResult> OnPostObsoleteAsync(Guid id, Guid indicatorId, int? fromYear, string? reason, int? version, CancellationToken ct) =>
        await AfterAsync(id, null, FollowUp, await obsolete.RunAsync(id, indicatorId, fromYear, reason, version, HttpContext.GetActor(), ct),
            "Indicateur déclaré obsolète.", ct);

    public async Task<IActionResult> OnPostUndoObsoleteAsync(Guid id, Guid indicatorId, int? version, CancellationToken ct) =>
        await AfterAsync(id, null, FollowUp, await obsolete.UndoAsync(id, indicatorId, version, HttpContext.GetActor(), ct), "Indicateur de nouveau applicable.", ct);

    /// <summary>The indicator typed in a form, with its five targets (empty: none).</summary>
    private static IndicatorDraft Draft(string? mission, string? name, string? kind, string? unit, bool localInitiative, string? weight, string?[]? targets,
        List<Error> errors)
    {
        var parsedWeight = FundingForms.Parse(weight, "weight", "Le poids", errors);
        var drafts = new List<TargetDraft>();
        for (var y = 1; y <= AciContract.Years; y++)
        {
            if (FundingForms.Parse(targets is not null && targets.Length >= y ? targets[y - 1] : null, "targets", $"La cible de l'année {y}", errors) is { } target)
            {
                drafts.Add(new TargetDraft(y, target));
            }
        }

        return new IndicatorDraft(mission, name, kind, unit, localInitiative, parsedWeight, drafts);
    }

    /// <summary>After a form: back to the view it was sent from, with the message; or that view again with the errors and what was typed.</summary>
    private async Task<IActionResult> AfterAsync<T>(Guid id, int? year, string view, Result<T> result, string message, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/cpts/{id}/contrat/indicateurs?vue={view}" + (year is { } y ? $"&year={y}" : ""));
        }

        if (result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return await LoadAsync(id, year, view, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, int? year, string? view, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var found = await read.ListAsync(id, actor, ct);
        if (!found.Succeeded)
        {
            return false;
        }

        (Tenant, Cpts, Contract, Indicators) = (found.Value!.Tenant, found.Value.Cpts, found.Value.Contract, found.Value.Indicators);
        CanManage = Tenant.Manages;
        CanEditValues = (await access.RightsAsync(Tenant, Contract, ct)).EditValues;
        Year = year is >= 1 and <= AciContract.Years ? year.Value : IndicatorRules.YearOf(Contract, Today);
        View = Views.Select(v => v.View).Contains(view) ? view! : Summary;
        Achievement = read.Achieve(Contract, Indicators, Year, await read.CrisisDeclaredAsync(Contract, Year, ct));
        return true;
    }
}

/// <summary>What <c>_IndicatorFields</c> shows: the ids' prefix, the contract's missions and the indicator edited (none when adding).</summary>
public sealed record IndicatorFields(string Prefix, IReadOnlyList<string> Missions, ContractIndicator? Indicator);
