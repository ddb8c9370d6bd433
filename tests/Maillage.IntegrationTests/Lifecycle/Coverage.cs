using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Lifecycle;

/// <summary>
/// Coverage (domain-rules §1, §3): a commune is covered once a CPTS holding it has its lettre d'intention validated;
/// the API, its CSV and Excel exports and <c>maillage coverage</c> tell the same numbers.
/// </summary>
public abstract class Coverage(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_cpts_counts_as_covered_from_the_validated_letter_by_exactly_its_population()
    {
        var admin = await App.AdminAsync();
        var before = await RowAsync(admin, "departement", "01");
        var codes = App.Communes.Take("01", 4);
        var population = App.Communes.PopulationOf(codes);

        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS Dombes"), codes);
        var preProject = await RowAsync(admin, "departement", "01");
        Assert.Equal(Long(before, "coveredPopulation"), Long(preProject, "coveredPopulation"));
        Assert.Equal(Long(before, "preProject") + 1, Long(preProject, "preProject"));

        await admin.RecordStageAsync(cpts.Id(), "letter-validated");
        var after = await RowAsync(admin, "departement", "01");
        Assert.Equal(Long(before, "coveredPopulation") + population, Long(after, "coveredPopulation"));
        Assert.Equal(Long(before, "uncoveredPopulation") - population, Long(after, "uncoveredPopulation"));
        Assert.Equal(Long(before, "uncoveredCommunes") - codes.Count, Long(after, "uncoveredCommunes"));
        Assert.Equal(Long(before, "letterValidated") + 1, Long(after, "letterValidated"));
        Assert.Equal(Long(before, "preProject"), Long(after, "preProject"));
        Assert.Equal(Long(before, "population"), Long(after, "population"));
        Assert.Equal(Long(before, "aciPopulation"), Long(after, "aciPopulation"));
    }

    [Fact]
    public async Task A_signed_aci_counts_in_the_aci_population_and_a_dissolution_uncovers_the_territory()
    {
        var admin = await App.AdminAsync();
        var before = await RowAsync(admin, "departement", "02");
        var codes = App.Communes.Take("02", 2);
        var population = App.Communes.PopulationOf(codes);
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS Thiérache"), codes);
        foreach (var stage in new[] { "letter-validated", "health-project-validated", "aci-signed" })
        {
            await admin.RecordStageAsync(cpts.Id(), stage);
        }

        var signed = await RowAsync(admin, "departement", "02");
        Assert.Equal(Long(before, "aciPopulation") + population, Long(signed, "aciPopulation"));
        Assert.Equal(Long(before, "coveredPopulation") + population, Long(signed, "coveredPopulation"));

        await admin.RecordStageAsync(cpts.Id(), "dissolved");
        var dissolved = await RowAsync(admin, "departement", "02");
        Assert.Equal(Long(before, "coveredPopulation"), Long(dissolved, "coveredPopulation"));
        Assert.Equal(Long(before, "aciSigned"), Long(dissolved, "aciSigned"));
    }

    [Fact]
    public async Task The_csv_and_excel_exports_carry_the_same_totals_as_the_api()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS Bresse"), App.Communes.Take("01", 2));
        await admin.RecordStageAsync(cpts.Id(), "letter-validated");
        var report = await admin.GetJsonAsync("/api/coverage?level=region");
        var total = report.GetProperty("total");
        Assert.Equal("FR", total.GetProperty("code").GetString());
        Assert.Equal(report.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("population").GetInt64()), Long(total, "population"));
        Assert.Equal(68_350_798, Long(total, "population"));   // legal population of metropolitan France and the DROM, COG 2026

        using var csv = await admin.GetAsync("/api/coverage/export?level=region&format=csv", Ct);
        await csv.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Code;Nom;Population;Population couverte", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        var fr = lines.Single(l => l.StartsWith("FR;", StringComparison.Ordinal)).Split(';');
        Assert.Equal(Long(total, "population").ToString(System.Globalization.CultureInfo.InvariantCulture), fr[2]);
        Assert.Equal(Long(total, "coveredPopulation").ToString(System.Globalization.CultureInfo.InvariantCulture), fr[3]);
        Assert.Equal(report.GetProperty("rows").GetArrayLength() + 2, lines.Length);

        using var xlsx = await admin.GetAsync("/api/coverage/export?level=region&format=xlsx", Ct);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var book = new XLWorkbook(stream);
        var sheet = book.Worksheet(1);
        var last = sheet.LastRowUsed()!;
        Assert.Equal("FR", last.Cell(1).GetString());
        Assert.Equal(Long(total, "population"), (long)last.Cell(3).GetDouble());
        Assert.Equal(Long(total, "coveredPopulation"), (long)last.Cell(4).GetDouble());
    }

    [Fact]
    public async Task The_command_line_reports_the_same_coverage_as_the_api_on_the_same_database()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS Pays de Gex"), App.Communes.Take("01", 3));
        await admin.RecordStageAsync(cpts.Id(), "letter-validated");
        var api = await admin.GetJsonAsync("/api/coverage?level=departement");

        var run = await MaillageCommand.RunAsync(App.Database.Setting, "coverage", "--level", "departement", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var cli = run.Json;
        Assert.Equal("departement", cli.GetProperty("level").GetString());
        Assert.Equal(Numbers(api.GetProperty("total")), Numbers(cli.GetProperty("total")));
        var apiRows = api.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, Numbers);
        var cliRows = cli.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, Numbers);
        Assert.Equal(apiRows.Keys.Order(StringComparer.Ordinal), cliRows.Keys.Order(StringComparer.Ordinal));
        Assert.All(apiRows, row => Assert.Equal(row.Value, cliRows[row.Key]));
    }

    private static readonly string[] Counts =
    [
        "population", "coveredPopulation", "aciPopulation", "preProject", "letterValidated", "healthProjectValidated", "aciSigned",
        "cptsCount", "uncoveredCommunes", "uncoveredPopulation",
    ];

    private static string Numbers(JsonElement row) => string.Join(' ', Counts.Select(c => $"{c}={Long(row, c)}"));

    private static long Long(JsonElement row, string property) => row.GetProperty(property).GetInt64();

    private static async Task<JsonElement> RowAsync(HttpClient client, string level, string code)
    {
        var report = await client.GetJsonAsync($"/api/coverage?level={level}");
        Assert.Equal(level, report.GetProperty("level").GetString());
        return report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
    }
}

public sealed class Coverage_on_sqlite(SqliteApp app) : Coverage(app), IClassFixture<SqliteApp>;

public sealed class Coverage_on_postgres(PostgresApp app) : Coverage(app), IClassFixture<PostgresApp>;
