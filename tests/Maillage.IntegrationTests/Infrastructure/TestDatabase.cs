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
