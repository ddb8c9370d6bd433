using System.Net;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Maillage.Funding.Budget;
using Maillage.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Funding;

/// <summary>Helpers for the budget of a CPTS: valid line bodies and adding a line through the API.</summary>
public static class BudgetCalls
{
    public static int Year => Http.Today.Year;

    public static Dictionary<string, object?> Income(string source = "aci", decimal planned = 1000m, decimal? actual = null,
        Action<Dictionary<string, object?>>? change = null) =>
        Body(new() { ["direction"] = "income", ["source"] = source, ["label"] = Http.Unique("Recette"), ["planned"] = planned, ["actual"] = actual }, change);

    public static Dictionary<string, object?> Spending(string category = "coordination", string? mission = "operating", decimal planned = 1000m,
        decimal? actual = null, Action<Dictionary<string, object?>>? change = null) =>
        Body(new()
        {
            ["direction"] = "spending", ["category"] = category, ["mission"] = mission, ["label"] = Http.Unique("Dépense"), ["planned"] = planned,
            ["actual"] = actual,
        }, change);

    public static async Task<JsonElement> AddAsync(HttpClient client, Guid cpts, Dictionary<string, object?> body) =>
        await (await client.PostJsonAsync($"/api/cpts/{cpts}/budget/lines", body)).ExpectAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> ReadAsync(HttpClient client, Guid cpts, int? year = null) =>
        await client.GetJsonAsync($"/api/cpts/{cpts}/budget?year={year ?? Year}");

    private static Dictionary<string, object?> Body(Dictionary<string, object?> body, Action<Dictionary<string, object?>>? change)
    {
        body["year"] = Year;
        change?.Invoke(body);
        return body;
    }
}

