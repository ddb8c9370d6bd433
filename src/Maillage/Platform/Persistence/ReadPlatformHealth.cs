using Maillage.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Persistence;

/// <summary>How the platform stands, for its administrators: the database and its schema, the accounts by role, the activity of the day.</summary>
/// <param name="Engine">« SQLite » or « PostgreSQL ».</param>
/// <param name="LastMigration">The last schema change applied.</param>
/// <param name="PendingMigrations">Schema changes not applied yet (0 once the platform has started).</param>
/// <param name="ChangesLastDay">Changes recorded in the audit log in the last 24 hours.</param>
public sealed record PlatformHealth(string Engine, string? LastMigration, int PendingMigrations, IReadOnlyDictionary<Role, int> Accounts,
    int LockedAccounts, int ChangesLastDay);

public sealed class ReadPlatformHealth(MaillageDbContext db, TimeProvider clock)
{
    public async Task<PlatformHealth> RunAsync(CancellationToken ct = default)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
        var roles = await db.Users.GroupBy(u => u.Role).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var locked = (await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct)).Count(e => e > now);
        var since = now.AddDays(-1);
        var changes = await db.AuditEntries.CountAsync(a => a.At >= since, ct);
        return new PlatformHealth(db.IsSqlite ? "SQLite" : "PostgreSQL", applied.LastOrDefault(), pending,
            roles.ToDictionary(r => r.Key, r => r.Count), locked, changes);
    }
}
