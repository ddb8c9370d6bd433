using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>« Signaler un patient sans médecin traitant »: a member (pharmacist, nurse, secretary) or the team files a request for a patient.</summary>
public sealed class NouvelleDemandeModel(TreatingAccess access, FileRequest file, DeskCommunes communes) : FormPageModel
{
    [BindProperty]
    public RequestForm Form { get; set; } = new();

    public TreatingScope? Scope { get; private set; }

    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];

    public FiledRequest? Filed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PageAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await PageAsync(id, ct) is { } refused)
        {
            return refused;
        }

        var result = await file.RunAsync(id, Form.Input(), HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Value is { Merged: true }
            ? "Ce patient avait déjà une demande en cours : vos informations y ont été ajoutées."
            : "La demande est enregistrée : la coordination de la CPTS va la trier et chercher un médecin.");
        if (result.Succeeded)
        {
            Filed = result.Value;
            Form = new RequestForm();
        }

        return Page();
    }

    private async Task<IActionResult?> PageAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.ResolveAsync(id, HttpContext.GetActor(), ct);
        if (!scope.Succeeded)
        {
            return NotFound();
        }

        Scope = scope.Value!;
        if (!Scope.Files)
        {
            return ForbiddenPage();
        }

        Communes = await communes.OfAsync(id, ct);
        return null;
    }
}
