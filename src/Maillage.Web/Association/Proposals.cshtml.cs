using Maillage.Lifecycle.Published;
using Maillage.Platform.Time;
using Maillage.Association;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Association;

/// <summary>
/// The members' proposals of a CPTS, latest first, and the form to propose an action for an account linked to its adhérent. The CPTS's
/// members and managers read; officers are refused (403).
/// </summary>
public sealed class ProposalsModel(ReadProposals read, Tenancy tenancy) : PageModel
{
    /// <summary>The CPTS's clock: dates are those of the place.</summary>
    public LocalClock? Clock { get; private set; }

    /// <summary>The CPTS of the route.</summary>
    public Guid Id { get; private set; }

    public ProposalList? List { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public string? Title { get; private set; }

    public string? Description { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, string? title, string? description, [FromServices] SubmitProposal submit, CancellationToken ct)
    {
        var result = await submit.RunAsync(id, new ProposalInput(title, description), HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = "Proposition déposée : elle attend l'examen du bureau.";
            return Redirect($"/cpts/{id}/propositions/{result.Value!.Id}");
        }

        (Errors, Title, Description) = (result.Errors, title, description);
        var page = await LoadAsync(id, ct);
        if (List is not null)
        {
            Response.StatusCode = PageErrors.StatusOf(result.Kind);
        }

        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var result = await read.ListAsync(id, HttpContext.GetActor(), ct);
        if (!result.Succeeded && result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        List = result.Value;
        Clock = (await tenancy.ForPlatformAsync(id, ct)).Value?.Clock;
        Response.StatusCode = List is null ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
        return Page();
    }
}
