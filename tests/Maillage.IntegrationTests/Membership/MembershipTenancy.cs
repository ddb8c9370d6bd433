using System.Net;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Membership;

/// <summary>
/// Who reaches the colleges, the member pages and the campaigns of a CPTS: its coordinator and an admin manage; its members read colleges
/// and member pages but never campaigns (403); an officer steering the territory gets 403 (no names, no addresses); one who does not, and
/// another CPTS's coordinator, get 404.
/// </summary>
public abstract class MembershipTenancy(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string[] Routes =
    [
        "GET colleges", "POST colleges", "GET member", "PUT member college", "GET member page", "GET receipt page",
        "GET campaigns", "POST campaigns", "GET audience", "GET campaign", "GET messages", "POST send", "GET campaigns page", "GET campaign page",
    ];

    /// <summary>User → statuses for <see cref="Routes"/>, in order (2xx written as the success code of the route).</summary>
    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 201 200 200 200 200 200 201 200 200 200 409 200 200"),
        ("coordinator", "200 201 200 200 200 200 200 201 200 200 200 409 200 200"),
        ("member", "200 403 200 403 200 200 403 403 403 403 403 403 403 403"),
        ("officer of the département", "403 403 403 403 403 403 403 403 403 403 403 403 403 403"),
        ("officer of another département", "404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
        ("coordinator of another CPTS", "404 404 404 404 404 404 404 404 404 404 404 404 404 404"),
    ];

    public static TheoryData<string, string, int> Matrix => TenancyMatrix.Cases(Routes, Table);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_colleges_member_pages_and_campaigns_only_as_far_as_their_role_allows(string user, string route, int expected)
    {
        var (world, campaign, year) = await App.SharedAsync("membership-tenancy", async () =>
        {
            var w = await CommunityWorld.CreateAsync(App, professionals: 2);
            var y = Http.Today.Year;
            await (await w.Coordinator.PostJsonAsync($"/api/cpts/{w.Cpts}/members/{w[0].Id}/dues", new { year = y, amount = 20m, paidOn = Http.Today }))
                .ExpectAsync(HttpStatusCode.OK);
            var c = await (await w.Coordinator.PostJsonAsync($"/api/cpts/{w.Cpts}/campaigns", new { name = "Tenancy", subject = "Tenancy", body = "Bonjour", membership = "members" }))
                .ExpectAsync(HttpStatusCode.Created);
            var id = c.GetProperty("id").GetGuid();
            await (await w.Coordinator.PostJsonAsync($"/api/cpts/{w.Cpts}/campaigns/{id}/send", new { })).ExpectAsync(HttpStatusCode.Accepted);
            return new TenancyWorld(w, id, y);
        });
        var client = user switch
        {
            "admin" => await App.AdminAsync(),
            "coordinator" => world.Coordinator,
            "member" => world[1].Client,
            "officer of the département" => world.Officer,
            "officer of another département" => world.OtherOfficer,
            _ => world.ForeignCoordinator,
        };
        var (cpts, member) = (world.Cpts, world[0].Id);

        using var response = route switch
        {
            "GET colleges" => await client.GetAsync($"/api/cpts/{cpts}/colleges", Ct),
            "POST colleges" => await client.PostJsonAsync($"/api/cpts/{cpts}/colleges", new { name = Http.Unique("Collège") }),
            "GET member" => await client.GetAsync($"/api/cpts/{cpts}/members/{member}", Ct),
            "PUT member college" => await client.PutJsonAsync($"/api/cpts/{cpts}/members/{member}/college", new { college = "" }),
            "GET member page" => await client.GetAsync($"/cpts/{cpts}/adherents/{member}", Ct),
            "GET receipt page" => await client.GetAsync($"/cpts/{cpts}/adherents/{member}/recu/{year}", Ct),
            "GET campaigns" => await client.GetAsync($"/api/cpts/{cpts}/campaigns", Ct),
            "POST campaigns" => await client.PostJsonAsync($"/api/cpts/{cpts}/campaigns", new { name = "Essai", subject = "Essai", body = "Bonjour" }),
            "GET audience" => await client.GetAsync($"/api/cpts/{cpts}/campaigns/audience?membership=all", Ct),
            "GET campaign" => await client.GetAsync($"/api/cpts/{cpts}/campaigns/{campaign}", Ct),
            "GET messages" => await client.GetAsync($"/api/cpts/{cpts}/campaigns/{campaign}/messages", Ct),
            "POST send" => await client.PostJsonAsync($"/api/cpts/{cpts}/campaigns/{campaign}/send", new { }),
            "GET campaigns page" => await client.GetAsync($"/cpts/{cpts}/campagnes", Ct),
            _ => await client.GetAsync($"/cpts/{cpts}/campagnes/{campaign}", Ct),
        };

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected, $"{user} → {route}: {(int)response.StatusCode}, expected {expected}. {body}");
        if (expected is 403 or 404)
        {
            Assert.DoesNotContain("@pro.example", body, StringComparison.Ordinal);
        }
    }

    /// <summary>The world the matrix shares: a CPTS with two members (the first with paid dues) and a campaign sent to its members.</summary>
    private sealed record TenancyWorld(CommunityWorld World, Guid Campaign, int Year);
}

public sealed class MembershipTenancy_on_sqlite(SqliteApp app) : MembershipTenancy(app), IClassFixture<SqliteApp>;

public sealed class MembershipTenancy_on_postgres(PostgresApp app) : MembershipTenancy(app), IClassFixture<PostgresApp>;
