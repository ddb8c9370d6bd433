using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Territories.Published;
using Maillage.Accounts;
using Maillage.Web.Platform;

namespace Maillage.Web.Accounts;

/// <summary>Platform administrators list accounts, open new ones with their role and scope (région, département and CPTS chosen by name),
/// open one to change it (<see cref="AccountModel"/>), disable and re-enable them, and send a link to choose a new password.</summary>
public sealed class AccountsModel(ReadAccounts accounts, CreateAccount create, AccountStatus status, PasswordReset reset, ReadCpts read, GeoCatalog geo)
    : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new(null, null, "officer");

    public IReadOnlyList<MaillageUser> Users { get; private set; } = [];

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public AccountChoices Choices { get; private set; } = null!;

    /// <summary>The creation form's shared fields, as typed.</summary>
    public AccountFields Fields => new(Choices, Input.DisplayName, Input.Role, Input.Region, Input.Departement, Input.Cpts, Input.MemberRpps);

    /// <summary>The administrator's own account, which they may not disable.</summary>
    public string MyId => HttpContext.GetActor().UserId;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (HttpContext.GetActor().Role != Role.Admin)
        {
            return Forbid();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (HttpContext.GetActor().Role != Role.Admin)
        {
            return Forbid();
        }

        var result = await create.RunAsync(Input with { Cpts = string.IsNullOrEmpty(Input.Cpts) ? null : Input.Cpts }, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Compte créé : {result.Value!.Email}.";
            return Redirect("/comptes");
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostDisableAsync(string? id, CancellationToken ct) =>
        ActAsync(() => status.SetDisabledAsync(HttpContext.GetActor(), id, disabled: true, ct), u => $"Compte désactivé : {u.Email}.", ct);

    public Task<IActionResult> OnPostEnableAsync(string? id, CancellationToken ct) =>
        ActAsync(() => status.SetDisabledAsync(HttpContext.GetActor(), id, disabled: false, ct), u => $"Compte réactivé : {u.Email}.", ct);

    public Task<IActionResult> OnPostSendResetAsync(string? id, CancellationToken ct) =>
        ActAsync(() => reset.SendByAdminAsync(HttpContext.GetActor(), id, (user, token) => ResetPasswordModel.Link(Request, user, token), ct),
            u => $"Lien pour choisir un nouveau mot de passe envoyé à {u.Email}.", ct);

    private async Task<IActionResult> ActAsync(Func<Task<Result<MaillageUser>>> act, Func<MaillageUser, string> message, CancellationToken ct)
    {
        if (HttpContext.GetActor().Role != Role.Admin)
        {
            return Forbid();
        }

        var result = await act();
        if (result.Succeeded)
        {
            TempData["Message"] = message(result.Value!);
            return Redirect("/comptes");
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await accounts.ListAsync(ct);
        Choices = await AccountChoices.LoadAsync(geo, read, HttpContext.GetActor(), ct);
    }
}
