using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Workspace;

/// <summary>
/// Every page of the demo fits a laptop (1366×900) and a phone (390×844): nothing makes the page wider than the window (wide tables
/// scroll inside themselves, forms and long words wrap). Each role walks the pages of the CPTS du Pays de Redon its shell offers, the
/// pages those link to (one of each kind: a meeting, an adhérent, a proposal…) and the national pages; each page is measured at both
/// widths by resizing the window, so it is loaded once.
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed partial class PagesFitFlow(BrowserHost host)
{
    /// <summary>Null when the page fits its window; else how wide it is and the outermost elements that stick out (not those inside
    /// an element that scrolls or clips).</summary>
    private const string Overflow = """
        () => {
          const w = window.innerWidth, sw = document.documentElement.scrollWidth;
          if (sw <= w) return null;
          const clipped = e => { for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true; return false; };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const out = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > w + 0.5 && e.parentElement.getBoundingClientRect().right <= w + 0.5 && !clipped(e));
          return `${sw} px de large pour ${w} : ` + out.slice(0, 6).map(e => `${name(e)} (jusqu'à ${Math.round(e.getBoundingClientRect().right)} px, « ${(e.innerText || '').trim().slice(0, 40)} »)`).join(', ');
        }
        """;

    private const string UnlabelledFields = """
        () => [...document.querySelectorAll("input, select, textarea")]
            .filter(e => e.type !== "hidden" && e.getClientRects().length > 0)
            .filter(e => e.labels.length === 0 && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
            .map(e => e.outerHTML.slice(0, 120))
        """;

    /// <summary>True when the element is horizontally in view: inside the window and inside every ancestor that scrolls or clips.</summary>
    private const string InViewHorizontally = """
        e => {
          const r = e.getBoundingClientRect();
          let left = 0, right = window.innerWidth;
          for (let p = e.parentElement; p; p = p.parentElement) {
            if (getComputedStyle(p).overflowX !== 'visible') { const q = p.getBoundingClientRect(); left = Math.max(left, q.left); right = Math.min(right, q.right); }
          }
          return r.width > 0 && r.left >= left - 1 && r.right <= right + 1;
        }
        """;

    private static readonly string[] Levels = ["region", "departement"];

    private static readonly string[] NationalPages = ["/", "/couverture", "/couverture?niveau=departement", "/couverture/departement/35", "/financement/simulateur"];

    [Theory]
    [InlineData(Flows.RedonCoordinator)]
    [InlineData(Flows.RedonMember)]
    [InlineData(Flows.Officer)]
    [InlineData(Flows.Admin)]
    public Task No_page_is_wider_than_a_laptop_or_a_phone(string user) => host.RunAsync(Screens.PhoneWidth, Screens.PhoneHeight, async page =>
    {
        await BrowserHost.LogInAsync(page, user);
        var redon = await OpenRedonHomeAsync(page);
        var prefix = $"/cpts/{redon}";
        var shell = await page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation de la CPTS" }).Locator("a")
            .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(shell);

        var problems = new List<string>();
        var kinds = new HashSet<string>(shell.Select(Kind));
        var details = new List<string>();
        var phone = true;
        async Task VisitAsync(string path, bool follow)
        {
            phone = await CheckAsync(page, path, phone, problems);
            if (!follow)
            {
                return;
            }

            foreach (var href in await page.Locator("main a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                var target = href.Split('#', '?')[0];
                if (target.StartsWith(prefix + "/", StringComparison.Ordinal) && !target.Contains('.', StringComparison.Ordinal) && kinds.Add(Kind(target)))
                {
                    details.Add(target);
                }
            }
        }

        foreach (var path in shell)
        {
            await VisitAsync(path, follow: true);
        }

        // The pages the shell's pages link to (a meeting, an adhérent, a year of the dialogue de gestion), then those they link to (a
        // receipt of dues, the review pack).
        var linked = details.Count;
        for (var i = 0; i < details.Count; i++)
        {
            await VisitAsync(details[i], follow: i < linked);
        }

        foreach (var path in NationalPages.Concat(user is Flows.Admin or Flows.Officer ? ["/cpts/nouvelle"] : []).Concat(user == Flows.Admin ? ["/comptes"] : []))
        {
            await VisitAsync(path, follow: false);
        }

        if (user == Flows.Admin)
        {
            // An account's form, opened by « Modifier » on its line of /comptes (the page just measured).
            await VisitAsync(await page.GetByRole(AriaRole.Link, new() { Name = $"Modifier le compte {Flows.Admin}" }).GetAttributeAsync("href") ?? "", follow: false);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{user} : {shell.Length} pages du menu, {details.Count} pages liées ({string.Join(", ", details.Select(Kind))})");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.NotEmpty(details);
    });

    /// <summary>The three places issue 11 found off-screen at 1366 px: the rate of each indicator, the payment forms of the schedule and
    /// the population not covered; each is in view without scrolling anything sideways. On the phone, the wide indicator tables scroll
    /// inside themselves and keep the indicator's name in view.</summary>
    [Fact]
    public Task Key_columns_and_forms_are_in_view_on_a_laptop() => host.RunAsync(Screens.DesktopWidth, Screens.DesktopHeight, async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.Admin);
        var redon = await OpenRedonHomeAsync(page);

        await page.GotoAsync($"/cpts/{redon}/contrat/indicateurs");
        var rates = page.Locator("main th", new() { HasTextRegex = RateHeader() });
        Assert.True(await rates.CountAsync() >= 3);
        Assert.All(await rates.EvaluateAllAsync<bool[]>($"els => els.map({InViewHorizontally})"), Assert.True);
        var firstRate = page.Locator("main table tbody tr td.rate").First;
        Assert.True(await firstRate.EvaluateAsync<bool>(InViewHorizontally));
        await BrowserHost.ShotAsync(page, "indicateurs-1366");

        await page.GotoAsync($"/cpts/{redon}/contrat/versements");
        var line = page.Locator("#schedule-1 tbody tr").First;
        Assert.True(await line.GetByRole(AriaRole.Rowheader).EvaluateAsync<bool>(InViewHorizontally));
        await line.GetByText(new Regex("^(Enregistrer|Corriger) le versement$")).ClickAsync();
        var form = line.GetByRole(AriaRole.Form, new() { NameRegex = new Regex("^Versement : ") });
        foreach (var field in new[] { form.GetByLabel("Montant (€)"), form.GetByLabel("Date du versement"), form.GetByLabel("Référence"), form.GetByRole(AriaRole.Button) })
        {
            await Expect(field).ToBeVisibleAsync();
            Assert.True(await field.EvaluateAsync<bool>(InViewHorizontally));
        }

        var schedule = await page.Locator("#schedule-1").EvaluateAsync<int[]>("t => [t.parentElement.scrollWidth, t.parentElement.clientWidth]");
        Assert.True(schedule[0] <= schedule[1], $"À 1366 px, l'échéancier tient sans défiler, formulaire ouvert ({schedule[0]} px pour {schedule[1]})");
        await BrowserHost.ShotAsync(page, "versements-1366");

        // Refused, the form of that line (here the second) comes back unfolded with what was typed and the message next to its amount.
        var second = page.Locator("#schedule-1 tbody tr").Nth(1);
        await second.GetByText(new Regex("^(Enregistrer|Corriger) le versement$")).ClickAsync();
        var pay = second.GetByRole(AriaRole.Form, new() { NameRegex = new Regex("^Versement : ") });
        var amount = pay.GetByLabel("Montant (€)");
        await amount.FillAsync("beaucoup");
        await pay.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.Locator("details.pay[open]")).ToHaveCountAsync(1);
        await Expect(amount).ToHaveValueAsync("beaucoup");
        await Expect(amount).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(second.Locator(".field-error")).ToContainTextAsync("beaucoup");

        foreach (var level in Levels)
        {
            await page.GotoAsync("/couverture?niveau=" + level);
            var uncovered = page.Locator("#coverage-table th", new() { HasText = "Population non couverte" });
            Assert.True(await uncovered.EvaluateAsync<bool>(InViewHorizontally), $"« Population non couverte » hors de l'écran ({level})");
            Assert.True(await page.Locator("#coverage-table tbody tr td").Last.EvaluateAsync<bool>(InViewHorizontally));
        }

        await BrowserHost.ShotAsync(page, "couverture-1366");

        await page.SetViewportSizeAsync(Screens.PhoneWidth, Screens.PhoneHeight);
        await page.GotoAsync($"/cpts/{redon}/contrat/indicateurs");
        var wrap = page.Locator("main .table-wrap", new() { Has = page.Locator("tbody th[scope=row]") }).First;
        await wrap.ScrollIntoViewIfNeededAsync();
        Assert.True(await wrap.EvaluateAsync<bool>("w => w.scrollWidth > w.clientWidth"), "À 390 px, le tableau des indicateurs défile en lui-même");
        await wrap.EvaluateAsync("w => w.scrollLeft = w.scrollWidth");
        Assert.True(await wrap.Locator("tbody th[scope=row]").First.EvaluateAsync<bool>(InViewHorizontally), "Le nom de l'indicateur reste visible");
        Assert.Equal(await page.EvaluateAsync<int>("() => window.innerWidth"), await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await BrowserHost.ShotAsync(page, "indicateurs-390");
    });

    /// <summary>Goes to the home of the CPTS du Pays de Redon: where the CPTS's own accounts land, from the list for the others.</summary>
    internal static async Task<Guid> OpenRedonHomeAsync(IPage page)
    {
        await page.GotoAsync("/");
        if (!page.Url.EndsWith("/accueil", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Table, new() { Name = "Liste des CPTS" }).GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).ClickAsync();
            await page.WaitForURLAsync(new Regex(@"/cpts/[0-9a-f-]{36}$"));
            await page.GotoAsync(new Uri(page.Url).AbsolutePath + "/accueil");
        }

        return Flows.IdOf(page);
    }

    /// <summary>Loads a page at the current width, measures it, switches to the other width and measures again; returns whether the
    /// window is now the phone's.</summary>
    private static async Task<bool> CheckAsync(IPage page, string path, bool phone, List<string> problems)
    {
        var response = await page.GotoAsync(path);
        if (response is not { Status: 200 })
        {
            problems.Add($"{path} : réponse {response?.Status}");
            return phone;
        }

        if (await page.Locator("h1").CountAsync() != 1)
        {
            problems.Add($"{path} : {await page.Locator("h1").CountAsync()} titres h1");
        }

        if (await page.EvaluateAsync<string[]>(UnlabelledFields) is { Length: > 0 } unlabelled)
        {
            problems.Add($"{path} : champs sans libellé {string.Join(" ", unlabelled)}");
        }

        for (var i = 0; i < 2; i++)
        {
            if (i == 1)
            {
                phone = !phone;
                await page.SetViewportSizeAsync(phone ? Screens.PhoneWidth : Screens.DesktopWidth, phone ? Screens.PhoneHeight : Screens.DesktopHeight);
            }

            if (await page.EvaluateAsync<string?>(Overflow) is { } overflow)
            {
                problems.Add($"{path} à {(phone ? Screens.PhoneWidth : Screens.DesktopWidth)} px : {overflow}");
            }
        }

        return phone;
    }

    /// <summary>The kind of a page: its path with ids and years replaced, so one meeting stands for all meetings.</summary>
    private static string Kind(string path) => Ids().Replace(path, "{}");

    [GeneratedRegex(@"(?<=/)([0-9a-f]{8}-[0-9a-f-]{27}|\d+)(?=/|$)")]
    private static partial Regex Ids();

    [GeneratedRegex(@"^\s*Taux")]
    private static partial Regex RateHeader();
}
