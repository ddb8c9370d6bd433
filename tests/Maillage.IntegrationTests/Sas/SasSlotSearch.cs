using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Lifecycle.Storage;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled;
using Maillage.Web.Fhir;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Sas;

/// <summary>
/// The SAS's slot search through HTTP on the real host (docs/sas.md): the CPTS Bundle element by element against the guide's example
/// (Bundle-ExampleBundleCPTS1.json), empty answers, IDNPS with and without the 8, booked and withdrawn slots left out, and every malformed
/// request answered 400 with an OperationOutcome naming its parameter.
/// </summary>
public abstract class SasSlotSearch(MaillageApp app) : IntegrationTest(app)
{
    private const string Idnps = "urn:oid:1.2.250.1.71.4.2.1";

    private sealed record World(CommunityWorld Community, Actor Coordinator, Actor Doctor, string Rpps, Guid Place, HttpClient Sas);

    [Fact]
    public async Task The_cpts_search_answers_the_guides_bundle_shape()
    {
        var w = await WorldAsync();
        var slots = await OpenAsync(w, ["sas-public", "sas-cpts"], 3);
        var bundle = await SearchAsync(w, CptsIncludes + Window() + $"&schedule.actor:Practitioner.identifier={Idnps}|8{w.Rpps}&status=free");
        var fixture = Fixture("Bundle-ExampleBundleCPTS1.json");

        Assert.Equal("Bundle", bundle.GetProperty("resourceType").GetString());
        Assert.Equal(Profile(fixture), Profile(bundle));
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        Assert.Equal(3, bundle.GetProperty("total").GetInt32());
        var link = Assert.Single(bundle.GetProperty("link").EnumerateArray());
        Assert.Equal("self", link.GetProperty("relation").GetString());
        Assert.Contains("+02:00", link.GetProperty("url").GetString() ?? "", StringComparison.Ordinal);

        var entries = bundle.GetProperty("entry").EnumerateArray().ToList();
        Assert.All(entries, e => Assert.Equal($"http://localhost/fhir/{e.GetProperty("resource").GetProperty("resourceType").GetString()}/{e.GetProperty("resource").GetProperty("id").GetString()}",
            e.GetProperty("fullUrl").GetString()));
        var expected = fixture.GetProperty("entry").EnumerateArray().ToDictionary(e => Type(e), e => e);
        Assert.Equal(expected.Keys.Order(), entries.Select(Type).Distinct().Order());
        foreach (var e in entries)
        {
            var model = expected[Type(e)];
            Assert.Equal(Profile(model.GetProperty("resource")), Profile(e.GetProperty("resource")));
            Assert.Equal(model.GetProperty("search").GetProperty("mode").GetString(), e.GetProperty("search").GetProperty("mode").GetString());
        }

        var slot = entries.Where(e => Type(e) == "Slot").Select(e => e.GetProperty("resource")).ToList();
        Assert.Equal(slots.Select(s => s.Id.ToString()).Order(), slot.Select(s => s.GetProperty("id").GetString()!).Order());
        var first = slot[0];
        Assert.Equal(["PUBLIC", "CPTS"], first.GetProperty("meta").GetProperty("security").EnumerateArray().Select(c => c.GetProperty("code").GetString()!));
        Assert.All(first.GetProperty("meta").GetProperty("security").EnumerateArray(), c =>
            Assert.Equal("https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau", c.GetProperty("system").GetString()));
        var serviceTypes = first.GetProperty("serviceType").EnumerateArray().ToList();
        Assert.Equal("AMB", serviceTypes[0].GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("http://terminology.hl7.org/CodeSystem/v3-ActCode", serviceTypes[0].GetProperty("coding")[0].GetProperty("system").GetString());
        var cpts = serviceTypes[1];
        Assert.Equal("604", cpts.GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal("http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType", cpts.GetProperty("extension")[0].GetProperty("url").GetString());
        Assert.Equal($"HealthcareService/{w.Community.Cpts}", cpts.GetProperty("extension")[0].GetProperty("valueReference").GetProperty("reference").GetString());
        Assert.Equal("free", first.GetProperty("status").GetString());
        Assert.Equal("ROUTINE", first.GetProperty("appointmentType").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.StartsWith($"http://localhost/cpts/{w.Community.Cpts}/snp/reserver?slot=", first.GetProperty("comment").GetString(), StringComparison.Ordinal);

        var schedule = Assert.Single(entries, e => Type(e) == "Schedule").GetProperty("resource");
        Assert.Equal(first.GetProperty("schedule").GetProperty("reference").GetString(), $"Schedule/{schedule.GetProperty("id").GetString()}");
        var practitioner = Assert.Single(entries, e => Type(e) == "Practitioner").GetProperty("resource");
        var id = practitioner.GetProperty("identifier")[0];
        Assert.Equal(Idnps, id.GetProperty("system").GetString());
        Assert.Equal("8" + w.Rpps, id.GetProperty("value").GetString());
        Assert.Equal("IDNPS", id.GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString());
        var role = Assert.Single(entries, e => Type(e) == "PractitionerRole").GetProperty("resource");
        var location = role.GetProperty("contained")[0];
        Assert.Equal("Location", location.GetProperty("resourceType").GetString());
        Assert.Equal("#" + location.GetProperty("id").GetString(), role.GetProperty("location")[0].GetProperty("reference").GetString());
        Assert.Single(location.GetProperty("address").GetProperty("line").EnumerateArray());
        Assert.True(location.GetProperty("address").TryGetProperty("postalCode", out _));
        var service = Assert.Single(entries, e => Type(e) == "HealthcareService").GetProperty("resource");
        var organization = Assert.Single(entries, e => Type(e) == "Organization").GetProperty("resource");
        Assert.Equal($"Organization/{organization.GetProperty("id").GetString()}", service.GetProperty("providedBy").GetProperty("reference").GetString());
        Assert.Equal(w.Community.CptsName, organization.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_cpts_organization_carries_1_and_its_finess_once_the_registry_has_one()
    {
        var w = await WorldAsync();
        await OpenAsync(w, ["sas-cpts"], 1);
        var query = CptsIncludes + Window() + $"&schedule.actor:Practitioner.identifier={Idnps}|8{w.Rpps}&status=free";
        var before = Organization(await SearchAsync(w, query));
        Assert.DoesNotContain(Identifiers(before), i => i.StartsWith('1'));

        await Use(async s =>
        {
            var db = s.GetRequiredService<MaillageDbContext>();
            return await db.Cpts().Where(c => c.Id == w.Community.Cpts).ExecuteUpdateAsync(u => u.SetProperty(c => c.Finess, "350999017"), Ct);
        });
        var organization = Organization(await SearchAsync(w, query));
        var id = Assert.Single(organization.GetProperty("identifier").EnumerateArray());
        Assert.Equal("urn:oid:1.2.250.1.71.4.2.2", id.GetProperty("system").GetString());
        Assert.Equal("1350999017", id.GetProperty("value").GetString());
        Assert.Equal("https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", id.GetProperty("type").GetProperty("coding")[0].GetProperty("system").GetString());
        Assert.Equal("IDNST", id.GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString());

        static JsonElement Organization(JsonElement bundle) =>
            Assert.Single(bundle.GetProperty("entry").EnumerateArray(), e => Type(e) == "Organization").GetProperty("resource");

        static IEnumerable<string> Identifiers(JsonElement o) => o.TryGetProperty("identifier", out var ids)
            ? ids.EnumerateArray().Select(i => i.GetProperty("value").GetString()!) : [];
    }

    [Fact]
    public async Task Without_a_free_slot_the_answer_is_an_empty_searchset_and_the_8_is_optional()
    {
        var w = await WorldAsync();
        var none = await SearchAsync(w, IndividualIncludes + Window() + $"&schedule.actor:Practitioner.identifier={Idnps}|8{w.Rpps}&status=free");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        Assert.False(none.TryGetProperty("entry", out _));
        Assert.Equal("http://sas.fr/fhir/StructureDefinition/BundleAgregateur", Profile(none));

        await OpenAsync(w, ["sas-snp"], 2);
        foreach (var value in new[] { $"{Idnps}|8{w.Rpps}", $"{Idnps}%7C{w.Rpps}", $"8{w.Rpps}", $"{Idnps}|00000000001, {Idnps}|8{w.Rpps}" })
        {
            var found = await SearchAsync(w, IndividualIncludes + Window() + $"&schedule.actor:Practitioner.identifier={value}&status=free");
            Assert.Equal(2, found.GetProperty("total").GetInt32());
            Assert.Equal("http://sas.fr/fhir/StructureDefinition/BundleAgregateur", Profile(found));
            var slot = found.GetProperty("entry").EnumerateArray().First().GetProperty("resource");
            Assert.Equal("http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur", Profile(slot));
            Assert.Equal(["SNP"], slot.GetProperty("meta").GetProperty("security").EnumerateArray().Select(c => c.GetProperty("code").GetString()!));
        }

        var busy = await SearchAsync(w, Window() + $"&schedule.actor:Practitioner.identifier={Idnps}|8{w.Rpps}&status=busy");
        Assert.Equal(0, busy.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Booked_withdrawn_registrar_only_and_cpts_only_slots_in_the_individual_flow_are_not_returned()
    {
        var w = await WorldAsync();
        var slots = await OpenAsync(w, ["sas-snp", "registrars"], 4);
        var registrarsOnly = await OpenAsync(w, ["registrars"], 1, hour: 14);
        var cptsOnly = await OpenAsync(w, ["sas-cpts"], 1, hour: 15);
        var booked = await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slots[0].Id,
            new PatientInput("Durand", "Camille", new DateOnly(1958, 4, 12), "06 12 34 56 78", null, null, "fever", null), w.Coordinator, Ct));
        Assert.True(booked.Succeeded, string.Join(" ", booked.Errors.Select(e => e.Message)));
        var withdrawn = await Use(s => s.GetRequiredService<OpenSlot>().WithdrawAsync(w.Community.Cpts, slots[1].Id, w.Doctor, Ct));
        Assert.True(withdrawn.Succeeded, string.Join(" ", withdrawn.Errors.Select(e => e.Message)));

        var individual = await SearchAsync(w, IndividualIncludes + Window() + $"&schedule.actor:Practitioner.identifier={Idnps}|8{w.Rpps}&status=free");
        Assert.Equal(new[] { slots[2].Id.ToString(), slots[3].Id.ToString() }.Order(), Ids(individual).Order());
        var cpts = await SearchAsync(w, CptsIncludes + Window() + $"&schedule.actor:Practitioner.identifier={Idnps}|8{w.Rpps}&status=free");
        Assert.Equal(new[] { slots[2].Id, slots[3].Id, cptsOnly[0].Id }.Select(i => i.ToString()).Order(), Ids(cpts).Order());
        Assert.DoesNotContain(registrarsOnly[0].Id.ToString(), Ids(cpts));

        using var read = await w.Sas.GetAsync($"/fhir/Slot/{slots[0].Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        var slot = await Json(await w.Sas.GetAsync($"/fhir/Slot/{slots[2].Id}", Ct), HttpStatusCode.OK);
        Assert.Equal("Slot", slot.GetProperty("resourceType").GetString());
        var schedule = slot.GetProperty("schedule").GetProperty("reference").GetString()!;
        Assert.Equal("Schedule", (await Json(await w.Sas.GetAsync($"/fhir/{schedule}", Ct), HttpStatusCode.OK)).GetProperty("resourceType").GetString());
        var schedules = await Json(await w.Sas.GetAsync($"/fhir/Schedule?actor=Practitioner/8{w.Rpps}&_include=Schedule:actor", Ct), HttpStatusCode.OK);
        Assert.Equal(1, schedules.GetProperty("total").GetInt32());
        var practitioner = await Json(await w.Sas.GetAsync($"/fhir/Practitioner/8{w.Rpps}", Ct), HttpStatusCode.OK);
        Assert.Equal("8" + w.Rpps, practitioner.GetProperty("id").GetString());
        var byIdentifier = await Json(await w.Sas.GetAsync($"/fhir/Practitioner?identifier={Idnps}|8{w.Rpps}", Ct), HttpStatusCode.OK);
        Assert.Equal(1, byIdentifier.GetProperty("total").GetInt32());
        var list = await Json(await w.Sas.GetAsync("/fhir/Practitioner?_count=1", Ct), HttpStatusCode.OK);
        Assert.True(list.GetProperty("total").GetInt32() >= 1);
        var metadata = await Json(await w.Sas.GetAsync("/fhir/metadata", Ct), HttpStatusCode.OK);
        Assert.Equal("CapabilityStatement", metadata.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task Every_malformed_search_is_a_400_operation_outcome_naming_its_parameter()
    {
        var w = await WorldAsync();
        var actor = $"&schedule.actor:Practitioner.identifier={Idnps}|8{w.Rpps}";
        var many = string.Join(",", Enumerable.Range(0, 26).Select(i => $"{Idnps}|8{i:00000000000}"));
        var cases = new (string Query, string Parameter)[]
        {
            ("start=le2030-01-01T00:00:00Z" + actor + "&status=free", "start"),
            ("start=geDemain&start=le2030-01-01T00:00:00Z" + actor + "&status=free", "start"),
            ("start=ge2030-01-02T00:00:00Z&start=le2030-01-01T00:00:00Z" + actor + "&status=free", "start"),
            ("start=gt2030-01-01T00:00:00Z&start=le2030-01-02T00:00:00Z" + actor + "&status=free", "start"),
            (Window() + "&status=free", "schedule.actor:Practitioner.identifier"),
            (Window() + $"&schedule.actor:Practitioner.identifier={many}&status=free", "schedule.actor:Practitioner.identifier"),
            (Window() + $"&schedule.actor:Practitioner.identifier=https://rpps.esante.gouv.fr|{w.Rpps}&status=free", "schedule.actor:Practitioner.identifier"),
            (Window() + actor, "status"),
            (Window() + actor + "&status=libre", "status"),
            (Window() + actor + "&status=free&_include=Slot:patient", "_include"),
        };
        foreach (var (query, parameter) in cases)
        {
            using var response = await w.Sas.GetAsync("/fhir/Slot?" + query, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode}");
            Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
            var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
            Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
            Assert.Equal(parameter, outcome.GetProperty("issue")[0].GetProperty("expression")[0].GetString());
        }

        // The + of an offset that a client form-encoded arrives as a space: still read as +.
        var spaced = await SearchAsync(w, $"start=ge{Http.Today.AddDays(1):yyyy-MM-dd}T00:00:00.000 02:00&start=le{Http.Today.AddDays(3):yyyy-MM-dd}T00:00:00.000%2B02:00" + actor + "&status=free");
        Assert.Equal(0, spaced.GetProperty("total").GetInt32());
        using var xml = await w.Sas.GetAsync("/fhir/metadata?_format=xml", Ct);
        Assert.Equal(HttpStatusCode.NotAcceptable, xml.StatusCode);
        using var other = await (await App.ClientForAsync(Role.Coordinator, w.Community.Cpts)).GetAsync("/fhir/metadata", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    private const string CptsIncludes = "_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference&_include:iterate=HealthcareService:organization&";

    private const string IndividualIncludes = "_include=Slot:schedule&_include:iterate=Schedule:actor&";

    /// <summary>From now to four days on, written as the SAS writes it: milliseconds and a raw +02:00.</summary>
    private static string Window() =>
        $"start=ge{DateTime.UtcNow.AddHours(2):yyyy-MM-ddTHH:mm:ss}.000+02:00&start=le{DateTime.UtcNow.AddDays(4):yyyy-MM-ddTHH:mm:ss}.000+02:00";

    private static string Type(JsonElement entry) => entry.GetProperty("resource").GetProperty("resourceType").GetString()!;

    private static string Profile(JsonElement resource) => resource.GetProperty("meta").GetProperty("profile")[0].GetString()!;

    private static IEnumerable<string> Ids(JsonElement bundle) => bundle.TryGetProperty("entry", out var entries)
        ? entries.EnumerateArray().Where(e => Type(e) == "Slot").Select(e => e.GetProperty("resource").GetProperty("id").GetString()!)
        : [];

    internal static JsonElement Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sas", "Fixtures", name))).RootElement;

    private static async Task<JsonElement> SearchAsync(World w, string query) => await Json(await w.Sas.GetAsync("/fhir/Slot?" + query, Ct), HttpStatusCode.OK);

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    internal async Task<(CommunityWorld Community, string Rpps, HttpClient Sas)> SasWorldAsync()
    {
        var w = await WorldAsync();
        await OpenAsync(w, ["sas-public", "sas-cpts"], 2);
        return (w.Community, w.Rpps, w.Sas);
    }

    private async Task<World> WorldAsync()
    {
        var c = await CommunityWorld.CreateAsync(App, professionals: 2);
        var coordinator = new Actor("coord", "coordination", Role.Coordinator, c.Cpts, null, null);
        var effector = await Use(s => s.GetRequiredService<EnrollEffector>().RunAsync(c.Cpts, c[0].Id, coordinator, Ct));
        Assert.True(effector.Succeeded, string.Join(" ", effector.Errors.Select(e => e.Message)));
        var place = await Use(s => s.GetRequiredService<SavePlace>().RunAsync(c.Cpts, null,
            new PlaceInput("Cabinet du Dr Durand", "practice", "1 rue de la Gare", c.Communes[0], "02 54 77 12 34"), coordinator, Ct));
        Assert.True(place.Succeeded, string.Join(" ", place.Errors.Select(e => e.Message)));
        var doctor = new Actor($"user-doctor-{c[0].Id:N}", "doctor", Role.Member, c.Cpts, null, null, c[0].Id);
        return new World(c, coordinator, doctor, c[0].Rpps, place.Value!.Id, await SasClientAsync());
    }

    /// <summary>A client with the bearer token of an account marked for the SAS platform (a member of no CPTS).</summary>
    private async Task<HttpClient> SasClientAsync()
    {
        var user = await App.CreateUserAsync(Role.Member);
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
            var account = await users.FindByIdAsync(user.Id);
            Assert.True((await users.AddClaimAsync(account!, new Claim(FhirWeb.SasClaim, FhirWeb.SasClaimValue))).Succeeded);
        }

        var client = App.ClientFor(user);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json+fhir"));
        return client;
    }

    /// <summary>Slots opened one by one for the doctor tomorrow, every 20 minutes from <paramref name="hour"/>:00.</summary>
    private async Task<List<Slot>> OpenAsync(World w, string[] audience, int count, int hour = 9)
    {
        var slots = new List<Slot>();
        var day = Http.Today.AddDays(1);
        for (var i = 0; i < count; i++)
        {
            var opened = await Use(s => s.GetRequiredService<OpenSlot>().RunAsync(w.Community.Cpts,
                new SlotInput(null, w.Place, day, $"{hour + (i / 3):00}:{i % 3 * 20:00}", 20, "AMB", audience), w.Doctor, Ct));
            Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Select(e => e.Message)));
            slots.Add(opened.Value!);
        }

        return slots;
    }

    private async Task<T> Use<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

public sealed class SasSlotSearch_on_sqlite(SqliteApp app) : SasSlotSearch(app), IClassFixture<SqliteApp>;

public sealed class SasSlotSearch_on_postgres(PostgresApp app) : SasSlotSearch(app), IClassFixture<PostgresApp>;
