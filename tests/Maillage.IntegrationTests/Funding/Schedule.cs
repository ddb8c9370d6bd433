using System.Net;
using System.Text.Json;
using Maillage.Funding.Contracts;
using Maillage.Funding.Payments;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Funding.Storage;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// The funding and the payment schedule of a contract through the real host: the routes' figures from indicators, a declared crisis and a
/// payment, the CSV, the page and <c>maillage aci schedule</c>.
/// </summary>
public abstract class Schedule(MaillageApp app) : IntegrationTest(app)
{
    /// <summary>CPTS A (tier 3, socle + quality, signed a year ago) with two access indicators reached at 80 % in year 1, a crisis declared in
    /// year 1 and the year-1 access advance paid.</summary>
    private async Task<ContractWorld> FundedAsync()
    {
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        var first = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 0.6m, null, (1, 10m)));
        var second = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 0.4m, null, (1, 40m)));
        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, first.Id(), 1, 12m);
        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, second.Id(), 1, 20m);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var contract = await db.AciContracts().SingleAsync(c => c.CptsId == w.A, Ct);
        db.ContractCrises().Add(new ContractCrisis
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, Year = 1, DeclaredOn = ContractWorld.SignedOn.AddMonths(2), Description = "Épidémie",
            RecordedBy = "test", RecordedAt = DateTimeOffset.UtcNow,
        });
        db.FundingPayments().Add(new FundingPayment
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, Year = 1, Line = "access", Part = PaymentPart.FixedAdvance, Amount = 67_500m,
            PaidOn = ContractWorld.SignedOn.AddDays(20), RecordedBy = "test", RecordedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        return w;
    }

    private static DateOnly Date(JsonElement e) => DateOnly.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Line(JsonElement funding, int year, string line) =>
        funding.GetProperty("years")[year - 1].GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetString() == line);

    private static JsonElement Due(JsonElement schedule, int year, string line, string part) =>
        schedule.GetProperty("lines").EnumerateArray().Single(l =>
            l.GetProperty("year").GetInt32() == year && l.GetProperty("line").GetString() == line && l.GetProperty("part").GetString() == part);

    [Fact]
    public async Task The_routes_give_the_funding_per_year_and_line_and_the_schedule_with_what_was_paid()
    {
        var w = await FundedAsync();
        var signed = ContractWorld.SignedOn;

        var funding = await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/funding");
        Assert.Equal(5, funding.GetProperty("years").GetArrayLength());
        Assert.Equal(["operating", "access", "pathways", "prevention", "crisis", "quality"],
            funding.GetProperty("years")[0].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line").GetString()));
        var access = Line(funding, 1, "access");
        Assert.Equal((90_000m, 35_000m, 28_000m, 67_500m), (access.GetProperty("maximumFixed").GetDecimal(), access.GetProperty("maximumVariable").GetDecimal(),
            access.GetProperty("expectedVariable").GetDecimal(), access.GetProperty("paid").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, access.GetProperty("decided").ValueKind);
        Assert.Equal(67_500m, Line(funding, 1, "crisis").GetProperty("maximumVariable").GetDecimal());
        Assert.True(funding.GetProperty("years")[0].GetProperty("crisisDeclared").GetBoolean());
        var quiet = Line(funding, 2, "crisis");
        Assert.Equal((0m, 22_500m), (quiet.GetProperty("maximumVariable").GetDecimal(), quiet.GetProperty("maximumFixed").GetDecimal()));
        Assert.Contains(quiet.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("Aucune crise sanitaire grave", StringComparison.Ordinal));
        Assert.Equal(67_500m, funding.GetProperty("totals").GetProperty("paid").GetDecimal());

        var schedule = await w.Officer.GetJsonAsync($"/api/cpts/{w.A}/contract/schedule");
        var advance = Due(schedule, 1, "access", "fixed-advance");
        Assert.Equal((67_500m, signed, true, 67_500m, signed.AddDays(20)), (advance.GetProperty("amount").GetDecimal(),
            Date(advance.GetProperty("dueOn")), advance.GetProperty("confirmed").GetBoolean(), advance.GetProperty("paid").GetDecimal(),
            Date(advance.GetProperty("paidOn"))));
        Assert.Contains("75", advance.GetProperty("explanation").GetString(), StringComparison.Ordinal);
        var variable = Due(schedule, 1, "access", "variable");
        Assert.Equal((28_000m, signed.AddYears(1).AddMonths(3), false), (variable.GetProperty("amount").GetDecimal(), Date(variable.GetProperty("dueOn")),
            variable.GetProperty("confirmed").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, variable.GetProperty("paid").ValueKind);
        Assert.Equal(75_000m, Due(schedule, 2, "operating", "operating").GetProperty("amount").GetDecimal());
        var totals = schedule.GetProperty("totals");
        Assert.Equal(67_500m, totals.GetProperty("paid").GetDecimal());
        Assert.Equal(totals.GetProperty("due").GetDecimal() - 67_500m, totals.GetProperty("remaining").GetDecimal());
    }

    [Fact]
    public async Task The_csv_the_page_and_the_command_line_give_the_same_schedule()
    {
        var w = await FundedAsync();

        using var csv = await w.Coordinator.GetAsync(new Uri($"/api/cpts/{w.A}/contract/schedule.csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Année du contrat;Échéance;Ligne;Part;Montant (€);Statut;Versé (€);Versé le;Explication", rows[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        var schedule = await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract/schedule");
        Assert.Equal(schedule.GetProperty("lines").GetArrayLength() + 1, rows.Length);
        Assert.Contains(rows, r => r.Contains("Avance de la part fixe;67500,00;confirmé;67500,00", StringComparison.Ordinal));

        var page = await w.Member.PageAsync($"/cpts/{w.A}/contrat/financement");
        Assert.Contains("<h2 id=\"schedule-title\">Échéancier</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"funding-chart-1\" role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"funding-year-5\"", page, StringComparison.Ordinal);
        Assert.Contains("aucune crise sanitaire grave déclarée cette année", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("href=\"/cpts/" + w.A + "/contrat/financement\"", await w.Member.PageAsync($"/cpts/{w.A}/contrat"), StringComparison.Ordinal);

        var run = await MaillageCommand.RunAsync(App.Database.Setting, "aci", "schedule", "--cpts", w.A.ToString(), "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(JsonSerializer.Serialize(schedule), JsonSerializer.Serialize(run.Json));
        var table = await MaillageCommand.RunAsync(App.Database.Setting, "aci", "schedule", "--cpts", w.A.ToString());
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Avance de la part fixe", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("confirmés", table.Stdout, StringComparison.Ordinal);

        var unknown = await MaillageCommand.RunAsync(App.Database.Setting, "aci", "schedule", "--cpts", Guid.NewGuid().ToString(), "--json");
        Assert.True(unknown.ExitCode == 1, unknown.ToString());
        Assert.Contains("CPTS introuvable", unknown.Stderr, StringComparison.Ordinal);
        var none = await MaillageCommand.RunAsync(App.Database.Setting, "aci", "schedule", "--cpts", w.B.ToString());
        Assert.True(none.ExitCode == 1, none.ToString());
        Assert.Contains("Aucun contrat ACI", none.Stderr, StringComparison.Ordinal);
        var usage = await MaillageCommand.RunAsync(App.Database.Setting, "aci", "schedule", "--cpts", "redon");
        Assert.True(usage.ExitCode == 2, usage.ToString());
    }
}

public sealed class Schedule_on_sqlite(SqliteApp app) : Schedule(app), IClassFixture<SqliteApp>;

public sealed class Schedule_on_postgres(PostgresApp app) : Schedule(app), IClassFixture<PostgresApp>;

/// <summary>
/// Who reads the funding and the schedule of CPTS A's contract: whoever may read the contract (admin, officer of the territory, coordinator,
/// member); others get a 404, as does the coordinator of B, whose CPTS has no contract.
/// </summary>
public abstract class ScheduleTenancy(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string[] Routes = ["GET funding", "GET schedule", "GET csv", "GET page", "GET funding B", "GET page B"];

    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 200 200 200 404 404"),
        ("officer in scope", "200 200 200 200 404 404"),
        ("officer out of scope", "404 404 404 404 404 404"),
        ("coordinator", "200 200 200 200 404 404"),
        ("other coordinator", "404 404 404 404 404 404"),
        ("member", "200 200 200 200 404 404"),
    ];

    public static TheoryData<string, string, int> Matrix => TenancyMatrix.Cases(Routes, Table);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reads_the_funding_only_as_far_as_their_scope_allows(string user, string route, int expected)
    {
        var w = await App.SharedAsync("schedule-tenancy", () => IndicatorWorld.WithContractAsync(App));
        var url = route switch
        {
            "GET funding" => $"/api/cpts/{w.A}/contract/funding",
            "GET schedule" => $"/api/cpts/{w.A}/contract/schedule",
            "GET csv" => $"/api/cpts/{w.A}/contract/schedule.csv",
            "GET page" => $"/cpts/{w.A}/contrat/financement",
            "GET funding B" => $"/api/cpts/{w.B}/contract/funding",
            _ => $"/cpts/{w.B}/contrat/financement",
        };

        using var response = await w.Client(user).GetAsync(new Uri(url, UriKind.Relative), Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected, $"{user} → {route}: {(int)response.StatusCode}, expected {expected}. {body}");
    }
}

public sealed class ScheduleTenancy_on_sqlite(SqliteApp app) : ScheduleTenancy(app), IClassFixture<SqliteApp>;

public sealed class ScheduleTenancy_on_postgres(PostgresApp app) : ScheduleTenancy(app), IClassFixture<PostgresApp>;
