using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;

namespace Maillage.IntegrationTests.Lifecycle;

/// <summary>Registering a CPTS through the API: what it answers, what it stores, and the one-commune-one-CPTS rule.</summary>
public abstract class CptsRegistration(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Registering_a_cpts_answers_201_with_its_location_population_and_tier()
    {
        var admin = await App.AdminAsync();
        string[] territory = ["35236", .. App.Communes.Take("35", 2)];
        var name = Http.Unique("CPTS du pays de Redon");

        using var response = await admin.PostJsonAsync("/api/cpts", new { name, territory, finess = "35 099 901 7" });
        var created = await response.ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("350999017", created.GetProperty("finess").GetString());

        var id = created.Id();
        Assert.Equal($"/api/cpts/{id}", response.Headers.Location?.OriginalString);
        var population = App.Communes.PopulationOf(territory);
        Assert.Equal(9542 + App.Communes.PopulationOf(territory[1..]), population);   // Redon: 9 542 inhabitants (COG 2026)
        Assert.Equal(population, created.GetProperty("population").GetInt64());
        Assert.Equal(1, created.GetProperty("tier").GetInt32());   // ACI CPTS avenant 2: « moins de 40 000 habitants »
        Assert.Equal("pre-project", created.GetProperty("stage").GetString());

        var read = await admin.GetJsonAsync($"/api/cpts/{id}");
        Assert.Equal(name, read.GetProperty("name").GetString());
        Assert.Equal(population, read.GetProperty("population").GetInt64());
        Assert.Equal(territory.Order(StringComparer.Ordinal), read.GetProperty("territory").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Equal(["35"], read.GetProperty("departements").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["53"], read.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains(name, (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    [Fact]
    public async Task The_tier_follows_the_population_bounds_of_the_aci()
    {
        // Angers 159 022 + Avrillé 15 251 = 174 273: « entre 80 et 175 000 » is tier 3; Cholet's 54 404 more passes 175 000: tier 4.
        var admin = await App.AdminAsync();
        var created = await admin.CreateCptsAsync(Http.Unique("CPTS Angers"), ["49007", "49015"]);
        Assert.Equal(174_273, created.GetProperty("population").GetInt64());
        Assert.Equal(3, created.GetProperty("tier").GetInt32());

        var updated = await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}",
            new { territory = new[] { "49007", "49015", "49099" }, version = created.GetProperty("version").GetInt32() })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(228_677, updated.GetProperty("population").GetInt64());
        Assert.Equal(4, updated.GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task A_commune_of_another_cpts_is_refused_with_409_naming_that_cpts_and_nothing_is_written()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("44", 3);
        var firstName = Http.Unique("CPTS Estuaire");
        await admin.CreateCptsAsync(firstName, codes.Take(2));
        var before = (await admin.GetJsonAsync("/api/cpts")).Names();

        var secondName = Http.Unique("CPTS Voisine");
        var problem = await (await admin.PostJsonAsync("/api/cpts", new { name = secondName, territory = codes.Skip(1) }))
            .ExpectAsync(HttpStatusCode.Conflict);

        Assert.Contains(firstName, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(codes[1], problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "territory_overlap");
        Assert.Equal(before, (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    [Fact]
    public async Task An_arrondissement_conflicts_with_a_cpts_holding_its_whole_city()
    {
        var admin = await App.AdminAsync();
        var lyon = Http.Unique("CPTS Lyon");
        await admin.CreateCptsAsync(lyon, ["69123"]);
        var problem = await (await admin.PostJsonAsync("/api/cpts", new { name = Http.Unique("CPTS Lyon 3e"), territory = new[] { "69383" } }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains(lyon, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_of_the_territory_may_share_a_commune_by_giving_a_reason()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("85", 3);
        var first = await admin.CreateCptsAsync(Http.Unique("CPTS Bocage"), codes.Take(2));
        var second = await admin.CreateCptsAsync(Http.Unique("CPTS Marais"), codes.Skip(2));
        var officer = await App.ClientForAsync(Role.Officer, region: "52");
        var reason = "Commune partagée entre deux bassins de vie (réunion ARS du 12 mars)";
        var version = second.GetProperty("version").GetInt32();

        var refused = await (await officer.PutJsonAsync($"/api/cpts/{second.Id()}", new { territory = codes.Skip(1), version }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains(first.GetProperty("name").GetString()!, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var shared = await (await officer.PutJsonAsync($"/api/cpts/{second.Id()}", new { territory = codes.Skip(1), overrideReason = reason, version }))
            .ExpectAsync(HttpStatusCode.OK);
        var unit = shared.GetProperty("territory").EnumerateArray().Single(u => u.GetProperty("code").GetString() == codes[1]);
        Assert.Equal(reason, unit.GetProperty("overrideReason").GetString());
        Assert.Equal(App.Communes.PopulationOf(codes.Skip(1)), shared.GetProperty("population").GetInt64());
        var audit = await officer.GetJsonAsync($"/api/cpts/{second.Id()}/audit");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "cpts.territory.override");
    }

    [Fact]
    public async Task An_officer_of_the_territory_may_register_a_cpts_sharing_a_commune_by_giving_a_reason()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("72", 2);
        var holder = await admin.CreateCptsAsync(Http.Unique("CPTS Perche sarthois"), codes.Take(1));
        var officer = await App.ClientForAsync(Role.Officer, region: "52");
        var outsider = await App.ClientForAsync(Role.Officer, region: "53");
        var body = new { name = Http.Unique("CPTS Vallée de l'Huisne"), territory = codes, overrideReason = "Commune à cheval sur deux bassins, avis ARS" };

        await (await outsider.PostJsonAsync("/api/cpts", body)).ExpectAsync(HttpStatusCode.Forbidden);
        var shared = await (await officer.PostJsonAsync("/api/cpts", body)).ExpectAsync(HttpStatusCode.Created);

        Assert.Equal(body.overrideReason, shared.GetProperty("territory").EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == codes[0]).GetProperty("overrideReason").GetString());
        var kept = await admin.GetJsonAsync($"/api/cpts/{holder.Id()}");
        Assert.Equal(codes[0], Assert.Single(kept.GetProperty("territory").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_admin_may_register_a_cpts_sharing_a_commune_by_giving_a_reason()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("85", 2);
        await admin.CreateCptsAsync(Http.Unique("CPTS Côte de lumière"), codes.Take(1));
        var reason = "Île partagée, décision ARS";
        var shared = await (await admin.PostJsonAsync("/api/cpts", new { name = Http.Unique("CPTS Littoral"), territory = codes, overrideReason = reason }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(reason, shared.GetProperty("territory").EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == codes[0]).GetProperty("overrideReason").GetString());
    }

    [Fact]
    public async Task A_coordinator_cannot_override_an_overlap_even_with_a_reason()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("72", 2);
        await admin.CreateCptsAsync(Http.Unique("CPTS Sarthe nord"), [codes[0]]);
        var own = await admin.CreateCptsAsync(Http.Unique("CPTS Sarthe sud"), [codes[1]]);
        var coordinator = await App.ClientForAsync(Role.Coordinator, own.Id());

        await (await coordinator.PutJsonAsync($"/api/cpts/{own.Id()}",
            new { territory = codes, overrideReason = "Je partage", version = own.GetProperty("version").GetInt32() })).ExpectAsync(HttpStatusCode.Forbidden);

        var after = await admin.GetJsonAsync($"/api/cpts/{own.Id()}");
        Assert.Equal([codes[1]], after.GetProperty("territory").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Equal(own.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Only_an_admin_or_an_officer_of_the_territory_registers_a_cpts()
    {
        var codes = App.Communes.Take("53", 1);
        var body = new { name = Http.Unique("CPTS Mayenne"), territory = codes };
        var outsider = await App.ClientForAsync(Role.Officer, departement: "75");
        var coordinator = await App.ClientForAsync(Role.Coordinator, Guid.NewGuid());
        var member = await App.ClientForAsync(Role.Member, Guid.NewGuid());

        foreach (var client in new[] { outsider, coordinator, member })
        {
            await (await client.PostJsonAsync("/api/cpts", body)).ExpectAsync(HttpStatusCode.Forbidden);
        }

        Assert.DoesNotContain(body.name, (await (await App.AdminAsync()).GetJsonAsync("/api/cpts")).Names());
        var officer = await App.ClientForAsync(Role.Officer, departement: "53");
        await (await officer.PostJsonAsync("/api/cpts", body)).ExpectAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_rna_already_registered_is_a_409_on_the_rna()
    {
        var admin = await App.AdminAsync();
        var first = Http.Unique("CPTS Trégor");
        await (await admin.PostJsonAsync("/api/cpts", new { name = first, territory = App.Communes.Take("22", 1), rna = "W223000042" }))
            .ExpectAsync(HttpStatusCode.Created);
        var second = Http.Unique("CPTS Goëlo");
        var problem = await (await admin.PostJsonAsync("/api/cpts", new { name = second, territory = App.Communes.Take("22", 1), rna = "w223000042" }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "rna_taken");
        Assert.DoesNotContain(second, (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    [Fact]
    public async Task A_second_cpts_with_the_same_name_is_a_409()
    {
        var admin = await App.AdminAsync();
        var name = Http.Unique("CPTS Homonyme");
        await admin.CreateCptsAsync(name, App.Communes.Take("22", 1));
        var problem = await (await admin.PostJsonAsync("/api/cpts", new { name, territory = App.Communes.Take("22", 1) })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains(name, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single((await admin.GetJsonAsync("/api/cpts")).Names(), n => n == name);
    }

    [Fact]
    public async Task The_home_page_counts_the_visible_cpts_in_the_singular_for_one_and_the_plural_for_more()
    {
        var admin = await App.AdminAsync();
        // Lozère: no other test of the class registers a CPTS there, so its officer sees exactly one (a coordinator now lands on its CPTS's home).
        await admin.CreateCptsAsync(Http.Unique("CPTS unique"), App.Communes.Take("48", 1));
        var officer = await App.ClientForAsync(Role.Officer, departement: "48");
        Assert.Contains("<p>1 CPTS visible avec votre compte.</p>", await officer.PageAsync("/"), StringComparison.Ordinal);

        await officer.CreateCptsAsync(Http.Unique("CPTS seconde"), App.Communes.Take("48", 1));
        Assert.Matches("<p>[0-9\u202F\u00A0]+ CPTS visibles avec votre compte.</p>", await officer.PageAsync("/"));
    }
}

public sealed class CptsRegistration_on_sqlite(SqliteApp app) : CptsRegistration(app), IClassFixture<SqliteApp>;

public sealed class CptsRegistration_on_postgres(PostgresApp app) : CptsRegistration(app), IClassFixture<PostgresApp>;
