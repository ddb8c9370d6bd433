using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using static Maillage.IntegrationTests.Directory.DirectoryData;

namespace Maillage.IntegrationTests.Membership;

/// <summary>
/// Membership end to end (domain-rules §5): professionals and structures of the directory become members of their CPTS
/// (<c>POST /api/cpts/{id}/members</c>), their status changes over time, their dues get receipts, and the rates by profession
/// are read by the CPTS and the officers who steer it, while the member list stays inside the CPTS.
/// </summary>
public abstract class Membership(MaillageApp app) : IntegrationTest(app)
{
    private const string Header = "rpps;nom;prenom;profession;specialite;mode;commune;code_postal;ville;adresse;structure_finess;structure_siret;structure_nom;structure_type;email_pro;telephone_pro;mssante;publication";

    [Fact]
    public async Task A_professional_of_the_territory_becomes_a_member_once_and_one_practising_elsewhere_is_refused()
    {
        var world = await WorldAsync();

        var created = await (await AddAsync(world.Coordinator, world, new { rpps = world.Doctors[0], college = "Professionnels libéraux" }))
            .ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(("professional", "member", "Adhérent", "Professionnels libéraux"), (created.GetProperty("kind").GetString(),
            created.GetProperty("status").GetString(), created.GetProperty("statusLabel").GetString(), created.GetProperty("college").GetString()));
        Assert.Equal("10", created.GetProperty("profession").GetString());
        Assert.Equal(Http.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), created.GetProperty("since").GetString());

