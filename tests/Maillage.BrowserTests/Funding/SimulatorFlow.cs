using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Funding;

[Collection(BrowserFlows.Name)]
public sealed class SimulatorFlow(BrowserHost host)
{
    [Fact]
    public Task A_member_simulates_81000_inhabitants_with_every_mission_and_a_crisis_and_reads_487500_euros() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.RedonMember);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation principale" })
            .GetByRole(AriaRole.Link, new() { Name = "Simulateur ACI" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Simulateur de financement ACI");

        // The socle missions are always included: ticked and not changeable.
        var access = page.GetByLabel("Accès aux soins");
        await Expect(access).ToBeCheckedAsync();
        await Expect(access).ToBeDisabledAsync();
        await Expect(page.GetByLabel("Année de première rédaction du plan")).ToBeCheckedAsync();

        await page.GetByLabel("Population du territoire (habitants)").FillAsync("81 000");
        await page.GetByLabel("Qualité et pertinence des soins").CheckAsync();
        await page.GetByLabel("Accompagnement des professionnels de santé").CheckAsync();
        await page.GetByLabel("Une crise sanitaire grave est survenue").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simuler" }).ClickAsync();

        await Expect(page.Locator("#maximum")).ToHaveTextAsync("487\u202F500\u00A0€");
        await Expect(page.Locator("#result-summary")).ToContainTextAsync("taille 3");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Résultat" });
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Crises sanitaires graves" }))
            .ToContainTextAsync("112\u202F500\u00A0€");
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Parts fixe et variable de chaque ligne, taille 3, barème Avenant 2 (2021)" })).ToBeVisibleAsync();
        // The choices stay on the form to adjust them.
        await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Qualité et pertinence des soins" })).ToBeCheckedAsync();
        await BrowserHost.ShotAsync(page, "simulateur-aci");

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Une crise sanitaire grave est survenue" }).UncheckAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Année d'actualisation du plan" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simuler" }).ClickAsync();
        await Expect(page.Locator("#maximum")).ToHaveTextAsync("397\u202F500\u00A0€");   // 487,500 − 22,500 − 67,500
    });
}
