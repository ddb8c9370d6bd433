using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Lifecycle.Storage;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// The notice before a contract's tier is lowered (rule-set field <c>tierDropNoticeYears</c>, 3 years): the catalogue gives it, an
/// amendment lowering the tier too early is a 400 on <c>tier</c> with the earliest date, one far enough is recorded, and the contract page
/// says when the population gives a lower tier than the contract's.
/// </summary>
public abstract class TierDrops(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_drop_takes_effect_after_the_notice_of_the_rule_set_and_not_before()
    {
        var w = await ContractWorld.CreateAsync(App);
        var catalogue = await w.Member.GetJsonAsync("/api/aci/rule-sets");
        Assert.All(catalogue.GetProperty("ruleSets").EnumerateArray(), s => Assert.Equal(3, s.GetProperty("tierDropNoticeYears").GetInt32()));
        await SetStoredTierAsync(w.A, 3);
        var contract = await ContractWorld.RecordAsync(w.Officer, w.A);
        Assert.Equal(3, contract.GetProperty("tierAtSignature").GetInt32());
        var earliest = Http.Today.AddYears(3);

        using (var early = await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/amendments", Drop(earliest.AddDays(-1))))
        {
            var problem = await early.ExpectAsync(HttpStatusCode.BadRequest);
            var message = Assert.Single(problem.FieldErrors("tier"));
            Assert.Contains($"préavis de 3 ans : au plus tôt le {Fr(earliest)}", message, StringComparison.Ordinal);
            Assert.DoesNotContain("renouvellement", message, StringComparison.Ordinal);
        }

        Assert.Equal(0, (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract")).GetProperty("amendments").GetArrayLength());
        await (await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/amendments", Drop(earliest))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(3, (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/terms?date={Iso(earliest.AddDays(-1))}")).GetProperty("tier").GetInt32());
        Assert.Equal(2, (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/terms?date={Iso(earliest)}")).GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task A_drop_past_the_contract_is_refused_the_tier_being_kept_until_the_renewal_and_a_raise_needs_no_notice()
    {
        var w = await ContractWorld.CreateAsync(App);
        await SetStoredTierAsync(w.A, 2);
        var contract = await ContractWorld.RecordAsync(w.Officer, w.A, b => b["signedOn"] = Http.Today.AddYears(-3));
        var lastDay = DateOnly.Parse(contract.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddDays(-1);

        using (var early = await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/amendments", Drop(lastDay, tier: 1)))
        {
            var message = Assert.Single((await early.ExpectAsync(HttpStatusCode.BadRequest)).FieldErrors("tier"));
            Assert.Contains($"au plus tôt le {Fr(Http.Today.AddYears(3))}", message, StringComparison.Ordinal);
            Assert.Contains($"après la fin du contrat (le {Fr(lastDay)}) : la taille 2 est conservée jusqu'au renouvellement", message, StringComparison.Ordinal);
        }

        await (await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/amendments", Drop(Http.Today, tier: 3))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(3, (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/terms")).GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task The_contract_page_says_the_contract_keeps_its_tier_when_the_population_gives_a_lower_one()
    {
        var w = await ContractWorld.CreateAsync(App);
        await SetStoredTierAsync(w.A, 3);
        await ContractWorld.RecordAsync(w.Officer, w.A);
        Assert.DoesNotContain("id=\"tier-notice\"", await w.Member.PageAsync($"/cpts/{w.A}/contrat"), StringComparison.Ordinal);

        await SetStoredTierAsync(w.A, 1);
        var page = WebUtility.HtmlDecode(await w.Member.PageAsync($"/cpts/{w.A}/contrat"));

        Assert.Contains("La population de la CPTS correspond aujourd'hui à la taille 1 : la taille du contrat (3) est conservée ; "
            + $"une baisse ne peut prendre effet qu'après un préavis de 3 ans, au plus tôt le {Fr(Http.Today.AddYears(3))}.", page, StringComparison.Ordinal);
    }

    private static object Drop(DateOnly effectiveOn, int tier = 2) =>
        new { effectiveOn, tier, tierReason = "Population recomptée par l'Insee", summary = "Avenant : changement de taille" };

    /// <summary>The tier stored on the CPTS, as a new population would give it.</summary>
    private async Task SetStoredTierAsync(Guid cpts, int tier)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().Cpts().Where(c => c.Id == cpts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tier, tier), Ct);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Fr(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class TierDrops_on_sqlite(SqliteApp app) : TierDrops(app), IClassFixture<SqliteApp>;

public sealed class TierDrops_on_postgres(PostgresApp app) : TierDrops(app), IClassFixture<PostgresApp>;
