using Maillage.Territories;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Persistence;

/// <summary>What the run command and <c>maillage db migrate</c> do before anything else.</summary>
public sealed class DatabaseStartup(MaillageDbContext db, LoadGeography geography, Demo.SeedDemo demo)
{
    /// <summary>Applies migrations, loads the geography vintage if missing and, when asked, seeds the demo on an empty database.</summary>
    public async Task<StartupReport> RunAsync(bool seedDemo, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        var loaded = await geography.RunAsync(ct);
        var seeded = seedDemo && await demo.RunIfEmptyAsync(ct);
        return new StartupReport(loaded, seeded);
    }
}

/// <summary>What the start-up did: geography units written (0 when already there) and whether the demo was seeded.</summary>
public sealed record StartupReport(int GeographyUnitsLoaded, bool DemoSeeded);
