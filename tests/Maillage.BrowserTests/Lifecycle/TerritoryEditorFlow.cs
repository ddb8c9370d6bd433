using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Lifecycle;

[Collection(BrowserFlows.Name)]
public sealed class TerritoryEditorFlow(BrowserHost host)
{
    [Fact]
    public Task Coordinator_removes_a_commune_and_the_population_decreases() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).ClickAsync();
        var before = await Flows.NumberAsync(page.Locator("#population"));
        var units = page.GetByRole(AriaRole.Table, new() { Name = "Communes du territoire" }).Locator("tbody tr");
        var unitsBefore = await units.CountAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier le territoire" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/territoire$"));
        await Flows.WaitForSummaryAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Retirer Théhillac", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-chosen] li[data-code='56250']")).ToHaveCountAsync(0);
        await Flows.WaitForSummaryAsync(page);
        var (expected, tier) = await Flows.TerritoryFromApiAsync(page, await Flows.ChosenCodesAsync(page));
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le territoire" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Territoire enregistré");
        var after = await Flows.NumberAsync(page.Locator("#population"));
        Assert.True(after < before, $"La population devait baisser : {before} puis {after}.");
        Assert.Equal(expected, after);
        Assert.Equal(tier, (int)await Flows.NumberAsync(page.Locator("#tier")));
        await Expect(units).ToHaveCountAsync(unitsBefore - 1);
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Communes du territoire" }).GetByRole(AriaRole.Cell, new() { Name = "Théhillac", Exact = true }))
            .ToHaveCountAsync(0);
    });

    [Fact]
    public Task The_map_beside_the_editor_follows_the_communes_chosen() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Modifier le territoire" }).ClickAsync();
        await Flows.WaitForSummaryAsync(page);
        var blue = page.Locator("svg[data-locator] [data-code][fill='#000091']");
        Assert.Equal(["35", "44", "56"], (await blue.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.code)")).Order());
        var caption = page.Locator("[data-locator-caption]");
        await Expect(caption).ToContainTextAsync("Ille-et-Vilaine");

        // Emptied without saving: the map has no département left, and says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "Tout retirer" }).ClickAsync();
        await Expect(blue).ToHaveCountAsync(0);
        await Expect(caption).ToHaveTextAsync("Aucune commune pour l'instant.");
        await page.Locator("#commune-search").FillAsync("35236");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter Redon (35236)" }).ClickAsync();
        await Expect(blue).ToHaveCountAsync(1);
        await Expect(page.Locator("svg[data-locator] [data-code='35']")).ToHaveAttributeAsync("fill", "#000091");
    });

    [Fact]
    public Task Member_cannot_edit_the_territory() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.RedonMember);
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).ClickAsync();
        await Expect(page.Locator("#population")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Modifier le territoire" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" })).ToHaveCountAsync(0);

        var response = await page.GotoAsync($"/cpts/{Flows.IdOf(page)}/territoire");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/acces-refuse"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accès refusé" })).ToBeVisibleAsync();
        Assert.DoesNotContain("/territoire", response!.Url, StringComparison.Ordinal);
    });
}
