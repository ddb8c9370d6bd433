using Maillage.Funding;
using Maillage.Funding.Reviews;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Funding.Reviews;

/// <summary>
/// The dialogue de gestion of a CPTS's contract: without a year, the five contract years and their reviews (opening one); with a year,
/// the record of its review — indicators of the year, actions outside the contract, the officer's decision form pre-filled with the
/// expected amounts, the decided outcome — and the links to its pack.
/// </summary>
public sealed class ReviewModel(ReadReviews list, BuildReviewPack build, OpenReview open, EditReview edit, AddReviewAction addAction,
    RemoveReviewAction removeAction, DecideReview decide, ReopenReview reopen) : PageModel, IRefusesForms
{
    /// <summary>A mission line of the decision form, as typed.</summary>
    public sealed class DecisionForm
    {
        public string? Mission { get; set; }

        public bool MeansDeployed { get; set; }

        public string? Fixed { get; set; }

        public string? Variable { get; set; }

        public string? Comment { get; set; }
    }

    public ReviewList? List { get; private set; }

    public ReviewPack? Pack { get; private set; }

    public int? Year { get; private set; }

    public bool IsAdmin => HttpContext.GetActor().Role == Maillage.Platform.Identity.Role.Admin;

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    /// <summary>What the decision form shows after a refusal (otherwise it is pre-filled from the pack).</summary>
    public IReadOnlyList<DecisionForm>? Typed { get; private set; }

    public string? TypedOutcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? year, CancellationToken ct) => await LoadAsync(id, year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(Guid id, int? openYear, CancellationToken ct)
    {
        var result = await open.RunAsync(id, openYear, HttpContext.GetActor(), ct);
        return result.Succeeded ? Done(id, result.Value!.Year, $"Dialogue de gestion de l'année {result.Value!.Year} ouvert.")
            : await RefusedAsync(id, null, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id, int year, DateOnly? heldOn, string? participants, int? version, CancellationToken ct)
    {
        var result = await edit.RunAsync(id, year, heldOn, participants, version, HttpContext.GetActor(), ct);
        return result.Succeeded ? Done(id, year, "Compte rendu enregistré.") : await RefusedAsync(id, year, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostAddActionAsync(Guid id, int year, string? title, string? mission, string? description, CancellationToken ct)
    {
        var result = await addAction.RunAsync(id, year, title, mission, description, HttpContext.GetActor(), ct);
        return result.Succeeded ? Done(id, year, "Action hors contrat ajoutée.") : await RefusedAsync(id, year, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostRemoveActionAsync(Guid id, int year, Guid actionId, CancellationToken ct)
    {
        var result = await removeAction.RunAsync(id, year, actionId, HttpContext.GetActor(), ct);
        return result.Succeeded ? Done(id, year, "Action hors contrat retirée.") : await RefusedAsync(id, year, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, int year, List<DecisionForm>? decisions, string? outcome, DateOnly? decidedOn, int? version,
        CancellationToken ct)
    {
        var errors = new List<Error>();
        var drafts = (decisions ?? []).Select(d => new MissionDecisionDraft(d.Mission, d.MeansDeployed,
            FundingForms.Parse(d.Fixed, "missions", $"La part fixe de la mission « {AciLabels.Line(d.Mission ?? "")} »", errors),
            FundingForms.Parse(d.Variable, "missions", $"La part variable de la mission « {AciLabels.Line(d.Mission ?? "")} »", errors), d.Comment)).ToList();
        var result = errors.Count > 0 ? Result<AnnualReview>.Fail(errors)
            : await decide.RunAsync(id, year, new DecisionDraft(drafts, outcome, decidedOn), version, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            return Done(id, year, "Décision enregistrée : le dialogue de gestion est clos.");
        }

        (Typed, TypedOutcome) = (decisions, outcome);
        return await RefusedAsync(id, year, result.Errors, ct);
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, int year, int? version, CancellationToken ct)
    {
        var result = await reopen.RunAsync(id, year, version, HttpContext.GetActor(), ct);
        return result.Succeeded ? Done(id, year, "Dialogue de gestion rouvert.") : await RefusedAsync(id, year, result.Errors, ct);
    }

    private RedirectResult Done(Guid id, int year, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/cpts/{id}/contrat/dialogue/{year}");
    }

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct)
    {
        (Typed, TypedOutcome) = (arguments.Get<List<DecisionForm>>("decisions"), arguments.Get<string>("outcome"));
        return RefusedAsync(arguments.Get<Guid>("id"), arguments.Get<int>("year"), errors, ct);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, int? year, IReadOnlyList<Error> errors, CancellationToken ct)
    {
        var kind = errors.Max(e => e.Kind);
        if (kind == ErrorKind.NotFound && errors.Any(e => e.Code is "not_found" or "no_contract"))
        {
            return NotFound();
        }

        Errors = errors;
        Response.StatusCode = PageErrors.StatusOf(kind);
        return await LoadAsync(id, year, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, int? year, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var years = await list.RunAsync(id, actor, ct);
        if (!years.Succeeded)
        {
            return false;
        }

        List = years.Value!;
        if (year is not { } chosen)
        {
            return true;
        }

        var pack = await build.RunAsync(id, chosen, actor, ct);
        (Year, Pack) = (chosen, pack.Value);
        return pack.Succeeded;
    }
}
