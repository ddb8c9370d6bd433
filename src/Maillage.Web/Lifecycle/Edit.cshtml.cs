using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Lifecycle;

/// <summary>Edits the association identity of a CPTS (its coordinator); a stale version is refused.</summary>
public sealed class EditModel(ReadCpts read, UpdateCpts update) : PageModel
{
    [BindProperty]
    public CptsForm Form { get; set; } = new();

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var result = await read.GetAsync(id, actor, ct);
        if (!result.Succeeded)
        {
            return NotFound();
        }

        if (!result.Value!.Tenant.Manages)
        {
            return Forbid();
        }

        (Id, Title, Form) = (id, result.Value.Cpts.Name, CptsForm.From(result.Value.Cpts));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await update.RunAsync(id, Form.ToInput(withTerritory: false), HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = "Identité enregistrée.";
            return Redirect($"/cpts/{id}");
        }

        if (result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        (Id, Title, Errors) = (id, Form.Name ?? "", result.Errors);
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return Page();
    }
}
