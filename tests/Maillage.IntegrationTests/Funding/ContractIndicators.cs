using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// The indicators of an ACI contract through the real host: set by the coordinator with targets per contract year, values recorded
/// with their justification, the achievement and the expected variable part per mission; refusals are precise and save nothing.
/// </summary>
public abstract class ContractIndicators(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_coordinator_sets_indicators_and_values_and_the_achievement_gives_the_expected_variable_part()
    {
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        var first = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 0.6m, null, (1, 10m), (2, 20m), (3, 30m)));
        var second = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 0.4m, b => b["kind"] = "result", (1, 40m)));
        await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("prevention", 0.5m, b => b["localInitiative"] = true));
        Assert.Equal([1, 2, 3], first.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("year").GetInt32()));

        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, first.Id(), 1, 12m);
        var recorded = await IndicatorWorld.RecordAsync(w.Coordinator, w.A, second.Id(), 1, 20m, "Un médecin du territoire est décédé.");
        Assert.Equal("Un médecin du territoire est décédé.", recorded.GetProperty("values")[0].GetProperty("justification").GetString());

        var achievement = await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/achievement?year=1");
        var access = Mission(achievement, "access");
        Assert.Equal(35_000m, access.GetProperty("variableEnvelope").GetDecimal());
        Assert.Equal(1m, access.GetProperty("weightsSum").GetDecimal());
        Assert.True(access.GetProperty("weightsComplete").GetBoolean());
        Assert.Equal([1m, 0.5m], access.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("rate").GetDecimal()));
        Assert.Equal(28_000m, access.GetProperty("expectedVariable").GetDecimal());
        var prevention = Mission(achievement, "prevention");
        Assert.False(prevention.GetProperty("weightsComplete").GetBoolean());
        Assert.Equal(JsonValueKind.Null, prevention.GetProperty("expectedVariable").ValueKind);
        Assert.Contains("ne totalisent pas 1", prevention.GetProperty("warning").GetString(), StringComparison.Ordinal);
        Assert.Equal(28_000m, achievement.GetProperty("totalExpectedVariable").GetDecimal());
        Assert.Equal(1, achievement.GetProperty("localInitiatives").GetProperty("count").GetInt32());
        Assert.False(achievement.GetProperty("localInitiatives").GetProperty("withinGuideline").GetBoolean());

        // A corrected value replaces the previous one in place: the mission reaches its whole envelope.
        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, second.Id(), 1, 40m, "Rattrapage au second semestre.");
        achievement = await w.Officer.GetJsonAsync($"/api/cpts/{w.A}/contract/achievement?year=1");
        Assert.Equal(35_000m, Mission(achievement, "access").GetProperty("expectedVariable").GetDecimal());
        var list = await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators");
        Assert.Equal(3, list.GetArrayLength());
        Assert.Single(list.EnumerateArray().Single(i => i.Id() == second.Id()).GetProperty("values").EnumerateArray());
        var audit = (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/audit")).EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(3, audit.Count(a => a == "aci.indicator.created"));
        Assert.Equal(3, audit.Count(a => a == "aci.indicator.value_recorded"));
    }

    [Fact]
    public async Task Bad_indicators_and_values_are_refused_with_a_precise_error_and_nothing_is_saved()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var indicator = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 1m, null, (1, 10m)));
        var before = (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).GetRawText();

        await RefusedAsync(w, IndicatorWorld.Body("access", 0.5m, null, (1, -5m)), "targets", "négative");
        await RefusedAsync(w, IndicatorWorld.Body("access", 0m), "weight", "hors limites");
        await RefusedAsync(w, IndicatorWorld.Body("access", 1.5m), "weight", "hors limites");
        await RefusedAsync(w, IndicatorWorld.Body("access", 0.5m, null, (6, 5m)), "targets", "hors du contrat");
        await RefusedAsync(w, IndicatorWorld.Body("support", 0.5m), "mission", "n'est pas une mission du contrat");
        await RefusedAsync(w, IndicatorWorld.Body("operating", 0.5m), "mission", "n'est pas une mission du contrat");
        await RefusedAsync(w, IndicatorWorld.Body("access", 0.5m, b => b["kind"] = "outcome"), "kind", "inconnu");

        var values = $"/api/cpts/{w.A}/contract/indicators/{indicator.Id()}/values";
        await ValueRefusedAsync(w, $"{values}/6", new { achieved = 3 }, "year", "hors du contrat");
        await ValueRefusedAsync(w, $"{values}/2", new { achieved = 3 }, "year", "pas de cible");
        await ValueRefusedAsync(w, $"{values}/3", new { achieved = 3 }, "year", "pas encore");
        await ValueRefusedAsync(w, $"{values}/1", new { achieved = -1 }, "achieved", "négative");
        await (await w.Member.PutJsonAsync($"{values}/1", new { achieved = 3 })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/indicators", IndicatorWorld.Body())).ExpectAsync(HttpStatusCode.Forbidden);
        await (await w.Coordinator.GetAsync(new Uri($"/api/cpts/{w.A}/contract/achievement?year=7", UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal(before, (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).GetRawText());
    }

    [Fact]
    public async Task An_indicator_is_changed_against_the_version_read_and_a_stale_one_gets_a_conflict()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var indicator = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("pathways", 0.5m, null, (1, 10m)));
        var url = $"/api/cpts/{w.A}/contract/indicators/{indicator.Id()}";
        var version = indicator.GetProperty("version").GetInt32();

        var changed = await (await w.Coordinator.PutJsonAsync(url, IndicatorWorld.Body("pathways", 1m, b => b["version"] = version, (1, 12m), (2, 15m))))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, changed.GetProperty("version").GetInt32());
        Assert.Equal([12m, 15m], changed.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("value").GetDecimal()));

        var stale = await (await w.Coordinator.PutJsonAsync(url, IndicatorWorld.Body("pathways", 0.2m, b => b["version"] = version))).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifié", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // A year with a value keeps its target.
        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, indicator.Id(), 1, 12m);
        var problem = await (await w.Coordinator.PutJsonAsync(url, IndicatorWorld.Body("pathways", 1m, b => b["version"] = version + 1, (2, 15m))))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("gardez une cible", string.Join(" ", problem.FieldErrors("targets")), StringComparison.Ordinal);
        var read = (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).EnumerateArray().Single();
        Assert.Equal(1m, read.GetProperty("weight").GetDecimal());
        Assert.Equal(2, read.GetProperty("targets").GetArrayLength());
    }

    [Fact]
    public async Task The_page_lets_the_coordinator_add_an_indicator_and_record_a_value_and_shows_the_expected_variable()
    {
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        var url = $"/cpts/{w.A}/contrat/indicateurs";
        Assert.Contains($"href=\"{url}\"", await w.Member.PageAsync($"/cpts/{w.A}/contrat"), StringComparison.Ordinal);
        var (refused, html) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Add", new Dictionary<string, string?>
        {
            ["mission"] = "access", ["name"] = "Patients orientés", ["kind"] = "means", ["weight"] = "1,5", ["targets[0]"] = "10",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("hors limites", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var (added, _) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Add", new Dictionary<string, string?>
        {
            ["mission"] = "access", ["name"] = "Patients orientés", ["kind"] = "means", ["unit"] = "patients", ["weight"] = "1", ["targets[0]"] = "10",
        });
        Assert.Equal(HttpStatusCode.Redirect, added);
        var indicator = (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).EnumerateArray().Single();
        var (recorded, _) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Value", new Dictionary<string, string?>
        {
            ["indicatorId"] = $"{indicator.Id()}", ["year"] = "1", ["achieved"] = "5", ["justification"] = "Départ en retraite d'un médecin.",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded);

        var page = System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync($"{url}?year=1"));
        Assert.Contains("Départ en retraite d'un médecin.", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-mission=\"access\">", page, StringComparison.Ordinal);
        Assert.Contains(Maillage.Funding.AciLabels.Euros(17_500m), page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter un indicateur", page, StringComparison.Ordinal);

        // The page is three views, not one long page: the summary has no form, each form lives in its own view.
        var summary = System.Net.WebUtility.HtmlDecode(await w.Coordinator.PageAsync($"{url}?year=1"));
        Assert.Contains($"href=\"{url}?vue=saisie&amp;year=1\"", await w.Coordinator.PageAsync($"{url}?year=1"), StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer la valeur", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter l'indicateur", summary, StringComparison.Ordinal);
        Assert.Contains("Enregistrer la valeur", await w.Coordinator.PageAsync($"{url}?vue=saisie"), StringComparison.Ordinal);
        Assert.Contains("Ajouter l'indicateur", await w.Coordinator.PageAsync($"{url}?vue=suivi"), StringComparison.Ordinal);
    }

    private static JsonElement Mission(JsonElement achievement, string id) =>
        achievement.GetProperty("missions").EnumerateArray().Single(m => m.GetProperty("id").GetString() == id);

    private static async Task RefusedAsync(ContractWorld w, Dictionary<string, object?> body, string field, string words)
    {
        var problem = await (await w.Coordinator.PostJsonAsync($"/api/cpts/{w.A}/contract/indicators", body)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, string.Join(" ", problem.FieldErrors(field)), StringComparison.Ordinal);
    }

    private static async Task ValueRefusedAsync(ContractWorld w, string url, object body, string field, string words)
    {
        var problem = await (await w.Coordinator.PutJsonAsync(url, body)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, string.Join(" ", problem.FieldErrors(field)), StringComparison.Ordinal);
    }
}

public sealed class ContractIndicators_on_sqlite(SqliteApp app) : ContractIndicators(app), IClassFixture<SqliteApp>;

public sealed class ContractIndicators_on_postgres(PostgresApp app) : ContractIndicators(app), IClassFixture<PostgresApp>;
