using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Maillage.Platform.Persistence;

/// <summary>What the run command and <c>maillage db migrate</c> do before anything else.</summary>
public sealed class DatabaseStartup(MaillageDbContext db, IEnumerable<IReferenceData> referenceData, IEnumerable<IDemoSeeding> demo)
{
    /// <summary>Applies migrations, loads the geography vintage if missing and, when asked, seeds the demo on an empty database.</summary>
    public async Task<StartupReport> RunAsync(bool seedDemo, CancellationToken ct = default)
    {
        await PrepareHistoryAsync(ct);
        await db.Database.MigrateAsync(ct);
        var loaded = 0;
        foreach (var data in referenceData)
        {
            loaded += await data.RunAsync(ct);
        }

        var seeded = seedDemo && demo.FirstOrDefault() is { } seeding && await seeding.RunIfEmptyAsync(ct);
        return new StartupReport(loaded, seeded);
    }

    /// <summary>
    /// On PostgreSQL, creates the database if missing and the migrations history table if missing, as EF Core's migrator does a moment
    /// later. Npgsql's migrator reads that table before EF creates it (to know which migrations were applied, npgsql/efcore.pg#3407):
    /// on a fresh database the read fails, the provider catches the « undefined table » error, but EF has already logged it as a failed
    /// command at Error level, which a newcomer reads as a failed start. With the table there, the read succeeds; no log is filtered,
    /// so a real failure is still reported.
    /// </summary>
    private async Task PrepareHistoryAsync(CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        // Its existence check expects an error for a missing database and logs none.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            await creator.CreateAsync(ct);
        }

        // CREATE TABLE IF NOT EXISTS; the provider tolerates a concurrent start creating it at the same time.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(ct);
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
