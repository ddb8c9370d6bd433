using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>
/// The patient's own request, without an account (the poster's QR code leads here): the CPTS's communes by name, the criteria in plain
/// words, the consent text; guarded by <see cref="PublicFormGate"/> (hidden field, time stamp, posts per connection) — a refused post stores
/// nothing. A filing of someone already waiting is merged, and the patient is told the same thanks (nothing about others is disclosed).
/// </summary>
[AllowAnonymous]
public sealed class FormulaireModel(TreatingAccess access, FileRequest file, DeskCommunes communes, PublicFormGate gate) : FormPageModel
{
    [BindProperty]
    public RequestForm Form { get; set; } = new();

    [BindProperty(Name = PublicFormGate.HoneypotField)]
    public string? Trap { get; set; }

    [BindProperty(Name = PublicFormGate.StampField)]
    public string? PostedStamp { get; set; }

    public string CptsName { get; private set; } = "";

    public DateOnly Today { get; private set; }

    public IReadOnlyList<CommuneChoice> Communes { get; private set; } = [];

    public string Stamp { get; private set; } = "";

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid cptsId, CancellationToken ct) => await PageAsync(cptsId, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid cptsId, CancellationToken ct)
    {
        if (await PageAsync(cptsId, ct) is { } missing)
        {
            return missing;
        }

        if (!gate.Admit(HttpContext))
        {
            Outcome([new Maillage.Platform.Errors.Error("too_many", "Trop de demandes envoyées depuis cette connexion : réessayez dans quelques minutes.", null)], null);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (!string.IsNullOrEmpty(Trap))
        {
            // A robot filled the field people do not see: thanked like anyone, nothing stored.
            Done = true;
            return Page();
        }

        if (gate.Check(PostedStamp) is { } stale)
        {
            Outcome([new Maillage.Platform.Errors.Error("form_stamp", stale, null)], null);
            return Page();
        }

        var result = await file.PublicAsync(cptsId, Form.Input(), ct);
        Outcome(result.Errors, null);
        Done = result.Succeeded;
        return Page();
    }

    private async Task<IActionResult?> PageAsync(Guid cptsId, CancellationToken ct)
    {
        var scope = await access.ForPublicAsync(cptsId, ct);
        if (!scope.Succeeded)
        {
            return NotFound();
        }

        (CptsName, Today) = (scope.Value!.Tenant.Name, scope.Value.Today);
        Communes = await communes.OfAsync(cptsId, ct);
        Stamp = gate.Stamp();
        return null;
    }
}
