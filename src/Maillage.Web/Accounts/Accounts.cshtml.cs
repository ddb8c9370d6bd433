using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Territories.Published;
using Maillage.Accounts;
using Maillage.Web.Platform;
using Maillage.Platform;

namespace Maillage.Web.Accounts;

/// <summary>Platform administrators list accounts, open new ones with their role and scope (région, département and CPTS chosen by name),
/// disable and re-enable them, and send a link to choose a new password.</summary>
public sealed class AccountsModel(ReadAccounts accounts, CreateAccount create, AccountStatus status, PasswordReset reset, ReadCpts read, GeoCatalog geo)
    : PageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new(null, null, "officer");

    public IReadOnlyList<MaillageUser> Users { get; private set; } = [];

    public IReadOnlyList<CptsListItem> CptsList { get; private set; } = [];

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    /// <summary>The régions an officer may be scoped to (the COM excepted), by name.</summary>
    public IEnumerable<GeoRegion> RegionList => geo.Regions.Values.Where(r => r.Zone != GeoZone.Com)
        .OrderBy(r => r.Name, StringComparer.Create(French.Culture, ignoreCase: true));

    /// <summary>The départements an officer may be scoped to (the COM excepted), by code.</summary>
    public IEnumerable<GeoDepartement> DepartementList => geo.Departements.Values.Where(d => d.Zone != GeoZone.Com)
        .OrderBy(d => d.Code, StringComparer.Ordinal);

    /// <summary>The administrator's own account, which they may not disable.</summary>
    public string MyId => HttpContext.GetActor().UserId;

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
        CptsList = await read.ListAsync(HttpContext.GetActor(), ct);
        cptsNames = CptsList.ToDictionary(c => c.Id, c => c.Name);
    }
}
