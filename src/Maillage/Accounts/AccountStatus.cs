using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Maillage.Accounts;

/// <summary>
/// Disables and re-enables accounts. A disabled account is locked out by Identity until the end of time (<see cref="AccountLocks.Forever"/>): it cannot
/// sign in and its API tokens are refused (both check the lockout), and its security stamp changes so open sessions end. No new column: the
/// far-future lockout is the flag (<see cref="AccountLocks"/>). An administrator
/// never disables their own account.
/// </summary>
public sealed class AccountStatus(UserManager<MaillageUser> users, AuditTrail audit)
{
    public async Task<Result<MaillageUser>> SetDisabledAsync(Actor actor, string? userId, bool disabled, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var target = await users.FindForAdminAsync(actor, userId);
        if (!target.Succeeded)
        {
            return Result<MaillageUser>.Fail(target.Errors);
        }

        var user = target.Value!;

        if (disabled && user.Id == actor.UserId)
        {
            return new Error("disable_self", "Vous ne pouvez pas désactiver votre propre compte.", null, ErrorKind.Conflict);
        }

        ct.ThrowIfCancellationRequested();
        if (disabled)
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, AccountLocks.Forever);
            await users.UpdateSecurityStampAsync(user);
        }
        else
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }

        // Personal data stays out of the trail's code and details: the account is named by its id.
        audit.Record(actor, null, disabled ? "accounts.disabled" : "accounts.enabled",
            (disabled ? "Compte désactivé : " : "Compte réactivé : ") + user.Id);
        var saved = await users.UpdateAsync(user);
        return saved.Succeeded ? Result<MaillageUser>.Ok(user)
            : Result<MaillageUser>.Fail(saved.Errors.Select(e => new Error(e.Code, e.Description, null, ErrorKind.Conflict)));
    }
}
