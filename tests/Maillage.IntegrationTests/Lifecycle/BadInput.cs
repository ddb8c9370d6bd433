using System.Net;
using System.Text;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

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
        { "FINESS with a bad Luhn key", $$"""{"name":"NAME","territory":["{{Redon}}"],"finess":"350999018"}""", "finess", "Luhn" },
        { "FINESS of 8 characters", $$"""{"name":"NAME","territory":["{{Redon}}"],"finess":"35099901"}""", "finess", "9 caractères" },
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

    /// <summary>
    /// (case, body the JSON reader cannot bind, field the error is filed under — its JSON path, "" for the body as a whole —, the French
    /// detail expected: what is wrong, the 1-based line and column, what was expected).
    /// </summary>
    public static TheoryData<string, string, string, string> UnreadableBodies { get; } = new()
    {
        { "truncated JSON", """{"name":"CPTS","territory":["35236" """, "territory[1]",
            "Le corps de la requête n'est pas du JSON valide (erreur de syntaxe à la ligne 1, colonne 37, dans « territory[1] ») : un objet JSON est attendu." },
        { "not JSON at all", "name=CPTS&territory=35236", "",
            "Le corps de la requête n'est pas du JSON valide (erreur de syntaxe à la ligne 1, colonne 2) : un objet JSON est attendu." },
        { "territory as a string", """{"name":"CPTS","territory":"35236"}""", "territory",
            "Valeur invalide pour le champ « territory » (ligne 1, colonne 35) : une liste JSON de textes est attendue." },
        { "name as a number", """{"name":12,"territory":["35236"]}""", "name",
            "Valeur invalide pour le champ « name » (ligne 1, colonne 11) : un texte est attendu." },
        { "territory of objects", """{"name":"CPTS","territory":[{"code":"35236"}]}""", "territory[0]",
            "Valeur invalide pour le champ « territory[0] » (ligne 1, colonne 30) : un texte est attendu." },
        { "a JSON array", """[1,2,3]""", "",
            "Le corps de la requête n'a pas la forme attendue (ligne 1, colonne 2) : un objet JSON est attendu." },
        { "a wrong value on the fourth line", "{\n  \"name\": \"CPTS\",\n  \"territory\": [\"35236\"],\n  \"siret\": true\n}", "siret",
            "Valeur invalide pour le champ « siret » (ligne 4, colonne 16) : un texte est attendu." },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task An_unreadable_body_gets_a_400_problem_saying_in_french_what_where_and_what_was_expected(
        string @case, string body, string field, string detail)
    {
        var admin = await App.AdminAsync();
        var before = (await admin.GetJsonAsync("/api/cpts")).Names();
        using var response = await admin.PostAsync("/api/cpts", Json(body), Ct);
        var problem = await ExpectFrenchProblemAsync(response, HttpStatusCode.BadRequest, "Requête invalide");
        Assert.True(detail == problem.GetProperty("detail").GetString(), $"{@case}: {problem}");
        Assert.Equal([detail], problem.FieldErrors(field));
        Assert.Equal(before, (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    /// <summary>(case, method, route under a CPTS that does not need to exist — the body is read before anything is looked up —, body, field, detail).</summary>
    public static TheoryData<string, string, string, string, string, string> MistypedFields { get; } = new()
    {
        { "a date not in ISO form", "POST", "stage", """{"stage":"letter-validated","date":"10/01/2024"}""", "date",
            "Valeur invalide pour le champ « date » (ligne 1, colonne 48) : une date au format AAAA-MM-JJ est attendue." },
        { "a version in words", "PUT", "", """{"version":"un"}""", "version",
            "Valeur invalide pour le champ « version » (ligne 1, colonne 16) : un nombre entier est attendu." },
        { "an identifier that is not a GUID", "POST", "members", """{"professionalId":"abc"}""", "professionalId",
            "Valeur invalide pour le champ « professionalId » (ligne 1, colonne 24) : un identifiant (GUID) est attendu." },
        { "a yes/no in French", "POST", "contract/indicators", """{"mission":"access","localInitiative":"oui"}""", "localInitiative",
            "Valeur invalide pour le champ « localInitiative » (ligne 1, colonne 44) : true ou false est attendu." },
        { "an amount in words", "POST", $"members/{Guid.Empty}/dues", """{"year":2025,"amount":"cinquante"}""", "amount",
            "Valeur invalide pour le champ « amount » (ligne 1, colonne 34) : un nombre est attendu." },
    };

    [Theory]
    [MemberData(nameof(MistypedFields))]
    public async Task A_mistyped_field_gets_a_400_naming_its_path_and_the_expected_type(
        string @case, string method, string route, string body, string field, string detail)
    {
        var admin = await App.AdminAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/cpts/{Guid.NewGuid()}{(route.Length > 0 ? "/" + route : "")}") { Content = Json(body) };
        using var response = await admin.SendAsync(request, Ct);
        var problem = await ExpectFrenchProblemAsync(response, HttpStatusCode.BadRequest, "Requête invalide");
        Assert.True(detail == problem.GetProperty("detail").GetString(), $"{@case}: {problem}");
        Assert.Equal([detail], problem.FieldErrors(field));
    }

    [Fact]
    public async Task An_unreadable_body_on_an_update_gets_a_400_problem()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS à modifier"), App.Communes.Take("29", 1));
        using var response = await admin.PutAsync($"/api/cpts/{cpts.Id()}", Json("""{"version":"un"}"""), Ct);
        var problem = await ExpectFrenchProblemAsync(response, HttpStatusCode.BadRequest, "Requête invalide");
        Assert.Contains(problem.FieldErrors("version"), m => m.Contains("un nombre entier est attendu", StringComparison.Ordinal));
        Assert.Equal(cpts.GetProperty("version").GetInt32(), (await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}")).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public async Task An_empty_body_gets_a_400_saying_the_body_is_empty(string? contentType)
    {
        var admin = await App.AdminAsync();
        using var content = new ByteArrayContent([]);
        if (contentType is not null)
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        }

        using var response = await admin.PostAsync("/api/cpts", content, Ct);
        var problem = await ExpectFrenchProblemAsync(response, HttpStatusCode.BadRequest, "Requête invalide");
        const string detail = "Le corps de la requête est vide : un objet JSON est attendu.";
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal([detail], problem.FieldErrors(""));
    }

    [Theory]
    [InlineData("text/plain", """{"name":"CPTS","territory":["35236"]}""")]
    [InlineData("application/x-www-form-urlencoded", "name=CPTS&territory=35236")]
    public async Task A_body_that_is_not_sent_as_json_gets_a_415_in_french(string contentType, string body)
    {
        var admin = await App.AdminAsync();
        using var response = await admin.PostAsync("/api/cpts", new StringContent(body, Encoding.UTF8, contentType), Ct);
        var problem = await ExpectFrenchProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Type de contenu non pris en charge");
        var detail = $"Le corps de la requête doit être du JSON (Content-Type: application/json) ; reçu « {contentType}; charset=utf-8 ».";
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal([detail], problem.FieldErrors(""));
    }

    [Fact]
    public async Task Json_sent_where_a_file_upload_is_expected_gets_a_415_in_french()
    {
        var admin = await App.AdminAsync();
        using var response = await admin.PostAsync("/api/directory/import", Json("""{"file":"annuaire.json"}"""), Ct);
        var problem = await ExpectFrenchProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Type de contenu non pris en charge");
        Assert.Equal("Le corps de la requête doit être un formulaire (Content-Type: multipart/form-data) ; reçu « application/json; charset=utf-8 ».",
            problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("page=abc", "page", "Le paramètre « page » vaut « abc » : un nombre entier est attendu.")]
    [InlineData("pageSize=10.5", "pageSize", "Le paramètre « pageSize » vaut « 10.5 » : un nombre entier est attendu.")]
    [InlineData("structure=maison-de-sante", "structure", "Le paramètre « structure » vaut « maison-de-sante » : un identifiant (GUID) est attendu.")]
    public async Task A_query_parameter_that_cannot_be_bound_gets_a_400_naming_it_its_value_and_the_expected_type(string query, string field, string detail)
    {
        var admin = await App.AdminAsync();
        using var response = await admin.GetAsync($"/api/cpts/{Guid.NewGuid()}/directory?{query}", Ct);
        var problem = await ExpectFrenchProblemAsync(response, HttpStatusCode.BadRequest, "Requête invalide");
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal([detail], problem.FieldErrors(field));
    }

    [Fact]
    public async Task Refusals_the_framework_writes_by_itself_have_french_titles()
    {
        using var anonymous = App.Anonymous();
        var unauthenticated = await anonymous.GetJsonAsync("/api/cpts", HttpStatusCode.Unauthorized);
        Assert.Equal("Authentification requise", unauthenticated.GetProperty("title").GetString());
        var admin = await App.AdminAsync();
        var missing = await admin.GetJsonAsync("/api/cpts/" + Guid.NewGuid() + "/nothing-here", HttpStatusCode.NotFound);
        Assert.Equal("Introuvable", missing.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_request_the_framework_cannot_read_is_not_logged_as_an_error_of_the_server()
    {
        var sink = new LogSink();
        await using var factory = App.Factory.WithWebHostBuilder(b => b.ConfigureLogging(logging =>
        {
            logging.AddProvider(sink);
            logging.AddFilter<LogSink>(null, LogLevel.Trace);
        }));
        var user = await App.CreateUserAsync(Role.Admin);
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.Token);
        sink.Clear();

        await (await client.PostAsync("/api/cpts", Json("""{"name":12}"""), Ct)).ExpectAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync($"/api/cpts/{Guid.NewGuid()}/directory?page=abc", Ct)).ExpectAsync(HttpStatusCode.BadRequest);
        await (await client.PostAsync("/api/cpts", new StringContent("{}", Encoding.UTF8, "text/plain"), Ct)).ExpectAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.DoesNotContain(sink.Entries, e => e.StartsWith("Error ", StringComparison.Ordinal) || e.StartsWith("Critical ", StringComparison.Ordinal));
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

    /// <summary>An RFC 9457 problem with this status and French title, a detail and no English sentence of the framework.</summary>
    private static async Task<JsonElement> ExpectFrenchProblemAsync(HttpResponseMessage response, HttpStatusCode status, string title)
    {
        var problem = await response.ExpectAsync(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        var text = problem.ToString();
        foreach (var english in new[] { "Failed to", "parameter", "request body", "Expected a", "was not provided", "could not be converted", "LineNumber" })
        {
            Assert.DoesNotContain(english, text, StringComparison.OrdinalIgnoreCase);
        }

        return problem;
    }
}

public sealed class BadInput_on_sqlite(SqliteApp app) : BadInput(app), IClassFixture<SqliteApp>;

public sealed class BadInput_on_postgres(PostgresApp app) : BadInput(app), IClassFixture<PostgresApp>;
