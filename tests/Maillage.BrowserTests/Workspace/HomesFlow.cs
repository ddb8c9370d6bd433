using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Workspace;

/// <summary>
/// Where each role lands and the shell around a CPTS, on a laptop (1366×900) and on a phone (390×844): the coordinator's « À faire » and
/// key figures, the member's « Pour vous », the officer's dashboard, the admin's accounts and platform health; the CPTS's navigation
/// reachable on the phone and without the entries the reader may not open; a « to do » line that comes with its cause and goes when it
/// is done. With <c>MAILLAGE_SCREENSHOTS</c> set, each home is saved there (docs/screenshots/ for the README).
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed partial class HomesFlow(BrowserHost host)
{
    private const string Shell = "Navigation de la CPTS";

    [Theory]
    [InlineData(Screens.DesktopWidth, Screens.DesktopHeight)]
    [InlineData(Screens.PhoneWidth, Screens.PhoneHeight)]
    public Task The_coordinator_lands_on_the_cpts_home_with_what_to_do_and_its_key_figures(int width, int height) => host.RunAsync(width, height, async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await Expect(page).ToHaveURLAsync(HomeUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Accueil");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "À faire", Level = 2 })).ToBeVisibleAsync();
        var todo = page.Locator("#todo > li");
        Assert.True(await todo.CountAsync() > 0, "La coordinatrice de Redon a du travail dans la démo");
        Assert.Empty(await todo.EvaluateAllAsync<string[]>("lines => lines.filter(l => !l.querySelector('a[href^=\"/cpts/\"]')).map(l => l.dataset.key)"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chiffres clés", Level = 2 })).ToBeVisibleAsync();
        Assert.True(await page.Locator("#figures .card").CountAsync() >= 3);
        await BrowserHost.DocsShotAsync(page, $"coordinator-{width}");

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = Shell });
        await Expect(page.Locator(".shell-name")).ToHaveTextAsync("CPTS du Pays de Redon");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Accueil", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Campagnes", Exact = true })).ToHaveCountAsync(1);
        await EveryEntryIsReachableAsync(page);
        await Flows.OpenAsync(page, "Campagnes");
        await Expect(page).ToHaveURLAsync(new Regex("/campagnes$"));
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Campagnes", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    });

    [Theory]
    [InlineData(Screens.DesktopWidth, Screens.DesktopHeight)]
    [InlineData(Screens.PhoneWidth, Screens.PhoneHeight)]
    public Task A_member_lands_on_what_is_theirs_and_sees_no_entry_they_may_not_open(int width, int height) => host.RunAsync(width, height, async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.RedonMember);
        await Expect(page).ToHaveURLAsync(HomeUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pour vous", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "À faire" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#todo, #todo-empty")).ToHaveCountAsync(1);
        await BrowserHost.DocsShotAsync(page, $"member-{width}");

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = Shell });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Temps et indemnités", Exact = true })).ToHaveCountAsync(1);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Campagnes", Exact = true })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Journal", Exact = true })).ToHaveCountAsync(0);
        await EveryEntryIsReachableAsync(page);
    });

    [Theory]
    [InlineData(Screens.DesktopWidth, Screens.DesktopHeight)]
    [InlineData(Screens.PhoneWidth, Screens.PhoneHeight)]
    public Task The_officer_lands_on_a_dashboard_of_their_territory_and_sees_no_campaigns_in_a_cpts(int width, int height) => host.RunAsync(width, height, async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.Officer);
        await Expect(page).ToHaveURLAsync(new Uri(host.BaseAddress, "/").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "À traiter", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("#queue, #queue-empty")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Votre territoire", Level = 2 })).ToBeVisibleAsync();
        Assert.True(await page.Locator("#territory .card").CountAsync() >= 2);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comptes et santé de la plateforme" })).ToHaveCountAsync(0);
        await BrowserHost.DocsShotAsync(page, $"officer-{width}");

        await PagesFitFlow.OpenRedonHomeAsync(page);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = Shell });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Contrat ACI", Exact = true })).ToHaveCountAsync(1);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Campagnes", Exact = true })).ToHaveCountAsync(0);
        await EveryEntryIsReachableAsync(page);
    });

    [Theory]
    [InlineData(Screens.DesktopWidth, Screens.DesktopHeight)]
    [InlineData(Screens.PhoneWidth, Screens.PhoneHeight)]
    public Task The_admin_lands_on_the_accounts_and_the_health_of_the_platform(int width, int height) => host.RunAsync(width, height, async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.Admin);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Administration de la plateforme");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Comptes et santé de la plateforme", Level = 2 })).ToBeVisibleAsync();
        var health = page.Locator("#health .card");
        Assert.True(await health.CountAsync() >= 6);
        await Expect(health.Filter(new() { HasText = "Base de données" })).ToContainTextAsync("schéma à jour");
        await Expect(health.Filter(new() { HasText = "Géographie" }).Locator(".v")).ToHaveTextAsync(new Regex(@"^COG \d{4}$"));
        if (width == Screens.DesktopWidth)
        {
            // The longest top menu (the admin's) and who is signed in hold on one line of a laptop.
            Assert.True(await page.Locator("header.top").EvaluateAsync<double>("h => h.getBoundingClientRect().height") < 64);
        }

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Gérer les comptes" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "À traiter", Level = 2 })).ToBeVisibleAsync();
        await BrowserHost.DocsShotAsync(page, $"admin-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Gérer les comptes" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/comptes$"));
    });

    /// <summary>The member declares time: the coordinator's « À faire » counts one more declaration to validate (and the member's
    /// « Pour vous » shows it waiting); once the coordinator has validated it, the count is back where it was (the line gone if it was
    /// the only one).</summary>
    [Theory]
    [InlineData(Screens.DesktopWidth, Screens.DesktopHeight)]
    [InlineData(Screens.PhoneWidth, Screens.PhoneHeight)]
    public Task A_to_do_line_comes_with_its_cause_and_goes_when_it_is_done(int width, int height) => host.RunAsync(width, height, async page =>
    {
        var tag = "Réunion de secteur " + Guid.NewGuid().ToString("N")[..8];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Maillage.Platform.Time.LocalClock.Paris).DateTime);
        var toValidate = page.Locator("#todo li[data-key='indemnities.to-validate']");

        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        var before = await toValidate.CountAsync() == 0 ? 0 : await Flows.NumberAsync(toValidate);

        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.RedonMember);
        await Flows.OpenAsync(page, "Temps et indemnités");
        await page.GetByLabel("Date de la mission").FillAsync(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Heures (par quarts d'heure)").FillAsync("2");
        await page.GetByLabel("Description de la mission").FillAsync(tag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Déclarer", Exact = true }).ClickAsync();
        await Expect(page.Locator("#indemnity-message")).ToContainTextAsync("attend sa validation");
        await Flows.OpenAsync(page, "Accueil");
        await Expect(page.Locator("#todo li[data-key='indemnities.mine-waiting']")).ToContainTextAsync("attend");

        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await Expect(toValidate).ToHaveCountAsync(1);
        await Expect(toValidate).ToContainTextAsync(before == 0 ? "1 déclaration de temps à valider" : $"{before + 1} déclarations de temps à valider");
        await toValidate.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/indemnites$"));
        var row = page.Locator("#declarations tr", new() { HasText = tag });
        await row.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Expect(row.Locator(".status")).ToHaveTextAsync("Validée");

        await Flows.OpenAsync(page, "Accueil");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "À faire", Level = 2 })).ToBeVisibleAsync();
        if (before == 0)
        {
            await Expect(toValidate).ToHaveCountAsync(0);
        }
        else
        {
            Assert.Equal(before, await Flows.NumberAsync(toValidate));
        }
    });

    /// <summary>Every entry of the CPTS's navigation can be brought into view (the navigation scrolls sideways on a phone) and clicked:
    /// it is then inside the window, not covered, and Playwright's checks for a click (visible, stable, receives the pointer) pass.</summary>
    private static async Task EveryEntryIsReachableAsync(IPage page)
    {
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = Shell }).GetByRole(AriaRole.Link);
        var count = await links.CountAsync();
        Assert.True(count >= 5);
        for (var i = 0; i < count; i++)
        {
            var link = links.Nth(i);
            var reach = await link.EvaluateAsync<string?>("""
                a => { a.scrollIntoView({ block: 'nearest', inline: 'nearest' });
                       const r = a.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
                       return r.left >= -1 && r.right <= window.innerWidth + 1 && r.top >= -1 && r.bottom <= window.innerHeight + 1
                           && a.contains(document.elementFromPoint(x, y)) ? null : `${r.left}-${r.right} × ${r.top}-${r.bottom}`; }
                """);
            Assert.True(reach is null, $"« {await link.InnerTextAsync()} » hors de portée : {reach}");
            await link.ClickAsync(new() { Trial = true });
        }
    }

    [GeneratedRegex(@"/cpts/[0-9a-f-]{36}/accueil$")]
    private static partial Regex HomeUrl();
}
