using Maillage.Accounts;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Accounts;

/// <summary>The page of the mailed link: sets a new password with Identity's reset token, then sends to the sign-in page.</summary>
[AllowAnonymous]
public sealed class ResetPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    /// <summary>The absolute address of this page for an account and its URL-safe token.</summary>
    public static string Link(HttpRequest request, string id, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}/nouveau-mot-de-passe?id={Uri.EscapeDataString(id)}&token={Uri.EscapeDataString(token)}";
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await reset.ResetAsync(Id, Token, Password, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = "Mot de passe enregistré : connectez-vous avec le nouveau.";
            return Redirect("/connexion");
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return Page();
    }
}
