using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Association;

/// <summary>
/// Who reaches the meetings of a CPTS: its members and managers read them, those who run the association (coordinator, admin, a
/// member holding a bureau seat) change them; officers who steer the CPTS are refused (403); anyone outside it gets a 404. A refused
/// call changes nothing.
/// </summary>
public abstract class MeetingTenancy(MaillageApp app) : IntegrationTest(app)
{
    public const string List = "GET /meetings";
    public const string Get = "GET /meetings/{id}";
    public const string Ics = "GET /meetings/{id}/invitation.ics";
    public const string Create = "POST /meetings";
    public const string AddItem = "POST /meetings/{id}/agenda";
    public const string ListPage = "GET /cpts/{id}/reunions";
    public const string DetailPage = "GET /cpts/{id}/reunions/{id}";

    private static readonly string[] RouteOrder = [List, Get, Ics, Create, AddItem, ListPage, DetailPage];

    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 200 200 201 200 200 200"),
        ("coordinator", "200 200 200 201 200 200 200"),
        ("bureau member", "200 200 200 201 200 200 200"),
        ("member", "200 200 200 403 403 200 200"),
        ("unlinked member", "200 200 200 403 403 200 200"),
        ("officer of the département", "403 403 403 403 403 403 403"),
        ("officer of another département", "404 404 404 404 404 404 404"),
        ("coordinator of another CPTS", "404 404 404 404 404 404 404"),
        ("member of another CPTS", "404 404 404 404 404 404 404"),
    ];

    public static TheoryData<string, string, int> Matrix => TenancyMatrix.Cases(RouteOrder, Table);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_the_meetings_only_as_far_as_their_role_allows(string user, string route, int expected)
    {
        var (world, meeting, clients) = await App.SharedAsync("meeting-tenancy", async () =>
        {
            var w = await CommunityWorld.CreateAsync(App, professionals: 3);
            await Meetings.SeatAsync(w, 0, "board", "president", Http.Today.AddDays(-10));
            await Meetings.SeatAsync(w, 0, "bureau", "president", Http.Today.AddDays(-10));
            var m = await Meetings.ConvenedAsync(w, "general-assembly");
            var c = new Dictionary<string, HttpClient>
            {
                ["admin"] = await App.AdminAsync(), ["coordinator"] = w.Coordinator, ["bureau member"] = w[0].Client, ["member"] = w[1].Client,
                ["unlinked member"] = w.UnlinkedMember, ["officer of the département"] = w.Officer, ["officer of another département"] = w.OtherOfficer,
                ["coordinator of another CPTS"] = w.ForeignCoordinator, ["member of another CPTS"] = w.ForeignMember.Client,
            };
            return Tuple.Create(w, m.GetProperty("id").GetGuid(), c);
        });
        var url = $"/api/cpts/{world.Cpts}/meetings/{meeting}";
        var before = Meetings.Version(await world.Coordinator.GetJsonAsync(url));

        using var response = await SendAsync(clients[user], route, world, meeting, before);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected, $"{user} → {route}: {(int)response.StatusCode}, expected {expected}. {body}");
        if (expected >= 400 && route is not (ListPage or DetailPage))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var after = Meetings.Version(await world.Coordinator.GetJsonAsync(url));
        Assert.Equal(route == AddItem && expected == 200 ? before + 1 : before, after);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string route, CommunityWorld world, Guid meeting, int version)
    {
        var ct = TestContext.Current.CancellationToken;
        var day = Http.Today.AddDays(40);
        return route switch
        {
            List => await client.GetAsync($"/api/cpts/{world.Cpts}/meetings", ct),
            Get => await client.GetAsync($"/api/cpts/{world.Cpts}/meetings/{meeting}", ct),
            Ics => await client.GetAsync($"/api/cpts/{world.Cpts}/meetings/{meeting}/invitation.ics", ct),
            Create => await client.PostJsonAsync($"/api/cpts/{world.Cpts}/meetings", new
            {
                body = "bureau", title = "Bureau", startsAt = Meetings.Local(day, 9), endsAt = Meetings.Local(day, 10), location = "Visio",
            }),
            AddItem => await client.PostJsonAsync($"/api/cpts/{world.Cpts}/meetings/{meeting}/agenda", new { title = "Point", version }),
            ListPage => await client.GetAsync($"/cpts/{world.Cpts}/reunions", ct),
            DetailPage => await client.GetAsync($"/cpts/{world.Cpts}/reunions/{meeting}", ct),
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
        };
    }
}

public sealed class MeetingTenancy_on_sqlite(SqliteApp app) : MeetingTenancy(app), IClassFixture<SqliteApp>;

public sealed class MeetingTenancy_on_postgres(PostgresApp app) : MeetingTenancy(app), IClassFixture<PostgresApp>;
