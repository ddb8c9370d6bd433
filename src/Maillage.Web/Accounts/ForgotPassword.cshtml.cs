using Maillage.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Accounts;

/// <summary>Anyone asks for a reset link by e-mail; the answer is the same whether or not the address has an account.</summary>
[AllowAnonymous]
public sealed class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await reset.RequestAsync(Email, (id, token) => ResetPasswordModel.Link(Request, id, token), ct);
        Sent = true;
        Email = null;
        return Page();
    }
}