        var outside = await (await AddAsync(world.Coordinator, world, new { rpps = world.Outsider })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("territoire", Assert.Single(outside.FieldErrors("rpps")), StringComparison.Ordinal);
        var unknown = await (await AddAsync(world.Coordinator, world, new { rpps = NewRpps() })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Aucun professionnel", Assert.Single(unknown.FieldErrors("rpps")), StringComparison.Ordinal);
        var both = await (await AddAsync(world.Coordinator, world, new { rpps = world.Doctors[1], structureId = world.Structure }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(both.FieldErrors("rpps"));
        await (await AddAsync(world.Coordinator, world, new { rpps = world.Doctors[0], status = "prospect" })).ExpectAsync(HttpStatusCode.Conflict);

        var structure = await (await AddAsync(world.Coordinator, world, new { structureId = world.Structure, college = "Structures" }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(("structure", "MSP du Val", "msp"), (structure.GetProperty("kind").GetString(), structure.GetProperty("name").GetString(),
            structure.GetProperty("structureKind").GetString()));

        var list = await world.Member.GetJsonAsync($"/api/cpts/{world.Cpts}/members");
        Assert.False(list.GetProperty("canManage").GetBoolean());
        Assert.Equal(2, list.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Status_changes_are_dated_kept_in_history_and_may_go_back()
    {
        var world = await WorldAsync();
        var today = Http.Today;
        var member = await (await AddAsync(world.Coordinator, world, new { rpps = world.Doctors[0], status = "prospect", since = today.AddDays(-30) }))
            .ExpectAsync(HttpStatusCode.Created);
        var id = member.GetProperty("id").GetGuid();

        await StatusAsync(world.Coordinator, world, id, new { status = "member", from = today.AddDays(-20) }, HttpStatusCode.OK);
        await StatusAsync(world.Coordinator, world, id, new { status = "active", from = today.AddDays(-10) }, HttpStatusCode.OK);
        await StatusAsync(world.Coordinator, world, id, new { status = "former", from = today.AddDays(-5), reason = "Départ à la retraite" }, HttpStatusCode.OK);
        var back = await StatusAsync(world.Coordinator, world, id, new { status = "member", from = today, reason = "Reprise d'activité" }, HttpStatusCode.OK);

        Assert.Equal("member", back.GetProperty("status").GetString());
        var history = back.GetProperty("history").EnumerateArray().Select(p => (p.GetProperty("status").GetString(), p.GetProperty("reason").GetString())).ToList();
        Assert.Equal([("prospect", null), ("member", null), ("active", null), ("former", "Départ à la retraite"), ("member", "Reprise d'activité")], history);

        var before = await StatusAsync(world.Coordinator, world, id, new { status = "active", from = today.AddDays(-1) }, HttpStatusCode.BadRequest);
        Assert.NotEmpty(before.FieldErrors("from"));
        await StatusAsync(world.Coordinator, world, id, new { status = "member", from = today }, HttpStatusCode.Conflict);
        await StatusAsync(world.Coordinator, world, id, new { status = "active", from = today.AddDays(1) }, HttpStatusCode.BadRequest);
        await StatusAsync(world.Coordinator, world, id, new { status = "honoraire" }, HttpStatusCode.BadRequest);
        await StatusAsync(world.Coordinator, world, id, new { status = "active", version = 0 }, HttpStatusCode.Conflict);
        await StatusAsync(world.Member, world, id, new { status = "active" }, HttpStatusCode.Forbidden);
        await StatusAsync(world.ForeignCoordinator, world, id, new { status = "active" }, HttpStatusCode.NotFound);
        await StatusAsync(world.Coordinator, world, Guid.NewGuid(), new { status = "active" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Paid_dues_get_receipt_numbers_in_sequence_within_the_cpts()
    {
        var world = await WorldAsync();
        var year = Http.Today.Year;
        var first = await MemberIdAsync(world, world.Doctors[0]);
        var second = await MemberIdAsync(world, world.Nurse);

        // domain-rules §5: yearly dues seen at 20, 30 and 50 €.
        var unpaid = await DuesAsync(world.Coordinator, world, first, new { year, amount = 30m }, HttpStatusCode.OK);
        Assert.Equal((30m, JsonValueKind.Null), (unpaid.GetProperty("amount").GetDecimal(), unpaid.GetProperty("receiptNumber").ValueKind));
        var paid = await DuesAsync(world.Coordinator, world, first, new { year, amount = 30m, paidOn = Http.Today }, HttpStatusCode.OK);
        Assert.Equal(unpaid.GetProperty("id").GetGuid(), paid.GetProperty("id").GetGuid());
        Assert.Equal($"CPTS-{year}-0001", paid.GetProperty("receiptNumber").GetString());
        var other = await DuesAsync(world.Coordinator, world, second, new { year, amount = 20.5m, paidOn = Http.Today }, HttpStatusCode.OK);
        Assert.Equal($"CPTS-{year}-0002", other.GetProperty("receiptNumber").GetString());

        await DuesAsync(world.Coordinator, world, first, new { year, amount = 30m, paidOn = Http.Today }, HttpStatusCode.Conflict);
        var zero = await DuesAsync(world.Coordinator, world, first, new { year = year - 1, amount = 0m }, HttpStatusCode.BadRequest);
        Assert.NotEmpty(zero.FieldErrors("amount"));
        await DuesAsync(world.Coordinator, world, first, new { year = 1990, amount = 50m }, HttpStatusCode.BadRequest);
        await DuesAsync(world.Member, world, first, new { year, amount = 50m }, HttpStatusCode.Forbidden);

        var list = await world.Member.GetJsonAsync($"/api/cpts/{world.Cpts}/members");
        var dues = list.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == first).GetProperty("dues");
        Assert.Equal($"CPTS-{year}-0001", Assert.Single(dues.EnumerateArray()).GetProperty("receiptNumber").GetString());
    }

    [Fact]
    public async Task Rates_compare_members_by_profession_with_the_professionals_of_the_territory()
    {
        var world = await WorldAsync();
        var doctor = await MemberIdAsync(world, world.Doctors[0]);
        await StatusAsync(world.Coordinator, world, doctor, new { status = "active" }, HttpStatusCode.OK);
        await (await AddAsync(world.Coordinator, world, new { rpps = world.Nurse, status = "prospect" })).ExpectAsync(HttpStatusCode.Created);
        await (await AddAsync(world.Coordinator, world, new { structureId = world.Structure })).ExpectAsync(HttpStatusCode.Created);

        var rates = await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/membership/rates");

        // 1 of the 2 médecins of the territory is a member, and active: 50 %; the nurse is only a prospect.
        var doctors = Rate(rates.GetProperty("byProfession"), "10");
        Assert.Equal((2, 1, 1, 0.5, 0.5), (doctors.GetProperty("territory").GetInt32(), doctors.GetProperty("members").GetInt32(),
            doctors.GetProperty("activeMembers").GetInt32(), doctors.GetProperty("memberRate").GetDouble(), doctors.GetProperty("activeRate").GetDouble()));
        var nurses = Rate(rates.GetProperty("byProfession"), "60");
        Assert.Equal((1, 0), (nurses.GetProperty("territory").GetInt32(), nurses.GetProperty("members").GetInt32()));
        var msp = Rate(rates.GetProperty("byStructureKind"), "msp");
        Assert.Equal((1, 1.0), (msp.GetProperty("members").GetInt32(), msp.GetProperty("memberRate").GetDouble()));
        Assert.Equal((2, 1), (rates.GetProperty("members").GetInt32(), rates.GetProperty("activeMembers").GetInt32()));
        Assert.DoesNotContain("Durand", rates.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_counts_members_and_active_members_at_the_end_of_each_of_the_last_24_months()
    {
        var world = await WorldAsync();
        var month = new DateOnly(Http.Today.Year, Http.Today.Month, 1);
        var doctor = (await (await AddAsync(world.Coordinator, world, new { rpps = world.Doctors[0], since = month.AddMonths(-5) }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await StatusAsync(world.Coordinator, world, doctor, new { status = "active", from = month.AddMonths(-3) }, HttpStatusCode.OK);
        var nurse = (await (await AddAsync(world.Coordinator, world, new { rpps = world.Nurse, since = month.AddMonths(-2) }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await StatusAsync(world.Coordinator, world, nurse, new { status = "former", from = month.AddMonths(-1), reason = "Départ" }, HttpStatusCode.OK);
        await (await AddAsync(world.Coordinator, world, new { rpps = world.Doctors[1], status = "prospect", since = month.AddMonths(-4) }))
            .ExpectAsync(HttpStatusCode.Created);

        var history = await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/membership/history");

        var months = history.EnumerateArray().ToList();
        Assert.Equal(24, months.Count);
        Assert.Equal(month.AddMonths(-23), DateOnly.Parse(months[0].GetProperty("month").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(month, DateOnly.Parse(months[^1].GetProperty("month").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var counts = months.TakeLast(7).Select(m => (m.GetProperty("members").GetInt32(), m.GetProperty("active").GetInt32())).ToList();
        Assert.Equal([(0, 0), (1, 0), (1, 0), (1, 1), (2, 1), (1, 1), (1, 1)], counts);
        Assert.All(months.Take(17), m => Assert.Equal(0, m.GetProperty("members").GetInt32()));

        // 1 member over the 3 professionals and the MSP of the territory in today's directory.
        Assert.Equal(0.25, months[^1].GetProperty("rate").GetDouble());
        await world.Member.GetJsonAsync($"/api/cpts/{world.Cpts}/membership/history");
        await world.ForeignCoordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/membership/history", HttpStatusCode.NotFound);

        var page = await PageAsync(world.Officer, $"/cpts/{world.Cpts}/adherents", HttpStatusCode.OK);
        Assert.Contains("id=\"history-chart\" role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains($"{month.AddMonths(-2).ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)} : 2 adhérents, 1 actifs", page, StringComparison.Ordinal);
        Assert.Contains("membership/rates/export?format=xlsx", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rates_export_as_csv_and_excel_with_the_profession_line()
    {
        var world = await WorldAsync();
        await MemberIdAsync(world, world.Doctors[0]);
        var export = $"/api/cpts/{world.Cpts}/membership/rates/export";

        using (var csv = await world.Officer.GetAsync(export + "?format=csv", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var text = await csv.Content.ReadAsStringAsync(Ct);
            Assert.Contains("Groupe;Code;Libellé;Territoire;Adhérents", text, StringComparison.Ordinal);
            var line = Assert.Single(text.Split('\n'), l => l.StartsWith("Profession;10;", StringComparison.Ordinal));
            Assert.EndsWith(";2;1;0;50;0", line.TrimEnd('\r'), StringComparison.Ordinal);
            Assert.Contains("Mois;Adhérents;Adhérents actifs", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Durand", text, StringComparison.Ordinal);
        }

        using (var xlsx = await world.Member.GetAsync(export + "?format=xlsx", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
            var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal((byte)'P', bytes[0]);
            Assert.Equal((byte)'K', bytes[1]);
        }

        using (var bad = await world.Officer.GetAsync(export + "?format=pdf", Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        await world.ForeignCoordinator.GetJsonAsync(export + "?format=csv", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_member_list_stays_in_the_cpts_and_officers_see_only_the_rates()
    {
        var world = await WorldAsync();
        var list = $"/api/cpts/{world.Cpts}/members";
        var rates = $"/api/cpts/{world.Cpts}/membership/rates";

        await world.Coordinator.GetJsonAsync(list);
        await world.Member.GetJsonAsync(list);
        await world.Officer.GetJsonAsync(list, HttpStatusCode.Forbidden);
        await world.ForeignCoordinator.GetJsonAsync(list, HttpStatusCode.NotFound);
        await (await App.AdminAsync()).GetJsonAsync(list);

        await world.Coordinator.GetJsonAsync(rates);
        await world.Member.GetJsonAsync(rates);
        await world.Officer.GetJsonAsync(rates);
        await world.ForeignCoordinator.GetJsonAsync(rates, HttpStatusCode.NotFound);
        await world.OtherOfficer.GetJsonAsync(rates, HttpStatusCode.NotFound);

        await (await AddAsync(world.Member, world, new { rpps = world.Doctors[0] })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await AddAsync(world.Officer, world, new { rpps = world.Doctors[0] })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await AddAsync(world.ForeignCoordinator, world, new { rpps = world.Doctors[0] })).ExpectAsync(HttpStatusCode.NotFound);
        using (var anonymous = App.Anonymous())
        {
            await anonymous.GetJsonAsync(list, HttpStatusCode.Unauthorized);
        }

        await (await AddAsync(await App.AdminAsync(), world, new { rpps = world.Doctors[0] })).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_adherents_page_shows_the_list_to_the_cpts_and_only_the_rates_to_an_officer()
    {
        var world = await WorldAsync();
        await MemberIdAsync(world, world.Doctors[0]);
        var page = $"/cpts/{world.Cpts}/adherents";

        var coordinator = await PageAsync(world.Coordinator, page, HttpStatusCode.OK);
        Assert.Contains("Durand Paul", coordinator, StringComparison.Ordinal);
        Assert.Contains("id=\"add-member-form\"", coordinator, StringComparison.Ordinal);
        Assert.Contains("50,0", coordinator, StringComparison.Ordinal);

        var member = await PageAsync(world.Member, page, HttpStatusCode.OK);
        Assert.Contains("Durand Paul", member, StringComparison.Ordinal);
        Assert.DoesNotContain("add-member-form", member, StringComparison.Ordinal);

        var officer = await PageAsync(world.Officer, page, HttpStatusCode.OK);
        Assert.Contains("id=\"rates\"", officer, StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", officer, StringComparison.Ordinal);

        await PageAsync(world.ForeignCoordinator, page, HttpStatusCode.NotFound);
    }

    private static async Task<string> PageAsync(HttpClient client, string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode} for {url}");
        return body;
    }

    private sealed record World(Guid Cpts, IReadOnlyList<string> Doctors, string Nurse, string Outsider, Guid Structure, HttpClient Coordinator,
        HttpClient Member, HttpClient Officer, HttpClient OtherOfficer, HttpClient ForeignCoordinator);

    /// <summary>
    /// A CPTS of two communes of Loir-et-Cher whose directory holds two médecins, an infirmier and an MSP, and a médecin practising in the Cher;
    /// its coordinator and a member, an officer of the département and one of another, and another CPTS's coordinator.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var admin = await App.AdminAsync();
        var communes = App.Communes.Take("41", 2);
        var cpts = (await admin.CreateCptsAsync(Http.Unique("CPTS du Perche"), communes)).Id();
        var foreign = (await admin.CreateCptsAsync(Http.Unique("CPTS voisine"), App.Communes.Take("41", 1))).Id();
        var coordinator = await App.ClientForAsync(Role.Coordinator, cpts);
        var (doctors, nurse, outsider, finess) = (new[] { NewRpps(), NewRpps() }, NewRpps(), NewRpps(), NewFiness("41"));
        var csv = Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n",
            $"{doctors[0]};Durand;Paul;10;SM54;L;{communes[0]};;;;{finess};;MSP du Val;MSP;;;;",
            $"{doctors[1]};Martin;Claire;10;SM54;L;{communes[1]};;;;;;;;;;;",
            $"{nurse};Petit;Anne;60;;L;{communes[1]};;;;;;;;;;;",
            $"{outsider};Roux;Jean;10;SM54;L;{App.Communes.Take("18", 1)[0]};;;;;;;;;;;") + "\n");
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(csv);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "annuaire.csv");
            await (await admin.PostAsync("/api/directory/import", form, Ct)).ExpectAsync(HttpStatusCode.OK);
        }

        var structures = await coordinator.GetJsonAsync($"/api/cpts/{cpts}/directory/structures");
        var structure = structures.EnumerateArray().Single(s => s.GetProperty("finess").GetString() == finess).GetProperty("id").GetGuid();
        return new World(cpts, doctors, nurse, outsider, structure, coordinator, await App.ClientForAsync(Role.Member, cpts),
            await App.ClientForAsync(Role.Officer, departement: "41"), await App.ClientForAsync(Role.Officer, departement: "18"),
            await App.ClientForAsync(Role.Coordinator, foreign));
    }

    private static Task<HttpResponseMessage> AddAsync(HttpClient client, World world, object body) =>
        client.PostJsonAsync($"/api/cpts/{world.Cpts}/members", body);

    private static async Task<Guid> MemberIdAsync(World world, string rpps) =>
        (await (await AddAsync(world.Coordinator, world, new { rpps })).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> StatusAsync(HttpClient client, World world, Guid member, object body, HttpStatusCode status) =>
        await (await client.PostJsonAsync($"/api/cpts/{world.Cpts}/members/{member}/status", body)).ExpectAsync(status);

    private static async Task<JsonElement> DuesAsync(HttpClient client, World world, Guid member, object body, HttpStatusCode status) =>
        await (await client.PostJsonAsync($"/api/cpts/{world.Cpts}/members/{member}/dues", body)).ExpectAsync(status);

    private static JsonElement Rate(JsonElement rates, string code) => rates.EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
}

public sealed class Membership_on_sqlite(SqliteApp app) : Membership(app), IClassFixture<SqliteApp>;

public sealed class Membership_on_postgres(PostgresApp app) : Membership(app), IClassFixture<PostgresApp>;
