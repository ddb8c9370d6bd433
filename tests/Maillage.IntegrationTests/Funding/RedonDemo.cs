using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Territories.Published;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// The demo CPTS du Pays de Redon's funding (issue 11), seeded on a CPTS of Redon's communes as <see cref="Maillage.Demo.SeedDemo"/> does
/// (Redon Agglomération: Ille-et-Vilaine and Morbihan in Bretagne, Loire-Atlantique in Pays de la Loire). « Adhérents à jour de leur
/// adhésion » reads the adhérents who paid their dues (12 of the 25 professionals), not every adhérent (26 with the MSP), so the year-1
/// target of 15 is 80 % achieved and the expected variable part of the access mission is 30 % × 20 % of its envelope lower than at 100 %.
/// Its contract was signed by the ARS Bretagne and the CPAM of Ille-et-Vilaine: they decide; the ARS Pays de la Loire and the CPAM of
/// Loire-Atlantique read only.
/// </summary>
public abstract class RedonDemo(MaillageApp app) : IntegrationTest(app)
{
    private const string Dues = "Adhérents à jour de leur adhésion";

    /// <summary>The demo CPTS, seeded once per database.</summary>
    private async Task<Guid> RedonAsync() => (await App.SharedAsync("redon-demo", async () =>
    {
        var admin = await App.AdminAsync();
        GeoCatalog geo;
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            geo = scope.ServiceProvider.GetRequiredService<GeoCatalog>();
        }

        var redon = (await admin.CreateCptsAsync(Http.Unique("CPTS du Pays de Redon"), geo.Epcis["243500741"].Members)).Id();
        foreach (var stage in new[] { "letter-validated", "health-project-validated", "aci-signed" })
        {
            await admin.RecordStageAsync(redon, stage);
        }

        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            await services.GetRequiredService<Maillage.Demo.SeedCommunityDemo>().RunAsync(redon, Ct);
            await services.GetRequiredService<Maillage.Demo.SeedFundingDemo>().RunAsync(redon, Ct);
            await services.GetRequiredService<Maillage.Demo.SeedFundingPaymentsDemo>().RunAsync(redon, Ct);
            await services.GetRequiredService<Maillage.Demo.SeedFundingIndicatorsDemo>().RunAsync(redon, Ct);
        }

        return Tuple.Create(redon);
    })).Item1;

    [Fact]
    public async Task The_demo_dues_indicator_counts_the_adherents_who_paid_and_lowers_the_expected_variable_part()
    {
        var admin = await App.AdminAsync();
        var redon = await RedonAsync();
        var indicator = (await admin.GetJsonAsync($"/api/cpts/{redon}/contract/indicators")).EnumerateArray().Single(i => i.GetProperty("name").GetString() == Dues);
        Assert.Equal("members.dues-paid", indicator.GetProperty("sourceKey").GetString());
        Assert.Equal(12m, indicator.GetProperty("values")[0].GetProperty("achieved").GetDecimal());

        var achievement = await admin.GetJsonAsync($"/api/cpts/{redon}/contract/achievement?year=1");
        var access = achievement.GetProperty("missions").EnumerateArray().Single(m => m.GetProperty("id").GetString() == "access");
        var lines = access.GetProperty("indicators").EnumerateArray().ToList();
        var dues = lines.Single(i => i.GetProperty("name").GetString() == Dues);
        Assert.Equal((15m, 12m, 0.8m), (dues.GetProperty("target").GetDecimal(), dues.GetProperty("achieved").GetDecimal(), dues.GetProperty("rate").GetDecimal()));

        // envelope × Σ weight × rate: at 80 % instead of 100 %, the dues line (weight 0.3) brings 0.3 × 0.2 × envelope less (1 800 € at tier 2).
        var envelope = access.GetProperty("variableEnvelope").GetDecimal();
        var others = lines.Where(i => i.GetProperty("name").GetString() != Dues).Sum(i => i.GetProperty("weight").GetDecimal() * i.GetProperty("rate").GetDecimal());
        var expected = access.GetProperty("expectedVariable").GetDecimal();
        Assert.Equal(decimal.Round(envelope * (others + (0.3m * 0.8m)), 2), decimal.Round(expected, 2));
        Assert.Equal(decimal.Round(envelope * (others + 0.3m), 2) - decimal.Round(envelope * 0.3m * 0.2m, 2), decimal.Round(expected, 2));
        Assert.Equal(2, achievement.GetProperty("tier").GetInt32());
        Assert.Equal(1_800m, envelope * 0.3m * 0.2m);
    }

    [Fact]
    public async Task Across_regions_the_ars_and_cpam_of_the_contract_decide_and_the_other_officers_of_the_territory_read()
    {
        var redon = await RedonAsync();
        var contract = $"/api/cpts/{redon}/contract";
        var paysDeLaLoire = await App.ClientForAsync(Role.Officer, region: "52");
        var loireAtlantique = await App.ClientForAsync(Role.Officer, departement: "44");
        var bretagne = await App.ClientForAsync(Role.Officer, region: "53");
        var illeEtVilaine = await App.ClientForAsync(Role.Officer, departement: "35");

        var read = await paysDeLaLoire.GetJsonAsync(contract);
        Assert.Equal(("53", "Bretagne", "35", "Ille-et-Vilaine"), (read.GetProperty("funders").GetProperty("arsRegion").GetString(),
            read.GetProperty("funders").GetProperty("arsRegionName").GetString(), read.GetProperty("funders").GetProperty("cpamDepartement").GetString(),
            read.GetProperty("funders").GetProperty("cpamDepartementName").GetString()));
        var version = read.GetProperty("version").GetInt32();
        var review = await paysDeLaLoire.GetJsonAsync($"{contract}/reviews/1");
        await paysDeLaLoire.GetJsonAsync($"{contract}/payments");

        foreach (var reader in new[] { paysDeLaLoire, loireAtlantique })
        {
            foreach (var call in new Func<Task<HttpResponseMessage>>[]
            {
                () => reader.PostJsonAsync($"{contract}/amendments", new { effectiveOn = Http.Today, summary = "Avenant" }),
                () => reader.PutJsonAsync(contract, new { arsSignatory = "ARS", cpamSignatory = "CPAM", version }),
                () => reader.PostJsonAsync($"{contract}/reviews/1/decision", ReviewWorld.Decision(review)),
                () => reader.PutJsonAsync($"{contract}/payments/1/operating/operating", new { amount = 5m, paidOn = Http.Today }),
                () => reader.PostJsonAsync($"{contract}/crises", new { year = 1, declaredOn = Http.Today, description = "Canicule" }),
            })
            {
                using var response = await call();
                var problem = await response.ExpectAsync(HttpStatusCode.Forbidden);
                var detail = problem.GetProperty("detail").GetString()!;
                Assert.Contains("ARS de la région Bretagne", detail, StringComparison.Ordinal);
                Assert.Contains("CPAM du département Ille-et-Vilaine (35)", detail, StringComparison.Ordinal);
            }
        }

        // The pages say who decides and show no form to the officers who read.
        var page = System.Net.WebUtility.HtmlDecode(await paysDeLaLoire.PageAsync($"/cpts/{redon}/contrat"));
        Assert.Contains("seuls leurs agents", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer l'avenant", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Déclarer une crise", page, StringComparison.Ordinal);
        var reviewPage = System.Net.WebUtility.HtmlDecode(await paysDeLaLoire.PageAsync($"/cpts/{redon}/contrat/dialogue/1"));
        Assert.Contains("seuls leurs agents", reviewPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer la décision", reviewPage, StringComparison.Ordinal);
        var payments = System.Net.WebUtility.HtmlDecode(await paysDeLaLoire.PageAsync($"/cpts/{redon}/contrat/versements"));
        Assert.Contains("seuls leurs agents", payments, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer le versement", payments, StringComparison.Ordinal);

        // The ARS Bretagne and the CPAM of Ille-et-Vilaine decide; year 1 (28/01/2026 – 27/01/2027) is decided once it has ended.
        await (await bretagne.PostJsonAsync($"{contract}/amendments", new { effectiveOn = Http.Today, summary = "Avenant n° 1 au contrat renouvelé." }))
            .ExpectAsync(HttpStatusCode.Created);
        version = (await illeEtVilaine.GetJsonAsync(contract)).GetProperty("version").GetInt32();
        await (await illeEtVilaine.PutJsonAsync(contract, new
        {
            arsSignatory = "Directeur général de l'ARS Bretagne", cpamSignatory = "Directeur de la CPAM d'Ille-et-Vilaine", version,
        })).ExpectAsync(HttpStatusCode.OK);
        if (Http.Today <= new DateOnly(2027, 1, 27))
        {
            var html = System.Net.WebUtility.HtmlDecode(await bretagne.PageAsync($"/cpts/{redon}/contrat/dialogue/1"));
            Assert.Contains("ne peut être conclue qu'après la fin de l'année de contrat, le 27/01/2027", html, StringComparison.Ordinal);
            var early = await (await bretagne.PostJsonAsync($"{contract}/reviews/1/decision", ReviewWorld.Decision(review))).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Equal("La revue de l'année 1 ne peut être conclue qu'après la fin de l'année de contrat, le 27/01/2027.", Assert.Single(early.FieldErrors("decidedOn")));
        }
    }
}

public sealed class RedonDemo_on_sqlite(SqliteApp app) : RedonDemo(app), IClassFixture<SqliteApp>;

public sealed class RedonDemo_on_postgres(PostgresApp app) : RedonDemo(app), IClassFixture<PostgresApp>;
