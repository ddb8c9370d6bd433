using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Sas;
using Maillage.Unscheduled.Storage;
using Maillage.Web.Fhir;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Sas;

/// <summary>
/// Regulator accounts pushed by the SAS (INT_R02, docs/sas.md) through HTTP on the real host: the guide's four examples (national id,
/// technical id only, id change addressed by the technical id, deactivation), a PUT of an unknown regulator creating it, every malformed
/// body a 400 naming its element, another <c>meta.source</c> and a taken e-mail 422, and two concurrent creations ending as one account.
/// </summary>
public abstract class SasRegulatorAccounts(MaillageApp app) : IntegrationTest(app)
{
    private const string National = "urn:oid:1.2.250.1.71.4.2.1";
    private const string Technical = "urn:oid:1.2.250.1.213.3.6";

    [Fact]
    public async Task A_regulator_with_a_national_id_is_created_with_an_account_of_no_cpts_and_the_clients_id_is_ignored()
    {
        var sas = await SasClientAsync(App);
        var nationalId = $"3456780581/{Random.Shared.Next(10_000_000, 99_999_999)}";
        var email = Email();
        var body = Fixture("Practitioner-ExamplePractitionerRegul1.json", nationalId, null, email);

        using var response = await Post(sas, "/fhir/Practitioner", body);
        var created = await Fhir(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.NotEqual("ExamplePractitionerRegul1", id);
        Assert.Equal($"http://localhost/fhir/Practitioner/{id}", response.Headers.Location?.ToString());
        Assert.Equal(nationalId, created.GetProperty("identifier")[0].GetProperty("value").GetString());
        Assert.Equal("IDNPS", created.GetProperty("identifier")[0].GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.True(created.GetProperty("active").GetBoolean());

        // The Location reads back the same regulator; an unknown id there is a 404 OperationOutcome.
        using (var read = await sas.GetAsync(response.Headers.Location, Ct))
        {
            var again = await Fhir(read, HttpStatusCode.OK);
            Assert.Equal((id, nationalId), (again.GetProperty("id").GetString(), again.GetProperty("identifier")[0].GetProperty("value").GetString()));
            Assert.Equal(RegulatorAccounts.Profile, again.GetProperty("meta").GetProperty("profile")[0].GetString());
        }

        using (var unknown = await sas.GetAsync($"/fhir/Practitioner/{Guid.NewGuid()}", Ct))
        {
            Assert.Equal("OperationOutcome", (await Fhir(unknown, HttpStatusCode.NotFound)).GetProperty("resourceType").GetString());
        }

        var regulator = await RegulatorAsync(App, r => r.NationalId == nationalId);
        Assert.Equal(Guid.Parse(id), regulator.Id);
        Assert.Null(regulator.TechnicalId);
        Assert.Equal(("Loridon", "Sébastien", email), (regulator.FamilyName, regulator.GivenName, regulator.Email));
        Assert.Null(regulator.TermsAcceptedAt);
        var user = await UserAsync(App, regulator.UserId);
        Assert.Equal((Role.Member, (Guid?)null, email, true), (user.Role, user.CptsId, user.Email, user.EmailConfirmed));
        Assert.False(user.IsDisabled());
        Assert.NotNull(user.PasswordHash);
        await AssertAuditedAsync(App, "sas.regulator-created", regulator.Id);
    }

    [Fact]
    public async Task A_regulator_known_by_its_technical_id_is_then_addressed_by_it_with_a_national_id_and_found_by_both()
    {
        var sas = await SasClientAsync(App);
        var technicalId = Guid.NewGuid().ToString();
        var nationalId = "8" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var email = Email();
        var created = await Fhir(await Post(sas, "/fhir/Practitioner", Fixture("Practitioner-ExamplePractitionerRegul4.json", null, technicalId, email)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal("INTRN", created.GetProperty("identifier")[0].GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString());

        // The SAS links a national id: a PUT addressed by the old technical id, whose body carries the national id only.
        var newEmail = Email();
        using var linked = await Put(sas, $"/fhir/Practitioner?identifier={Technical}|{technicalId}", Fixture("Practitioner-ExamplePractitionerRegul2.json", nationalId, null, newEmail));
        var updated = await Fhir(linked, HttpStatusCode.OK);
        Assert.Equal(id, updated.GetProperty("id").GetString());
        Assert.Equal($"http://localhost/fhir/Practitioner/{id}", linked.Headers.Location?.ToString());
        var regulator = await RegulatorAsync(App, r => r.Id == Guid.Parse(id));
        Assert.Equal((nationalId, technicalId, "MARIUS", "Jules", newEmail), (regulator.NationalId, regulator.TechnicalId, regulator.FamilyName, regulator.GivenName, regulator.Email));
        Assert.Equal(newEmail, (await UserAsync(App, regulator.UserId)).Email);

        // Later calls use the national id; a late one with the technical id still finds the same account (reading 13).
        foreach (var key in new[] { $"{National}|{nationalId}", $"{Technical}|{technicalId}" })
        {
            var again = await Fhir(await Put(sas, $"/fhir/Practitioner?identifier={key}", Fixture("Practitioner-ExamplePractitionerRegul2.json", nationalId, null, newEmail)),
                HttpStatusCode.OK);
            Assert.Equal(id, again.GetProperty("id").GetString());
        }

        Assert.Equal(1, await CountAsync(App, r => r.NationalId == nationalId || r.TechnicalId == technicalId));
        await AssertAuditedAsync(App, "sas.regulator-updated", regulator.Id);
    }

    [Fact]
    public async Task A_deactivated_regulator_can_no_longer_sign_in_nor_book_until_the_sas_enables_it_again()
    {
        var sas = await SasClientAsync(App);
        var world = await SasWorld.CreateAsync(App, 2);
        var nationalId = "8" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var email = Email();
        await Fhir(await Post(sas, "/fhir/Practitioner", Fixture("Practitioner-ExamplePractitionerRegul2.json", nationalId, null, email)), HttpStatusCode.Created);
        var regulator = await RegulatorAsync(App, r => r.NationalId == nationalId);
        var actor = Actor.From(await UserAsync(App, regulator.UserId));

        using var off = await Put(sas, $"/fhir/Practitioner?identifier={National}|{nationalId}", Fixture("Practitioner-ExamplePractitionerRegul3.json", nationalId, null, email));
        Assert.False((await Fhir(off, HttpStatusCode.OK)).GetProperty("active").GetBoolean());
        Assert.False((await RegulatorAsync(App, r => r.Id == regulator.Id)).Active);
        Assert.True((await UserAsync(App, regulator.UserId)).IsDisabled());
        var refused = await BookAsync(App, world, world.Slots[0], actor);
        Assert.Equal("forbidden", refused.Errors.Single().Code);
        await AssertAuditedAsync(App, "sas.regulator-disabled", regulator.Id);

        await Fhir(await Put(sas, $"/fhir/Practitioner?identifier={National}|{nationalId}", Fixture("Practitioner-ExamplePractitionerRegul2.json", nationalId, null, email)), HttpStatusCode.OK);
        Assert.False((await UserAsync(App, regulator.UserId)).IsDisabled());
        var booked = await BookAsync(App, world, world.Slots[1], actor);
        Assert.True(booked.Succeeded, string.Join(" ", booked.Errors.Select(e => e.Message)));
        Assert.Equal((BookingOrigin.Sas, (Guid?)regulator.Id), (booked.Value!.Origin, booked.Value.RegulatorId));
    }

    [Fact]
    public async Task A_put_for_an_unknown_regulator_creates_it_and_the_next_put_updates_it()
    {
        var sas = await SasClientAsync(App);
        var technicalId = Guid.NewGuid().ToString();
        var url = $"/fhir/Practitioner?identifier={Technical}|{technicalId}";
        using var first = await Put(sas, url, Fixture("Practitioner-ExamplePractitionerRegul4.json", null, technicalId, Email()));
        var created = await Fhir(first, HttpStatusCode.Created);
        Assert.EndsWith("/fhir/Practitioner/" + created.GetProperty("id").GetString(), first.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var second = await Put(sas, url, Fixture("Practitioner-ExamplePractitionerRegul4.json", null, technicalId, Email()));
        Assert.Equal(created.GetProperty("id").GetString(), (await Fhir(second, HttpStatusCode.OK)).GetProperty("id").GetString());
        Assert.Equal(1, await CountAsync(App, r => r.TechnicalId == technicalId));
    }

    [Fact]
    public async Task Every_malformed_body_is_a_400_naming_its_element_and_business_refusals_are_422()
    {
        var sas = await SasClientAsync(App);
        JsonNode Valid() => JsonNode.Parse(Fixture("Practitioner-ExamplePractitionerRegul4.json", null, Guid.NewGuid().ToString(), Email()))!;
        string With(Action<JsonNode> change)
        {
            var node = Valid();
            change(node);
            return node.ToJsonString();
        }

        var cases = new (string Name, string Body, string Element)[]
        {
            ("not json", "{ pas du json", "Practitioner"),
            ("a patient", "{\"resourceType\":\"Patient\",\"active\":true}", "resourceType"),
            ("no identifier", With(n => n.AsObject().Remove("identifier")), "Practitioner.identifier"),
            ("another system", With(n => n["identifier"]![0]!["system"] = "https://rpps.esante.gouv.fr"), "Practitioner.identifier.system"),
            ("empty identifier", With(n => n["identifier"]![0]!["value"] = " "), "Practitioner.identifier.value"),
            ("no family", With(n => n["name"]![0]!.AsObject().Remove("family")), "Practitioner.name.family"),
            ("no given", With(n => n["name"]![0]!.AsObject().Remove("given")), "Practitioner.name.given"),
            ("no name", With(n => n.AsObject().Remove("name")), "Practitioner.name.family"),
            ("bad email", With(n => n["telecom"]![0]!["value"] = "pas-une-adresse"), "Practitioner.telecom.value"),
            ("no email", With(n => n.AsObject().Remove("telecom")), "Practitioner.telecom.value"),
            ("phone", With(n => n["telecom"]![0]!["system"] = "phone"), "Practitioner.telecom.system"),
            ("no active", With(n => n.AsObject().Remove("active")), "Practitioner.active"),
        };
        foreach (var (name, body, element) in cases)
        {
            using var response = await Post(sas, "/fhir/Practitioner", body);
            var outcome = await Fhir(response, HttpStatusCode.BadRequest, name);
            Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
            Assert.True(element == outcome.GetProperty("issue")[0].GetProperty("expression")[0].GetString(), $"{name}: {outcome}");
        }

        // A value of the wrong type is named by where it is.
        var typed = await Fhir(await Post(sas, "/fhir/Practitioner", With(n => n["active"] = "oui")), HttpStatusCode.BadRequest, "active as text");
        Assert.Contains("active", typed.GetProperty("issue")[0].GetProperty("expression")[0].GetString(), StringComparison.Ordinal);

        // The conditional update needs one identifier of one of the two systems.
        foreach (var query in new[] { "", "?identifier=abc", $"?identifier=https://rpps.esante.gouv.fr|123", $"?identifier={Technical}|a&identifier={Technical}|b" })
        {
            var outcome = await Fhir(await Put(sas, "/fhir/Practitioner" + query, Valid().ToJsonString()), HttpStatusCode.BadRequest, query);
            Assert.Equal("identifier", outcome.GetProperty("issue")[0].GetProperty("expression")[0].GetString());
        }

        // Business refusals: another source than the SAS, an e-mail of another account of the platform.
        var source = await Fhir(await Post(sas, "/fhir/Practitioner", With(n => n["meta"]!["source"] = "urn:oid:1.2.3")), (HttpStatusCode)422, "source");
        Assert.Equal("Practitioner.meta.source", source.GetProperty("issue")[0].GetProperty("expression")[0].GetString());
        var member = await App.CreateUserAsync(Role.Member);
        var taken = await Fhir(await Post(sas, "/fhir/Practitioner", With(n => n["telecom"]![0]!["value"] = member.Email)), (HttpStatusCode)422, "taken");
        Assert.Equal("Practitioner.telecom", taken.GetProperty("issue")[0].GetProperty("expression")[0].GetString());
        Assert.Contains("déjà celle d'un autre compte", taken.GetProperty("issue")[0].GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await UseDb(App, db => db.SasRegulators().CountAsync(r => r.Email == member.Email, Ct)));

        // The CapabilityStatement declares what the SAS may do with regulators.
        var metadata = await Fhir(await sas.GetAsync("/fhir/metadata", Ct), HttpStatusCode.OK);
        var practitioner = metadata.GetProperty("rest")[0].GetProperty("resource").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "Practitioner");
        Assert.Equal(["read", "search-type", "create", "update"], practitioner.GetProperty("interaction").EnumerateArray().Select(i => i.GetProperty("code").GetString()!));
        Assert.True(practitioner.GetProperty("conditionalUpdate").GetBoolean());
        Assert.True(practitioner.GetProperty("updateCreate").GetBoolean());
    }

    [Fact]
    public async Task Two_concurrent_creations_of_one_regulator_make_one_account()
    {
        var sas = await SasClientAsync(App);
        for (var round = 0; round < 3; round++)
        {
            var nationalId = $"3456780581/{Random.Shared.Next(10_000_000, 99_999_999)}";
            var email = Email();
            var body = Fixture("Practitioner-ExamplePractitionerRegul1.json", nationalId, null, email);
            var responses = await Task.WhenAll(Post(sas, "/fhir/Practitioner", body), Post(sas, "/fhir/Practitioner", body));
            Assert.True(responses.All(r => r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK),
                string.Join(" ; ", await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync(Ct)}"))));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            var ids = await Task.WhenAll(responses.Select(async r => JsonDocument.Parse(await r.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetString()));
            Assert.Single(ids.Distinct());
            Assert.Equal(1, await CountAsync(App, r => r.NationalId == nationalId));
            Assert.Equal(1, await UseDb(App, db => db.Users.CountAsync(u => u.Email == email, Ct)));
            foreach (var r in responses)
            {
                r.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_regulators_own_token_does_not_read_the_fhir_server()
    {
        var regulator = await CreateRegulatorAsync(App);
        var client = App.ClientFor(regulator);
        foreach (var url in new[] { "/fhir/metadata", "/fhir/Practitioner", $"/fhir/Slot?start=ge2030-01-01&start=le2030-01-02&status=free" })
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url}: {(int)response.StatusCode}");
        }

        using var post = await Post(client, "/fhir/Practitioner", Fixture("Practitioner-ExamplePractitionerRegul4.json", null, Guid.NewGuid().ToString(), Email()));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    /// <summary>A guide example with our own ids and address (one database serves every test of the class).</summary>
    internal static string Fixture(string name, string? nationalId, string? technicalId, string email)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sas", "Fixtures", name)))!;
        var identifier = node["identifier"]![0]!;
        identifier["value"] = identifier["system"]!.GetValue<string>() == National ? nationalId ?? throw new ArgumentNullException(nameof(nationalId))
            : technicalId ?? throw new ArgumentNullException(nameof(technicalId));
        node["telecom"]![0]!["value"] = email;
        return node.ToJsonString();
    }

    internal static string Email() => $"regulateur.{Guid.NewGuid().ToString("N")[..10]}@sas.tests.example";

    internal static Task<HttpResponseMessage> Post(HttpClient client, string url, string body) =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/fhir+json"), Ct);

    internal static Task<HttpResponseMessage> Put(HttpClient client, string url, string body) =>
        client.PutAsync(url, new StringContent(body, Encoding.UTF8, "application/fhir+json"), Ct);

    private static async Task<JsonElement> Fhir(HttpResponseMessage response, HttpStatusCode status, string? what = null)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A client with the bearer token of an account marked for the SAS platform (a member of no CPTS).</summary>
    internal static async Task<HttpClient> SasClientAsync(MaillageApp app)
    {
        var user = await app.CreateUserAsync(Role.Member);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
            var account = await users.FindByIdAsync(user.Id);
            Assert.True((await users.AddClaimAsync(account!, new Claim(FhirWeb.SasClaim, FhirWeb.SasClaimValue))).Succeeded);
        }

        var client = app.ClientFor(user);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        return client;
    }

    /// <summary>A regulator made as the SAS makes it, with an API token for its account (to call pages and routes as it).</summary>
    internal static async Task<TestUser> CreateRegulatorAsync(MaillageApp app, bool acceptTerms = true)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var email = Email();
        var saved = await scope.ServiceProvider.GetRequiredService<SaveSasRegulator>().CreateAsync(
            new RegulatorInput(null, Guid.NewGuid().ToString(), "Régulateur", "Test", email, true), Actor.System, Ct);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        var userId = saved.Value!.Regulator.UserId;
        if (acceptTerms)
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>().FindByIdAsync(userId);
            Assert.True((await scope.ServiceProvider.GetRequiredService<SasRegulatorDesk>().AcceptTermsAsync(Actor.From(user!), Ct)).Succeeded);
        }

        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(userId, "tests", Ct);
        return new TestUser(userId, email, null, token, Role.Member);
    }

    private static async Task<Maillage.Platform.Errors.Result<Booking>> BookAsync(MaillageApp app, SasWorld world, Guid slot, Actor actor)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BookSlot>().RunForRegulatorAsync(world.Community.Cpts, slot,
            new PatientInput("Durand", "Camille", new DateOnly(1958, 4, 12), "06 12 34 56 78", null, null, "fever", null), actor, Ct);
    }

    private static Task<SasRegulator> RegulatorAsync(MaillageApp app, System.Linq.Expressions.Expression<Func<SasRegulator, bool>> which) =>
        UseDb(app, db => db.SasRegulators().AsNoTracking().SingleAsync(which, Ct));

    private static Task<int> CountAsync(MaillageApp app, System.Linq.Expressions.Expression<Func<SasRegulator, bool>> which) =>
        UseDb(app, db => db.SasRegulators().CountAsync(which, Ct));

    private static Task<MaillageUser> UserAsync(MaillageApp app, string id) => UseDb(app, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Ct));

    private static async Task AssertAuditedAsync(MaillageApp app, string action, Guid regulatorId)
    {
        var details = await UseDb(app, db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == action).Select(a => a.Details).ToListAsync(Ct));
        Assert.Contains(details, d => d.Contains(regulatorId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(details, d => d.Contains('@', StringComparison.Ordinal));
    }

    private static async Task<T> UseDb<T>(MaillageApp app, Func<MaillageDbContext, Task<T>> work)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MaillageDbContext>());
    }
}

