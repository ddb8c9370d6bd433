using Npgsql;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>The two database engines every integration test runs on.</summary>
public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A database of its own for one test class: a fresh SQLite file in a temporary folder, or a fresh
/// PostgreSQL database (<c>maillage_it_…</c>) on the server named by <c>MAILLAGE_TEST_POSTGRES</c>, dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(DatabaseKind kind, string setting, string folder, string? postgresName)
    {
        Kind = kind;
        Setting = setting;
        Folder = folder;
        PostgresName = postgresName;
    }

    public DatabaseKind Kind { get; }

    /// <summary>The value of <c>Maillage__Database</c> for the host and the CLI.</summary>
    public string Setting { get; }

    /// <summary>A temporary folder of this database's own, for keys and files; deleted at the end.</summary>
    public string Folder { get; }

    public string? PostgresName { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind, CancellationToken ct = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "maillage-it-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(folder);
        if (kind == DatabaseKind.Sqlite)
        {
            return new TestDatabase(kind, "sqlite:" + Path.Combine(folder, "maillage.db"), folder, null);
        }

        var admin = Postgres.AdminConnectionString
            ?? throw new InvalidOperationException(Postgres.MissingMessage);
        var name = "maillage_it_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        var setting = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(kind, setting, folder, name);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<DatabaseKind, Lazy<Task<string>>> Templates = new();

    private static readonly SemaphoreSlim Cloning = new(1, 1);

    /// <summary>
    /// A database of its own already migrated and holding the geography, as a host's start-up check leaves it: a copy of a template made
    /// once per test run and engine (a copied SQLite file; <c>CREATE DATABASE … TEMPLATE</c> on PostgreSQL). Migrating and loading the
    /// 35,000 geographic units for each test class took about half of the integration run; the host started on the copy still runs its
    /// check, which finds nothing to do. Tests of the start-up itself (first start, upgrades, <c>db migrate</c>) use <see cref="CreateAsync"/>.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseKind kind, CancellationToken ct = default)
    {
        var template = await Templates.GetOrAdd(kind, k => new Lazy<Task<string>>(() => BuildTemplateAsync(k))).Value;
        var folder = Path.Combine(Path.GetTempPath(), "maillage-it-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(folder);
        if (kind == DatabaseKind.Sqlite)
        {
            var file = Path.Combine(folder, "maillage.db");
            File.Copy(template, file);
            return new TestDatabase(kind, "sqlite:" + file, folder, null);
        }

        var admin = Postgres.AdminConnectionString ?? throw new InvalidOperationException(Postgres.MissingMessage);
        var name = "maillage_it_" + Guid.NewGuid().ToString("N")[..16];
        await Cloning.WaitAsync(ct);
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"", connection);
            await command.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            Cloning.Release();
        }

        return new TestDatabase(kind, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString, folder, name);
    }

    /// <summary>Starts a host once on a fresh database (its start-up check migrates and loads the geography), stops it, and keeps the database
    /// as the template: a SQLite file's path, or a PostgreSQL database's name, dropped when the test run ends.</summary>
    private static async Task<string> BuildTemplateAsync(DatabaseKind kind)
    {
        var database = await CreateAsync(kind);
        await using (var factory = new MaillageAppFactory(database))
        {
            factory.StartServer();
        }

        if (kind == DatabaseKind.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = database.Setting["sqlite:".Length..];
            Assert.False(File.Exists(file + "-wal") && new FileInfo(file + "-wal").Length > 0, "the template's SQLite journal was not written back");
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
        }

        // Dropped (PostgreSQL) or deleted with its folder (SQLite) when the test run ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return kind == DatabaseKind.Sqlite ? database.Setting["sqlite:".Length..] : database.PostgresName!;
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null && Postgres.AdminConnectionString is { } admin)
        {
            // Pooled connections of the host would keep the database busy; FORCE ends whatever is left.
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file may still be held for a moment; the system cleans its temporary folder.
        }
    }
}

/// <summary>Where the PostgreSQL tests find their server, and what happens when there is none.</summary>
public static class Postgres
{
    public const string Variable = "MAILLAGE_TEST_POSTGRES";

    public const string MissingMessage =
        $"PostgreSQL tests need {Variable} (an Npgsql admin connection string such as "
        + "Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres); "
        + "start one with: eval \"$(scripts/pg-throwaway.sh start)\", or run ./test.sh.";

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>Under CI a missing server is a failure, not a reason to skip.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
