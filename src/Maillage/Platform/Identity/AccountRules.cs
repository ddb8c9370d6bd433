using Microsoft.AspNetCore.Identity;

namespace Maillage.Platform.Identity;

/// <summary>The account rules shared by the web host and the CLI.</summary>
public static class AccountRules
{
    /// <summary>Passwords of 12 characters or more with mixed characters; five failures lock for 15 minutes; unique e-mails.</summary>
    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = 12;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.User.RequireUniqueEmail = true;
    }

    /// <summary>How often a browser session is rebuilt from its account (role, scope, disabled): an admin's change applies within it.</summary>
    public static readonly TimeSpan SessionRefresh = TimeSpan.FromMinutes(1);
}

/// <summary>
/// A disabled account: Identity's lockout until the end of time, which both the sign-in and the API token check already refuse; told apart
/// from the 15 minutes after five failed sign-ins by its end.
/// </summary>
public static class AccountLocks
{
    /// <summary>The lockout end of a disabled account.</summary>
    public static readonly DateTimeOffset Forever = DateTimeOffset.MaxValue;

    /// <summary>Whether an administrator disabled the account (not merely locked for a while after failed sign-ins).</summary>
    public static bool IsDisabled(this MaillageUser user) => user?.LockoutEnd is { } end && end.Year >= 9999;
}
