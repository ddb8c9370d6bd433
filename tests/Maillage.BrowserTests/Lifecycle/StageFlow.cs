using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Lifecycle;

[Collection(BrowserFlows.Name)]
public sealed class StageFlow(BrowserHost host)
{
    [Fact]
    public Task Validating_the_letter_of_intent_updates_the_badge_the_timeline_and_the_audit_trail() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.Officer);
        await Flows.CreateCptsAsync(page, "CPTS d'Avrillé", ("Avrillé", "Avrillé", "49015"));
        await Expect(page.Locator("#stage")).ToHaveTextAsync("En projet");

        await page.GetByLabel("Nouvelle étape").SelectOptionAsync(new SelectOptionValue { Label = "Lettre d'intention validée" });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(Flows.TodayInParis());
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAsync();

        await Expect(page.Locator("#stage")).ToHaveTextAsync("Lettre d'intention validée");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Étape enregistrée : Lettre d'intention validée.");
        var timeline = page.Locator("ol.timeline > li");
        await Expect(timeline).ToHaveCountAsync(2);
        await Expect(timeline.Nth(0)).ToContainTextAsync("En projet");
        await Expect(timeline.Nth(1)).ToContainTextAsync("Lettre d'intention validée");
        await Expect(timeline.Nth(1)).ToContainTextAsync("(en cours)");
        await BrowserHost.ShotAsync(page, "cpts-detail");
        // The next choice offered is the following stage, never the one just recorded.
        await Expect(page.GetByLabel("Nouvelle étape").Locator("option").First).ToHaveTextAsync("Projet de santé validé");

        // The journal says it as a sentence, with who did it.
        await Flows.OpenAsync(page, "Journal");
        await Expect(page.Locator("#journal li").Filter(new() { HasText = "« En projet » → « Lettre d'intention validée »" }))
            .ToContainTextAsync(Flows.Officer);
    });

    [Fact]
    public Task Dissolving_needs_an_explicit_confirmation_and_then_releases_the_territory() => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.Officer);
        await Flows.CreateCptsAsync(page, "CPTS de Trélazé à dissoudre", ("Sainte-Gemmes-sur-Loire", "Sainte-Gemmes-sur-Loire", "49278"));
        var stage = page.GetByLabel("Nouvelle étape");
        await stage.SelectOptionAsync(new SelectOptionValue { Label = "Dissoute" });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(Flows.TodayInParis());
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Je confirme la dissolution");
        await Expect(page.Locator("#stage")).ToHaveTextAsync("En projet");

        await stage.SelectOptionAsync(new SelectOptionValue { Label = "Dissoute" });
        await page.GetByLabel("Je confirme la dissolution").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAsync();

        await Expect(page.Locator("#stage")).ToHaveTextAsync("Dissoute");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Communes du territoire" }).GetByRole(AriaRole.Cell, new() { Name = "49278", Exact = true }))
            .ToHaveCountAsync(0);
    });
}
