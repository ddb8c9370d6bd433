using Maillage.Territories;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Persistence;

/// <summary>What the run command and <c>maillage db migrate</c> do before anything else.</summary>
public sealed class DatabaseStartup(MaillageDbContext db, LoadGeography geography, IEnumerable<IDemoSeeding> demo)
{
    /// <summary>Applies migrations, loads the geography vintage if missing and, when asked, seeds the demo on an empty database.</summary>
    public async Task<StartupReport> RunAsync(bool seedDemo, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        var loaded = await geography.RunAsync(ct);
        var seeded = seedDemo && demo.FirstOrDefault() is { } seeding && await seeding.RunIfEmptyAsync(ct);
        return new StartupReport(loaded, seeded);
    }
}

/// <summary>The demo data, when the host wires it (project Maillage.Demo): seeded on an empty database only.</summary>
public interface IDemoSeeding
{
    /// <summary>Seeds when the database holds no CPTS and no account; returns whether it did.</summary>
    Task<bool> RunIfEmptyAsync(CancellationToken ct = default);
}

/// <summary>What the start-up did: geography units written (0 when already there) and whether the demo was seeded.</summary>
public sealed record StartupReport(int GeographyUnitsLoaded, bool DemoSeeded);