/// <summary>A CPTS with one effector at one place and slots tomorrow offered to registrars and to the SAS.</summary>
internal sealed record SasWorld(CommunityWorld Community, Actor Doctor, IReadOnlyList<Guid> Slots)
{
    public static async Task<SasWorld> CreateAsync(MaillageApp app, int slots, int professionals = 2)
    {
        var ct = TestContext.Current.CancellationToken;
        var c = await CommunityWorld.CreateAsync(app, professionals: professionals);
        var coordinator = new Actor("coord", "coordination", Role.Coordinator, c.Cpts, null, null);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var s = scope.ServiceProvider;
        var effector = await s.GetRequiredService<EnrollEffector>().RunAsync(c.Cpts, c[0].Id, coordinator, ct);
        Assert.True(effector.Succeeded, string.Join(" ", effector.Errors.Select(e => e.Message)));
        var place = await s.GetRequiredService<SavePlace>().RunAsync(c.Cpts, null,
            new PlaceInput("Cabinet du Dr Durand", "practice", "1 rue de la Gare", c.Communes[0], "02 54 77 12 34"), coordinator, ct);
        Assert.True(place.Succeeded, string.Join(" ", place.Errors.Select(e => e.Message)));
        var doctor = new Actor($"user-doctor-{c[0].Id:N}", "doctor", Role.Member, c.Cpts, null, null, c[0].Id);
        var ids = new List<Guid>();
        for (var i = 0; i < slots; i++)
        {
            var opened = await s.GetRequiredService<OpenSlot>().RunAsync(c.Cpts,
                new SlotInput(null, place.Value!.Id, Http.Today.AddDays(1), $"{9 + (i / 3):00}:{i % 3 * 20:00}", 20, "AMB", ["registrars", "sas-snp", "sas-cpts"]), doctor, ct);
            Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Select(e => e.Message)));
            ids.Add(opened.Value!.Id);
        }

        return new SasWorld(c, doctor, ids);
    }
}

public sealed class SasRegulatorAccounts_on_sqlite(SqliteApp app) : SasRegulatorAccounts(app), IClassFixture<SqliteApp>;

public sealed class SasRegulatorAccounts_on_postgres(PostgresApp app) : SasRegulatorAccounts(app), IClassFixture<PostgresApp>;
