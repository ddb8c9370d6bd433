using System.Net;
using System.Text;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Lifecycle;

/// <summary>Bad input gets a 400 that says which field is wrong and why, writes nothing, and is never a 500.</summary>
public abstract class BadInput(MaillageApp app) : IntegrationTest(app)
{
    private const string Redon = "35236";

    /// <summary>(case, JSON body with NAME standing for a fresh name, field expected in errors, word expected in its message).</summary>
    public static TheoryData<string, string, string, string> InvalidRegistrations { get; } = new()
    {
        { "unknown INSEE code", """{"name":"NAME","territory":["99999"]}""", "territory", "99999" },
        { "malformed INSEE code", """{"name":"NAME","territory":["ABC"]}""", "territory", "ABC" },
        { "empty territory", """{"name":"NAME","territory":[]}""", "territory", "vide" },
        { "missing territory", """{"name":"NAME"}""", "territory", "vide" },
        { "commune of a collectivité d'outre-mer", """{"name":"NAME","territory":["97501"]}""", "territory", "97501" },
        { "malformed RNA", $$"""{"name":"NAME","territory":["{{Redon}}"],"rna":"W12"}""", "rna", "W12" },
        { "SIRET with a bad Luhn key", $$"""{"name":"NAME","territory":["{{Redon}}"],"siret":"73282932000075"}""", "siret", "Luhn" },
        { "SIRET of 13 digits", $$"""{"name":"NAME","territory":["{{Redon}}"],"siret":"7328293200007"}""", "siret", "14" },
        { "missing name", $$"""{"territory":["{{Redon}}"]}""", "name", "nom" },
        { "blank name", $$"""{"name":"   ","territory":["{{Redon}}"]}""", "name", "nom" },
        { "invalid contact e-mail", $$"""{"name":"NAME","territory":["{{Redon}}"],"contactEmail":"pas-une-adresse"}""", "contactEmail", "pas-une-adresse" },
        { "city with one of its arrondissements", """{"name":"NAME","territory":["75056","75114"]}""", "territory", "75114" },
    };

    [Theory]
    [MemberData(nameof(InvalidRegistrations))]
    public async Task Invalid_registration_gets_a_400_validation_problem_naming_the_field_and_writes_nothing(
        string @case, string json, string field, string word)
    {
        var admin = await App.AdminAsync();
        var name = Http.Unique("CPTS invalide");
        var before = (await admin.GetJsonAsync("/api/cpts")).Names();

        using var response = await admin.PostAsync("/api/cpts", Json(json.Replace("NAME", name, StringComparison.Ordinal)), Ct);
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var messages = problem.FieldErrors(field);
        Assert.True(messages.Count > 0, $"{@case}: no error for « {field} » in {problem}");
        Assert.Contains(messages, m => m.Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    [Fact]
    public async Task Every_wrong_field_is_reported_at_once()
    {
        var admin = await App.AdminAsync();
        var problem = await (await admin.PostJsonAsync("/api/cpts", new { name = "", territory = new[] { "99999" }, rna = "W12", siret = "123" }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "territory", "rna", "siret" })
        {
            Assert.NotEmpty(problem.FieldErrors(field));
        }
    }

    /// <summary>(case, body the JSON reader cannot bind).</summary>
    public static TheoryData<string, string> UnreadableBodies { get; } = new()
    {
        { "truncated JSON", """{"name":"CPTS","territory":["35236" """ },
        { "not JSON at all", "name=CPTS&territory=35236" },
        { "territory as a string", """{"name":"CPTS","territory":"35236"}""" },
        { "name as a number", """{"name":12,"territory":["35236"]}""" },
        { "territory of objects", """{"name":"CPTS","territory":[{"code":"35236"}]}""" },
        { "a JSON array", """[1,2,3]""" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_body_gets_a_400_problem_not_a_500(string @case, string body)
    {
        var admin = await App.AdminAsync();
        var before = (await admin.GetJsonAsync("/api/cpts")).Names();
        using var response = await admin.PostAsync("/api/cpts", Json(body), Ct);
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), @case);
        Assert.Equal(before, (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    [Fact]
    public async Task An_unreadable_body_on_an_update_gets_a_400_problem()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS à modifier"), App.Communes.Take("29", 1));
        using var response = await admin.PutAsync($"/api/cpts/{cpts.Id()}", Json("""{"version":"un"}"""), Ct);
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(cpts.GetProperty("version").GetInt32(), (await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_gets_413()
    {
        var admin = await App.AdminAsync();
        var name = Http.Unique("CPTS obèse");
        var padding = new string('x', 1024 * 1024);
        var body = JsonSerializer.Serialize(new { name, territory = new[] { "35236" }, contactPhone = padding });
        using var response = await admin.PostAsync("/api/cpts", Json(body), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.DoesNotContain(name, (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    [Fact]
    public async Task An_unknown_coverage_level_gets_a_400_naming_the_level()
    {
        var admin = await App.AdminAsync();
        var problem = await admin.GetJsonAsync("/api/coverage?level=canton", HttpStatusCode.BadRequest);
        Assert.Contains(problem.FieldErrors("level"), m => m.Contains("canton", StringComparison.Ordinal));
        var export = await admin.GetJsonAsync("/api/coverage/export?level=region&format=pdf", HttpStatusCode.BadRequest);
        Assert.NotEmpty(export.FieldErrors("format"));
    }

    [Fact]
    public async Task An_unknown_stage_gets_a_400_naming_the_stage()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS étape"), App.Communes.Take("56", 1));
        var problem = await (await admin.PostJsonAsync($"/api/cpts/{cpts.Id()}/stage", new { stage = "signed-somehow", date = Http.Today }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("stage"));
    }

    [Fact]
    public async Task A_malformed_id_in_the_path_is_not_found_rather_than_an_error()
    {
        var admin = await App.AdminAsync();
        using var response = await admin.GetAsync("/api/cpts/not-a-guid", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

public sealed class BadInput_on_sqlite(SqliteApp app) : BadInput(app), IClassFixture<SqliteApp>;

public sealed class BadInput_on_postgres(PostgresApp app) : BadInput(app), IClassFixture<PostgresApp>;
