using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Indemnities;

/// <summary>
/// Mission time from declaration to payment in the demo CPTS du Pays de Redon (its barème: 60 €/h): the member declares, the coordinator
/// validates, the treasurer of the bureau puts it in a batch and records the transfers.
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed class IndemnityFlow(BrowserHost host)
{
    private const string Treasurer = "tresorier@cpts-redon.demo";

    private const string UnlabelledFields = """
        () => [...document.querySelectorAll("input, select, textarea")]
            .filter(e => e.type !== "hidden" && e.getClientRects().length > 0)
            .filter(e => e.labels.length === 0 && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
            .map(e => e.outerHTML)
        """;

    [Fact]
    public Task A_member_declares_time_the_coordinator_validates_it_and_the_treasurer_pays_it() => host.RunAsync(async page =>
    {
        var tag = "Mission " + Guid.NewGuid().ToString("N")[..8];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Maillage.Platform.Time.LocalClock.Paris).DateTime);

        await BrowserHost.LogInAsync(page, Flows.RedonMember);
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).ClickAsync();
        await Flows.OpenAsync(page, "Temps et indemnités");
        var url = page.Url;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Temps et indemnités", Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));
        await page.GetByLabel("Date de la mission").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Activité", new() { Exact = true }).SelectOptionAsync("meeting");
        await page.GetByLabel("Heures (par quarts d'heure)").FillAsync("1.5");
        await page.GetByLabel("Description de la mission").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer", Exact = true }).ClickAsync();
        await Expect(page.Locator("#indemnity-message")).ToContainTextAsync("attend sa validation");
        var row = page.Locator("#declarations tr", new() { HasText = tag });
        await Expect(row.Locator(".status")).ToHaveTextAsync("Déclarée");

        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await page.GotoAsync(url);
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));
        await row.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(page.Locator("#indemnity-message")).ToContainTextAsync("90,00");
        await Expect(row.Locator(".status")).ToHaveTextAsync("Validée");
        await Expect(page.Locator("#batch-form")).ToHaveCountAsync(0);

        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Treasurer);
        await page.GotoAsync(url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer un lot de paiement" }).ClickAsync();
        var message = page.Locator("#indemnity-message");
        await Expect(message).ToContainTextAsync("créé");
        var number = System.Text.RegularExpressions.Regex.Match(await message.InnerTextAsync(), @"Lot (\d{4}-\d{3})").Groups[1].Value;
        await Expect(page.Locator($"[data-open-batch='{number}']")).ToContainTextAsync("Jaouen Aziliz");
        await Expect(row).ToContainTextAsync(number);
        var batch = page.Locator($"#batches tr[data-batch='{number}']");
        await batch.GetByRole(AriaRole.Button, new() { Name = "Marquer payé" }).ClickAsync();
        await Expect(page.Locator("#indemnity-message")).ToContainTextAsync($"Lot {number} payé");
        await Expect(batch.Locator(".paid")).ToContainTextAsync(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        await Expect(row.Locator(".status")).ToHaveTextAsync("Payée");
        await Expect(batch.GetByRole(AriaRole.Button, new() { Name = "Marquer payé" })).ToHaveCountAsync(0);
        await BrowserHost.ShotAsync(page, "indemnites-tresoriere");
    });
}
