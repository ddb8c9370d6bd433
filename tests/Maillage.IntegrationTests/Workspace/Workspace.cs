using System.Net;
using System.Text.RegularExpressions;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Web.Platform.Workspace;
using Microsoft.Extensions.DependencyInjection;
using static Maillage.IntegrationTests.Infrastructure.Http;

namespace Maillage.IntegrationTests.Workspace;

/// <summary>
/// The workspace of a CPTS (issue 11): the shell around its pages shows each reader only the entries they may open, the homes gather
/// « À faire » from every module — a line appears when its cause exists and goes once it is done — and the journal is for those who
/// answer for the CPTS.
/// </summary>
public abstract partial class Workspace(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_shell_shows_each_reader_the_entries_they_may_open_and_only_those()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var contracted = await Funding.ContractWorld.SignedCptsAsync(App);
        await Funding.ContractWorld.RecordAsync(await App.AdminAsync(), contracted);
        var entries = App.Factory.Services.GetRequiredService<WorkspaceNavigation>().Entries;
        Assert.Contains(entries, e => e.Path == "campagnes");
        var readers = new (string Who, HttpClient Client, Guid Cpts)[]
        {
            ("coordinator", world.Coordinator, world.Cpts), ("member", world[0].Client, world.Cpts), ("officer", world.Officer, world.Cpts),
            ("admin", await App.AdminAsync(), world.Cpts), ("officer, contract", world.Officer, contracted),
            ("coordinator, contract", await App.ClientForAsync(Role.Coordinator, contracted), contracted),
        };
        foreach (var (who, client, cpts) in readers)
        {
            var shown = NavigationOf(await client.PageAsync($"/cpts/{cpts}"));
            Assert.True(shown.Count > 3, $"{who}: {string.Join(", ", shown)}");
            foreach (var entry in entries)
            {
                var href = entry.Href(cpts);
                using var response = await client.GetAsync(href, Ct);
                if (shown.Contains(href))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} sees « {entry.Label} » but {href} answers {(int)response.StatusCode}");
                }
                else
                {
                    Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                        $"{who} does not see « {entry.Label} » but {href} answers {(int)response.StatusCode}");
                }
            }
        }

        // Campaigns are the coordinator's: neither the member nor the officer is offered an entry that would refuse them.
        Assert.Contains($"/cpts/{world.Cpts}/campagnes", NavigationOf(await world.Coordinator.PageAsync($"/cpts/{world.Cpts}")));
        Assert.DoesNotContain($"/cpts/{world.Cpts}/campagnes", NavigationOf(await world[0].Client.PageAsync($"/cpts/{world.Cpts}")));
        Assert.DoesNotContain($"/cpts/{world.Cpts}/campagnes", NavigationOf(await world.Officer.PageAsync($"/cpts/{world.Cpts}")));
        // A contract's pages are offered only once there is a contract.
        Assert.DoesNotContain($"/cpts/{world.Cpts}/contrat/indicateurs", NavigationOf(await world.Coordinator.PageAsync($"/cpts/{world.Cpts}")));
        // Another CPTS's page: not found, and no shell that would name it.
        var foreign = await world.ForeignCoordinator.PageAsync($"/cpts/{world.Cpts}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("Navigation de la CPTS", foreign, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_accounts_of_a_cpts_land_on_its_home_and_the_officers_and_admins_on_their_dashboard()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        foreach (var client in new[] { world.Coordinator, world[0].Client })
        {
            using var response = await client.GetAsync("/", Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/cpts/{world.Cpts}/accueil", response.Headers.Location?.OriginalString);
        }

        var officer = await world.Officer.PageAsync("/");
        Assert.Contains("<h1>Tableau de bord</h1>", officer, StringComparison.Ordinal);
        Assert.Contains("Votre territoire", officer, StringComparison.Ordinal);
        Assert.DoesNotContain("Comptes et santé de la plateforme", officer, StringComparison.Ordinal);
        var admin = await (await App.AdminAsync()).PageAsync("/");
        Assert.Contains("Comptes et santé de la plateforme", admin, StringComparison.Ordinal);
        Assert.Contains("schéma à jour", admin, StringComparison.Ordinal);
        Assert.Contains(App.Kind == DatabaseKind.Sqlite ? "SQLite" : "PostgreSQL", admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_declaration_to_validate_appears_for_the_coordinator_and_goes_once_rejected_and_the_member_then_sees_why()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var home = $"/cpts/{world.Cpts}/accueil";
        Assert.Null(Line(await world.Coordinator.PageAsync(home), "indemnities.to-validate"));

        var declared = await (await world[1].Client.PostJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations",
            new { missionDate = Today, activity = "meeting", hours = 1m, description = "Réunion du groupe plaies" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("1 déclaration de temps à valider", Line(await world.Coordinator.PageAsync(home), "indemnities.to-validate"));
        Assert.Equal("1 de vos déclarations attend sa validation", Line(await world[1].Client.PageAsync(home), "indemnities.mine-waiting"));
        Assert.Null(Line(await world[0].Client.PageAsync(home), "indemnities.mine-waiting"));
        Assert.Contains($"href=\"/cpts/{world.Cpts}/indemnites\"", await world.Coordinator.PageAsync(home), StringComparison.Ordinal);

        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations/{declared.GetProperty("id").GetGuid()}/reject",
            new { reason = "Doublon" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Null(Line(await world.Coordinator.PageAsync(home), "indemnities.to-validate"));
        Assert.Null(Line(await world[1].Client.PageAsync(home), "indemnities.mine-waiting"));
        Assert.Equal("1 de vos déclarations a été refusée : voir le motif", Line(await world[1].Client.PageAsync(home), "indemnities.mine-rejected"));
    }

    [Fact]
    public async Task Unpaid_dues_and_waiting_proposals_appear_for_the_coordinator_and_the_member_and_go_once_done()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var home = $"/cpts/{world.Cpts}/accueil";
        var year = Today.Year;
        Assert.Equal($"2 adhérents n'ont pas réglé leur cotisation {year}", Line(await world.Coordinator.PageAsync(home), "membership.dues-unpaid"));
        Assert.Equal($"Votre cotisation {year} n'est pas réglée", Line(await world[0].Client.PageAsync(home), "membership.my-dues"));
        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}/dues", new { year, amount = 20m, paidOn = Today }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal($"1 adhérent n'a pas réglé sa cotisation {year}", Line(await world.Coordinator.PageAsync(home), "membership.dues-unpaid"));
        Assert.Null(Line(await world[0].Client.PageAsync(home), "membership.my-dues"));
        Assert.Equal($"Votre cotisation {year} n'est pas réglée", Line(await world[1].Client.PageAsync(home), "membership.my-dues"));

        Assert.Null(Line(await world.Coordinator.PageAsync(home), "association.proposals"));
        var proposal = (await world[0].Client.SubmitAsync(world.Cpts, "Une permanence de soins non programmés")).GetProperty("id").GetGuid();
        Assert.Equal("1 proposition attend une décision", Line(await world.Coordinator.PageAsync(home), "association.proposals"));
        Assert.Equal("Votre proposition « Une permanence de soins non programmés » attend le bureau", Line(await world[0].Client.PageAsync(home), "association.my-proposal"));
        await world.Coordinator.MoveAsync(world.Cpts, proposal, "reject", new { comment = "Hors des missions de la CPTS" }, HttpStatusCode.OK);
        Assert.Null(Line(await world.Coordinator.PageAsync(home), "association.proposals"));
        Assert.Null(Line(await world[0].Client.PageAsync(home), "association.my-proposal"));

        // The year's AG is asked for until one is convened; the member's home shows no coordinator's work.
        Assert.Equal($"Convoquer l'assemblée générale {year}", Line(await world.Coordinator.PageAsync(home), "association.annual-assembly"));
        Assert.Null(Line(await world[0].Client.PageAsync(home), "association.annual-assembly"));
        Assert.Null(Line(await world[0].Client.PageAsync(home), "membership.dues-unpaid"));
    }

    [Fact]
    public async Task A_signed_aci_without_its_contract_waits_in_the_officers_queue_until_the_contract_is_recorded()
    {
        var signed = await Funding.ContractWorld.SignedCptsAsync(App);
        var officer = await App.ClientForAsync(Role.Officer, departement: "41");
        var outsider = await App.ClientForAsync(Role.Officer, departement: "18");
        var name = (await officer.GetJsonAsync($"/api/cpts/{signed}")).GetProperty("name").GetString()!;
        var queue = await officer.PageAsync("/");
        Assert.Contains(Lines(queue, "funding.contract"), l => l.Contains(name, StringComparison.Ordinal) && l.Contains("ACI signé : enregistrer le contrat", StringComparison.Ordinal));
        Assert.DoesNotContain(Lines(await outsider.PageAsync("/"), "funding.contract"), l => l.Contains(name, StringComparison.Ordinal));
        Assert.Equal("ACI signé : enregistrer le contrat", Line(await officer.PageAsync($"/cpts/{signed}/accueil"), "funding.contract"));

        await Funding.ContractWorld.RecordAsync(officer, signed);
        Assert.DoesNotContain(Lines(await officer.PageAsync("/"), "funding.contract"), l => l.Contains(name, StringComparison.Ordinal));
        // Year 1 ended a year ago with no dialogue de gestion: the CPTS is asked to prepare it.
        var coordinator = await App.ClientForAsync(Role.Coordinator, signed);
        Assert.StartsWith("Préparer le dialogue de gestion de l'année 1", Line(await coordinator.PageAsync($"/cpts/{signed}/accueil"), "funding.review-prepare"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_journal_reads_as_sentences_for_those_who_answer_for_the_cpts_and_members_do_not_read_it()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var journal = $"/cpts/{world.Cpts}/journal";
        var page = await world.Coordinator.PageAsync(journal);
        Assert.Matches(@"<li><span class=""when"">Le \d\d/\d\d/\d{4} à \d\d:\d\d</span>, <strong>[^<]+</strong> — <span class=""area"">Registre et territoire</span> : CPTS « ", page);
        await world.Officer.PageAsync(journal);
        await world[0].Client.PageAsync(journal, HttpStatusCode.Forbidden);
        await world[0].Client.GetJsonAsync($"/api/cpts/{world.Cpts}/audit", HttpStatusCode.Forbidden);
        Assert.NotEqual(0, (await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/audit")).GetArrayLength());
        await world.ForeignCoordinator.PageAsync(journal, HttpStatusCode.NotFound);
        Assert.DoesNotContain("journal-link", await world[0].Client.PageAsync($"/cpts/{world.Cpts}"), StringComparison.Ordinal);

        var members = await world.Coordinator.PageAsync(journal + "?area=adherents");
        Assert.Contains("Adhérents et campagnes", members, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"area\">Registre et territoire</span>", members, StringComparison.Ordinal);
        var refused = WebUtility.HtmlDecode(await world.Coordinator.PageAsync(journal + "?from=2026-05-10&to=2026-05-01", HttpStatusCode.UnprocessableEntity));
        Assert.Contains("La fin de la période doit venir après son début.", refused, StringComparison.Ordinal);
        var bad = WebUtility.HtmlDecode(await world.Coordinator.PageAsync(journal + "?area=inconnue", HttpStatusCode.UnprocessableEntity));
        Assert.Contains("« inconnue » n'est pas une partie du journal", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_form_comes_back_with_what_was_typed_and_only_in_the_form_that_was_sent()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var page = $"/cpts/{world.Cpts}/indemnites";
        var (status, html) = await world[0].Client.PostFormAsync(page, page + "?handler=Declare", new Dictionary<string, string?>
        {
            ["missionDate"] = Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["activity"] = "training",
            ["hours"] = "1.1", ["description"] = "Formation aux plaies chroniques",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        html = WebUtility.HtmlDecode(html);
        Assert.Contains("data-field=\"hours\"", html, StringComparison.Ordinal);
        Assert.Matches("<textarea id=\"decl-description\"[^>]*>Formation aux plaies chroniques</textarea>", html);
        Assert.Matches("<input id=\"decl-hours\"[^>]*value=\"1.1\"", html);
        Assert.Matches($"<input id=\"decl-date\"[^>]*value=\"{Today:yyyy-MM-dd}\"", html);
        Assert.Matches("<option value=\"training\" selected=\"selected\">", html);
        // Another form of the page is left as it was.
        Assert.DoesNotMatch("<textarea id=\"note-text\"[^>]*>Formation", html);
    }

    /// <summary>The hrefs of the CPTS's navigation in a page.</summary>
    private static List<string> NavigationOf(string html)
    {
        var nav = NavigationBlock().Match(html);
        Assert.True(nav.Success, "no CPTS navigation in the page");
        return [.. Href().Matches(nav.Value).Select(m => m.Groups[1].Value)];
    }

    /// <summary>The text of the « À faire » line of that key, or null.</summary>
    private static string? Line(string html, string key) => Lines(html, key).SingleOrDefault() is { } l ? LinkText().Match(l).Groups[1].Value : null;

    private static IReadOnlyList<string> Lines(string html, string key) =>
        [.. Regex.Matches(html, $"<li[^>]*data-key=\"{Regex.Escape(key)}\"[^>]*>(.*?)</li>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    [GeneratedRegex("<nav class=\"shell-nav\" aria-label=\"Navigation de la CPTS\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavigationBlock();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<a href=\"[^\"]+\">([^<]+)</a>")]
    private static partial Regex LinkText();
}

public sealed class Workspace_on_sqlite(SqliteApp app) : Workspace(app), IClassFixture<SqliteApp>;

public sealed class Workspace_on_postgres(PostgresApp app) : Workspace(app), IClassFixture<PostgresApp>;
