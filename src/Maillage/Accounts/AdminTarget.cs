using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Maillage.Accounts;

/// <summary>The account an administrator acts on (edit, disable, reset link, SAS mark): forbidden to anyone else, not found when the id
/// names no account.</summary>
internal static class AdminTarget
{
    public static async Task<Result<MaillageUser>> FindForAdminAsync(this UserManager<MaillageUser> users, Actor actor, string? userId)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Role != Role.Admin)
        {
            return Error.Forbidden();
        }

        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        return user is null ? Error.NotFound("Compte") : Result<MaillageUser>.Ok(user);
    }
}
