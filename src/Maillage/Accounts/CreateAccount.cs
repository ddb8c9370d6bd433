using Maillage.Platform.Errors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Maillage.Territories.Published;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Identity;
using Maillage.Membership.Published;

namespace Maillage.Accounts;

/// <summary>An account to open: its role decides which scope it needs.</summary>
public sealed record AccountInput(string? Email, string? Password, string? Role, string? Region = null, string? Departement = null, string? Cpts = null,
    string? MemberRpps = null);

/// <summary>
/// Opens an account with its role and scope: an officer is scoped to exactly one région or département,
/// a coordinator or member to one existing CPTS (by id or exact name), an administrator to nothing. A member or coordinator account may
/// speak for an adhérent of its CPTS (by the RPPS of the professional), one account per adhérent: it then declares its own time,
/// proposes actions and holds the rights of its mandates.
/// </summary>
public sealed class CreateAccount(UserManager<MaillageUser> users, CptsLookup registry, MemberRoll members, GeoCatalog geo)
{
    public static IReadOnlyDictionary<string, Role> RoleIds { get; } = new Dictionary<string, Role>(StringComparer.OrdinalIgnoreCase)
    {
        ["admin"] = Role.Admin, ["officer"] = Role.Officer, ["coordinator"] = Role.Coordinator, ["member"] = Role.Member,
    };

    public async Task<Result<MaillageUser>> RunAsync(AccountInput input, CancellationToken ct = default)
    {
        if (input.Role is null || !RoleIds.TryGetValue(input.Role, out var role))
        {
            return new Error("unknown_role", $"Rôle « {input.Role} » inconnu : admin, officer, coordinator ou member.", "role");
        }

        var user = new MaillageUser
        {
            UserName = input.Email?.Trim(), Email = input.Email?.Trim(), EmailConfirmed = true, Role = role, DisplayName = role.French(),
        };
        var scopeError = role switch
        {
            Role.Officer => ScopeOfficer(user, input),
            Role.Coordinator or Role.Member => await ScopeCptsAsync(user, input.Cpts, ct),
            _ => (input.Region ?? input.Departement ?? input.Cpts) is not null
                ? new Error("admin_scope", "Un administrateur n'a pas de périmètre : retirez région, département ou CPTS.", "role")
                : null,
        };
        if (scopeError is null && !string.IsNullOrWhiteSpace(input.MemberRpps))
        {
            scopeError = await LinkMemberAsync(user, input.MemberRpps.Trim(), ct);
        }

        if (scopeError is not null)
        {
            return scopeError;
        }

        if (string.IsNullOrWhiteSpace(user.Email))
        {
            return new Error("email_required", "L'adresse e-mail est obligatoire.", "email");
        }

        var result = await users.CreateAsync(user, input.Password ?? "");
        return result.Succeeded
            ? Result<MaillageUser>.Ok(user)
            : Result<MaillageUser>.Fail(result.Errors.Select(e => new Error(e.Code, e.Description,
                e.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email",
                e.Code.StartsWith("Duplicate", StringComparison.Ordinal) ? ErrorKind.Conflict : ErrorKind.Validation)));
    }

    private Error? ScopeOfficer(MaillageUser user, AccountInput input)
    {
        var region = string.IsNullOrWhiteSpace(input.Region) ? null : input.Region.Trim();
        var dep = string.IsNullOrWhiteSpace(input.Departement) ? null : input.Departement.Trim().ToUpperInvariant();
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

        (user.ScopeRegion, user.ScopeDepartement) = (region, dep);
        return null;
    }

    private async Task<Error?> LinkMemberAsync(MaillageUser user, string rpps, CancellationToken ct)
    {
        if (user.CptsId is not { } cpts)
        {
            return new Error("member_scope", "Seul un compte de membre ou de coordonnateur d'une CPTS peut être lié à un adhérent.", "memberRpps");
        }

        var member = await members.FindByRppsAsync(cpts, rpps, ct);
        if (member is null)
        {
            return new Error("unknown_member", $"Aucun adhérent de cette CPTS n'a le RPPS {rpps}.", "memberRpps");
        }

        if (await users.Users.AnyAsync(u => u.MemberId == member, ct))
        {
            return new Error("member_linked", $"L'adhérent au RPPS {rpps} a déjà un compte.", "memberRpps", ErrorKind.Conflict);
        }

        user.MemberId = member;
        return null;
    }

    private async Task<Error?> ScopeCptsAsync(MaillageUser user, string? cpts, CancellationToken ct)
    {
        var key = cpts?.Trim() ?? "";
        var found = await registry.FindAsync(key, ct);
        if (found is null)
        {
            return new Error("unknown_cpts", key.Length == 0
                ? "Un coordonnateur ou un membre est rattaché à une CPTS : indiquez-la."
                : $"Aucune CPTS « {key} » (identifiant ou nom exact).", "cpts");
        }

        user.CptsId = found;
        return null;
    }
}
