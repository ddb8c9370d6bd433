using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Lifecycle.Storage;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// The ACI simulator through the real host and the <c>maillage</c> command on the same database: the documented JSON, the
/// §4 maximum for 81,000 inhabitants, a CPTS simulated with its stored tier within the caller's tenancy, French errors per field, the page.
/// </summary>
public abstract partial class AciSimulator(MaillageApp app) : IntegrationTest(app)
{
    private const string AllWithCrisis = "/api/aci/simulate?population=81000&crisisOccurred=true";

    [Fact]
    public async Task Any_signed_in_user_simulates_81000_inhabitants_to_the_tier_3_maximum_of_487500()
    {
        var member = await App.ClientForAsync(Role.Member, (await CptsAsync()).Id);

        var simulation = await member.GetJsonAsync(AllWithCrisis);

        Assert.Equal(["ruleSet", "tier", "lines", "maximum"], simulation.EnumerateObject().Select(p => p.Name));
        Assert.Equal("avenant2-2021", simulation.GetProperty("ruleSet").GetString());
        Assert.Equal(3, simulation.GetProperty("tier").GetInt32());
        Assert.Equal(487_500m, simulation.GetProperty("maximum").GetDecimal());
        var crisis = simulation.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("line").GetString() == "crisis");
        Assert.Equal(["line", "fixed", "variable"], crisis.EnumerateObject().Select(p => p.Name));
        Assert.Equal((45_000m, 67_500m), (crisis.GetProperty("fixed").GetDecimal(), crisis.GetProperty("variable").GetDecimal()));
        Assert.Equal(["operating", "access", "pathways", "prevention", "crisis", "quality", "support"],
            simulation.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("line").GetString()));
    }

    [Fact]
    public async Task The_options_choose_the_rule_set_the_missions_and_the_year_of_the_crisis_plan()
    {
        var officer = await App.ClientForAsync(Role.Officer, region: "52");

        var socle = await officer.GetJsonAsync("/api/aci/simulate?population=39999&missions=access,pathways,prevention,crisis&crisisPlan=update");
        Assert.Equal(1, socle.GetProperty("tier").GetInt32());
        Assert.Equal(50_000m + 80_000m + 50_000m + 20_000m + 12_500m, socle.GetProperty("maximum").GetDecimal());
        Assert.Equal(5, socle.GetProperty("lines").GetArrayLength());

        var simplified = await officer.GetJsonAsync("/api/aci/simulate?population=175000&ruleSet=simplified-2024");
        Assert.Equal(4, simplified.GetProperty("tier").GetInt32());
        Assert.Equal("total", Assert.Single(simplified.GetProperty("lines").EnumerateArray()).GetProperty("line").GetString());
        Assert.Equal(555_000m, simplified.GetProperty("maximum").GetDecimal());
        Assert.False(simplified.TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task The_api_warns_of_a_population_above_any_cpts_territory_and_still_simulates()
    {
        var officer = await App.ClientForAsync(Role.Officer, region: "52");

        var huge = await officer.GetJsonAsync("/api/aci/simulate?population=999999999");
        Assert.Equal(4, huge.GetProperty("tier").GetInt32());
        Assert.StartsWith("Population inhabituelle : 999", Assert.Single(huge.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.False((await officer.GetJsonAsync("/api/aci/simulate?population=1500000")).TryGetProperty("warnings", out _));
    }

    [Fact]
    public async Task The_rule_sets_are_listed_with_their_sources_tiers_and_amounts()
    {
        var admin = await App.AdminAsync();

        var catalogue = await admin.GetJsonAsync("/api/aci/rule-sets");

        Assert.Equal("avenant2-2021", catalogue.GetProperty("default").GetString());
        var sets = catalogue.GetProperty("ruleSets").EnumerateArray().ToList();
        Assert.Equal(["avenant2-2021", "simplified-2024"], sets.Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("Avenant 2 à l'accord conventionnel interprofessionnel CPTS, 20 décembre 2021",
            sets[0].GetProperty("source").GetProperty("text").GetString());
        Assert.Equal([0, 40_000, 80_000, 175_000], sets[0].GetProperty("tierLowerBounds").EnumerateArray().Select(b => b.GetInt32()));
        var crisisTier4 = sets[0].GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("id").GetString() == "crisis").GetProperty("tiers")[3];
        Assert.Equal((50_000m, 25_000m, 75_000m), (crisisTier4.GetProperty("fixed").GetDecimal(),
            crisisTier4.GetProperty("fixedYearlyUpdate").GetDecimal(), crisisTier4.GetProperty("variable").GetDecimal()));
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_french_errors_per_field_never_a_500()
    {
        var admin = await App.AdminAsync();

        async Task<IReadOnlyList<string>> ErrorsAsync(string query, string field) =>
            (await admin.GetJsonAsync("/api/aci/simulate?" + query, HttpStatusCode.BadRequest)).FieldErrors(field);

        Assert.Contains("n'est pas un nombre entier", Assert.Single(await ErrorsAsync("population=beaucoup", "population")), StringComparison.Ordinal);
        Assert.Contains("supérieur à zéro", Assert.Single(await ErrorsAsync("population=0", "population")), StringComparison.Ordinal);
        Assert.Contains("obligatoire", Assert.Single(await ErrorsAsync("", "population")), StringComparison.Ordinal);
        Assert.Equal("Barème « avenant9 » inconnu. Barèmes connus : avenant2-2021, simplified-2024.",
            Assert.Single(await ErrorsAsync("population=81000&ruleSet=avenant9", "ruleSet")));
        Assert.StartsWith("Les 4 missions socles sont obligatoires", Assert.Single(await ErrorsAsync("population=81000&missions=quality", "missions")), StringComparison.Ordinal);
        Assert.Contains("ne détaille pas les missions",
            Assert.Single(await ErrorsAsync("population=81000&ruleSet=simplified-2024&missions=access,pathways,prevention,crisis", "missions")), StringComparison.Ordinal);
        Assert.NotEmpty(await ErrorsAsync("population=81000&crisisPlan=second", "crisisPlan"));
        Assert.NotEmpty(await ErrorsAsync("population=81000&crisisOccurred=peut-être", "crisisOccurred"));
        Assert.NotEmpty(await ErrorsAsync($"population=81000&cpts={Guid.NewGuid()}", "population"));
        Assert.NotEmpty(await ErrorsAsync("cpts=redon", "cpts"));
    }

    [Fact]
    public async Task A_cpts_is_simulated_with_its_stored_tier_and_only_by_those_who_may_read_it()
    {
        var cpts = await CptsAsync();
        var member = await App.ClientForAsync(Role.Member, cpts.Id);
        var foreignOfficer = await App.ClientForAsync(Role.Officer, region: "84");

        var simulation = await member.GetJsonAsync($"/api/aci/simulate?cpts={cpts.Id}&crisisOccurred=true");
        Assert.Equal(cpts.Tier, simulation.GetProperty("tier").GetInt32());

        // The stored tier is a contract attribute: the simulator does not recompute it from the population.
        await SetStoredTierAsync(cpts.Id, 4);
        Assert.Equal(580_000m, (await member.GetJsonAsync($"/api/aci/simulate?cpts={cpts.Id}&crisisOccurred=true")).GetProperty("maximum").GetDecimal());

        await foreignOfficer.GetJsonAsync($"/api/aci/simulate?cpts={cpts.Id}", HttpStatusCode.NotFound);
        await member.GetJsonAsync($"/api/aci/simulate?cpts={Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/api/aci/rule-sets")]
    [InlineData(AllWithCrisis)]
    public async Task Anonymous_calls_are_refused(string url)
    {
        using var response = await App.Anonymous().GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_command_prints_the_same_document_as_the_api_for_a_population_and_for_a_cpts()
    {
        var admin = await App.AdminAsync();
        var cpts = await CptsAsync();

        var run = await MaillageCommand.RunAsync(App.Database.Setting, "aci", "simulate", "--population", "81000", "--crisis-occurred", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal((await admin.GetJsonAsync(AllWithCrisis)).GetRawText(), Compact(run.Json));
        Assert.Equal(487_500m, run.Json.GetProperty("maximum").GetDecimal());

        var forCpts = await MaillageCommand.RunAsync(App.Database.Setting, "aci", "simulate", "--cpts", cpts.Id.ToString(), "--crisis-plan", "update", "--json");
        Assert.True(forCpts.ExitCode == 0, forCpts.ToString());
        Assert.Equal((await admin.GetJsonAsync($"/api/aci/simulate?cpts={cpts.Id}&crisisPlan=update")).GetRawText(), Compact(forCpts.Json));

        var missing = await MaillageCommand.RunAsync(App.Database.Setting, "aci", "simulate", "--cpts", Guid.NewGuid().ToString(), "--json");
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.Empty(missing.Stdout);
        Assert.Contains("CPTS introuvable", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_renders_the_table_of_amounts_and_the_maximum_in_french()
    {
        var cpts = await CptsAsync();
        var member = await App.ClientForAsync(Role.Member, cpts.Id);

        var empty = await member.PageAsync("/financement/simulateur");
        Assert.Contains("<h1>Simulateur de financement ACI</h1>", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"simulation\"", empty, StringComparison.Ordinal);
        Assert.Contains("href=\"/financement/simulateur\"", empty, StringComparison.Ordinal);   // in the top navigation

        var html = await member.PageAsync("/financement/simulateur?population=81+000&bareme=avenant2-2021&missions=quality&missions=support&plan=first&crise=true");
        Assert.Contains("id=\"simulation\"", html, StringComparison.Ordinal);
        Assert.Equal(7, LineRow().Count(html));
        Assert.Equal("487\u202F500\u00A0€", WebUtility.HtmlDecode(Maximum().Match(html).Groups[1].Value));
        Assert.Contains("<svg id=\"aci-chart\" role=\"img\"", html, StringComparison.Ordinal);

        var socleOnly = await member.PageAsync("/financement/simulateur?population=81000&plan=update");
        Assert.Equal(5, LineRow().Count(socleOnly));
        Assert.Equal("347500", Digits(Maximum().Match(socleOnly).Groups[1].Value));   // 75,000 + 125,000 + 90,000 + 35,000 + 22,500

        var forCpts = WebUtility.HtmlDecode(await member.PageAsync($"/financement/simulateur?population=&cpts={cpts.Id}"));
        Assert.Contains($"{cpts.Name} : ", forCpts, StringComparison.Ordinal);
        Assert.Contains($"taille {cpts.Tier} (taille enregistrée sur la CPTS)", forCpts, StringComparison.Ordinal);

        var simplified = await member.PageAsync("/financement/simulateur?population=81000&bareme=simplified-2024");
        Assert.Equal(1, LineRow().Count(simplified));
        Assert.Contains("id=\"rule-set-note\"", simplified, StringComparison.Ordinal);
        Assert.Equal("465000", Digits(Maximum().Match(simplified).Groups[1].Value));

        Assert.DoesNotContain("id=\"population-warning\"", html, StringComparison.Ordinal);
        var huge = WebUtility.HtmlDecode(await member.PageAsync("/financement/simulateur?population=999999999"));
        Assert.Contains("id=\"simulation\"", huge, StringComparison.Ordinal);   // a warning, not a refusal
        Assert.Matches("<p class=\"alert\" role=\"status\" id=\"population-warning\">Population inhabituelle : 999.999.999 habitants, alors que les plus "
            + "grands territoires de CPTS comptent environ 1 million d'habitants", huge);

        var refused = await member.PageAsync("/financement/simulateur?population=-3");
        Assert.Contains("role=\"alert\"", refused, StringComparison.Ordinal);
        Assert.Contains("supérieur à zéro", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"simulation\"", refused, StringComparison.Ordinal);
    }

    private async Task<(Guid Id, string Name, int Tier)> CptsAsync()
    {
        var name = Http.Unique("CPTS Financement");
        var created = await (await App.AdminAsync()).CreateCptsAsync(name, App.Communes.Take("59", 3));
        return (created.Id(), name, created.GetProperty("tier").GetInt32());
    }

    private async Task SetStoredTierAsync(Guid id, int tier)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().Cpts().Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tier, tier), Ct);
    }

    private static string Compact(JsonElement json) => JsonSerializer.Serialize(json);

    private static string Digits(string html) => new([.. WebUtility.HtmlDecode(html).Where(char.IsAsciiDigit)]);

    [GeneratedRegex("<tr data-line=\"[a-z]+\">")]
    private static partial Regex LineRow();

    [GeneratedRegex("<strong id=\"maximum\">([^<]+)</strong>")]
    private static partial Regex Maximum();
}

public sealed class AciSimulator_on_sqlite(SqliteApp app) : AciSimulator(app), IClassFixture<SqliteApp>;

public sealed class AciSimulator_on_postgres(PostgresApp app) : AciSimulator(app), IClassFixture<PostgresApp>;
