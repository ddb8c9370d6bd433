using Maillage.IntegrationTests.Infrastructure;
using Maillage.Territories.Published;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// The indicators of the demo CPTS du Pays de Redon (issue 11): « Adhérents à jour de leur adhésion » reads the adhérents who paid their
/// dues (12 of the 18 professionals), not every adhérent (19 with the MSP), so the year-1 target of 15 is 80 % achieved and the expected
/// variable part of the access mission is 30 % × 20 % of its envelope lower than at 100 %. The demo is seeded on a CPTS of Redon's
/// communes, as <see cref="Maillage.Demo.SeedDemo"/> does.
/// </summary>
public abstract class DemoIndicators(MaillageApp app) : IntegrationTest(app)
{
    private const string Dues = "Adhérents à jour de leur adhésion";

    [Fact]
    public async Task The_demo_dues_indicator_counts_the_adherents_who_paid_and_lowers_the_expected_variable_part()
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
            await services.GetRequiredService<Maillage.Demo.SeedFundingIndicatorsDemo>().RunAsync(redon, Ct);
        }

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
}

public sealed class DemoIndicators_on_sqlite(SqliteApp app) : DemoIndicators(app), IClassFixture<SqliteApp>;

public sealed class DemoIndicators_on_postgres(PostgresApp app) : DemoIndicators(app), IClassFixture<PostgresApp>;
