using Maillage.IntegrationTests.Infrastructure;
using Maillage.Lifecycle.Published;
using Maillage.Membership.Storage;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Platform;

/// <summary>
/// Tenancy's second half (docs/architecture.md): once a request has resolved its CPTS, every table of CPTS-owned rows answers with that
/// CPTS's rows only, whoever wrote the query — an id of another CPTS's row reads as not found.
/// </summary>
public abstract class CptsConfinementTests(MaillageApp app) : IntegrationTest(app)
{
    /// <summary>Entities with a CptsId that are not the rows of one CPTS: accounts and audit entries are the platform's, read per actor.</summary>
    private static readonly HashSet<string> NotCptsOwned = new(StringComparer.Ordinal)
    {
        "Maillage.Platform.Identity.MaillageUser", "Maillage.Platform.Audit.AuditEntry",
    };

    [Fact]
    public async Task Every_table_of_cpts_rows_carries_the_confinement_filter()
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var withCpts = db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.FindProperty(nameof(ICptsOwned.CptsId)) is not null).ToList();
        Assert.True(withCpts.Count > 20, $"Only {withCpts.Count} entity types with a CptsId: the model was not read.");

        var unconfined = withCpts.Where(t => !NotCptsOwned.Contains(t.ClrType.FullName!)
                && (!typeof(ICptsOwned).IsAssignableFrom(t.ClrType) || t.FindDeclaredQueryFilter(MaillageDbContext.CptsFilter) is null))
            .Select(t => $"{t.ClrType.FullName} ({t.GetTableName()})").ToList();
        Assert.True(unconfined.Count == 0, "Rows of a CPTS that the confinement does not filter (implement ICptsOwned): " + string.Join(", ", unconfined));
    }

    [Fact]
    public async Task A_unit_of_work_resolved_for_a_cpts_reads_only_its_rows_unless_it_asks_for_every_cpts()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var tenancy = scope.ServiceProvider.GetRequiredService<Tenancy>();
        var mine = world[0].Id;
        var theirs = world.ForeignMember.Id;

        // Before any CPTS is resolved the unit of work is whole (start-up, workers, national views).
        Assert.Equal(2, await db.Members().CountAsync(m => m.Id == mine || m.Id == theirs, Ct));

        Assert.True((await tenancy.ResolveAsync(world.Cpts, Actor.System, Ct)).Succeeded);
        Assert.Equal(world.Cpts, db.ConfinedTo);
        Assert.Null(await db.Members().FirstOrDefaultAsync(m => m.Id == theirs, Ct));
        Assert.NotNull(await db.Members().FirstOrDefaultAsync(m => m.Id == mine, Ct));
        Assert.All(await db.Members().ToListAsync(Ct), m => Assert.Equal(world.Cpts, m.CptsId));

        // A rule that needs every CPTS says so.
        Assert.NotNull(await db.Members().EveryCpts().FirstOrDefaultAsync(m => m.Id == theirs, Ct));

        // Resolving the other CPTS moves the confinement there.
        Assert.True((await tenancy.ResolveAsync(world.ForeignCpts, Actor.System, Ct)).Succeeded);
        Assert.Null(await db.Members().FirstOrDefaultAsync(m => m.Id == mine, Ct));
        Assert.NotNull(await db.Members().FirstOrDefaultAsync(m => m.Id == theirs, Ct));
    }

    [Fact]
    public async Task The_confined_read_of_a_table_searches_its_cpts_index_instead_of_scanning_it()
    {
        // PostgreSQL plans each query with its parameters' values, so the filter's shape matters to SQLite's planner only.
        Assert.SkipWhen(App.Kind != DatabaseKind.Sqlite, "SQLite's planner only: PostgreSQL plans with the parameters' values (bench/README.md, finding 7).");
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        Assert.True((await scope.ServiceProvider.GetRequiredService<Tenancy>().ResolveAsync(world.Cpts, Actor.System, Ct)).Succeeded);
        var plan = await PlanAsync(db, db.Members());
        TestContext.Current.TestOutputHelper?.WriteLine(db.Members().ToQueryString() + "\n" + plan);
        Assert.True(plan.Contains("USING INDEX", StringComparison.Ordinal) || plan.Contains("USING COVERING INDEX", StringComparison.Ordinal),
            $"The members of one CPTS are read without the CptsId index:\n{db.Members().ToQueryString()}\n{plan}");
    }

    /// <summary>SQLite's plan for a query, as EXPLAIN QUERY PLAN prints it.</summary>
    private static async Task<string> PlanAsync<T>(MaillageDbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            await using var command = query.CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            await using var reader = await command.ExecuteReaderAsync(Ct);
            var lines = new List<string>();
            while (await reader.ReadAsync(Ct))
            {
                lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
            }

            return string.Join("\n", lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class CptsConfinement_on_sqlite(SqliteApp app) : CptsConfinementTests(app), IClassFixture<SqliteApp>;

public sealed class CptsConfinement_on_postgres(PostgresApp app) : CptsConfinementTests(app), IClassFixture<PostgresApp>;
