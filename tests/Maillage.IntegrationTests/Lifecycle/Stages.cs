using System.Text.Json;
using System.Net;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Lifecycle;

/// <summary>Stage transitions (domain-rules §3): one step forward at a time, dated no later than today; dissolution releases the territory.</summary>
public abstract class Stages(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_next_stage_with_a_date_is_recorded_and_shown_in_the_timeline()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS Pays de Retz"), App.Communes.Take("44", 2));

        var moved = await (await admin.PostJsonAsync($"/api/cpts/{cpts.Id()}/stage", new { stage = "letter-validated", date = Http.Today }))
            .ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("letter-validated", moved.GetProperty("stage").GetString());
        Assert.Equal("Lettre d'intention validée", moved.GetProperty("stageLabel").GetString());
        Assert.Equal(["pre-project", "letter-validated"], moved.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(Http.Today, DateOnly.Parse(moved.GetProperty("stages")[1].GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(cpts.GetProperty("version").GetInt32() + 1, moved.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Skipping_a_stage_is_a_409_that_names_the_next_stage()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS pressée"), App.Communes.Take("44", 1));

        var problem = await (await admin.PostJsonAsync($"/api/cpts/{cpts.Id()}/stage", new { stage = "aci-signed", date = Http.Today }))
            .ExpectAsync(HttpStatusCode.Conflict);

        Assert.Contains("Lettre d'intention validée", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("pre-project", (await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_date_in_the_future_is_a_400_on_the_date_field()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS du futur"), App.Communes.Take("44", 1));

        var problem = await (await admin.PostJsonAsync($"/api/cpts/{cpts.Id()}/stage", new { stage = "letter-validated", date = Http.Today.AddDays(2) }))
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("date"));
        Assert.Equal("pre-project", (await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_date_before_the_previous_stage_is_a_400_on_the_date_field()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS du passé"), App.Communes.Take("44", 1));

        // Registered today through the API, its pre-project stage is dated today: an earlier letter date cannot follow it.
        var problem = await (await admin.PostJsonAsync($"/api/cpts/{cpts.Id()}/stage", new { stage = "letter-validated", date = new DateOnly(2024, 1, 10) }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("date"));
    }

    [Fact]
    public async Task A_cpts_goes_through_every_stage_then_only_dissolution_remains()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS complète"), App.Communes.Take("44", 1));
        foreach (var stage in new[] { "letter-validated", "health-project-validated", "aci-signed" })
        {
            Assert.Equal(stage, (await admin.RecordStageAsync(cpts.Id(), stage)).GetProperty("stage").GetString());
        }

        var problem = await (await admin.PostJsonAsync($"/api/cpts/{cpts.Id()}/stage", new { stage = "letter-validated", date = Http.Today }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("dissolution", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dissolution_releases_the_territory_for_another_cpts_and_freezes_the_dissolved_one()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("44", 2);
        var first = await admin.CreateCptsAsync(Http.Unique("CPTS dissoute"), codes);
        await (await admin.PostJsonAsync("/api/cpts", new { name = Http.Unique("CPTS trop tôt"), territory = codes.Take(1) })).ExpectAsync(HttpStatusCode.Conflict);

        var dissolved = await admin.RecordStageAsync(first.Id(), "dissolved");
        Assert.Equal("dissolved", dissolved.GetProperty("stage").GetString());
        Assert.Empty(dissolved.GetProperty("territory").EnumerateArray());

        await admin.CreateCptsAsync(Http.Unique("CPTS héritière"), codes.Take(1));
        await (await admin.PostJsonAsync($"/api/cpts/{first.Id()}/stage", new { stage = "letter-validated", date = Http.Today })).ExpectAsync(HttpStatusCode.Conflict);
        await (await admin.PutJsonAsync($"/api/cpts/{first.Id()}", new { name = Http.Unique("CPTS ressuscitée"), version = dissolved.GetProperty("version").GetInt32() }))
            .ExpectAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_audit_trail_lists_creation_territory_and_stage_changes_with_the_actors_email()
    {
        var officer = await App.CreateUserAsync(Maillage.Platform.Identity.Role.Officer, region: "52");
        var client = App.ClientFor(officer);
        var codes = App.Communes.Take("44", 2);
        var cpts = await client.CreateCptsAsync(Http.Unique("CPTS tracée"), codes.Take(1));
        await (await client.PutJsonAsync($"/api/cpts/{cpts.Id()}", new { territory = codes, version = cpts.GetProperty("version").GetInt32() }))
            .ExpectAsync(HttpStatusCode.OK);
        await client.RecordStageAsync(cpts.Id(), "letter-validated");

        var audit = (await client.GetJsonAsync($"/api/cpts/{cpts.Id()}/audit")).EnumerateArray().ToList();

        var actions = audit.Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Equal(["cpts.stage.recorded", "cpts.territory.updated", "cpts.created"], actions);   // newest first
        Assert.All(audit, a => Assert.Equal(officer.Email, a.GetProperty("actor").GetString()));
        Assert.Contains(codes[1], audit[1].GetProperty("details").GetString(), StringComparison.Ordinal);
        Assert.Contains("Lettre d'intention validée", audit[0].GetProperty("details").GetString(), StringComparison.Ordinal);
        var stages = (await client.GetJsonAsync($"/api/cpts/{cpts.Id()}")).GetProperty("stages").EnumerateArray();
        Assert.All(stages, s => Assert.Equal(officer.Email, s.GetProperty("recordedBy").GetString()));
    }

    [Fact]
    public async Task The_stage_selector_starts_on_the_next_stage_never_on_dissolution()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS en marche"), App.Communes.Take("44", 1));

        var options = StageOptions(await admin.PageAsync($"/cpts/{cpts.Id()}"));

        Assert.Equal(("letter-validated", "Lettre d'intention validée"), options[0]);
        Assert.Equal(("dissolved", "Dissoute"), options[^1]);
    }

    [Fact]
    public async Task At_the_last_stage_the_selector_starts_empty_and_submitting_it_unchosen_is_refused_in_french()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS signée"), App.Communes.Take("44", 1));
        foreach (var stage in new[] { "letter-validated", "health-project-validated", "aci-signed" })
        {
            await admin.RecordStageAsync(cpts.Id(), stage);
        }

        var page = $"/cpts/{cpts.Id()}";
        var html = await admin.PageAsync(page);
        Assert.Equal([("", "— choisir —"), ("dissolved", "Dissoute")], StageOptions(html));
        Assert.Contains("<option value=\"\" selected", SelectHtml(html), StringComparison.Ordinal);

        var version = (await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}")).GetProperty("version").GetInt32();
        var (status, refused) = await admin.PostFormAsync(page, page + "?handler=Stage", new Dictionary<string, string?>
        {
            ["Stage"] = "", ["Date"] = Http.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["Version"] = $"{version}",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Choisissez la nouvelle étape de la CPTS.", System.Net.WebUtility.HtmlDecode(refused), StringComparison.Ordinal);
        Assert.Equal("aci-signed", (await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Delays_between_stages_give_the_median_and_the_longest_wait_per_step()
    {
        var codes = App.Communes.Take("2A", 3);
        var names = new[] { Http.Unique("CPTS Ajaccio"), Http.Unique("CPTS Gravona"), Http.Unique("CPTS Prunelli") };
        var file = Path.Combine(App.Database.Folder, $"delays-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "nom;communes;date_en_projet;date_lettre_intention;date_projet_sante\n"
            + $"{names[0]};{codes[0]};01/01/2020;01/03/2020;01/03/2021\n"   // 60 days, then 365 days
            + $"{names[1]};{codes[1]};01/01/2021;11/01/2021;\n"             // 10 days
            + $"{names[2]};{codes[2]};01/06/2022;;\n", Ct);
        var import = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "import", file, "--json");
        Assert.True(import.ExitCode == 0, import.ToString());

        var delays = (await (await App.AdminAsync()).GetJsonAsync("/api/coverage/stage-delays?region=94")).EnumerateArray().ToList();

        Assert.Equal(["pre-project", "letter-validated", "health-project-validated"], delays.Select(d => d.GetProperty("from").GetString()));
        Assert.Equal(2, delays[0].GetProperty("count").GetInt32());
        Assert.Equal(35, delays[0].GetProperty("medianDays").GetInt32());
        Assert.Equal(60, delays[0].GetProperty("longestDays").GetInt32());
        Assert.Equal(365, delays[1].GetProperty("medianDays").GetInt32());
        Assert.Equal(0, delays[2].GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, delays[2].GetProperty("medianDays").ValueKind);
    }

    private static string SelectHtml(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "<select id=\"stage-target\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Groups[1].Value;

    /// <summary>The (value, label) of each option of the page's stage selector, in order.</summary>
    private static List<(string Value, string Label)> StageOptions(string html) =>
        [.. System.Text.RegularExpressions.Regex.Matches(SelectHtml(html), "<option value=\"([^\"]*)\"[^>]*>([^<]*)</option>")
            .Select(m => (m.Groups[1].Value, System.Net.WebUtility.HtmlDecode(m.Groups[2].Value)))];
}

public sealed class Stages_on_sqlite(SqliteApp app) : Stages(app), IClassFixture<SqliteApp>;

public sealed class Stages_on_postgres(PostgresApp app) : Stages(app), IClassFixture<PostgresApp>;
