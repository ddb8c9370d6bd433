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
}
