using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Microsoft.AspNetCore.Identity;

namespace Maillage.Accounts;

/// <summary>
/// An account as an administrator wants it: its display name, its role and the scope the role needs, and the adhérent it speaks for, all
/// of them (a field left empty is emptied; an empty name is the role's label). <c>Version</c> is the account's concurrency stamp
/// as it was read: a change made by someone else since is refused rather than overwritten (without it, the account as just read).
/// </summary>
public sealed record AccountChange(string? DisplayName, string? Role, string? Region = null, string? Departement = null, string? Cpts = null,
    string? MemberRpps = null, string? Version = null);

/// <summary>
/// Changes an account's display name, role and scope under the rules an account is opened with (<see cref="AccountScopes"/>). An
/// administrator never takes their own administrator role away (as they never disable their own account). The change is audited by
/// account id, and the account's concurrency stamp is renewed and checked on save: two administrators editing the same account at once,
/// the second is told so (409) and nothing of theirs is written. The new role and scope reach the account's API calls at once (a token's
/// principal is built on each call) and its open session when the cookie is next validated.
/// </summary>
public sealed class EditAccount(UserManager<MaillageUser> users, AccountScopes scopes, AuditTrail audit, MaillageDbContext db, GeoCatalog geo)
{
    public async Task<Result<MaillageUser>> RunAsync(Actor actor, string? userId, AccountChange change, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var target = await users.FindForAdminAsync(actor, userId);
        if (!target.Succeeded)
        {
            return Result<MaillageUser>.Fail(target.Errors);
        }

        var user = target.Value!;

        if (user.Id == actor.UserId && AccountScopes.ParseRole(change.Role, out var asked) is null && asked != Role.Admin)
        {
            return new Error("demote_self", "Vous ne pouvez pas retirer votre propre rôle d'administrateur : demandez-le à un autre administrateur.",
                "role", ErrorKind.Conflict);
        }

        var scope = await scopes.CheckAsync(change.Role, change.Region, change.Departement, change.Cpts, change.MemberRpps, user.Id, ct);
        var role = scope.Succeeded ? scope.Value!.Role : user.Role;
        // A name left as the old role's label (how an account is opened) follows the role.
        var typed = change.DisplayName?.Trim() == user.Role.French() && role != user.Role ? null : change.DisplayName;
        var name = AccountScopes.DisplayName(typed, role);
        if (!scope.Succeeded || !name.Succeeded)
        {
            return Result<MaillageUser>.Fail(scope.Errors.Concat(name.Errors));
        }

        if (change.Version is { } version && version != user.ConcurrencyStamp)
        {
            return Error.Stale();
        }

        var (before, after) = (AccountScope.Of(user), scope.Value!);
        var changes = new List<string>();
        if (before.Role != after.Role)
        {
            changes.Add($"rôle {before.Role.French()} → {after.Role.French()}");
        }

        if (Describe(before) != Describe(after))
        {
            changes.Add($"périmètre {Describe(before)} → {Describe(after)}");
        }

        if (before.MemberId != after.MemberId)
        {
            changes.Add(after.MemberId is { } member ? $"parle pour l'adhérent {member}" : "ne parle plus pour un adhérent");
        }

        // The name may be a person's: the trail says it changed, not what it is.
        if (name.Value != user.DisplayName)
        {
            changes.Add("nom affiché changé");
        }

        if (changes.Count == 0)
        {
            return Result<MaillageUser>.Ok(user);
        }

        after.ApplyTo(user);
        user.DisplayName = name.Value!;
        // Identity's optimistic concurrency: the save checks the stamp read above and writes a new one.
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        audit.Record(actor, null, "accounts.edited", $"Compte modifié : {user.Id} — {string.Join(" ; ", changes)}.");
        return await db.SaveAsync(user, ct);
    }

    private string Describe(AccountScope scope) => scope switch
    {
        { Region: { } r } => $"région {geo.Regions.GetValueOrDefault(r)?.Name} ({r})",
        { Departement: { } d } => $"département {geo.Departements.GetValueOrDefault(d)?.Name} ({d})",
        { CptsId: { } c } => $"CPTS {c}",
        _ => "toute la plateforme",
    };
}
