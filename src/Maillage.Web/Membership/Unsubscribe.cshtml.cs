using Maillage.Web.Platform;
using Maillage.Membership.Campaigns;
using Maillage.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Membership;

/// <summary>
/// The unsubscribe link of a campaign message, open without an account (the signed token is the proof). Opening it changes nothing —
/// mail scanners open links — and shows a button; confirming records the unsubscription. The POST also answers RFC 8058 one-click
/// requests (<c>List-Unsubscribe=One-Click</c>), which carry no antiforgery token: the token in the address is what protects it.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(Unsubscribe unsubscribe) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "t")]
    public string? Token { get; set; }

    public UnsubscribeView? View { get; private set; }

    public bool Done { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(await unsubscribe.ReadAsync(Token, ct), done: false);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => Show(await unsubscribe.RunAsync(Token, ct), done: true);

    private PageResult Show(Maillage.Platform.Errors.Result<UnsubscribeView> result, bool done)
    {
        if (result.Succeeded)
        {
            (View, Done) = (result.Value, done || result.Value!.Unsubscribed);
        }
        else
        {
            Errors = result.Errors;
            Response.StatusCode = PageErrors.StatusOf(result.Kind);
        }

        return Page();
    }
}
