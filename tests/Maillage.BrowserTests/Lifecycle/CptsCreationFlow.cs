using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Lifecycle;

[Collection(BrowserFlows.Name)]
public sealed class CptsCreationFlow(BrowserHost host)
{
    [Fact]
    public Task Officer_creates_a_cpts_from_a_commune_and_an_epci_and_sees_the_population_and_tier_the_api_computes() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.Officer);
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvelle CPTS" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/cpts/nouvelle$"));

        await page.GetByLabel("Nom de la CPTS").FillAsync("CPTS Angers et Pays de Château-Gontier");
        await Flows.AddCommuneAsync(page, "Angers", "Angers", "49007");
        // CC du Pays de Château-Gontier (245300447): 16 communes of the Mayenne, in no demo CPTS.
        await Flows.AddEpciAsync(page, "Château-Gontier", "CC du Pays de Château-Gontier");
        await Expect(page.Locator("[data-chosen] li")).ToHaveCountAsync(17);
        var summary = await Flows.WaitForSummaryAsync(page);
        var codes = await Flows.ChosenCodesAsync(page);
        var (population, tier) = await Flows.TerritoryFromApiAsync(page, codes);
        Assert.Contains($"habitants, taille {tier}", summary, StringComparison.Ordinal);
        Assert.Equal(population.ToString(System.Globalization.CultureInfo.InvariantCulture), new string([.. summary.Split("habitants")[0].Split(',')[1].Where(char.IsAsciiDigit)]));
        await BrowserHost.ShotAsync(page, "cpts-nouvelle");

        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la CPTS" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/cpts/[0-9a-f-]{36}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("CPTS Angers et Pays de Château-Gontier");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("est enregistrée");
        await Expect(page.Locator("#stage")).ToHaveTextAsync("En projet");
        Assert.Equal(population, await Flows.NumberAsync(page.Locator("#population")));
        Assert.Equal(tier, (int)await Flows.NumberAsync(page.Locator("#tier")));
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Communes du territoire" }).Locator("tbody tr")).ToHaveCountAsync(17);
    });

    [Fact]
    public Task Overlapping_commune_is_refused_with_the_other_cpts_name_and_nothing_is_created() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.Officer);
        await page.GotoAsync("/cpts/nouvelle");
        await page.GetByLabel("Nom de la CPTS").FillAsync("CPTS Saumur bis");
        await Flows.AddCommuneAsync(page, "49328", "Saumur", "49328");
        await Flows.WaitForSummaryAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la CPTS" }).ClickAsync();

        var errors = page.GetByRole(AriaRole.Alert);
        await Expect(errors).ToContainTextAsync("« CPTS Saumur Val de Loire »");
        await Expect(errors).ToContainTextAsync("Saumur (49328)");
        await Expect(page.GetByLabel("Nom de la CPTS")).ToHaveValueAsync("CPTS Saumur bis");
        await Expect(page.Locator("[data-chosen] li[data-code='49328']")).ToHaveCountAsync(1);

        await page.GotoAsync("/");
        var list = page.GetByRole(AriaRole.Table, new() { Name = "Liste des CPTS" });
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "CPTS Saumur Val de Loire", Exact = true })).ToBeVisibleAsync();
        await Expect(list.GetByText("CPTS Saumur bis")).ToHaveCountAsync(0);
    });
}
