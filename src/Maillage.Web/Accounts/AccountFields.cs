using Maillage.Lifecycle;
using Maillage.Platform;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;

namespace Maillage.Web.Accounts;

/// <summary>What the account forms offer, by name: the régions (by name) and départements (by code) an officer may steer, the collectivités
/// d'outre-mer excepted (no CPTS there), and the CPTS a coordinator or member belongs to; and how a line of the list names a scope.</summary>
public sealed class AccountChoices(GeoCatalog geo, IReadOnlyList<Maillage.Lifecycle.CptsListItem> cpts)
{
    private readonly Dictionary<Guid, string> cptsNames = cpts.ToDictionary(c => c.Id, c => c.Name);

    public IEnumerable<GeoRegion> Regions => geo.Regions.Values.Where(r => r.Zone != GeoZone.Com)
        .OrderBy(r => r.Name, StringComparer.Create(French.Culture, ignoreCase: true));

    public IEnumerable<GeoDepartement> Departements => geo.Departements.Values.Where(d => d.Zone != GeoZone.Com)
        .OrderBy(d => d.Code, StringComparer.Ordinal);

    public IReadOnlyList<Maillage.Lifecycle.CptsListItem> Cpts => cpts;

    public static async Task<AccountChoices> LoadAsync(GeoCatalog geo, ReadCpts read, Actor actor, CancellationToken ct) =>
        new(geo, await read.ListAsync(actor, ct));

    public string Scope(MaillageUser u) => u.Role switch
    {
        Role.Officer when u.ScopeRegion is { } r => $"Région {geo.Regions.GetValueOrDefault(r)?.Name} ({r})",
        Role.Officer when u.ScopeDepartement is { } d => $"Département {geo.Departements.GetValueOrDefault(d)?.Name} ({d})",
        Role.Coordinator or Role.Member when u.CptsId is { } id => cptsNames.GetValueOrDefault(id, id.ToString()),
        _ => "toute la plateforme",
    };
}

/// <summary>
/// The fields opening an account and changing it share (<c>_AccountFields</c>): display name, role, région, département, CPTS and the
/// adhérent's RPPS, posted as <c>Input.*</c> with codes and ids. On the administrator's own account the role stays administrator.
/// </summary>
public sealed record AccountFields(AccountChoices Choices, string? DisplayName, string? Role, string? Region, string? Departement, string? Cpts,
    string? MemberRpps, bool OwnAccount = false);
