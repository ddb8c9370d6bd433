using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Association;

[Collection(BrowserFlows.Name)]
public sealed class ProposalFlow(BrowserHost host)
{
    private const string Redon = "CPTS du Pays de Redon";

    [Fact]
    public Task A_linked_member_proposes_the_coordinator_forwards_and_adopts_and_the_decision_enters_the_register() => host.RunAsync(async page =>
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var title = $"Permanence du samedi {tag}";
        var email = $"adherent.{tag}@cpts-redon.demo";

        // The administrator makes a professional of the territory a member and opens an account linked to that adhérent.
        await BrowserHost.LogInAsync(page, Flows.Admin);
        var cpts = await CptsIdAsync(page, Redon);
        var rpps = NewRpps();
        var file = new FilePayload
        {
            Name = "annuaire.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"rpps;nom;prenom;profession;specialite;mode;commune\n{rpps};PROPOSANT{tag};Léa;10;SM54;L;35236\n"),
        };
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("file", file);
        await OkAsync(await page.Context.APIRequest.PostAsync($"/api/cpts/{cpts}/directory/import", new() { Multipart = form }));
        await OkAsync(await page.Context.APIRequest.PostAsync($"/api/cpts/{cpts}/members", new() { DataObject = new { rpps, status = "member" } }));
        await page.GotoAsync("/comptes");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe provisoire").FillAsync(BrowserHost.Password);
        await page.GetByLabel("Rôle").SelectOptionAsync("member");
        await page.GetByLabel("CPTS (coordonnateur ou membre)").SelectOptionAsync(new SelectOptionValue { Label = Redon });
        await page.GetByLabel("RPPS de l'adhérent", new() { Exact = false }).FillAsync(rpps);
        await page.GetByRole(AriaRole.Button, new() { Name = "Créer le compte" }).ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync(email);

        // The member proposes.
        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, email);
        await page.GotoAsync($"/cpts/{cpts}/propositions");
        await page.GetByLabel("Titre").FillAsync(title);
        await page.GetByLabel("Description").FillAsync("Ouvrir un cabinet de garde le samedi matin à Redon.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Déposer la proposition" }).ClickAsync();
        await Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Déposée, en attente du bureau");
        await Expect(page.Locator("#move-withdraw")).ToBeVisibleAsync();
        var proposalUrl = page.Url;

        // The coordinator forwards it to the conseil, then records the adoption.
        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await page.GotoAsync(proposalUrl);
        await Expect(page.Locator("#move-withdraw")).ToHaveCountAsync(0);
        await page.Locator("#move-forward").GetByRole(AriaRole.Button, new() { Name = "Transmettre au conseil d'administration" }).ClickAsync();
        await Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Transmise au conseil d'administration");
        await BrowserHost.ShotAsync(page, "proposition-au-conseil");
        await page.GetByLabel("Commentaire de la décision", new() { Exact = false }).FillAsync("Adoptée à l'unanimité");
        await page.Locator("#move-adopt").GetByRole(AriaRole.Button, new() { Name = "Adopter" }).ClickAsync();
        await Expect(page.Locator("#proposal-status")).ToHaveTextAsync("Adoptée");
        var number = (await page.Locator("#decision-number").InnerTextAsync()).Replace("n°", "", StringComparison.Ordinal).Trim();
        Assert.Matches(@"^\d{4}-\d{3}$", number);
        await Expect(page.Locator("#trail li")).ToHaveCountAsync(3);

        // The register shows the decision with a link back to the proposal.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registre des décisions", Exact = true }).ClickAsync();
        var row = page.Locator($"#decisions tr[data-decision='{number}']");
        await Expect(row).ToContainTextAsync($"{title} — Adoptée à l'unanimité");
        await Expect(row).ToContainTextAsync("Conseil d'administration");
        await Expect(row.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Uri(proposalUrl).AbsolutePath);
        await BrowserHost.ShotAsync(page, "registre-des-decisions");
    });

    private static async Task<Guid> CptsIdAsync(IPage page, string name)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/cpts");
        await OkAsync(response);
        var list = (await response.JsonAsync())!.Value;
        return list.EnumerateArray().Single(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    private static async Task OkAsync(IAPIResponse response) =>
        Assert.True(response.Ok, $"{response.Url} a répondu {response.Status} : {await response.TextAsync()}");

    /// <summary>A valid RPPS: 1 + 9 random digits + the Luhn key.</summary>
    private static string NewRpps()
    {
        var payload = "3" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 10).Select(k => payload + k.ToString(CultureInfo.InvariantCulture)).First(Maillage.Platform.Identifiers.Identifiers.HasValidLuhnKey);
    }
}
