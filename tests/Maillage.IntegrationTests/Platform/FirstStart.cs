using System.Data.Common;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Maillage.IntegrationTests.Platform;

/// <summary>
/// The first start on an empty database reads as a success to a newcomer: the migrations are applied and nothing is logged at
/// Error level (Npgsql's migrator used to read the migrations history before the table existed, and EF Core logged that read as a
/// failed command); a command that really fails is still logged as an error.
/// </summary>
public abstract class FirstStart(DatabaseKind kind)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_first_start_on_a_fresh_database_applies_the_migrations_and_logs_no_error()
    {
        SkipWhenUnavailable();
        await using var database = await TestDatabase.CreateAsync(kind, Ct);
        await StartAndCheckTheLogAsync(database);
    }

    protected void SkipWhenUnavailable() =>
        Assert.SkipWhen(kind == DatabaseKind.Postgres && Postgres.AdminConnectionString is null && !Postgres.IsCi, Postgres.MissingMessage);

    /// <summary>Starts the host on the database with every log entry kept, and checks the start-up logged no error.</summary>
    protected static async Task StartAndCheckTheLogAsync(TestDatabase database)
    {
        var sink = new LogSink();
        await using var app = new MaillageAppFactory(database);
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureLogging(logging =>
        {
            logging.AddProvider(sink);
            logging.AddFilter<LogSink>(null, LogLevel.Trace);
        }));

        factory.StartServer();

        Assert.Contains(sink.Entries, e => e.Contains("Applying migration", StringComparison.Ordinal));
        var errors = Errors(sink);
        Assert.True(errors.Count == 0, string.Join("\n\n", errors));
        await AFailingCommandIsStillAnErrorAsync(factory, sink);
    }

    /// <summary>Nothing is filtered: a command that does fail is logged as an error.</summary>
    private static async Task AFailingCommandIsStillAnErrorAsync(WebApplicationFactory<Program> factory, LogSink sink)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
            await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("SELECT * FROM no_such_table", Ct));
        }

        Assert.Contains(Errors(sink), e => e.Contains("no_such_table", StringComparison.Ordinal));
    }

    private static List<string> Errors(LogSink sink) =>
        [.. sink.Entries.Where(e => e.StartsWith("Error ", StringComparison.Ordinal) || e.StartsWith("Critical ", StringComparison.Ordinal))];
}

public sealed class FirstStart_on_sqlite() : FirstStart(DatabaseKind.Sqlite);

public sealed class FirstStart_on_postgres() : FirstStart(DatabaseKind.Postgres)
{
    [Fact]
    public async Task A_first_start_on_a_postgresql_database_that_does_not_exist_yet_creates_it_and_logs_no_error()
    {
        SkipWhenUnavailable();
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres, Ct);
        await using (var connection = new NpgsqlConnection(Postgres.AdminConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{database.PostgresName}\"", connection);
            await drop.ExecuteNonQueryAsync(Ct);
        }

        await StartAndCheckTheLogAsync(database);
    }
}
