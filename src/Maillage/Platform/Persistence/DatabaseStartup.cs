using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Persistence;

/// <summary>What the run command and <c>maillage db migrate</c> do before anything else.</summary>
public sealed class DatabaseStartup(MaillageDbContext db, IEnumerable<IReferenceData> referenceData, IEnumerable<IDemoSeeding> demo)
{
    /// <summary>Applies migrations, loads the geography vintage if missing and, when asked, seeds the demo on an empty database.</summary>
    public async Task<StartupReport> RunAsync(bool seedDemo, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        var loaded = 0;
        foreach (var data in referenceData)
        {
            loaded += await data.RunAsync(ct);
        }

        var seeded = seedDemo && demo.FirstOrDefault() is { } seeding && await seeding.RunIfEmptyAsync(ct);
        return new StartupReport(loaded, seeded);
    }
}

/// <summary>Reference data a module loads into the database once it is migrated (the geography): returns the rows written, 0 when up to date.</summary>
public interface IReferenceData
{
    Task<int> RunAsync(CancellationToken ct = default);
}

/// <summary>The demo data, when the host wires it (project Maillage.Demo): seeded on an empty database only.</summary>
public interface IDemoSeeding
{
    /// <summary>Seeds when the database holds no CPTS and no account; returns whether it did.</summary>
    Task<bool> RunIfEmptyAsync(CancellationToken ct = default);
}

/// <summary>What the start-up did: reference rows written — the geography units — (0 when already there) and whether the demo was seeded.</summary>
public sealed record StartupReport(int GeographyUnitsLoaded, bool DemoSeeded);
