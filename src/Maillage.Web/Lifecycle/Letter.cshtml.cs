using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Lifecycle;

/// <summary>The lettre d'intention as a structured form (domain-rules §3).</summary>
public sealed class LetterModel(ReadCpts read, UpdateLetter update) : PageModel
{
    [BindProperty]
    public LetterOfIntent Letter { get; set; } = new();

    [BindProperty]
    public int? Version { get; set; }

    public Guid Id { get; private set; }

    public string Title { get; private set; } = "";

    public long Population { get; private set; }

    public bool CanEdit { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public IReadOnlyList<(string Field, string Label)> Fields { get; } =
    [
        ("Actors", "Acteurs engagés"), ("Context", "Contexte"), ("Needs", "Besoins identifiés"),
        ("Objectives", "Objectifs"), ("Calendar", "Calendrier prévisionnel"), ("Obstacles", "Premiers obstacles"),
    ];

    public string? Value(string field) => typeof(LetterOfIntent).GetProperty(field)!.GetValue(Letter) as string;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, keepPosted: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var result = await update.RunAsync(id, Letter, Version, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            TempData["Message"] = "Lettre d'intention enregistrée.";
            return Redirect($"/cpts/{id}");
        }

        if (!await LoadAsync(id, keepPosted: true, ct))
        {
            return NotFound();
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, bool keepPosted, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var result = await read.GetAsync(id, actor, ct);
        if (!result.Succeeded)
        {
            return false;
        }

        var c = result.Value!.Cpts;
        (Id, Title, Population, CanEdit) = (id, c.Name, c.Population, result.Value.Tenant.Manages);
        if (!keepPosted)
        {
            (Letter, Version) = (c.Letter, c.Version);
        }

        return true;
    }
}
