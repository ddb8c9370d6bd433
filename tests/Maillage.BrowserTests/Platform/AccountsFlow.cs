using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Platform;

/// <summary>
/// The administrator changes an account on a phone (390 px): « Modifier » on its line opens its form filled with what it is, one title, every
/// field labelled and nothing wider than the screen; a refused change comes back with what was typed and the reason under its field; a saved
/// one shows on the list. The account is opened by the flow itself, so the demo's accounts stay as the other flows expect them.
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed class AccountsFlow(BrowserHost host)
{
    private const string Wider = "() => document.documentElement.scrollWidth > window.innerWidth";

    private const string Unlabelled = """
        () => [...document.querySelectorAll("main input, main select, main textarea")]
            .filter(e => e.type !== "hidden" && e.labels.length === 0).map(e => e.name)
        """;

    [Fact]
    public Task An_officer_is_moved_to_a_departement_from_a_phone() => host.RunAsync(Screens.PhoneWidth, Screens.PhoneHeight, async page =>
    {
        var email = $"edition.{Guid.NewGuid().ToString("N")[..8]}@tests.maillage.example";
        await BrowserHost.LogInAsync(page, Flows.Admin);
        await page.GotoAsync("/comptes");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe provisoire").FillAsync(BrowserHost.Password);
        await page.GetByLabel("Rôle", new() { Exact = true }).SelectOptionAsync("officer");
        await page.GetByLabel("Région (référent régional)").SelectOptionAsync(new SelectOptionValue { Label = "Bretagne (53)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Compte créé : {email}.");
        await BrowserHost.ShotAsync(page, "comptes-390");

        await page.GetByRole(AriaRole.Link, new() { Name = $"Modifier le compte {email}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Modifier le compte {email}");
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Expect(page.GetByLabel("Rôle", new() { Exact = true })).ToHaveValueAsync("officer");
        await Expect(page.GetByLabel("Région (référent régional)")).ToHaveValueAsync("53");
        Assert.Empty(await page.EvaluateAsync<string[]>(Unlabelled));
        Assert.False(await page.EvaluateAsync<bool>(Wider), "Le formulaire déborde à 390 px.");
        await BrowserHost.ShotAsync(page, "compte-390");

        await page.GetByLabel("Nom affiché").FillAsync("ARS Bretagne, délégation d'Ille-et-Vilaine");
        await page.GetByLabel("Rôle", new() { Exact = true }).SelectOptionAsync("coordinator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        var cpts = page.GetByLabel("CPTS (coordonnateur ou membre)");
        await Expect(cpts).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("p.field-error")).ToHaveTextAsync("Un coordonnateur ou un membre est rattaché à une CPTS : indiquez-la.");
        await Expect(page.GetByLabel("Nom affiché")).ToHaveValueAsync("ARS Bretagne, délégation d'Ille-et-Vilaine");
        await Expect(page.GetByLabel("Rôle", new() { Exact = true })).ToHaveValueAsync("coordinator");
        Assert.False(await page.EvaluateAsync<bool>(Wider), "Le formulaire refusé déborde à 390 px.");
        await BrowserHost.ShotAsync(page, "compte-refuse-390");

        await page.GetByLabel("Rôle", new() { Exact = true }).SelectOptionAsync("officer");
        await page.GetByLabel("Région (référent régional)").SelectOptionAsync("");
        await page.GetByLabel("Département (référent départemental)").SelectOptionAsync(new SelectOptionValue { Label = "Ille-et-Vilaine (35)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Compte modifié : {email}.");
        var line = page.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(line).ToContainTextAsync("ARS Bretagne, délégation d'Ille-et-Vilaine");
        await Expect(line).ToContainTextAsync("Département Ille-et-Vilaine (35)");
    });
}
