using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Territories;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Identity;

/// <summary>An account to open: its role decides which scope it needs.</summary>
public sealed record AccountInput(string? Email, string? Password, string? Role, string? Region = null, string? Departement = null, string? Cpts = null);

/// <summary>
/// Opens an account with its role and scope: an officer is scoped to exactly one région or département,
/// a coordinator or member to one existing CPTS (by id or exact name), an administrator to nothing.
/// </summary>
public sealed class CreateAccount(UserManager<MaillageUser> users, MaillageDbContext db, GeoCatalog geo)
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

    private async Task<Error?> ScopeCptsAsync(MaillageUser user, string? cpts, CancellationToken ct)
    {
        var key = cpts?.Trim() ?? "";
        var found = Guid.TryParse(key, out var id)
            ? await db.Cpts.Where(c => c.Id == id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
            : await db.Cpts.Where(c => c.Name == key && c.Stage != Stage.Dissolved).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
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
