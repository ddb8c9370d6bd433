using System.Net;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Membership;

/// <summary>
/// The pages of one adhérent: its identity, status history and dues for the CPTS, the forms for its coordinator (a stale status form
/// gets a French 409), the printable receipt of a paid year; and the directory's « Rendre adhérent » button.
/// </summary>
public abstract class MemberPages(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_member_page_shows_history_and_dues_to_the_cpts_and_the_forms_to_its_coordinator_only()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var page = $"/cpts/{world.Cpts}/adherents/{world[0].Id}";
        var version = (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}")).GetProperty("version").GetInt32();

        var coordinator = await world.Coordinator.PageAsync(page);
        Assert.Contains("<h1>Durand Paul</h1>", coordinator, StringComparison.Ordinal);
        Assert.Contains("id=\"status-history\"", coordinator, StringComparison.Ordinal);
        foreach (var form in new[] { "status-form", "dues-form", "college-form" })
        {
            Assert.Contains($"id=\"{form}\"", coordinator, StringComparison.Ordinal);
        }

        var member = await world[1].Client.PageAsync(page);
        Assert.Contains("<h1>Durand Paul</h1>", member, StringComparison.Ordinal);
        Assert.DoesNotContain("status-form", member, StringComparison.Ordinal);
        Assert.DoesNotContain("dues-form", member, StringComparison.Ordinal);
        await world.Officer.PageAsync(page, HttpStatusCode.Forbidden);
        await world.ForeignCoordinator.PageAsync(page, HttpStatusCode.NotFound);
        await world.Coordinator.PageAsync($"/cpts/{world.Cpts}/adherents/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        Assert.Contains($"href=\"/cpts/{world.Cpts}/adherents/{world[0].Id}\"", await world[1].Client.PageAsync($"/cpts/{world.Cpts}/adherents"),
            StringComparison.Ordinal);

        // A status form read before someone else's change is refused in French; the fresh one records the reason and its author.
        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}/status", new { status = "active" }))
            .ExpectAsync(HttpStatusCode.OK);
        var (status, html) = await world.Coordinator.PostFormAsync(page, page + "?handler=Status", new Dictionary<string, string?>
        {
            ["status"] = "former", ["reason"] = "Départ", ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("modifiées par quelqu", html, StringComparison.Ordinal);
        (status, html) = await world.Coordinator.PostFormAsync(page, page + "?handler=Status", new Dictionary<string, string?>
        {
            ["status"] = "former", ["reason"] = "Départ en retraite", ["version"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<td>Ancien adhérent</td>", html, StringComparison.Ordinal);
        Assert.Contains("Départ en retraite", html, StringComparison.Ordinal);

        // Dues typed the French way, paid: a receipt number and its printable page.
        var year = Http.Today.Year;
        (status, html) = await world.Coordinator.PostFormAsync(page, page + "?handler=Dues", new Dictionary<string, string?>
        {
            ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["amount"] = "30,50",
            ["paidOn"] = Http.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"reçu CPTS-{year}-0001", html, StringComparison.Ordinal);
        var receipt = await world.Coordinator.PageAsync($"{page}/recu/{year}");
        Assert.Contains($"<span id=\"receipt-number\">CPTS-{year}-0001</span>", receipt, StringComparison.Ordinal);
        Assert.Contains(world.CptsName, receipt, StringComparison.Ordinal);
        Assert.Contains("Durand Paul", receipt, StringComparison.Ordinal);
        Assert.Contains("30,50 €", receipt, StringComparison.Ordinal);
        Assert.Contains(Maillage.Platform.French.Date(Http.Today), receipt, StringComparison.Ordinal);
        await world[1].Client.PageAsync($"{page}/recu/{year}");
        await world.Coordinator.PageAsync($"{page}/recu/{year - 1}", HttpStatusCode.NotFound);
        await world.Officer.PageAsync($"{page}/recu/{year}", HttpStatusCode.Forbidden);

        (status, _) = await world.Coordinator.PostFormAsync(page, page + "?handler=Dues", new Dictionary<string, string?> { ["year"] = "2026", ["amount"] = "trente" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
    }

    [Fact]
    public async Task The_coordinator_makes_a_professional_of_the_directory_a_member_from_its_row()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var (rpps, _) = (await world.AddProfessionalsAsync(("Zola", "10", 1, true)))[0];
        var directory = $"/cpts/{world.Cpts}/annuaire";
        var entry = (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/directory?q={rpps}")).GetProperty("items")[0];
        var professional = entry.GetProperty("id").GetGuid();

        var before = await world.Coordinator.PageAsync(directory);
        Assert.Contains("Rendre adhérent : Zola Camille", before, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cpts/{world.Cpts}/adherents/{world[0].Id}\">Adhérent</a>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Rendre adhérent", await world[0].Client.PageAsync(directory), StringComparison.Ordinal);

        var (status, html) = await world.Coordinator.PostFormAsync(directory, $"{directory}?q=Zola&handler=MakeMember",
            new Dictionary<string, string?> { ["professionalId"] = professional.ToString() });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"member-made\"", html, StringComparison.Ordinal);
        Assert.Contains("Zola Camille est désormais adhérent", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Rendre adhérent : Zola", html, StringComparison.Ordinal);
        var members = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/members");
        var made = members.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("rpps").GetString() == rpps);
        Assert.Equal(("member", Http.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (made.GetProperty("status").GetString(), made.GetProperty("since").GetString()));

        (status, html) = await world.Coordinator.PostFormAsync(directory, $"{directory}?handler=MakeMember",
            new Dictionary<string, string?> { ["professionalId"] = professional.ToString() });
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("Déjà adhérent", html, StringComparison.Ordinal);
        (status, _) = await world[0].Client.PostFormAsync(directory, $"{directory}?handler=MakeMember",
            new Dictionary<string, string?> { ["professionalId"] = professional.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }
}

public sealed class MemberPages_on_sqlite(SqliteApp app) : MemberPages(app), IClassFixture<SqliteApp>;

public sealed class MemberPages_on_postgres(PostgresApp app) : MemberPages(app), IClassFixture<PostgresApp>;
