using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Territories.Published;
using Maillage.Accounts;
using Maillage.Web.Platform;

namespace Maillage.Web.Accounts;

/// <summary>Platform administrators list accounts and open new ones with their role and scope.</summary>
public sealed class AccountsModel(ReadAccounts accounts, CreateAccount create, ReadCpts read, GeoCatalog geo) : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new(null, null, "officer");

    public IReadOnlyList<MaillageUser> Users { get; private set; } = [];

    public IReadOnlyList<CptsListItem> CptsList { get; private set; } = [];

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    private Dictionary<Guid, string> cptsNames = [];

    public string Scope(MaillageUser u) => u.Role switch
    {
        Role.Officer when u.ScopeRegion is { } r => $"Région {geo.Regions.GetValueOrDefault(r)?.Name} ({r})",
        Role.Officer when u.ScopeDepartement is { } d => $"Département {geo.Departements.GetValueOrDefault(d)?.Name} ({d})",
        Role.Coordinator or Role.Member when u.CptsId is { } id => cptsNames.GetValueOrDefault(id, id.ToString()),
        _ => "toute la plateforme",
    };

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

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await accounts.ListAsync(ct);
        CptsList = await read.ListAsync(HttpContext.GetActor(), ct);
        cptsNames = CptsList.ToDictionary(c => c.Id, c => c.Name);
    }
}
