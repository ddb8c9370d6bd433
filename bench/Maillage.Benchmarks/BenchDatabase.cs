using Maillage.Platform.Persistence;
using Maillage.Territories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Maillage.Territories.Published;

namespace Maillage.Benchmarks;

/// <summary>The reference data, loaded once per process like the platform does (a singleton).</summary>
public static class Reference
{
    private static readonly Lazy<GeoCatalog> LazyGeo = new(GeoCatalog.LoadEmbedded);
    private static readonly Lazy<SizeTiers> LazyTiers = new(SizeTiers.LoadEmbedded);

    public static GeoCatalog Geo => LazyGeo.Value;

    public static SizeTiers Tiers => LazyTiers.Value;
}

/// <summary>Database engines a database benchmark runs on.</summary>
public enum Engine
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A throw-away database wired exactly as the platform wires it (<see cref="MaillageServices.AddMaillageDomain"/>),
/// with the shared catalog: a SQLite file in a temporary directory, or a fresh PostgreSQL database created
/// through the admin connection string of <c>MAILLAGE_TEST_POSTGRES</c> and dropped on dispose.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "MAILLAGE_TEST_POSTGRES";

    private readonly string? directory;
    private readonly string? postgresName;
    private readonly ServiceProvider services;

    private BenchDatabase(DatabaseSetting setting, string? directory, string? postgresName)
    {
        this.directory = directory;
        this.postgresName = postgresName;
        Setting = setting;
        var collection = new ServiceCollection().AddMaillageDomain(setting);
        // The catalog is a process-wide singleton in the platform too: load it once, not per database.
        collection.AddSingleton(Reference.Geo);
        collection.AddSingleton(Reference.Tiers);
        services = collection.BuildServiceProvider();
    }

    public DatabaseSetting Setting { get; }

    /// <summary>The same database as the platform's <c>Maillage:Database</c> setting, for a web host started on it.</summary>
    public string HostSetting => Setting.Provider == DatabaseProvider.Sqlite
        ? "sqlite:" + new SqliteConnectionStringBuilder(Setting.ConnectionString).DataSource
        : Setting.ConnectionString;

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>Engines available in this run: SQLite always, PostgreSQL when <c>MAILLAGE_TEST_POSTGRES</c> is set.</summary>
    public static IEnumerable<Engine> Engines => PostgresAdmin is null ? [Engine.Sqlite] : [Engine.Sqlite, Engine.Postgres];

    /// <summary>An empty database (no schema).</summary>
    public static async Task<BenchDatabase> CreateEmptyAsync(Engine engine)
    {
        if (engine == Engine.Sqlite)
        {
            var dir = System.IO.Directory.CreateTempSubdirectory("maillage-bench-").FullName;
            return new BenchDatabase(DatabaseSetting.Parse("sqlite:" + Path.Combine(dir, "maillage.db")), dir, null);
        }

        var admin = PostgresAdmin ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = "maillage_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new BenchDatabase(new DatabaseSetting(DatabaseProvider.Postgres, csb.ConnectionString), null, name);
    }

    /// <summary>A database with the schema applied.</summary>
    public static async Task<BenchDatabase> CreateMigratedAsync(Engine engine)
    {
        var db = await CreateEmptyAsync(engine);
        await db.MigrateAsync();
        return db;
    }

    /// <summary>A database with the schema and the geography vintage loaded.</summary>
    public static async Task<BenchDatabase> CreateLoadedAsync(Engine engine)
    {
        var db = await CreateMigratedAsync(engine);
        await using var scope = db.Scope();
        await scope.ServiceProvider.GetRequiredService<LoadGeography>().RunAsync();
        return db;
    }

    public AsyncServiceScope Scope() => services.CreateAsyncScope();

    public async Task MigrateAsync()
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        if (directory is not null)
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, recursive: true);
        }

        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