/// <summary>
/// The budget of a CPTS through the real host: lines added by the coordinator and the treasurer, totals by source, mission and action sheet,
/// spending that funds care flagged and counted apart, every refusal precise and saving nothing, versions, deletion, exports and the page.
/// </summary>
public abstract partial class CptsBudget(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_coordinator_and_the_treasurer_keep_the_budget_and_readers_see_totals_flags_and_the_ACI_schedule()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var treasurer = await FundingTreasurer.CreateAsync(App, w.A, w.Coordinator);
        await BudgetCalls.AddAsync(w.Coordinator, w.A, BudgetCalls.Income("aci", 100_000m, 90_000m));
        await BudgetCalls.AddAsync(treasurer, w.A, BudgetCalls.Income("fir", 20_000m));
        await BudgetCalls.AddAsync(w.Coordinator, w.A, BudgetCalls.Spending("coordination", "operating", 60_000m, 58_000.50m));
        await BudgetCalls.AddAsync(treasurer, w.A, BudgetCalls.Spending("indemnities", "pathways", 4_000m, null, b => b["actionSheet"] = "FA 2.1 Parcours IC"));
        var care = await BudgetCalls.AddAsync(w.Coordinator, w.A,
            BudgetCalls.Spending("fee-top-up", "access", 5_000m, 2_500m, b => (b["actionSheet"], b["label"]) = ("FA 1.2 Soins non programmés", "Complément d'honoraires astreinte")));
        Assert.True(care.GetProperty("fundsCare").GetBoolean());
        Assert.Contains("Hors ACI", care.GetProperty("warning").GetString(), StringComparison.Ordinal);
        await BudgetCalls.AddAsync(w.Coordinator, w.A, BudgetCalls.Income("local-authority", 3_000m, 3_000m, b => b["year"] = BudgetCalls.Year - 1));

        var budget = await BudgetCalls.ReadAsync(w.Member, w.A);
        Assert.Equal(5, budget.GetProperty("lines").GetArrayLength());
        Assert.False(budget.GetProperty("canEdit").GetBoolean());
        var totals = budget.GetProperty("totals");
        Assert.Equal((120_000m, 90_000m), Amount(totals.GetProperty("income")));
        Assert.Equal((69_000m, 60_500.50m), Amount(totals.GetProperty("spending")));
        Assert.Equal((5_000m, 2_500m), Amount(totals.GetProperty("flagged")));
        Assert.Equal((64_000m, 58_000.50m), Amount(totals.GetProperty("organisation")));
        Assert.Equal((51_000m, 29_499.50m), Amount(totals.GetProperty("balance")));
        Assert.Equal(["aci", "fir"], Keys(totals, "incomeBySource"));
        Assert.Equal(["operating", "access", "pathways"], Keys(totals, "spendingByMission"));
        Assert.Equal(["FA 1.2 Soins non programmés", "FA 2.1 Parcours IC", "none"], Keys(totals, "spendingByActionSheet"));
        var schedule = budget.GetProperty("aciSchedule");
        Assert.Equal(1, schedule.GetProperty("contractNumber").GetInt32());
        Assert.True(schedule.GetProperty("expected").GetDecimal() > 0m);

        Assert.True((await BudgetCalls.ReadAsync(treasurer, w.A)).GetProperty("canEdit").GetBoolean());
        Assert.Contains($"href=\"/cpts/{w.A}/budget\"", await w.Member.PageAsync($"/cpts/{w.A}/contrat"), StringComparison.Ordinal);
        var years = (await w.Officer.GetJsonAsync($"/api/cpts/{w.A}/budget/years")).GetProperty("items");
        Assert.Equal([BudgetCalls.Year - 1, BudgetCalls.Year], years.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal((3_000m, 3_000m), Amount(years[0].GetProperty("balance")));
        Assert.Equal(5_000m, years[1].GetProperty("flagged").GetProperty("planned").GetDecimal());

        var audit = await w.Coordinator.AuditAsync(w.A);
        Assert.Equal(6, audit.Count(a => a.Action == "funding.budget.line_added"));
        Assert.DoesNotContain(audit, a => a.Details.Contains("astreinte", StringComparison.Ordinal) || a.Details.Contains("Recette", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Details.Contains("prévu 5\u202F000\u00A0€", StringComparison.Ordinal) && a.Details.Contains("hors ACI", StringComparison.Ordinal));

        // The trail speaks French: sources, categories and missions by their names, never the API's ids (fee-top-up, local-authority, fir…).
        Assert.Contains(audit, a => a.Details.Contains("recette « FIR, financement d'amorçage de l'ARS », prévu 20\u202F000\u00A0€", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Details.Contains("dépense « Complément d'honoraires », mission « Accès aux soins »", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Details.Contains("recette « Collectivités territoriales »", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => BudgetIds().IsMatch(a.Details));
        var journal = System.Net.WebUtility.HtmlDecode(await w.Coordinator.PageAsync($"/cpts/{w.A}/journal"));
        Assert.Contains("dépense « Complément d'honoraires »", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("fee-top-up", journal, StringComparison.Ordinal);
        Assert.DoesNotContain("local-authority", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_lines_are_refused_field_by_field_in_French_and_nothing_is_saved()
    {
        var w = await ContractWorld.CreateAsync(App);
        await RefusedAsync(w, BudgetCalls.Income(change: b => b["direction"] = null), "direction", "recette (income) ou d'une dépense");
        await RefusedAsync(w, BudgetCalls.Income(change: b => b["direction"] = "both"), "direction", "inconnu");
        await RefusedAsync(w, BudgetCalls.Income(change: b => b["source"] = null), "source", "indique sa source");
        await RefusedAsync(w, BudgetCalls.Income(change: b => b["category"] = "coordination"), "category", "n'a pas de catégorie");
        await RefusedAsync(w, BudgetCalls.Income(change: b => b["mission"] = "access"), "mission", "n'est pas rattachée à une mission");
        await RefusedAsync(w, BudgetCalls.Spending(change: b => b["category"] = null), "category", "indique sa catégorie");
        await RefusedAsync(w, BudgetCalls.Spending(change: b => b["source"] = "aci"), "source", "n'a pas de source");
        await RefusedAsync(w, BudgetCalls.Spending(mission: "total"), "mission", "inconnue");
        await RefusedAsync(w, BudgetCalls.Spending(change: b => b["year"] = 2018), "year", "2019 à");
        await RefusedAsync(w, BudgetCalls.Spending(change: b => b["year"] = BudgetCalls.Year + 6), "year", "hors de la plage");
        await RefusedAsync(w, BudgetCalls.Spending(change: b => b["label"] = "  "), "label", "libellé");
        await RefusedAsync(w, BudgetCalls.Spending(change: b => b["label"] = new string('x', 301)), "label", "dépasse 300");
        await RefusedAsync(w, BudgetCalls.Spending(planned: -1m), "planned", "négatif");
        await RefusedAsync(w, BudgetCalls.Spending(planned: 12.345m), "planned", "deux décimales");
        await RefusedAsync(w, BudgetCalls.Spending(change: b => b["planned"] = null), "planned", "montant prévu");
        await RefusedAsync(w, BudgetCalls.Spending(actual: -3m), "actual", "négatif");
        await (await w.Member.PostJsonAsync($"/api/cpts/{w.A}/budget/lines", BudgetCalls.Spending())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/budget/lines", BudgetCalls.Spending())).ExpectAsync(HttpStatusCode.Forbidden);
        await w.Coordinator.GetJsonAsync($"/api/cpts/{w.A}/budget?year=deux-mille", HttpStatusCode.BadRequest);
        await w.Coordinator.GetJsonAsync($"/api/cpts/{w.A}/budget?year=1990", HttpStatusCode.BadRequest);

        Assert.Equal(0, (await BudgetCalls.ReadAsync(w.Admin, w.A)).GetProperty("lines").GetArrayLength());
        Assert.Equal(0, (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/budget/years")).GetProperty("items").GetArrayLength());
        Assert.DoesNotContain(await w.Coordinator.AuditAsync(w.A), a => a.Action.StartsWith("funding.budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_line_is_changed_and_deleted_against_the_version_read_and_a_stale_version_gets_a_conflict()
    {
        var w = await ContractWorld.CreateAsync(App);
        var line = await BudgetCalls.AddAsync(w.Coordinator, w.A, BudgetCalls.Spending("training", "quality", 1_200m));
        var url = $"/api/cpts/{w.A}/budget/lines/{line.Id()}";
        var version = line.GetProperty("version").GetInt32();

        var changed = await (await w.Coordinator.PutJsonAsync(url, BudgetCalls.Spending("events", "prevention", 1_500m, 1_450.25m, b => b["version"] = version)))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, changed.GetProperty("version").GetInt32());
        Assert.Equal(("events", "prevention", 1_450.25m), (changed.GetProperty("category").GetString(), changed.GetProperty("mission").GetString(),
            changed.GetProperty("actual").GetDecimal()));

        var stale = await (await w.Coordinator.PutJsonAsync(url, BudgetCalls.Spending(change: b => b["version"] = version))).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifiées par quelqu'un d'autre", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var noVersion = await (await w.Coordinator.PutJsonAsync(url, BudgetCalls.Spending())).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noVersion.FieldErrors("version"));
        await (await w.Coordinator.PutJsonAsync(url, BudgetCalls.Spending(planned: -5m, change: b => b["version"] = version + 1))).ExpectAsync(HttpStatusCode.BadRequest);
        await (await w.Admin.PutJsonAsync($"/api/cpts/{w.B}/budget/lines/{line.Id()}", BudgetCalls.Spending(change: b => b["version"] = version + 1)))
            .ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(1_500m, (await BudgetCalls.ReadAsync(w.Member, w.A)).GetProperty("lines")[0].GetProperty("planned").GetDecimal());

        await (await w.Coordinator.DeleteAsync(new Uri($"{url}?version={version}", UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.Conflict);
        await (await w.Coordinator.DeleteAsync(new Uri(url, UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.BadRequest);
        await (await w.Coordinator.DeleteAsync(new Uri($"{url}?version={version + 1}", UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.NoContent);
        await (await w.Coordinator.DeleteAsync(new Uri($"{url}?version={version + 1}", UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await BudgetCalls.ReadAsync(w.Member, w.A)).GetProperty("lines").GetArrayLength());
        var actions = (await w.Coordinator.AuditAsync(w.A)).Select(a => a.Action).ToList();
        Assert.Equal(["funding.budget.line_added", "funding.budget.line_deleted", "funding.budget.line_edited"],
            actions.Where(a => a.StartsWith("funding.budget", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_exports_give_the_year_s_lines_and_totals_with_the_flagged_lines_marked()
    {
        var w = await ContractWorld.CreateAsync(App);
        await BudgetCalls.AddAsync(w.Coordinator, w.A, BudgetCalls.Income("aci", 10_000m, 9_000m, b => b["label"] = "Financement ACI"));
        await BudgetCalls.AddAsync(w.Coordinator, w.A, BudgetCalls.Spending("communication", "operating", 1_234.5m, null,
            b => (b["label"], b["note"]) = ("Site internet ; « lettre »", "Devis signé")));
        await BudgetCalls.AddAsync(w.Coordinator, w.A, BudgetCalls.Spending("salaried-care", null, 800m, 800m, b => b["label"] = "Infirmière salariée"));
        var year = BudgetCalls.Year;

        using var csv = await w.Member.GetAsync(new Uri($"/api/cpts/{w.A}/budget/{year}.csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Equal(string.Join(";", BudgetExport.LineColumns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"{year};Dépense;Communication;Fonctionnement de la communauté;;\"Site internet ; « lettre »\";1234,50;;;Devis signé",
            StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Infirmière salariée;800,00;800,00;" + BudgetExport.FlagText, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Total;dont hors ACI (finance des soins);800,00;800,00;1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Total;Solde (recettes − dépenses);7965,50;8200,00", StringComparison.Ordinal));

        using var xlsx = await w.Officer.GetAsync(new Uri($"/api/cpts/{w.A}/budget/{year}.xlsx", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(["Lignes", "Totaux"], book.Worksheets.Select(s => s.Name));
        var sheet = book.Worksheet("Lignes");
        Assert.Equal(3, sheet.RowsUsed().Count() - 1);
        var flagged = sheet.RowsUsed().Skip(1).Single(r => r.Cell(6).GetString() == "Infirmière salariée");
        Assert.Equal(BudgetExport.FlagText, flagged.Cell(9).GetString());
        Assert.Equal(800.0, flagged.Cell(7).GetDouble());
        Assert.Equal(XLDataType.Number, sheet.RowsUsed().Skip(1).Single(r => r.Cell(6).GetString() == "Financement ACI").Cell(8).DataType);
        var balance = book.Worksheet("Totaux").RowsUsed().Single(r => r.Cell(2).GetString().StartsWith("Solde", StringComparison.Ordinal));
        Assert.Equal(7_965.5, balance.Cell(3).GetDouble());

        await (await w.Member.GetAsync(new Uri($"/api/cpts/{w.A}/budget/2018.csv", UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_page_shows_the_budget_and_its_forms_add_change_and_delete_lines_with_French_errors()
    {
        var w = await ContractWorld.CreateAsync(App);
        var url = $"/cpts/{w.A}/budget";
        Assert.Contains($"href=\"{url}\"", await w.Member.PageAsync($"/cpts/{w.A}"), StringComparison.Ordinal);

        var (bad, html) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Save", Form("spending", "fee-top-up", "douze euros"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad);
        Assert.Contains("« douze euros » n'est pas un montant", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("value=\"Complément d'honoraires astreinte\"", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var (mixed, mixedHtml) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Save", new Dictionary<string, string?>(Form("income", null, "10"))
        {
            ["source"] = "aci", ["category"] = "coordination",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mixed);
        Assert.Contains("Une recette n'a pas de catégorie", System.Net.WebUtility.HtmlDecode(mixedHtml), StringComparison.Ordinal);
        var (added, _) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Save", Form("spending", "fee-top-up", "1 200,50"));
        Assert.Equal(HttpStatusCode.Redirect, added);

        var page = System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync(url));
        Assert.Contains("⚠ Hors ACI", page, StringComparison.Ordinal);
        Assert.Contains("id=\"flagged-warning\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg id=\"budget-chart\"", page, StringComparison.Ordinal);
        Assert.Contains(Maillage.Funding.AciLabels.Euros(1_200.50m), page, StringComparison.Ordinal);
        Assert.Contains($"/api/cpts/{w.A}/budget/{BudgetCalls.Year}.xlsx", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter une dépense", page, StringComparison.Ordinal);

        var line = (await BudgetCalls.ReadAsync(w.Coordinator, w.A)).GetProperty("lines")[0];
        Assert.Equal(1_200.50m, line.GetProperty("planned").GetDecimal());
        Assert.Contains("Modifier la dépense", System.Net.WebUtility.HtmlDecode(await w.Coordinator.PageAsync($"{url}?edit={line.Id()}")), StringComparison.Ordinal);
        var (edited, _) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Save", new Dictionary<string, string?>(Form("spending", "coordination", "900"))
        {
            ["lineId"] = $"{line.Id()}", ["version"] = line.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, edited);
        line = (await BudgetCalls.ReadAsync(w.Coordinator, w.A)).GetProperty("lines")[0];
        Assert.False(line.GetProperty("fundsCare").GetBoolean());
        var (deleted, _) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Delete", new Dictionary<string, string?>
        {
            ["lineId"] = $"{line.Id()}", ["version"] = line.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, deleted);
        Assert.Equal(0, (await BudgetCalls.ReadAsync(w.Coordinator, w.A)).GetProperty("lines").GetArrayLength());
        Assert.Contains("Aucune dépense", System.Net.WebUtility.HtmlDecode(await w.Coordinator.PageAsync($"{url}?year=1990")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_budget_has_last_year_and_this_year_with_one_flagged_line()
    {
        var w = await ContractWorld.CreateAsync(App);
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Maillage.Demo.SeedFundingBudgetDemo>().RunAsync(w.A, Ct);
        }

        var years = (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/budget/years")).GetProperty("items");
        Assert.Equal([BudgetCalls.Year - 1, BudgetCalls.Year], years.EnumerateArray().Select(y => y.GetProperty("year").GetInt32()));
        Assert.Equal(0, years[0].GetProperty("flagged").GetProperty("lines").GetInt32());
        var flagged = (await BudgetCalls.ReadAsync(w.Member, w.A)).GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("fundsCare").GetBoolean()).ToList();
        Assert.Equal("Complément d'honoraires astreinte", Assert.Single(flagged).GetProperty("label").GetString());
    }

    private static Dictionary<string, string?> Form(string direction, string? category, string planned) => new()
    {
        ["direction"] = direction, ["year"] = $"{BudgetCalls.Year}", ["category"] = category, ["mission"] = "access", ["actionSheet"] = "FA 1.2",
        ["label"] = "Complément d'honoraires astreinte", ["planned"] = planned,
    };

    private static (decimal Planned, decimal Actual) Amount(JsonElement amount) =>
        (amount.GetProperty("planned").GetDecimal(), amount.GetProperty("actual").GetDecimal());

    private static IReadOnlyList<string> Keys(JsonElement totals, string groups) =>
        [.. totals.GetProperty(groups).EnumerateArray().Select(g => g.GetProperty("key").GetString()!)];

    private static async Task RefusedAsync(ContractWorld w, Dictionary<string, object?> body, string field, string words)
    {
        var problem = await (await w.Coordinator.PostJsonAsync($"/api/cpts/{w.A}/budget/lines", body)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, string.Join(" ", problem.FieldErrors(field)), StringComparison.Ordinal);
    }

    /// <summary>The API's ids of sources, categories and missions, as whole words (a French label never reads like one).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(aci|fir|call-for-projects|local-authority|other|fee-top-up|salaried-care|health-centre-deficit|operating|access|pathways|none)\b")]
    private static partial System.Text.RegularExpressions.Regex BudgetIds();
}

public sealed class CptsBudget_on_sqlite(SqliteApp app) : CptsBudget(app), IClassFixture<SqliteApp>;

public sealed class CptsBudget_on_postgres(PostgresApp app) : CptsBudget(app), IClassFixture<PostgresApp>;
