using System.Net;
using System.Text.Json;
using Maillage.Membership.Campaigns;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Maillage.Membership.Storage;

namespace Maillage.IntegrationTests.Membership;

/// <summary>
/// Recruitment campaigns: a segment of the territory's professionals with a work e-mail (profession, commune, membership), sent once
/// in the background into the test host's pickup directory, one sent-log line per address, an unsubscribe link in every message that
/// only a confirmed POST honours, and a stopped send that resumes without writing twice to anyone.
/// </summary>
public abstract class Campaigns(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_audience_of_a_segment_counts_professionals_with_an_address_by_profession_commune_and_membership()
    {
        var world = await CommunityWorld.CreateAsync(App);
        await world.AddProfessionalsAsync(("Nouveau", "10", 0, true), ("Sansmail", "10", 1, false), ("Soignant", "60", 1, true));
        await StatusAsync(world, 7, "former");   // Simon, médecin of the second commune
        await StatusAsync(world, 6, "prospect"); // Moreau, pharmacien of the first commune

        async Task<(int, int)> Count(string query)
        {
            var a = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/audience?{query}");
            return (a.GetProperty("recipients").GetInt32(), a.GetProperty("unsubscribed").GetInt32());
        }

        Assert.Equal((10, 0), await Count("membership=all"));
        Assert.Equal((6, 0), await Count("membership=members"));
        Assert.Equal((4, 0), await Count("membership=non-members"));
        Assert.Equal((4, 0), await Count(""));
        Assert.Equal((2, 0), await Count("membership=non-members&profession=10"));
        Assert.Equal((2, 0), await Count($"membership=non-members&commune={world.Communes[0]}"));
        Assert.Equal((2, 0), await Count($"membership=all&profession=10&commune={world.Communes[1]}"));

        var bad = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/audience?profession=99&commune=99999&membership=tous",
            HttpStatusCode.BadRequest);
        Assert.Equal((1, 1, 1), (bad.FieldErrors("profession").Count, bad.FieldErrors("commune").Count, bad.FieldErrors("membership").Count));
        await world[0].Client.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/audience", HttpStatusCode.Forbidden);
        await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/audience", HttpStatusCode.Forbidden);
        await world.ForeignCoordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/audience", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_campaign_goes_once_to_its_segment_with_an_unsubscribe_link_that_later_campaigns_honour()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var newcomers = await world.AddProfessionalsAsync(("Nouveau", "10", 0, true), ("Voisine", "60", 1, true));
        await StatusAsync(world, 7, "former");
        var tag = Guid.NewGuid().ToString("N")[..8];

        var recruit = await CreateAsync(world, $"Rejoignez la CPTS {tag}", "non-members");
        Assert.Equal(("draft", 3), (recruit.GetProperty("state").GetString(), recruit.GetProperty("audience").GetProperty("recipients").GetInt32()));
        await SendAndWaitAsync(world, recruit);

        var expected = newcomers.Select(n => n.Email!).Append(Email(world, 7)).ToHashSet();
        var mails = Outbox($"Rejoignez la CPTS {tag}");
        Assert.Equal(expected, mails.Select(m => m.To.Mailboxes.Single().Address).ToHashSet());
        Assert.Equal(3, mails.Count);
        foreach (var mail in mails)
        {
            var link = UnsubscribeLink(mail);
            Assert.StartsWith("http://localhost/desinscription?t=", link, StringComparison.Ordinal);
            Assert.Contains("Pour ne plus recevoir ses messages : " + link, mail.TextBody, StringComparison.Ordinal);
            Assert.Equal(world.CptsName, mail.From.Mailboxes.Single().Name);
        }

        var again = await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{Id(recruit)}/send", new { })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("déjà été envoyée", again.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The link shows a confirmation without recording anything; a tampered one is refused; the POST records it, once.
        var former = UnsubscribeLink(mails.Single(m => m.To.Mailboxes.Single().Address == Email(world, 7)));
        var path = new Uri(former).PathAndQuery;
        using var anonymous = App.Anonymous();
        var confirm = await anonymous.PageAsync(path);
        Assert.Contains("Confirmer la désinscription", confirm, StringComparison.Ordinal);
        Assert.Contains(Email(world, 7), confirm, StringComparison.Ordinal);
        Assert.Equal(0, (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/audience?membership=all")).GetProperty("unsubscribed").GetInt32());
        var token = Uri.UnescapeDataString(path[(path.IndexOf("t=", StringComparison.Ordinal) + 2)..]);
        var tampered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];
        Assert.Contains("pas valide", await anonymous.PageAsync("/desinscription?t=" + Uri.EscapeDataString(tampered), HttpStatusCode.UnprocessableEntity),
            StringComparison.Ordinal);
        await anonymous.PageAsync("/desinscription", HttpStatusCode.UnprocessableEntity);
        for (var click = 0; click < 2; click++)
        {
            using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
            using var posted = await anonymous.PostAsync(path, oneClick, Ct);
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Contains("id=\"unsubscribed\"", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // The next campaign to everyone skips that address and logs it.
        var news = await CreateAsync(world, $"Nouvelles {tag}", "all");
        Assert.Equal((10, 1), (news.GetProperty("audience").GetProperty("recipients").GetInt32(), news.GetProperty("audience").GetProperty("unsubscribed").GetInt32()));
        await SendAndWaitAsync(world, news);
        var sent = Outbox($"Nouvelles {tag}").Select(m => m.To.Mailboxes.Single().Address).ToList();
        Assert.Equal(9, sent.Count);
        Assert.DoesNotContain(Email(world, 7), sent);
        var log = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{Id(news)}/messages");
        var outcomes = log.EnumerateArray().ToDictionary(l => l.GetProperty("email").GetString()!, l => l.GetProperty("outcome").GetString());
        Assert.Equal(10, outcomes.Count);
        Assert.Equal("unsubscribed", outcomes[Email(world, 7)]);
        Assert.Equal(9, outcomes.Values.Count(o => o == "sent"));
        var status = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{Id(news)}/status");
        Assert.Equal((10, 10, 9, 1), (status.GetProperty("total").GetInt32(), status.GetProperty("done").GetInt32(), status.GetProperty("sent").GetInt32(),
            status.GetProperty("unsubscribed").GetInt32()));

        // The log stays with the coordination; the audit trail has the counts, never an address.
        await world[0].Client.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{Id(news)}/messages", HttpStatusCode.Forbidden);
        await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{Id(news)}/messages", HttpStatusCode.Forbidden);
        var detailPage = await world.Coordinator.PageAsync($"/cpts/{world.Cpts}/campagnes/{Id(news)}");
        Assert.Contains("id=\"sent-log\"", detailPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"send-form\"", detailPage, StringComparison.Ordinal);
        var audit = await world.Coordinator.AuditAsync(world.Cpts);
        Assert.Contains(audit, a => a.Action == "campaign.sent" && a.Details.Contains("9 messages, 1 adresse désinscrite ignorée, 0 échec", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "campaign.created" && a.Details.Contains("3 destinataires", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "campaign.unsubscribed");
        Assert.DoesNotContain(audit, a => a.Details.Contains("@pro.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_send_stopped_midway_resumes_from_the_page_without_writing_twice_to_an_address()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 3);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var list = $"/cpts/{world.Cpts}/campagnes";
        var form = new Dictionary<string, string?>
        {
            ["Form.Name"] = "Assemblée", ["Form.Subject"] = $"Assemblée {tag}", ["Form.Body"] = "Bonjour,\r\nl'assemblée générale a lieu le 12 mars.",
            ["Form.Membership"] = "members", ["Form.Profession"] = "", ["Form.Commune"] = "",
        };
        var (status, html) = await world.Coordinator.PostFormAsync(list, list + "?handler=Count", form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<strong>3 destinataires</strong>", html, StringComparison.Ordinal);
        (status, _) = await world.Coordinator.PostFormAsync(list, list + "?handler=Create", form);
        Assert.Equal(HttpStatusCode.Redirect, status);
        var campaign = (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns")).GetProperty("campaigns")[0];
        Assert.Equal($"Assemblée {tag}", campaign.GetProperty("subject").GetString());

        // A send that stopped after the first address: claimed, one line logged, never stamped as sent.
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
            var stored = await db.Campaigns().FindAsync([Id(campaign)], Ct);
            stored!.SentBy = "coordination";
            db.CampaignMessages().Add(new CampaignMessage
            {
                Id = Guid.NewGuid(), CampaignId = stored.Id, CptsId = world.Cpts, Email = Email(world, 0), Outcome = MessageOutcome.Sent, At = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }

        var stopped = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{Id(campaign)}/status");
        Assert.Equal(("interrupted", 3, 1), (stopped.GetProperty("state").GetString(), stopped.GetProperty("total").GetInt32(), stopped.GetProperty("done").GetInt32()));
        var page = $"{list}/{Id(campaign)}";
        Assert.Contains("Reprendre l&#x27;envoi", await world.Coordinator.PageAsync(page), StringComparison.Ordinal);

        (status, _) = await world.Coordinator.PostFormAsync(page, page + "?handler=Send", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, status);
        await WaitAsync(world, Id(campaign));

        var sent = Outbox($"Assemblée {tag}").Select(m => m.To.Mailboxes.Single().Address).ToHashSet();
        Assert.Equal(new[] { Email(world, 1), Email(world, 2) }.ToHashSet(), sent);
        var log = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{Id(campaign)}/messages");
        Assert.Equal(3, log.GetArrayLength());
        Assert.Equal(3, log.EnumerateArray().Select(l => l.GetProperty("email").GetString()).Distinct().Count());
        var done = await world.Coordinator.PageAsync(page);
        Assert.Contains("id=\"send-bar\" max=\"3\" value=\"3\"", done, StringComparison.Ordinal);
        Assert.Contains("Envoyée", done, StringComparison.Ordinal);
        (status, html) = await world.Coordinator.PostFormAsync(list, page + "?handler=Send", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("déjà été envoyée", html, StringComparison.Ordinal);
    }

    private static string Email(CommunityWorld world, int member) => $"{world[member].Rpps}@pro.example";

    private static Guid Id(JsonElement campaign) => campaign.GetProperty("id").GetGuid();

    private static async Task StatusAsync(CommunityWorld world, int member, string status) =>
        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/members/{world[member].Id}/status", new { status })).ExpectAsync(HttpStatusCode.OK);

    private static async Task<JsonElement> CreateAsync(CommunityWorld world, string subject, string membership) =>
        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/campaigns",
            new { name = subject, subject, body = "Bonjour,\nLa CPTS vous invite à la rejoindre.", membership })).ExpectAsync(HttpStatusCode.Created);

    private static async Task SendAndWaitAsync(CommunityWorld world, JsonElement campaign)
    {
        using var response = await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{Id(campaign)}/send", new { version = campaign.GetProperty("version").GetInt32() });
        await response.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal($"/api/cpts/{world.Cpts}/campaigns/{Id(campaign)}/status", response.Headers.Location?.ToString());
        await WaitAsync(world, Id(campaign));
    }

    /// <summary>Polls the status until the background send has ended; fails if it stopped midway.</summary>
    private static async Task WaitAsync(CommunityWorld world, Guid campaign)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var status = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/campaigns/{campaign}/status");
            var state = status.GetProperty("state").GetString();
            Assert.NotEqual("interrupted", state);
            if (state == "sent")
            {
                return;
            }

            await Task.Delay(50, Ct);
        }

        Assert.Fail("The campaign was still being sent after 600 polls.");
    }

    /// <summary>The messages of the pickup directory with this subject.</summary>
    private List<MimeMessage> Outbox(string subject) =>
        [.. App.Factory.Mails().Where(m => m.Subject == subject)];

    private static string UnsubscribeLink(MimeMessage mail) => mail.Headers["List-Unsubscribe"]!.Trim('<', '>');
}

public sealed class Campaigns_on_sqlite(SqliteApp app) : Campaigns(app), IClassFixture<SqliteApp>;

public sealed class Campaigns_on_postgres(PostgresApp app) : Campaigns(app), IClassFixture<PostgresApp>;
