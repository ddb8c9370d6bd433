using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Platform;

[Collection(BrowserFlows.Name)]
public sealed class LoginFlow(BrowserHost host)
{
    [Fact]
    public Task Admin_logs_in_and_sees_the_demo_cpts_list() => host.RunAsync(async page =>
    {
        Assert.Equal("127.0.0.1", host.BaseAddress.Host);
        Assert.NotEqual(0, host.BaseAddress.Port);
        await BrowserHost.LogInAsync(page, Flows.Admin);

        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "/").ToString());
        var list = page.GetByRole(AriaRole.Table, new() { Name = "Liste des CPTS" });
        await Expect(list.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Wrong_password_shows_the_french_error_and_stays_on_the_login_page() => host.RunAsync(async page =>
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(Flows.Admin);
        await page.GetByLabel("Mot de passe").FillAsync("pas-le-bon-mot-de-passe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Adresse e-mail ou mot de passe incorrect.");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connexion"));
        await Expect(page.GetByLabel("Adresse e-mail")).ToHaveValueAsync(Flows.Admin);
    });

    [Fact]
    public Task Pages_ask_to_log_in_first() => host.RunAsync(async page =>
    {
        await page.GotoAsync("/couverture");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connexion\\?ReturnUrl=%2Fcouverture"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();
    });
}
