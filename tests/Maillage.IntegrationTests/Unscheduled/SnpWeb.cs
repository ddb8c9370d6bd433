using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Unscheduled;

/// <summary>
/// Unscheduled care through HTTP (issue 12): two registrars racing for a slot through the API, who may open which page and route (roles ×
/// routes, another CPTS's coordinator included), every read of a booking audited, and the booking page keeping what was typed when refused.
/// </summary>
public abstract class SnpWeb(MaillageApp app) : IntegrationTest(app)
{
    private sealed record World(CommunityWorld C, Guid Effector, Guid Place, IReadOnlyList<Guid> Slots)
    {
        public string Api => $"/api/cpts/{C.Cpts}/snp";

        public string Pages => $"/cpts/{C.Cpts}/snp";

        public WorldMember Doctor => C[0];

        public WorldMember Pharmacist => C[5];

        public WorldMember Nurse => C[3];

        public WorldMember Member => C[1];
    }

    private static object Patient(string name) => new { familyName = name, givenName = "Camille", birthDate = new DateOnly(1958, 4, 12), phone = "06 12 34 56 78", reason = "fever" };

    [Fact]
    public async Task Two_registrars_posting_the_same_booking_at_once_one_gets_201_and_the_other_409_with_the_next_free_slots()
    {
        var w = await WorldAsync();
        for (var round = 0; round < 3; round++)
        {
            var url = $"{w.Api}/slots/{w.Slots[round]}/bookings";
            var responses = await Task.WhenAll(w.Pharmacist.Client.PostJsonAsync(url, Patient("Durand")), w.Nurse.Client.PostJsonAsync(url, Patient("Leroy")));
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            var lost = await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ExpectAsync(HttpStatusCode.Conflict);
            Assert.Contains("vient d'être réservé", lost.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var next = lost.GetProperty("nextSlots");
            Assert.True(next.GetArrayLength() > 0);
            Assert.DoesNotContain(next.EnumerateArray(), s => s.GetProperty("slotId").GetGuid() == w.Slots[round]);
            var won = await responses.Single(r => r.StatusCode == HttpStatusCode.Created).ExpectAsync(HttpStatusCode.Created);
            Assert.Equal("Camille", won.GetProperty("patient").GetProperty("givenName").GetString());
        }

        // Validation refusals are 400 with per-field errors.
        var bad = await (await w.Pharmacist.Client.PostJsonAsync($"{w.Api}/slots/{w.Slots[4]}/bookings", new { familyName = "", phone = "12", reason = "rhume" }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("familyName"));
        Assert.NotEmpty(bad.FieldErrors("phone"));
        Assert.NotEmpty(bad.FieldErrors("reason"));
    }

    [Fact]
    public async Task Each_role_opens_only_its_pages_and_routes_and_every_read_of_a_booking_is_audited()
    {
        var w = await WorldAsync();
        var booking = (await (await w.Pharmacist.Client.PostJsonAsync($"{w.Api}/slots/{w.Slots[0]}/bookings", Patient("Bernard"))).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var routes = new (string Name, bool Page, string Url)[]
        {
            ("coordination", true, w.Pages), ("agenda", true, $"{w.Pages}/agenda"), ("réserver", true, $"{w.Pages}/reserver"),
            ("mes réservations", true, $"{w.Pages}/reservations"), ("confirmation", true, $"{w.Pages}/reservations/{booking}"),
            ("api slots", false, $"{w.Api}/slots"), ("api booking", false, $"{w.Api}/bookings/{booking}"), ("api patterns", false, $"{w.Api}/patterns"),
            ("api places", false, $"{w.Api}/places"), ("fhir", false, "/fhir/metadata"),
        };
        const HttpStatusCode Ok = HttpStatusCode.OK, No = HttpStatusCode.Forbidden, Gone = HttpStatusCode.NotFound;
        var matrix = new (string Who, HttpClient Client, HttpStatusCode[] Expected, HttpStatusCode Book)[]
        {
            ("coordinator", w.C.Coordinator, [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, No], HttpStatusCode.BadRequest),
            ("effector", w.Doctor.Client, [No, Ok, No, No, Ok, Ok, Ok, Ok, No, No], No),
            ("registrar", w.Pharmacist.Client, [No, No, Ok, Ok, Ok, Ok, Ok, No, No, No], HttpStatusCode.BadRequest),
            ("other registrar", w.Nurse.Client, [No, No, Ok, Ok, No, Ok, No, No, No, No], HttpStatusCode.BadRequest),
            ("member", w.Member.Client, [No, No, No, No, No, No, No, No, No, No], No),
            ("officer", w.C.Officer, [No, No, No, No, No, No, No, No, No, No], No),
            ("other CPTS's coordinator", w.C.ForeignCoordinator, [Gone, Gone, Gone, Gone, Gone, Gone, Gone, Gone, Gone, No], Gone),
            // A SAS regulator, without origin=sas: nothing of the CPTS (its account is usable only arriving from the SAS), nor /fhir.
            ("SAS regulator", App.ClientFor(await Sas.SasRegulatorAccounts.CreateRegulatorAsync(App)), [Gone, Gone, No, Gone, No, Gone, Gone, Gone, Gone, No], Gone),
        };
        var before = await AuditCountAsync(w, "snp.booking-read");
        var reads = 0;
        foreach (var (who, client, expected, bookStatus) in matrix)
        {
            for (var i = 0; i < routes.Length; i++)
            {
                using var response = await client.GetAsync(routes[i].Url, Ct);
                Assert.True(response.StatusCode == expected[i], $"{who} on {routes[i].Name} ({routes[i].Url}): {(int)response.StatusCode}, expected {(int)expected[i]}");
                if (routes[i].Name is "confirmation" or "api booking" && expected[i] == Ok)
                {
                    reads++;
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    Assert.Contains("Bernard", body, StringComparison.Ordinal);
                }
            }

            using var book = await client.PostJsonAsync($"{w.Api}/slots/{w.Slots[1]}/bookings", new { familyName = "" });
            Assert.True(book.StatusCode == bookStatus, $"{who} booking: {(int)book.StatusCode}, expected {(int)bookStatus}");
        }

        Assert.Equal(before + reads, await AuditCountAsync(w, "snp.booking-read"));
        var texts = await UseDb(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.CptsId == w.C.Cpts && a.Action.StartsWith("snp.")).Select(a => a.Details).ToListAsync(Ct));
        Assert.DoesNotContain(texts, t => t.Contains("Bernard", StringComparison.Ordinal) || t.Contains("0612345678", StringComparison.Ordinal));

        // The coordinator's workspace offers the module's pages; the plain member is not offered them.
        var home = await w.C.Coordinator.PageAsync($"/cpts/{w.C.Cpts}");
        Assert.Contains($"href=\"{w.Pages}/reserver\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"{w.Pages}/reserver\"", await w.Member.Client.PageAsync($"/cpts/{w.C.Cpts}"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{w.Pages}/agenda\"", await w.Doctor.Client.PageAsync($"/cpts/{w.C.Cpts}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_booking_form_answers_422_with_the_messages_and_keeps_what_was_typed()
    {
        var w = await WorldAsync();
        var page = $"{w.Pages}/reserver?slot={w.Slots[2]}";
        var (status, html) = await w.Pharmacist.Client.PostFormAsync(page, page + "&handler=Book", new Dictionary<string, string?>
        {
            ["slotId"] = w.Slots[2].ToString(), ["familyName"] = "", ["givenName"] = "Anne-Sophie", ["birthDate"] = "1980-02-03", ["phone"] = "12",
            ["email"] = "", ["nir"] = "", ["reason"] = "pain", ["origin"] = "pharmacy",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Indiquez le nom du patient.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Anne-Sophie\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"pain\" selected", html, StringComparison.Ordinal);

        // Typed right, the booking opens its printable confirmation at the CPTS's hour.
        var (ok, _) = await w.Pharmacist.Client.PostFormAsync(page, page + "&handler=Book", new Dictionary<string, string?>
        {
            ["slotId"] = w.Slots[2].ToString(), ["familyName"] = "Lemoine", ["givenName"] = "Anne-Sophie", ["birthDate"] = "1980-02-03", ["phone"] = "06 11 22 33 44",
            ["reason"] = "pain", ["origin"] = "pharmacy",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok);
        var mine = await w.Pharmacist.Client.GetJsonAsync($"{w.Api}/bookings");
        var id = Assert.Single(mine.EnumerateArray()).GetProperty("id").GetGuid();
        var confirmation = await w.Pharmacist.Client.PageAsync($"{w.Pages}/reservations/{id}");
        Assert.Contains("08:40", confirmation, StringComparison.Ordinal);
        Assert.Contains("1 rue de la Gare", confirmation, StringComparison.Ordinal);
        Assert.Contains("@media print", confirmation, StringComparison.Ordinal);
    }

    private async Task<World> WorldAsync()
    {
        var c = await CommunityWorld.CreateAsync(App);
        var api = $"/api/cpts/{c.Cpts}/snp";
        var effector = (await (await c.Coordinator.PostJsonAsync($"{api}/effectors", new { memberId = c[0].Id })).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await c.Coordinator.PostJsonAsync($"{api}/registrars", new { memberId = c[5].Id, origin = "pharmacy" })).ExpectAsync(HttpStatusCode.Created);
        await (await c.Coordinator.PostJsonAsync($"{api}/registrars", new { memberId = c[3].Id, origin = "nurse" })).ExpectAsync(HttpStatusCode.Created);
        var place = (await (await c.Coordinator.PostJsonAsync($"{api}/places", new { name = "Cabinet du Dr Durand", kind = "practice", address = "1 rue de la Gare", communeCode = c.Communes[0] }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var slots = new List<Guid>();
        foreach (var start in new[] { "08:00", "08:20", "08:40", "09:00", "09:20", "09:40" })
        {
            var slot = await (await c[0].Client.PostJsonAsync($"{api}/slots", new { placeId = place, day = Http.Today.AddDays(1), startTime = start, minutes = 20, kind = "AMB", audience = new[] { "registrars", "sas-snp" } }))
                .ExpectAsync(HttpStatusCode.Created);
            slots.Add(slot.GetProperty("id").GetGuid());
        }

        return new World(c, effector, place, slots);
    }

    private Task<int> AuditCountAsync(World w, string action) =>
        UseDb(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.CptsId == w.C.Cpts && a.Action == action, Ct));

    private async Task<T> UseDb<T>(Func<MaillageDbContext, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MaillageDbContext>());
    }
}

public sealed class SnpWeb_on_sqlite(SqliteApp app) : SnpWeb(app), IClassFixture<SqliteApp>;

public sealed class SnpWeb_on_postgres(PostgresApp app) : SnpWeb(app), IClassFixture<PostgresApp>;
