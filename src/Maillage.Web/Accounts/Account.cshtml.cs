using Maillage.Accounts;
using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Territories.Published;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Accounts;

/// <summary>
/// An administrator changes one account (« Modifier » on a line of <c>/comptes</c>): its display name, its role and its scope, chosen by name
/// as when it is opened, pre-filled with what it is now. A refused change answers with the typed values and the reasons next to their fields;
/// a change crossed by another administrator's answers 409. A second form marks the account as the SAS platform's (« Compte de la plateforme
/// SAS », <see cref="SasPlatformAccount"/>).
/// </summary>
public sealed class AccountModel(ReadAccounts accounts, EditAccount edit, ReadCpts read, GeoCatalog geo, SasPlatformAccount sasAccount) : PageModel
{
    [BindProperty]
    public AccountChange Input { get; set; } = new(null, null);

    public string Email { get; private set; } = "";

    public bool Disabled { get; private set; }

    public bool OwnAccount { get; private set; }

    /// <summary>Whether the account is the SAS platform's (its token reads <c>/fhir</c>).</summary>
    public bool Sas { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public AccountChoices Choices { get; private set; } = null!;

    public AccountFields Fields => new(Choices, Input.DisplayName, Input.Role, Input.Region, Input.Departement, Input.Cpts, Input.MemberRpps, OwnAccount);

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (HttpContext.GetActor().Role != Role.Admin)
        {
            return Forbid();
        }

        var account = await accounts.FindAsync(id, ct);
        if (account is null)
        {
            return NotFound();
        }

        Input = account.Current;
        await LoadAsync(account, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        if (actor.Role != Role.Admin)
        {
            return Forbid();
        }

        var result = await edit.RunAsync(actor, id, Input, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = $"Compte modifié : {result.Value!.Email}.";
            return Redirect("/comptes");
        }

        var account = await accounts.FindAsync(id, ct);
        if (account is null || result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        await LoadAsync(account, ct);
        return Page();
    }

    /// <summary>The checkbox « Compte de la plateforme SAS »: checked grants the mark, unchecked takes it away.</summary>
    public async Task<IActionResult> OnPostSasAsync(string id, bool sas, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        if (actor.Role != Role.Admin)
        {
            return Forbid();
        }

        var account = await accounts.FindAsync(id, ct);
        if (account is null)
        {
            return NotFound();
        }

        var result = await sasAccount.SetAsync(actor, account.Id, sas, ct);
        if (result.Succeeded)
        {
            TempData["Message"] = (result.Value, sas) switch
            {
                (false, _) => $"Compte inchangé : {account.Email}.",
                (true, true) => $"Compte marqué pour la plateforme SAS : {account.Email}.",
                _ => $"Marque de la plateforme SAS retirée : {account.Email}.",
            };
            return Redirect("/comptes");
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        Input = account.Current;
        await LoadAsync(account, ct);
        return Page();
    }

    private async Task LoadAsync(AccountToEdit account, CancellationToken ct)
    {
        Sas = await sasAccount.IsGrantedAsync(account.Id);
        (Email, Disabled, OwnAccount) = (account.Email, account.Disabled, account.Id == HttpContext.GetActor().UserId);
        Choices = await AccountChoices.LoadAsync(geo, read, HttpContext.GetActor(), ct);
    }
}
