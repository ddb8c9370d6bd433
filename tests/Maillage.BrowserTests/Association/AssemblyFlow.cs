using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Association;

/// <summary>
/// The coordinator plans a general assembly far enough ahead, adds an agenda item and convenes it, records everyone present, sees
/// the quorum reached, has a motion adopted and sees its decision number. Two professionals of the territory are made members
/// first (through the API, with the page's session), so the AG has voters.
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed partial class AssemblyFlow(BrowserHost host)
{
    private const string UnlabelledFields = """
        () => [...document.querySelectorAll("input, select, textarea")]
            .filter(e => e.type !== "hidden" && e.getClientRects().length > 0)
            .filter(e => e.labels.length === 0 && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
            .map(e => e.outerHTML)
        """;

    private static int counter = Random.Shared.Next(1_000_000);

    [Fact]
    public Task Coordinator_convenes_an_ag_records_attendance_and_sees_the_decision_number() => host.RunAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).ClickAsync();
        var cpts = CptsId().Match(page.Url).Groups[1].Value;
        await AddMembersAsync(page, cpts, tag);

        await Flows.OpenAsync(page, "Réunions");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Réunions des instances" })).ToBeVisibleAsync();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime)
            .AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Instance").SelectOptionAsync("general-assembly");
        await page.GetByLabel("Titre", new() { Exact = true }).FillAsync($"AG annuelle {tag}");
        await page.GetByLabel("Début (heure de Paris)").FillAsync(day + "T18:00");
        await page.GetByLabel("Fin (heure de Paris)").FillAsync(day + "T20:00");
        await page.GetByLabel("Lieu (ou lien de visioconférence)").FillAsync("Salle du conseil, Redon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer la réunion" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"AG annuelle {tag}" })).ToBeVisibleAsync();
        await Expect(page.Locator("#meeting-status")).ToHaveTextAsync("En préparation");
        await page.GetByLabel("Nouveau point").FillAsync("Rapport moral et financier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le point" }).ClickAsync();
        await Expect(page.Locator("#agenda")).ToContainTextAsync("Rapport moral et financier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Convoquer" }).ClickAsync();
        await Expect(page.Locator("#meeting-status")).ToHaveTextAsync("Convoquée");
        var ics = await page.Context.APIRequest.GetAsync(await page.Locator("#ics-link").GetAttributeAsync("href") ?? "");
        Assert.Equal(200, ics.Status);
        Assert.Contains("METHOD:REQUEST", await ics.TextAsync(), StringComparison.Ordinal);
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));

        var presences = page.Locator("select[id^='presence-']");
        await Expect(presences.First).ToBeVisibleAsync();
        for (var i = 0; i < await presences.CountAsync(); i++)
        {
            await presences.Nth(i).SelectOptionAsync("present");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer les présences" }).ClickAsync();
        await Expect(page.Locator("#quorum")).ToContainTextAsync(QuorumReached());
        await BrowserHost.ShotAsync(page, "reunion-presences");

        await page.GetByLabel("Texte de la résolution").FillAsync($"Le rapport moral {tag} est approuvé.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter la résolution" }).ClickAsync();
        var vote = page.GetByRole(AriaRole.Form, new() { Name = "Vote de la résolution 1" });
        await vote.GetByLabel("Pour").FillAsync("2");
        await vote.GetByLabel("Contre").FillAsync("0");
        await vote.GetByLabel("Abstentions").FillAsync("0");
        await vote.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le vote" }).ClickAsync();

        await Expect(page.Locator(".motion-result")).ToContainTextAsync("Adoptée");
        await Expect(page.Locator(".decision-number")).ToHaveTextAsync(DecisionNumber());
        await Expect(page.Locator("#decisions")).ToContainTextAsync($"Le rapport moral {tag} est approuvé.");
        await Expect(page.Locator("#meeting-status")).ToHaveTextAsync("Tenue");
        await BrowserHost.ShotAsync(page, "reunion-decision");
    });

    /// <summary>Imports two professionals practising in Redon and makes them members, through the API with the coordinator's session.</summary>
    private static async Task AddMembersAsync(IPage page, string cpts, string tag)
    {
        var rpps = new[] { NewRpps(), NewRpps() };
        var csv = "rpps;nom;prenom;profession;specialite;mode;commune\n"
            + string.Join("\n", rpps.Select((r, i) => $"{r};VOTANT{tag}{i};Anne;60;;L;35236")) + "\n";
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("file", new FilePayload { Name = "annuaire.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        var import = await page.Context.APIRequest.PostAsync($"/api/cpts/{cpts}/directory/import", new() { Multipart = form });
        Assert.True(import.Ok, $"Import : {import.Status} {await import.TextAsync()}");
        foreach (var r in rpps)
        {
            var added = await page.Context.APIRequest.PostAsync($"/api/cpts/{cpts}/members", new() { DataObject = new { rpps = r, status = "member" } });
            Assert.True(added.Status == 201, $"Adhésion : {added.Status} {await added.TextAsync()}");
        }
    }

    /// <summary>A valid RPPS: 10 digits and their Luhn key.</summary>
    private static string NewRpps()
    {
        var body = "3" + Interlocked.Increment(ref counter).ToString("D9", CultureInfo.InvariantCulture);
        for (var key = 0; key <= 9; key++)
        {
            var candidate = body + key.ToString(CultureInfo.InvariantCulture);
            if (Maillage.Platform.Identifiers.Identifiers.HasValidLuhnKey(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No Luhn key found.");
    }

    [GeneratedRegex(@"/cpts/([0-9a-f-]{36})")]
    private static partial Regex CptsId();

    [GeneratedRegex(@"sur \d+ votants?, quorum \d+ : atteint")]
    private static partial Regex QuorumReached();

    [GeneratedRegex(@"^\d{4}-\d{3}$")]
    private static partial Regex DecisionNumber();
}
