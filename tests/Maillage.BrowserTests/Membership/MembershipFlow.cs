using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Membership;

[Collection(BrowserFlows.Name)]
public sealed partial class MembershipFlow(BrowserHost host)
{
    [Fact]
    public Task Coordinator_makes_a_professional_of_the_directory_a_member_and_prints_the_receipt_of_paid_dues() => host.RunAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var csv = "rpps;nom;prenom;profession;specialite;mode;commune;adresse;email_pro;telephone_pro;publication\n"
            + $"{NewRpps()};RECRUE{tag};Lina;60;;L;35236;3 rue du Port;lina.{tag}@cabinet.example;;oui\n";
        var file = new FilePayload { Name = "recrue.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) };

        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await page.GetByRole(AriaRole.Link, new() { Name = "CPTS du Pays de Redon", Exact = true }).ClickAsync();
        await Flows.OpenAsync(page, "Annuaire");
        await page.GetByLabel("Fichier de l'Annuaire Santé", new() { Exact = false }).SetInputFilesAsync(file);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
        await Expect(page.Locator("#report-created")).ToHaveTextAsync("1");

        await page.GetByLabel("Nom ou RPPS").FillAsync($"RECRUE{tag}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rechercher", Exact = true }).ClickAsync();
        var row = page.Locator("#directory-table tbody tr").Filter(new() { HasText = $"RECRUE{tag}" });
        await row.GetByRole(AriaRole.Button, new() { Name = "Rendre adhérent" }).ClickAsync();

        await Expect(page.Locator("#member-made")).ToContainTextAsync($"RECRUE{tag} Lina est désormais adhérent");
        await Expect(row.Locator("td.membership")).ToHaveTextAsync("Adhérent");
        await page.Locator("#member-made").GetByRole(AriaRole.Link, new() { Name = "Ouvrir sa fiche d'adhérent" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"RECRUE{tag} Lina");
        await Expect(page.Locator("#member-status")).ToContainTextAsync("Adhérent");
        var today = DateTime.Now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Montant (€)").FillAsync("30");
        await page.GetByLabel("Réglée le", new() { Exact = false }).FillAsync(today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la cotisation" }).ClickAsync();

        await Expect(page.Locator("#member-notice")).ToContainTextAsync("réglée : reçu CPTS-");
        var receipt = page.Locator("#dues a.receipt");
        await Expect(receipt).ToHaveTextAsync(ReceiptNumber());
        var number = await receipt.InnerTextAsync();
        await BrowserHost.ShotAsync(page, "membership-member");
        await receipt.ClickAsync();

        await Expect(page.Locator("#receipt-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#receipt-member")).ToContainTextAsync($"RECRUE{tag} Lina");
        await Expect(page.Locator("#receipt-amount")).ToHaveTextAsync("30,00 €");
        await Expect(page.Locator("#receipt-cpts")).ToHaveTextAsync("CPTS du Pays de Redon");
    });

    private static int counter = Random.Shared.Next(1_000_000);

    [GeneratedRegex(@"^CPTS-\d{4}-\d{4}$")]
    private static partial Regex ReceiptNumber();

    /// <summary>A valid RPPS: 10 digits and their Luhn key (« 3 » first, apart from the other flows' numbers).</summary>
    private static string NewRpps()
    {
        var body = "3" + Interlocked.Increment(ref counter).ToString("D9", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 10).Select(k => body + k.ToString(CultureInfo.InvariantCulture))
            .First(Maillage.Platform.Identifiers.Identifiers.HasValidLuhnKey);
    }
}
