using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Platform.Account;

/// <summary>Log in with e-mail and password; five failures lock the account for 15 minutes; a disabled account is told so.</summary>
public sealed class LoginModel(SignInManager<MaillageUser> signIn, UserManager<MaillageUser> users, ILogger<LoginModel> logger) : PageModel
{
    public const string DisabledMessage = "Ce compte est désactivé : adressez-vous à l'administrateur.";

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await signIn.PasswordSignInAsync(Email ?? "", Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Web.Platform.SecurityLog.SignedIn(logger, Email ?? "");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        Web.Platform.SecurityLog.SignInFailed(logger, Email ?? "", result.IsLockedOut);
        var disabled = result.IsLockedOut && await users.FindByEmailAsync(Email ?? "") is { } user && user.IsDisabled();
        Error = disabled ? DisabledMessage
            : result.IsLockedOut
            ? "Compte verrouillé après plusieurs échecs : réessayez dans 15 minutes."
            : "Adresse e-mail ou mot de passe incorrect.";
        return Page();
    }
}
