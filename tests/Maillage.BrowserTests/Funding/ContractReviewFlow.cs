using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Funding;

/// <summary>
/// A year of an ACI contract from end to end, for the demo CPTS Saumur Val de Loire (stage « ACI signé », no contract yet): the ARS
/// officer of the region records the contract, the CPTS side (the admin stands in for its coordinator, who has no demo account) sets an
/// indicator and enters the year's value and prepares the dialogue de gestion, the officer decides it, and the pack is downloaded as
/// PDF and Excel.
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed class ContractReviewFlow(BrowserHost host)
{
    private const string Cpts = "CPTS Saumur Val de Loire";

    [Fact]
    public Task An_officer_records_a_contract_the_cpts_enters_values_the_review_is_decided_and_its_pack_downloaded() => host.RunAsync(async page =>
    {
        var inv = CultureInfo.InvariantCulture;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Maillage.Platform.Time.LocalClock.Paris).DateTime);

        // The officer of the region records the tripartite contract, signed 400 days ago: year 1 is over, year 2 has begun.
        await BrowserHost.LogInAsync(page, Flows.Officer);
        await page.GetByRole(AriaRole.Link, new() { Name = Cpts, Exact = true }).First.ClickAsync();
        await Flows.OpenAsync(page, "Contrat ACI");
        var contractUrl = page.Url;
        await page.GetByLabel("Date de signature").FillAsync(today.AddDays(-400).ToString("yyyy-MM-dd", inv));
        await page.GetByLabel("Autorité signataire pour l'ARS").FillAsync("Directeur général de l'ARS Pays de la Loire");
        await page.GetByLabel("Autorité signataire pour la CPAM").FillAsync("Directrice de la CPAM de Maine-et-Loire");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le contrat" }).ClickAsync();
        await Expect(page.Locator(".alert.ok")).ToBeVisibleAsync();
        await Expect(page.Locator("#indicators-link")).ToBeVisibleAsync();

        // The CPTS side: one indicator of access to care with its trajectory, and the value of year 1 with its justification.
        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.Admin);
        await page.GotoAsync(contractUrl);
        await page.Locator("#indicators-link").ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Vues des indicateurs" })
            .GetByRole(AriaRole.Link, new() { Name = "Suivi et définition des indicateurs" }).ClickAsync();
        var add = page.GetByRole(AriaRole.Form, new() { Name = "Ajouter un indicateur" });
        await add.GetByLabel("Mission", new() { Exact = true }).SelectOptionAsync("access");
        await add.GetByLabel("Nom", new() { Exact = true }).FillAsync("Patients sans médecin traitant accompagnés");
        await add.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("result");
        await add.GetByLabel("Unité (par exemple « patients », « % »)").FillAsync("patients");
        await add.GetByLabel("Poids dans la mission (entre 0 exclu et 1 ; les poids d'une mission totalisent 1)").FillAsync("1");
        foreach (var (year, target) in new[] { (1, "100"), (2, "150"), (3, "200"), (4, "200"), (5, "200") })
        {
            await add.GetByLabel($"Année {year}", new() { Exact = true }).FillAsync(target);
        }

        await add.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'indicateur" }).ClickAsync();
        await Expect(page.Locator(".alert.ok")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Vues des indicateurs" }).GetByRole(AriaRole.Link, new() { Name = "Saisir les valeurs" }).ClickAsync();
        var value = page.GetByRole(AriaRole.Form, new() { Name = "Enregistrer la valeur d'un indicateur" });
        await value.GetByLabel("Année du contrat", new() { Exact = true }).FillAsync("1");
        await value.GetByLabel("Valeur atteinte").FillAsync("80");
        await value.GetByLabel("Justification (facultative)").FillAsync("Un médecin du territoire a cessé son activité en cours d'année.");
        await value.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la valeur" }).ClickAsync();
        await Expect(page.Locator(".alert.ok")).ToBeVisibleAsync();

        // The dialogue de gestion of year 1 is opened and an action outside the contract recorded.
        await page.GotoAsync(contractUrl);
        await page.Locator("#reviews-link").ClickAsync();
        await page.GetByLabel("Année du contrat").SelectOptionAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ouvrir" }).ClickAsync();
        await Expect(page.Locator("#review-status")).ToBeVisibleAsync();
        var reviewUrl = page.Url;
        await page.GetByLabel("Intitulé de l'action").FillAsync("Vaccination antigrippale en EHPAD");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter l'action" }).ClickAsync();
        await Expect(page.Locator("#review-actions")).ToContainTextAsync("Vaccination antigrippale en EHPAD");

        // The officer decides: the decision form comes filled with the expected amounts (80 % of the access variable part).
        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.Officer);
        await page.GotoAsync(reviewUrl);
        var decide = page.GetByRole(AriaRole.Form, new() { Name = "Décider le dialogue de gestion" });
        await decide.GetByLabel("Conclusion du dialogue").FillAsync("Objectifs d'accès aux soins atteints à 80 % : départ d'un médecin pris en compte.");
        await decide.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la décision" }).ClickAsync();
        await Expect(page.Locator("#review-outcome")).ToContainTextAsync("atteints à 80 %");
        await Expect(page.Locator("#review-decision")).ToBeVisibleAsync();
        await BrowserHost.ShotAsync(page, "dialogue-de-gestion-decide");

        // The pack: the printable page, then the PDF and the Excel downloads.
        await page.Locator("#pack-link").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(Cpts);
        await Expect(page.GetByText("Un médecin du territoire a cessé son activité en cours d'année.")).ToBeVisibleAsync();
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger en PDF" }).ClickAsync());
        Assert.Equal("%PDF", await HeadAsync(pdf, 4));
        var excel = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Télécharger en Excel" }).ClickAsync());
        Assert.Equal("PK", await HeadAsync(excel, 2));
        Assert.EndsWith(".xlsx", excel.SuggestedFilename, StringComparison.Ordinal);
    });

    private static async Task<string> HeadAsync(IDownload download, int length)
    {
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1_000, $"{download.SuggestedFilename}: {bytes.Length} octets seulement");
        return System.Text.Encoding.ASCII.GetString(bytes, 0, length);
    }
}
