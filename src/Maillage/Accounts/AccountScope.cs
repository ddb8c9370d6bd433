using Maillage.Lifecycle.Published;
using Maillage.Membership.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Territories.Published;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Accounts;

/// <summary>
/// A role and the scope it needs, once checked: an officer has exactly one région or département, a coordinator or member one CPTS (and
/// possibly the adhérent it speaks for), an administrator nothing. Stored on the account's columns, which the sign-in turns into claims.
/// </summary>
public sealed record AccountScope(Role Role, string? Region, string? Departement, Guid? CptsId, Guid? MemberId)
{
    public static AccountScope Of(MaillageUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Role, user.ScopeRegion, user.ScopeDepartement, user.CptsId, user.MemberId);
    }

    /// <summary>Puts the role and every scope column on the account (the ones the role does not use are emptied).</summary>
    public void ApplyTo(MaillageUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        (user.Role, user.ScopeRegion, user.ScopeDepartement, user.CptsId, user.MemberId) = (Role, Region, Departement, CptsId, MemberId);
    }
}

/// <summary>
/// The rules of an account's role, scope and name, shared by opening an account (<see cref="CreateAccount"/>) and changing it
/// (<see cref="EditAccount"/>): one place says what a valid account is, in French, field by field.
/// </summary>
public sealed class AccountScopes(UserManager<MaillageUser> users, CptsLookup registry, MemberRoll members, GeoCatalog geo)
{
    /// <summary>Longest display name (the column's length).</summary>
    public const int NameLength = 200;

    public static IReadOnlyDictionary<string, Role> RoleIds { get; } = new Dictionary<string, Role>(StringComparer.OrdinalIgnoreCase)
    {
        ["admin"] = Role.Admin, ["officer"] = Role.Officer, ["coordinator"] = Role.Coordinator, ["member"] = Role.Member,
    };

    /// <summary>The id a form or the command line gives a role (« officer »).</summary>
    public static string IdOf(Role role) => RoleIds.First(r => r.Value == role).Key;

    public static Error? ParseRole(string? role, out Role parsed)
    {
        parsed = default;
        return role is not null && RoleIds.TryGetValue(role.Trim(), out parsed) ? null
            : new Error("unknown_role", $"Rôle « {role} » inconnu : admin, officer, coordinator ou member.", "role");
    }

    /// <summary>
    /// Checks a role and its scope: régions and départements by INSEE code (the collectivités d'outre-mer excepted), the CPTS by id or exact
    /// name, the adhérent by RPPS among its CPTS's members and not already linked to another account than <paramref name="accountId"/>.
    /// A scope the role does not use (a région given for a coordinator) is left out; a scope given to an administrator is refused.
    /// </summary>
    public async Task<Result<AccountScope>> CheckAsync(string? role, string? region, string? departement, string? cpts, string? memberRpps,
        string? accountId, CancellationToken ct = default)
    {
        if (ParseRole(role, out var parsed) is { } unknown)
        {
            return unknown;
        }

        var scope = parsed switch
        {
            Role.Officer => Officer(region, departement),
            Role.Coordinator or Role.Member => await CptsAsync(parsed, cpts, ct),
            _ => !string.IsNullOrWhiteSpace(region) || !string.IsNullOrWhiteSpace(departement) || !string.IsNullOrWhiteSpace(cpts)
                ? new Error("admin_scope", "Un administrateur n'a pas de périmètre : retirez région, département ou CPTS.", "role")
                : Result<AccountScope>.Ok(new(Role.Admin, null, null, null, null)),
        };
        return scope.Succeeded && !string.IsNullOrWhiteSpace(memberRpps)
            ? await LinkMemberAsync(scope.Value!, memberRpps.Trim(), accountId, ct)
            : scope;
    }

    /// <summary>The name an account shows: what was typed, or the role's label when nothing was (as an account is opened).</summary>
    public static Result<string> DisplayName(string? typed, Role role)
    {
        var name = string.IsNullOrWhiteSpace(typed) ? role.French() : typed.Trim();
        return name.Length <= NameLength ? Result<string>.Ok(name)
            : new Error("name_too_long", $"Le nom affiché compte {name.Length} caractères : {NameLength} au plus.", "displayName");
    }

    private Result<AccountScope> Officer(string? region, string? departement)
    {
        region = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        var dep = string.IsNullOrWhiteSpace(departement) ? null : departement.Trim().ToUpperInvariant();
        if ((region is null) == (dep is null))
        {
            return new Error("officer_scope", "Un référent ARS/CPAM a pour périmètre une région ou un département (un seul des deux).", "region");
        }

        if (region is not null && (!geo.Regions.TryGetValue(region, out var r) || r.Zone == GeoZone.Com))
        {
            return new Error("unknown_region", $"Région « {region} » inconnue (code INSEE, ex. 52 pour les Pays de la Loire).", "region");
        }

        if (dep is not null && (!geo.Departements.TryGetValue(dep, out var d) || d.Zone == GeoZone.Com))
        {
            return new Error("unknown_departement", $"Département « {dep} » inconnu (code INSEE, ex. 75 ou 2A).", "departement");
        }

        return Result<AccountScope>.Ok(new AccountScope(Role.Officer, region, dep, null, null));
    }

    private async Task<Result<AccountScope>> CptsAsync(Role role, string? cpts, CancellationToken ct)
    {
        var key = cpts?.Trim() ?? "";
        var found = await registry.FindAsync(key, ct);
        if (found is null)
        {
            return new Error("unknown_cpts", key.Length == 0
                ? "Un coordonnateur ou un membre est rattaché à une CPTS : indiquez-la."
                : $"Aucune CPTS « {key} » (identifiant ou nom exact).", "cpts");
        }

        return Result<AccountScope>.Ok(new AccountScope(role, null, null, found, null));
    }

    private async Task<Result<AccountScope>> LinkMemberAsync(AccountScope scope, string rpps, string? accountId, CancellationToken ct)
    {
        if (scope.CptsId is not { } cpts)
        {
            return new Error("member_scope", "Seul un compte de membre ou de coordonnateur d'une CPTS peut être lié à un adhérent.", "memberRpps");
        }

        var member = await members.FindByRppsAsync(cpts, rpps, ct);
        if (member is null)
        {
            return new Error("unknown_member", $"Aucun adhérent de cette CPTS n'a le RPPS {rpps}.", "memberRpps");
        }

        if (await users.Users.AnyAsync(u => u.MemberId == member && u.Id != accountId, ct))
        {
            return new Error("member_linked", $"L'adhérent au RPPS {rpps} a déjà un compte.", "memberRpps", ErrorKind.Conflict);
        }

        return Result<AccountScope>.Ok(scope with { MemberId = member });
    }
}
