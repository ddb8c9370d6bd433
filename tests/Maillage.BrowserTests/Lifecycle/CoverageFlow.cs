using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Lifecycle;

[Collection(BrowserFlows.Name)]
public sealed class CoverageFlow(BrowserHost host)
{
    [Fact]
    public Task Coverage_rises_when_a_cpts_reaches_a_formal_stage_and_the_map_leads_to_the_departement() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.Officer);
        var (france, maineEtLoire) = await ReadCoverageAsync(page);

        // CA Mauges Communauté (200060010): six communes of Maine-et-Loire, 122 000 inhabitants, in no demo CPTS.
        await page.GotoAsync("/cpts/nouvelle");
        await page.GetByLabel("Nom de la CPTS").FillAsync("CPTS des Mauges");
        await Flows.AddEpciAsync(page, "Mauges", "CA Mauges Communauté");
        await Expect(page.Locator("[data-chosen] li")).ToHaveCountAsync(6);
        await Flows.WaitForSummaryAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la CPTS" }).ClickAsync();
        await Expect(page.Locator("#stage")).ToHaveTextAsync("En projet");
        var id = Flows.IdOf(page);

        var (franceInProject, maineEtLoireInProject) = await ReadCoverageAsync(page);
        Assert.Equal(france, franceInProject);
        Assert.Equal(maineEtLoire, maineEtLoireInProject);

        await page.GotoAsync($"/cpts/{id}");
        await Expect(page.Locator("#stage")).ToHaveTextAsync("En projet");
        await Flows.RecordStageAsync(page, "Lettre d'intention validée");

        var (franceAfter, maineEtLoireAfter) = await ReadCoverageAsync(page);
        Assert.True(franceAfter > france, $"La part couverte en France devait augmenter : {france} % puis {franceAfter} %.");
        Assert.True(maineEtLoireAfter > maineEtLoire, $"La part couverte du 49 devait augmenter : {maineEtLoire} puis {maineEtLoireAfter}.");

        await page.GotoAsync("/couverture");
        await BrowserHost.ShotAsync(page, "couverture");
        var department = page.Locator("svg a[href='/couverture/departement/49']");
        await Expect(department).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(@"^Maine-et-Loire \(49\) : [\d,]+\s% de la population couverte$"));
        await department.ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/couverture/departement/49$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Maine-et-Loire (49)");
        var present = page.GetByRole(AriaRole.Table, new() { Name = "CPTS du département" });
        await Expect(present.GetByRole(AriaRole.Row).Filter(new() { HasText = "CPTS des Mauges" })).ToContainTextAsync("Lettre d'intention validée");
        await Expect(present.GetByRole(AriaRole.Row).Filter(new() { HasText = "CPTS Saumur Val de Loire" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Zones blanches" })).ToBeVisibleAsync();
        await BrowserHost.ShotAsync(page, "departement-49");
        var uncovered = page.GetByRole(AriaRole.Table, new() { Name = "Communes non couvertes" });
        await Expect(uncovered.GetByRole(AriaRole.Cell, new() { Name = "49301", Exact = true })).ToHaveCountAsync(0);
    });

    /// <summary>The covered share of France (card #covered-share, in %) and of département 49 (its table row, as a ratio).</summary>
    private static async Task<(decimal France, decimal MaineEtLoire)> ReadCoverageAsync(IPage page)
    {
        await page.GotoAsync("/couverture?niveau=departement");
        var card = (await page.Locator("#covered-share").InnerTextAsync()).Replace("%", "", StringComparison.Ordinal).Trim();
        var france = decimal.Parse(card, NumberStyles.Number, CultureInfo.GetCultureInfo("fr-FR"));
        var row = page.Locator("#coverage-table tbody tr[data-code='49']");
        var share = await row.Locator("td").Nth(3).GetAttributeAsync("data-value");
        return (france, decimal.Parse(share!, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
