using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Territories.Published;

namespace Maillage.Web.Lifecycle;

/// <summary>The territory editor: the coordinator or an officer of the territory; officers may record an override.</summary>
public sealed class TerritoryModel(ReadCpts read, UpdateCpts update, GeoCatalog geo) : PageModel
{
    [BindProperty]
    public CptsForm Form { get; set; } = new();

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public bool CanOverride { get; private set; }

    public GeoCatalog Geo => geo;

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var detail = await LoadAsync(id, ct);
        if (detail is null)
        {
            return NotFound();
        }

        if (!detail.Tenant.Shapes)
        {
            return Forbid();
        }

        Form = new CptsForm { Version = detail.Cpts.Version, Territory = [.. detail.Units.Select(u => u.Code)] };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var input = new CptsInput(null, null, null, null, null, Form.Territory, Form.OverrideReason, Form.Version);
        var result = await update.RunAsync(id, input, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Territoire enregistré : {Maillage.Platform.French.Number(result.Value!.Population)} habitants, taille {result.Value.Tier}.";
            return Redirect($"/cpts/{id}");
        }

        if (result.Kind == ErrorKind.NotFound || await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return Page();
    }

    private async Task<CptsDetail?> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var result = await read.GetAsync(id, actor, ct);
        if (!result.Succeeded)
        {
            return null;
        }

        (Id, Title, CanOverride) = (id, result.Value!.Cpts.Name, result.Value.Tenant.Steers);
        return result.Value;
    }
}
