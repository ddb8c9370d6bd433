using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Directory;

[Collection(BrowserFlows.Name)]
public sealed class DirectoryFlow(BrowserHost host)
{
    [Fact]
    public Task Coordinator_imports_a_csv_sees_the_report_and_members_see_only_published_contacts() => host.RunAsync(async page =>
    {
        // Never all digits: the directory reads a number as the start of an RPPS, and the search by name would find nothing.
        var tag = "T" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var (published, unpublished, outside) = (NewRpps(), NewRpps(), NewRpps());
        var csv = "rpps;nom;prenom;profession;specialite;mode;commune;adresse;email_pro;telephone_pro;publication\n"
            + $"{published};PUBLIE{tag};Anne;10;SM54;L;35236;1 rue de la Gare;anne.{tag}@cabinet.example;02 99 00 00 01;oui\n"
            + $"{unpublished};DISCRET{tag};Paul;60;;L;35236;;paul.{tag}@cabinet.example;02 99 00 00 02;non\n"
            + $"12345678901;CLEF{tag};Zoé;60;;L;35236;;;;non\n"
            + $"{outside};AILLEURS{tag};Jean;21;;L;75114;;;;non\n";
        var file = new FilePayload { Name = "urps.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };

        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).ClickAsync();
        await Flows.OpenAsync(page, "Annuaire");
        var directoryUrl = page.Url;
        await page.GetByLabel("Fichier de l'Annuaire Santé", new() { Exact = false }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();

        await Expect(page.Locator("#report-created")).ToHaveTextAsync("2");
        await Expect(page.Locator("#report-outside")).ToHaveTextAsync("1");
        await Expect(page.Locator("#report-rejected")).ToHaveTextAsync("1");
        await Expect(page.Locator("#rejected")).ToContainTextAsync("ligne 4");
        await Expect(page.Locator("#directory-table")).ToContainTextAsync($"PUBLIE{tag}");
        await Expect(page.Locator("#directory-table")).Not.ToContainTextAsync($"AILLEURS{tag}");

        // Imported twice: nothing new.
        await page.GetByLabel("Fichier de l'Annuaire Santé", new() { Exact = false }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
        await Expect(page.Locator("#report-created")).ToHaveTextAsync("0");
        await Expect(page.Locator("#report-unchanged")).ToHaveTextAsync("2");

        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.RedonMember);
        await page.GotoAsync(directoryUrl + $"?q={tag}");
        var table = page.Locator("#directory-table");
        await Expect(table).ToContainTextAsync($"anne.{tag}@cabinet.example");
        await Expect(table).ToContainTextAsync($"DISCRET{tag}");
        await Expect(table).Not.ToContainTextAsync($"paul.{tag}@cabinet.example");
        await Expect(page.Locator("#import-form")).ToHaveCountAsync(0);
    });

    private static int counter = Random.Shared.Next(1_000_000);

    /// <summary>A valid RPPS: 10 digits and their Luhn key.</summary>
    private static string NewRpps()
    {
        var body = "2" + Interlocked.Increment(ref counter).ToString("D9", CultureInfo.InvariantCulture);
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
}
