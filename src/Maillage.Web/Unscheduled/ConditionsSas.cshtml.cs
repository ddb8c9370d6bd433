using Maillage.Platform.Errors;
using Maillage.Unscheduled.Sas;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.Unscheduled;

/// <summary>
/// The platform's terms (CGU) a SAS regulator accepts at its first sign-in (docs/sas-guide.md §6.3), before the booking page it was
/// opening; the acceptance is recorded (<see cref="SasRegulator.TermsAcceptedAt"/>) and audited. Any other account is refused.
/// </summary>
public sealed class ConditionsSasModel(SasRegulatorDesk desk) : SnpPageModel
{
    /// <summary>Where to go once accepted: the booking page the regulator was opening (local addresses only).</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty] public bool Accept { get; set; }

    public SasRegulator? Regulator { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await PageAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Accept)
        {
            Outcome([new Error("terms_required", "Cochez la case pour accepter les conditions d'utilisation.", "accept")], null);
            return await PageAsync(ct);
        }

        var accepted = await desk.AcceptTermsAsync(HttpContext.GetActor(), ct);
        if (!accepted.Succeeded)
        {
            Outcome(accepted.Errors, null);
            return await PageAsync(ct);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Regulator = await desk.OfAsync(HttpContext.GetActor(), ct);
        return Regulator is { Active: true } ? Page() : ForbiddenPage();
    }
}
