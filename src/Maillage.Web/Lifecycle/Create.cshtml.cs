using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Territories.Published;

namespace Maillage.Web.Lifecycle;

/// <summary>Registers a CPTS with its identity and territory (admins and officers).</summary>
public sealed class CreateModel(CreateCpts create, GeoCatalog geo) : PageModel
{
    [BindProperty]
    public CptsForm Form { get; set; } = new();

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public GeoCatalog Geo => geo;

    public bool CanOverride => HttpContext.GetActor().Role is Role.Admin or Role.Officer;

    public IActionResult OnGet() => HttpContext.GetActor().Role is Role.Admin or Role.Officer ? Page() : Forbid();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await create.RunAsync(Form.ToInput(withTerritory: true), HttpContext.GetActor(), null, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"La CPTS « {result.Value!.Name} » est enregistrée.";
            return Redirect($"/cpts/{result.Value.Id}");
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return Page();
    }
}
