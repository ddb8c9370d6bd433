using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Platform;

[Collection(BrowserFlows.Name)]
public sealed class AccessibilityFlow(BrowserHost host)
{
    private const string UnlabelledFields = """
        () => [...document.querySelectorAll("input, select, textarea")]
            .filter(e => e.type !== "hidden" && e.getClientRects().length > 0)
            .filter(e => e.labels.length === 0 && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
            .map(e => e.outerHTML)
        """;

    private static readonly string[] FormLabels =
    [
        "Nom de la CPTS", "Numéro RNA de l'association", "SIRET (facultatif)", "E-mail de contact de la CPTS", "Téléphone",
        "Rechercher une commune (nom, code postal ou code INSEE)", "Ajouter toutes les communes d'un EPCI",
    ];

    private static readonly string[] FrenchPages = ["/", "/couverture", "/couverture/departement/49"];

    [Fact]
    public Task Login_form_works_with_the_keyboard_only() => host.RunAsync(async page =>
    {
        await page.GotoAsync("/connexion");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Aller au contenu" })).ToBeFocusedAsync();
        var email = page.GetByLabel("Adresse e-mail");
        for (var i = 0; i < 10 && !await email.EvaluateAsync<bool>("e => e === document.activeElement"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        await Expect(email).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(Flows.Admin);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Mot de passe")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(BrowserHost.Password);
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Liste des CPTS" })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "/").ToString());
    });

    [Fact]
    public Task Every_field_of_the_new_cpts_form_has_a_label_and_pages_are_in_french() => host.RunAsync(async page =>
    {
        await page.GotoAsync("/connexion");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));

        await BrowserHost.LogInAsync(page, Flows.Officer);
        await page.GotoAsync("/cpts/nouvelle");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));
        foreach (var label in FormLabels)
        {
            await Expect(page.GetByLabel(label, new() { Exact = true })).ToBeEditableAsync();
        }

        await Flows.AddCommuneAsync(page, "Trélazé", "Trélazé", "49353");
        await Flows.WaitForSummaryAsync(page);
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Retirer Trélazé", Exact = true })).ToBeVisibleAsync();

        foreach (var path in FrenchPages)
        {
            await page.GotoAsync(path);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));
        }
    });

    /// <summary>The funding pages of the demo CPTS du Pays de Redon, as its coordinator (who writes values) and as the admin (who also
    /// sees the funders' forms): in French, one h1, every visible field labelled, every table with headers.</summary>
    [Theory]
    [InlineData(Flows.RedonCoordinator)]
    [InlineData(Flows.Admin)]
    public Task Every_field_of_the_funding_pages_has_a_label(string user) => host.RunAsync(async page =>
    {
        await BrowserHost.LogInAsync(page, user);
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).First.ClickAsync();
        var cpts = new Uri(page.Url).AbsolutePath.TrimEnd('/');
        string[] paths = ["/contrat", "/contrat/indicateurs", "/contrat/indicateurs?vue=saisie", "/contrat/indicateurs?vue=suivi", "/contrat/financement", "/contrat/versements", "/contrat/dialogue",
            "/contrat/dialogue/1", "/contrat/dialogue/1/dossier", "/budget"];
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(cpts + path);
            Assert.Equal(200, response!.Status);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveCountAsync(1);
            Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));
            Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('table')].filter(t => t.querySelectorAll('th').length === 0).length"));
        }
    });
}
