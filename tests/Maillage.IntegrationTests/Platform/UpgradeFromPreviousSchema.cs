using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Maillage.Territories.Published;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Maillage.Territories;

namespace Maillage.IntegrationTests.Platform;

/// <summary>
/// A database made by the previous schema, with the demo in it, goes through the later migrations without losing a row and the
/// platform then reads it as before: the schema of <see cref="Baseline"/> is created, the reference geography loaded, the demo's data
/// of that schema inserted (fixtures in Platform/Upgrade, made by its README), every later migration applied, each table's rows
/// counted again, and the real host started on the result and read through the API by the demo accounts.
/// </summary>
public abstract partial class UpgradeFromPreviousSchema(DatabaseKind kind)
{
    /// <summary>The migration the fixtures were made at: the schema their INSERTs fit. Change it with the fixtures (see the README).</summary>
    private const string Baseline = "Dialogue";

    /// <summary>
    /// Tables a later migration renamed: name in the <see cref="Baseline"/> schema → name after the migrations. A table missing after
    /// the migrations fails the test unless it is here.
    /// </summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["community_professionals"] = "directory_professionals",
        ["community_practices"] = "directory_practices",
        ["community_structures"] = "directory_structures",
        ["community_members"] = "membership_members",
        ["community_membership_periods"] = "membership_periods",
        ["community_dues"] = "membership_dues",
        ["community_colleges"] = "membership_colleges",
        ["community_campaigns"] = "membership_campaigns",
        ["community_campaign_messages"] = "membership_campaign_messages",
        ["community_unsubscriptions"] = "membership_unsubscriptions",
        ["community_bodies"] = "association_bodies",
        ["community_mandates"] = "association_mandates",
        ["community_working_groups"] = "association_working_groups",
        ["community_working_group_participants"] = "association_working_group_participants",
        ["community_referents"] = "association_referents",
        ["community_proposals"] = "association_proposals",
        ["community_proposal_steps"] = "association_proposal_steps",
        ["community_meetings"] = "association_meetings",
        ["community_agenda_items"] = "association_agenda_items",
        ["community_attendances"] = "association_attendances",
        ["community_motions"] = "association_motions",
        ["community_decisions"] = "association_decisions",
        ["community_scales"] = "indemnities_scales",
        ["community_scale_rates"] = "indemnities_scale_rates",
        ["community_time_declarations"] = "indemnities_time_declarations",
        ["community_payment_batches"] = "indemnities_payment_batches",
        ["community_profession_notes"] = "indemnities_profession_notes",
        ["terr_cpts_units"] = "lifecycle_territory_units",
    };

    /// <summary>The password the fixtures' accounts were hashed with (SeedDemo.Password when they were made).</summary>
    private const string DemoPassword = "Maillage-Demo-2026!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_of_the_previous_schema_with_the_demo_in_it_is_migrated_without_losing_a_row_and_reads_as_before()
    {
        Assert.SkipWhen(kind == DatabaseKind.Postgres && Postgres.AdminConnectionString is null && !Postgres.IsCi, Postgres.MissingMessage);
        await using var database = await TestDatabase.CreateAsync(kind, Ct);   // under CI without a server: fails with the reason

        IReadOnlyDictionary<string, long> before, after;
        await using (var db = Context(database))
        {
            var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList();
            var baseline = migrations.SingleOrDefault(id => id.EndsWith("_" + Baseline, StringComparison.Ordinal));
            Assert.True(baseline is not null, $"No migration named {Baseline} in {db.Database.ProviderName}'s migrations: {string.Join(", ", migrations)}");
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(baseline, Ct);
            await new LoadGeography(db, GeoCatalog.LoadEmbedded(), TimeProvider.System).RunAsync(Ct);
            await RunFixtureAsync(db);
            before = await CountRowsAsync(db);

            var later = (await db.Database.GetPendingMigrationsAsync(Ct)).ToList();
            TestContext.Current.TestOutputHelper?.WriteLine($"Migrations after {baseline}: {(later.Count == 0 ? "none" : string.Join(", ", later))}");
            await migrator.MigrateAsync(cancellationToken: Ct);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            after = await CountRowsAsync(db);
        }

        AssertNoRowLost(before, after);
        await using var factory = new MaillageAppFactory(database);
        factory.StartServer();   // the host's own start-up: migrations (none left) and geography (already there)
        await ReadTheDemoAsync(factory);
    }

    private static MaillageDbContext Context(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<MaillageDbContext>();
        DatabaseSetting.Parse(database.Setting).Apply(options);
        return new MaillageDbContext(options.Options);
    }

    /// <summary>Inserts the demo's data, as the <see cref="Baseline"/> schema held it, in one transaction.</summary>
    private async Task RunFixtureAsync(MaillageDbContext db)
    {
        var engine = kind == DatabaseKind.Sqlite ? "sqlite" : "postgres";
        var path = Path.Combine(AppContext.BaseDirectory, "Platform", "Upgrade", $"{Baseline.ToLowerInvariant()}-demo.{engine}.sql");
        Assert.True(File.Exists(path), $"No fixture {path}: make it with Platform/Upgrade/regenerate.sh (see the README there).");
        var sql = await File.ReadAllTextAsync(path, Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
        await transaction.CommitAsync(Ct);
    }

    /// <summary>The number of rows of every table but the engine's own and EF's migration bookkeeping.</summary>
    private static async Task<IReadOnlyDictionary<string, long>> CountRowsAsync(MaillageDbContext db)
    {
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = db.IsSqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'";
                await using var reader = await list.ExecuteReaderAsync(Ct);
                while (await reader.ReadAsync(Ct))
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in tables.Where(t => !t.StartsWith("sqlite_", StringComparison.Ordinal) && !t.StartsWith("__EFMigrations", StringComparison.Ordinal)))
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
            }

            return counts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void AssertNoRowLost(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after)
    {
        var problems = Renamed.Keys.Where(old => !before.ContainsKey(old))
            .Select(old => $"Renamed has an entry for {old}, which the {Baseline} schema does not have: fix its name.").ToList();
        foreach (var (table, rows) in before)
        {
            var renamed = Renamed.TryGetValue(table, out var name);
            var now = renamed ? name! : table;
            if (!after.TryGetValue(now, out var left))
            {
                problems.Add(renamed
                    ? $"Table {table} is renamed {now} in Renamed, but there is no table {now} after the migrations."
                    : $"Table {table} ({rows} rows) is gone after the migrations: if a migration renamed it, add [\"{table}\"] = \"<new name>\" to Renamed in UpgradeFromPreviousSchema.cs.");
            }
            else if (left != rows)
            {
                problems.Add($"Table {table}{(renamed ? " (now " + now + ")" : "")}: {rows} rows before the migrations, {left} after.");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(before.Count(t => t.Value > 0) >= 30, "The fixture filled fewer tables than the demo does: " + string.Join(", ", before.Where(t => t.Value > 0).Select(t => t.Key)));
    }

    /// <summary>What the demo accounts read after the upgrade: the values the demo was seeded with (README, Demo/*.cs).</summary>
    private static async Task ReadTheDemoAsync(MaillageAppFactory factory)
    {
        using var admin = await LogInAsync(factory, "admin@maillage.demo");
        var all = await admin.GetJsonAsync("/api/cpts");
        Assert.Equal(16, all.GetArrayLength());
        var redonSummary = all.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "CPTS du Pays de Redon");
        Assert.Equal("dissolved", all.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "CPTS Yonne Nord").GetProperty("stage").GetString());
        var redon = $"/api/cpts/{redonSummary.Id()}";

        // The officer's scope (région 52) came through: the CPTS with a commune in Pays de la Loire.
        using var ars = await LogInAsync(factory, "ars.paysdelaloire@maillage.demo");
        Assert.Equal(["CPTS Laval Agglomération", "CPTS Nantes Agglomération", "CPTS Saumur Val de Loire", "CPTS du Choletais", "CPTS du Pays de Redon"],
            (await ars.GetJsonAsync("/api/cpts")).Names().Order(StringComparer.Ordinal));

        using var coordinator = await LogInAsync(factory, "coordination@cpts-redon.demo");
        var detail = await coordinator.GetJsonAsync(redon);
        Assert.Equal(("W353001234", "aci-signed", 67666, 2, 31), (detail.GetProperty("rna").GetString(), detail.GetProperty("stage").GetString(),
            detail.GetProperty("population").GetInt32(), detail.GetProperty("tier").GetInt32(), detail.GetProperty("territory").GetArrayLength()));
        Assert.Equal(["2018-09-14", "2019-03-20", "2020-06-11", "2021-01-28"], detail.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("date").GetString()));
        Assert.StartsWith("Territoire rural", detail.GetProperty("letterOfIntent").GetProperty("context").GetString(), StringComparison.Ordinal);

        var members = (await coordinator.GetJsonAsync($"{redon}/members")).GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(19, members.Count);
        Assert.Contains(members, m => m.GetProperty("name").GetString() == "Guillou Maëlle" && m.GetProperty("rpps").GetString() == "10090000026");
        var dues = members.SelectMany(m => m.GetProperty("dues").EnumerateArray()).ToList();
        Assert.Equal((18, 12), (dues.Count, dues.Count(d => d.GetProperty("receiptNumber").GetString() is not null)));

        var bodies = (await coordinator.GetJsonAsync($"{redon}/bodies")).GetProperty("bodies").EnumerateArray().ToList();
        Assert.Equal(["general-assembly", "board", "bureau"], bodies.Select(b => b.GetProperty("kind").GetString()));
        var bureau = bodies.Single(b => b.GetProperty("kind").GetString() == "bureau").GetProperty("current").EnumerateArray()
            .ToDictionary(m => m.GetProperty("office").GetString()!, m => m.GetProperty("memberName").GetString());
        Assert.Equal(("Le Goff Yann", "Riou Nolwenn"), (bureau["president"], bureau["treasurer"]));
        var meetings = (await coordinator.GetJsonAsync($"{redon}/meetings")).GetProperty("meetings").EnumerateArray();
        Assert.Equal(["closed", "draft"], meetings.Select(m => m.GetProperty("status").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await coordinator.GetJsonAsync($"{redon}/decisions")).GetProperty("decisions").GetArrayLength());

        var indemnities = await coordinator.GetJsonAsync($"{redon}/indemnities");
        Assert.Equal(60m, indemnities.GetProperty("scales")[0].GetProperty("rates")[0].GetProperty("hourlyRate").GetDecimal());
        Assert.Equal(450m, indemnities.GetProperty("concentration").GetProperty("total").GetDecimal());
        Assert.Equal(5, (await coordinator.GetJsonAsync($"{redon}/indemnities/declarations")).GetArrayLength());

        var contract = await coordinator.GetJsonAsync($"{redon}/contract");
        Assert.Equal((2, "avenant2-2021", "2026-01-28", 6), (contract.GetProperty("number").GetInt32(), contract.GetProperty("ruleSet").GetString(),
            contract.GetProperty("signedOn").GetString(), contract.GetProperty("missions").GetArrayLength()));
        var paid = (await coordinator.GetJsonAsync($"{redon}/contract/schedule")).GetProperty("lines").EnumerateArray()
            .Where(l => l.GetProperty("paid").ValueKind == JsonValueKind.Number).ToList();
        Assert.Equal((7, 189375m), (paid.Count, paid.Sum(l => l.GetProperty("paid").GetDecimal())));
        Assert.Equal(10, (await coordinator.GetJsonAsync($"{redon}/contract/indicators")).GetArrayLength());
        var review = (await coordinator.GetJsonAsync($"{redon}/contract/reviews/1")).GetProperty("review");
        Assert.Equal(("open", "2027-02-16"), (review.GetProperty("status").GetString(), review.GetProperty("heldOn").GetString()));

        // The demo budgets the year it was seeded in and the one before; the fixtures' year is the latest with lines.
        var years = (await coordinator.GetJsonAsync($"{redon}/budget/years")).GetProperty("items").EnumerateArray()
            .Select(y => y.GetProperty("year").GetInt32()).ToList();
        Assert.Equal(2, years.Count);
        var budget = (await coordinator.GetJsonAsync($"{redon}/budget?year={years.Max()}")).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(11, budget.Count);
        Assert.Equal(81120m, budget.Single(l => l.GetProperty("label").GetString() == "Salaire et charges de la coordinatrice").GetProperty("planned").GetDecimal());

        // The treasurer's account still speaks for her adhérente, whose mandate gives the right to pay.
        using var treasurer = await LogInAsync(factory, "tresorier@cpts-redon.demo");
        Assert.True((await treasurer.GetJsonAsync($"{redon}/indemnities")).GetProperty("canPay").GetBoolean());

        // The upgraded database still takes writes: an audited edit gets the next audit id (identity sequences carried over).
        var audit = (await coordinator.GetJsonAsync($"{redon}/audit")).GetArrayLength();
        await (await coordinator.PutJsonAsync(redon, new
        {
            name = "CPTS du Pays de Redon", rna = "W353001234", contactPhone = "02 99 71 00 00", version = detail.GetProperty("version").GetInt32(),
        })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(audit + 1, (await coordinator.GetJsonAsync($"{redon}/audit")).GetArrayLength());
    }

    /// <summary>Signs in through the login page with the demo password; the client then carries the session cookie.</summary>
    private static async Task<HttpClient> LogInAsync(MaillageAppFactory factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var html = await client.GetStringAsync(new Uri("/connexion", UriKind.Relative), Ct);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = DemoPassword, ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/connexion", UriKind.Relative), form, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email} could not sign in with the demo password after the upgrade: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

public sealed class UpgradeFromPreviousSchema_on_sqlite() : UpgradeFromPreviousSchema(DatabaseKind.Sqlite);

public sealed class UpgradeFromPreviousSchema_on_postgres() : UpgradeFromPreviousSchema(DatabaseKind.Postgres);
