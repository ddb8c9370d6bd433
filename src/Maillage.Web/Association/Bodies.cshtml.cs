using Maillage.Association;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Directory.Published;

namespace Maillage.Web.Association;

/// <summary>
/// The association life of a CPTS: its bodies (statutory parameters, current mandates, their history), working groups and referents, and
/// the register of decisions with its exports. The CPTS's members and managers read; those who run the association (coordinator, admin,
/// bureau member) get the forms; officers are refused (403).
/// </summary>
public sealed class BodiesModel(ReadAssociation read, ReadDecisions decisions, Nomenclatures nomenclatures) : PageModel, IRefusesForms
{
    /// <summary>The CPTS of the route.</summary>
    public Guid Id { get; private set; }

    public AssociationView? View { get; private set; }

    public DecisionList? Register { get; private set; }

    public bool Forbidden { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public Nomenclatures Nomenclatures => nomenclatures;

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public Task<IActionResult> OnPostBodyAsync(Guid id, string? kind, int? noticeDays, int? quorumPercent, int? maxProxiesPerHolder, int? version,
        [FromServices] UpdateBody update, CancellationToken ct) =>
        AfterAsync(id, update.RunAsync(id, kind, new BodyInput(noticeDays, quorumPercent, maxProxiesPerHolder, version), Actor, ct),
            "Paramètres statutaires enregistrés.", "instances", ct);

    public Task<IActionResult> OnPostMandateAsync(Guid id, string? kind, Guid? memberId, string? office, DateOnly? from, [FromServices] AddMandate add,
        CancellationToken ct) =>
        AfterAsync(id, add.RunAsync(id, kind, new MandateInput(memberId, office, from), Actor, ct), "Mandat enregistré.", "instances", ct);

    public Task<IActionResult> OnPostEndMandateAsync(Guid id, Guid mandateId, DateOnly? to, string? reason, [FromServices] EndMandate end,
        CancellationToken ct) =>
        AfterAsync(id, end.RunAsync(id, mandateId, new EndMandateInput(to, reason), Actor, ct), "Fin du mandat enregistrée.", "instances", ct);

    public Task<IActionResult> OnPostGroupAsync(Guid id, string? name, string? purpose, DateOnly? createdOn, [FromServices] CreateWorkingGroup create,
        CancellationToken ct) =>
        AfterAsync(id, create.RunAsync(id, new WorkingGroupInput(name, purpose, createdOn), Actor, ct), "Groupe de travail créé.", "groupes", ct);

    public Task<IActionResult> OnPostCloseGroupAsync(Guid id, Guid groupId, DateOnly? closedOn, int? version, [FromServices] CloseWorkingGroup close,
        CancellationToken ct) =>
        AfterAsync(id, close.RunAsync(id, groupId, new CloseWorkingGroupInput(closedOn, version), Actor, ct), "Groupe de travail clos.", "groupes", ct);

    public Task<IActionResult> OnPostParticipantAsync(Guid id, Guid groupId, Guid? memberId, [FromServices] ChangeParticipants change, CancellationToken ct) =>
        AfterAsync(id, change.AddAsync(id, groupId, memberId, Actor, ct), "Participant ajouté.", "groupes", ct);

    public Task<IActionResult> OnPostRemoveParticipantAsync(Guid id, Guid groupId, Guid memberId, [FromServices] ChangeParticipants change,
        CancellationToken ct) =>
        AfterAsync(id, change.RemoveAsync(id, groupId, memberId, Actor, ct), "Participant retiré.", "groupes", ct);

    /// <summary>The target is <c>p:&lt;profession code&gt;</c> or <c>g:&lt;working group id&gt;</c> (one select for both).</summary>
    public Task<IActionResult> OnPostReferentAsync(Guid id, Guid? memberId, string? target, DateOnly? from, [FromServices] AddReferent add,
        CancellationToken ct)
    {
        var (profession, group) = target switch
        {
            ['p', ':', .. var code] => (code, (Guid?)null),
            ['g', ':', .. var gid] when Guid.TryParse(gid, out var parsed) => (null, parsed),
            _ => ((string?)null, (Guid?)null),
        };
        return AfterAsync(id, add.RunAsync(id, new ReferentInput(memberId, profession, group, from), Actor, ct), "Référent enregistré.", "referents", ct);
    }

    public Task<IActionResult> OnPostEndReferentAsync(Guid id, Guid referentId, DateOnly? to, [FromServices] EndReferent end, CancellationToken ct) =>
        AfterAsync(id, end.RunAsync(id, referentId, to, Actor, ct), "Fin du référent enregistrée.", "referents", ct);

    private Maillage.Platform.Tenancy.Actor Actor => HttpContext.GetActor();

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct) =>
        AfterAsync(arguments.Get<Guid>("id"), Task.FromResult(Result<object>.Fail(errors)), "", "", ct);

    /// <summary>Back to the section after a change (post/redirect/get), or the page again with the errors and the status they call for.</summary>
    private async Task<IActionResult> AfterAsync<T>(Guid id, Task<Result<T>> change, string message, string section, CancellationToken ct)
    {
        var result = await change;
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/cpts/{id}/association#{section}");
        }

        Errors = result.Errors;
        var page = await LoadAsync(id, ct);
        if (page is PageResult && !Forbidden)
        {
            Response.StatusCode = PageErrors.StatusOf(result.Kind);
        }

        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var result = await read.RunAsync(id, Actor, ct);
        if (!result.Succeeded && result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Forbidden = !result.Succeeded;
        View = result.Value;
        Register = Forbidden ? null : (await decisions.RunAsync(id, Actor, ct)).Value;
        Response.StatusCode = Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
        return Page();
    }
}
