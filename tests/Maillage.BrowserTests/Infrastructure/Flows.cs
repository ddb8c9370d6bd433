using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Maillage.BrowserTests.Infrastructure;

/// <summary>Steps several flows share: the demo accounts, the territory picker, reading French numbers.</summary>
public static class Flows
{
    public const string Admin = "admin@maillage.demo";
    public const string Officer = "ars.paysdelaloire@maillage.demo";
    public const string RedonCoordinator = "coordination@cpts-redon.demo";
    public const string RedonMember = "membre@cpts-redon.demo";

    /// <summary>Follows an entry of the CPTS's navigation (the shell around every page of a CPTS).</summary>
    public static Task OpenAsync(IPage page, string entry) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Navigation de la CPTS" }).GetByRole(AriaRole.Link, new() { Name = entry, Exact = true }).ClickAsync();

    /// <summary>Types into « Rechercher une commune » and clicks « Ajouter &lt;name&gt; (&lt;code&gt;) ».</summary>
    public static async Task AddCommuneAsync(IPage page, string query, string name, string code)
    {
        var before = await page.Locator("[data-chosen] li").CountAsync();
        await page.GetByLabel("Rechercher une commune").FillAsync(query);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Ajouter {name} ({code})", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-chosen] li")).ToHaveCountAsync(before + 1);
    }

    /// <summary>Types into the EPCI search and clicks « Ajouter l'EPCI » on the EPCI whose name is given.</summary>
    public static async Task AddEpciAsync(IPage page, string query, string epciName)
    {
        await page.GetByLabel("Ajouter toutes les communes d'un EPCI").FillAsync(query);
        var results = page.GetByRole(AriaRole.List, new() { Name = "EPCI trouvés" });
        var item = results.GetByRole(AriaRole.Listitem).Filter(new() { HasText = epciName + " —" });
        await item.GetByRole(AriaRole.Button).ClickAsync();
    }

    /// <summary>Waits until the live summary reflects every chosen unit and shows the population and size tier.</summary>
    public static async Task<string> WaitForSummaryAsync(IPage page)
    {
        var count = await page.Locator("[data-chosen] li").CountAsync();
        var summary = page.Locator("[data-summary]");
        await Expect(summary).ToHaveAttributeAsync("aria-live", "polite");
        await Expect(summary).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($@"^\s*{count} unités?, [\d\s\u00a0\u202f]+ habitants, taille \d"));
        return await summary.InnerTextAsync();
    }

    /// <summary>The INSEE codes held by the picker's hidden inputs.</summary>
    public static async Task<IReadOnlyList<string>> ChosenCodesAsync(IPage page) =>
        [.. await page.Locator("[data-chosen] input[name='Form.Territory']").EvaluateAllAsync<string[]>("els => els.map(e => e.value)")];

    /// <summary>Asks the territory API (with the page's session) for the population and tier of a set of codes.</summary>
    public static async Task<(long Population, int Tier)> TerritoryFromApiAsync(IPage page, IEnumerable<string> codes)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/geo/territory?codes=" + Uri.EscapeDataString(string.Join(",", codes)));
        Assert.True(response.Ok, $"/api/geo/territory a répondu {response.Status}");
        var json = (await response.JsonAsync())!.Value;
        Assert.Equal(0, json.GetProperty("errors").GetArrayLength());
        return (json.GetProperty("population").GetInt64(), json.GetProperty("tier").GetInt32());
    }

    /// <summary>Reads a number written the French way (« 12 345 », narrow spaces) from an element.</summary>
    public static async Task<long> NumberAsync(ILocator locator)
    {
        var text = await locator.InnerTextAsync();
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        Assert.False(digits.Length == 0, $"Pas de nombre dans « {text} »");
        return long.Parse(digits, CultureInfo.InvariantCulture);
    }

    /// <summary>Creates a CPTS through /cpts/nouvelle with single communes (query, name, code); returns its id.</summary>
    public static async Task<Guid> CreateCptsAsync(IPage page, string name, params (string Query, string Name, string Code)[] communes)
    {
        await page.GotoAsync("/cpts/nouvelle");
        await page.GetByLabel("Nom de la CPTS").FillAsync(name);
        foreach (var (query, commune, code) in communes)
        {
            await AddCommuneAsync(page, query, commune, code);
        }

        await WaitForSummaryAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la CPTS" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/cpts/[0-9a-f-]{36}$"));
        return IdOf(page);
    }

    /// <summary>The CPTS id in the current address (/cpts/{id}).</summary>
    public static Guid IdOf(IPage page) => Guid.Parse(new Uri(page.Url).Segments[2].TrimEnd('/'), CultureInfo.InvariantCulture);

    /// <summary>Today in France, as the stage form expects it.</summary>
    public static string TodayInParis() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>On a CPTS page, records the next stage with today's date.</summary>
    public static async Task RecordStageAsync(IPage page, string stage)
    {
        await page.GetByLabel("Nouvelle étape").SelectOptionAsync(new SelectOptionValue { Label = stage });
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(TodayInParis());
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'étape" }).ClickAsync();
        await Expect(page.Locator("#stage")).ToHaveTextAsync(stage);
    }
}
