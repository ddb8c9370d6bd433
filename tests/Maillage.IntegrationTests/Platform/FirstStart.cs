using System.Data.Common;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Maillage.TreatingDoctor;
using Maillage.Unscheduled;
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

    /// <summary>
    /// The demo seeded on the first start shows unscheduled care (issue 12): Redon's effectors have weekly patterns valid from the local today
    /// with free slots in the next 48 hours, bookings to come, four weeks of history with every outcome and SAS referrals, a registrar and an
    /// effector among the demo accounts; the CPTS Nord Réunion's effector opens at La Réunion's hour.
    /// </summary>
    [Fact]
    public async Task The_demo_seeds_unscheduled_care_whose_free_slots_start_today()
    {
        SkipWhenUnavailable();
        await using var database = await TestDatabase.CreateAsync(kind, Ct);
        await using var app = new MaillageAppFactory(database);
        await using var factory = app.WithWebHostBuilder(b => b.UseSetting("Maillage:Demo", "true"));
        factory.StartServer();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var cpts = await db.Set<Maillage.Lifecycle.Cpts>().AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, Ct);
        var now = DateTimeOffset.UtcNow;
        foreach (var (name, effectors) in new[] { ("CPTS du Pays de Redon", 5), ("CPTS Nord Réunion", 1) })
        {
            var id = cpts[name];
            DateOnly today;
            await using (var other = factory.Services.CreateAsyncScope())
            {
                // Resolved in a scope of its own: resolving a CPTS confines its unit of work to it.
                today = (await other.ServiceProvider.GetRequiredService<Maillage.Lifecycle.Published.Tenancy>().ForPlatformAsync(id, Ct)).Value!.Today;
            }

            Assert.Equal(effectors, await db.Set<Effector>().CountAsync(e => e.CptsId == id && e.Active, Ct));
            var patterns = await db.Set<SlotPattern>().Where(p => p.CptsId == id).ToListAsync(Ct);
            Assert.Equal(effectors, patterns.Select(p => p.EffectorId).Distinct().Count());
            Assert.All(patterns, p => Assert.Equal(today, p.ValidFrom));
            var free = await db.Set<Slot>().Where(s => s.CptsId == id && s.WithdrawnAt == null && s.Start > now && s.Start < now.AddHours(48)
                && !db.Set<Booking>().Any(b => b.SlotId == s.Id && b.CancelledAt == null)).CountAsync(Ct);
            Assert.True(free > 0, $"{name}: no free slot in the next 48 hours");
            Assert.True(await db.Set<Booking>().AnyAsync(b => b.CptsId == id && b.CancelledAt == null && db.Set<Slot>().Any(s => s.Id == b.SlotId && s.Start > now), Ct));
        }

        var redon = cpts["CPTS du Pays de Redon"];
        var outcomes = await db.Set<Booking>().Where(b => b.CptsId == redon && b.Outcome != null).Select(b => b.Outcome!.Value).Distinct().ToListAsync(Ct);
        Assert.Equal([BookingOutcome.Seen, BookingOutcome.NoShow, BookingOutcome.Redirected], outcomes.Order());
        Assert.True(await db.Set<Booking>().CountAsync(b => b.CptsId == redon && b.Origin == BookingOrigin.Sas, Ct) > 20);
        Assert.True(await db.Set<Slot>().AnyAsync(s => s.CptsId == redon && s.Start < now.AddDays(-21), Ct));

        // The Réunion's mornings open at 07:30 local time, 03:30 UTC all year.
        var reunion = cpts["CPTS Nord Réunion"];
        var first = await db.Set<Slot>().Where(s => s.CptsId == reunion).Select(s => s.Start).ToListAsync(Ct);
        Assert.Contains(first, s => s.UtcDateTime.TimeOfDay == new TimeSpan(3, 30, 0));

        // The demo accounts: membre@ books (a registrar), medecin@ keeps an agenda (an effector).
        var users = await db.Users.Where(u => u.MemberId != null).ToDictionaryAsync(u => u.Email!, u => u.MemberId!.Value, Ct);
        Assert.True(await db.Set<Registrar>().AnyAsync(r => r.MemberId == users["membre@cpts-redon.demo"], Ct));
        Assert.True(await db.Set<Effector>().AnyAsync(e => e.MemberId == users["medecin@cpts-redon.demo"], Ct));

        // The treating-doctor desk (issue 13, TreatingDoctorRedonDemo): medecin@ is a volunteer with patients proposed to him, membre@ filed
        // requests for patients under her account.
        var volunteer = await db.Set<TreatingVolunteer>().SingleAsync(v => v.MemberId == users["medecin@cpts-redon.demo"], Ct);
        Assert.True(await db.Set<TreatingProposal>().AnyAsync(p => p.VolunteerId == volunteer.Id && p.Status == ProposalStatus.Sent, Ct));
        var member = await db.Users.Where(u => u.Email == "membre@cpts-redon.demo").Select(u => u.Id).SingleAsync(Ct);
        Assert.True(await db.Set<TreatingRequest>().AnyAsync(r => r.CptsId == redon && r.FiledById == member && r.Channel == RequestChannel.Member, Ct));
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
