using System.Security.Claims;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Maillage.Accounts;

/// <summary>
/// Marks an account as the SAS platform's, or takes the mark away: the Identity claim <see cref="ClaimType"/> = <see cref="ClaimValue"/>
/// that lets its bearer token read the SAS interface (<c>/fhir</c>, docs/sas.md) across every CPTS. Only an administrator, only an
/// existing account, only a member of no CPTS (the SAS must read nothing else on the platform); audited, with the account named by its id.
/// </summary>
public sealed class SasPlatformAccount(UserManager<MaillageUser> users, AuditTrail audit)
{
    public const string ClaimType = "maillage:sas";
    public const string ClaimValue = "platform";

    /// <summary>Whether the account carries the mark (false for an unknown id).</summary>
    public async Task<bool> IsGrantedAsync(string userId) =>
        await users.FindByIdAsync(userId) is { } user && await IsGrantedAsync(user);

    private async Task<bool> IsGrantedAsync(MaillageUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == ClaimType && c.Value == ClaimValue);

    /// <summary>Grants (<paramref name="granted"/> true) or revokes the mark; the value says whether anything changed (granting twice
    /// changes nothing and writes no audit line).</summary>
    public async Task<Result<bool>> SetAsync(Actor actor, string? userId, bool granted, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var target = await users.FindForAdminAsync(actor, userId);
        if (!target.Succeeded)
        {
            return Result<bool>.Fail(target.Errors);
        }

        var user = target.Value!;

        if (await IsGrantedAsync(user) == granted)
        {
            return Result<bool>.Ok(false);
        }

        if (granted && (user.Role != Role.Member || user.CptsId is not null))
        {
            return new Error("sas_account_scope",
                "Le compte de la plateforme SAS doit être un compte « membre » rattaché à aucune CPTS : il ne doit rien lire d'autre sur la plateforme.",
                null, ErrorKind.Conflict);
        }

        ct.ThrowIfCancellationRequested();
        audit.Record(actor, null, granted ? "accounts.sas.granted" : "accounts.sas.revoked",
            (granted ? "Compte marqué pour la plateforme SAS : " : "Marque de la plateforme SAS retirée : ") + user.Id);
        var claim = new Claim(ClaimType, ClaimValue);
        var saved = granted ? await users.AddClaimAsync(user, claim) : await users.RemoveClaimAsync(user, claim);
        return saved.Succeeded ? Result<bool>.Ok(true)
            : Result<bool>.Fail(saved.Errors.Select(e => new Error(e.Code, e.Description, null, ErrorKind.Conflict)));
    }
}
