using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Maillage.Platform.Identity;

/// <summary>
/// A count of the saves that touched an account, its roles or claims, or an API token, in this process: what a cache of authenticated
/// principals (the bearer tokens') checks to drop what a change may have made stale — a disabled account, a withdrawn SAS mark, a new role —
/// at the next request rather than at the end of its lifetime. Process-wide on purpose: a change through any host's database context
/// invalidates every cache (at worst a few extra lookups); changes made by another process (the CLI) wait for the cache's short lifetime.
/// </summary>
public static class CredentialChanges
{
    private static long generation;

    public static long Generation => Interlocked.Read(ref generation);

    /// <summary>Whether these tracked changes touch credentials (to be asked before the save, when the states are still known).</summary>
    public static bool Touched(ChangeTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        return tracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is MaillageUser or ApiToken or IdentityUserClaim<string> or IdentityUserRole<string>);
    }

    public static void Bump() => Interlocked.Increment(ref generation);
}
