using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Association;

/// <summary>
/// The tenancy matrix of the association's routes and pages: who reads (the CPTS's members and managers), who runs (coordinator, admin),
/// who proposes (a linked member); officers are refused even on their territory (403), another CPTS's people do not learn it exists (404);
/// a refused call changes nothing.
/// </summary>
public abstract class AssociationTenancy(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string[] Routes =
    [
        "GET bodies", "PUT body", "POST mandate", "GET working-groups", "POST working-group", "GET proposals", "POST proposal", "POST forward",
        "GET decisions", "GET decisions/export", "page association", "page propositions",
    ];

    /// <summary>user → statuses for <see cref="Routes"/>, in order.</summary>
    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 200 201 200 201 200 403 200 200 200 200 200"),
        ("coordinator", "200 200 201 200 201 200 403 200 200 200 200 200"),
        ("foreign coordinator", "404 404 404 404 404 404 404 404 404 404 404 404"),
        ("linked member", "200 403 403 200 403 200 201 403 200 200 200 200"),
        ("foreign linked member", "404 404 404 404 404 404 404 404 404 404 404 404"),
        ("unlinked member", "200 403 403 200 403 200 403 403 200 200 200 200"),
        ("officer of the département", "403 403 403 403 403 403 403 403 403 403 403 403"),
        ("officer of another département", "404 404 404 404 404 404 404 404 404 404 404 404"),
    ];

    public static TheoryData<string, string> Matrix
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (user, statuses) in Table)
            {
                data.Add(user, statuses);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_the_association_only_as_far_as_their_role_and_cpts_allow(string user, string statuses)
    {
        var world = await App.SharedAsync("association-tenancy", () => CommunityWorld.CreateAsync(App, professionals: 8));
        var client = user switch
        {
            "admin" => await App.AdminAsync(),
            "coordinator" => world.Coordinator,
            "foreign coordinator" => world.ForeignCoordinator,
            "linked member" => world[0].Client,
            "foreign linked member" => world.ForeignMember.Client,
            "unlinked member" => world.UnlinkedMember,
            "officer of the département" => world.Officer,
            _ => world.OtherOfficer,
        };
        // Each user that may add a seat adds it for another member, so that successes do not collide.
        var seatFor = world[Array.FindIndex(Table, r => r.User == user)].Id;
        var expected = statuses.Split(' ').Select(int.Parse).ToArray();
        var failures = new List<string>();
        for (var i = 0; i < Routes.Length; i++)
        {
            // A fresh proposal awaiting the bureau for each attempt to forward one.
            var proposal = Routes[i] == "POST forward" ? (await world[1].Client.SubmitAsync(world.Cpts, Http.Unique("À transmettre"))).GetProperty("id").GetGuid() : default;
            var before = await SnapshotAsync(world);
            var (status, body) = await SendAsync(world, client, Routes[i], seatFor, proposal);
            if (status != expected[i])
            {
                failures.Add($"{Routes[i]}: {status}, expected {expected[i]}. {body}");
            }

            if (status >= 400 && await SnapshotAsync(world) != before)
            {
                failures.Add($"{Routes[i]}: refused with {status} but something changed");
            }
        }

        Assert.True(failures.Count == 0, $"{user}:\n" + string.Join("\n", failures));
    }

    private async Task<(int Status, string Body)> SendAsync(CommunityWorld world, HttpClient client, string route, Guid seatFor, Guid proposal)
    {
        var api = $"/api/cpts/{world.Cpts}";
        using var response = route switch
        {
            "GET bodies" => await client.GetAsync($"{api}/bodies", Ct),
            "PUT body" => await client.PutJsonAsync($"{api}/bodies/board",
                new { noticeDays = 10, quorumPercent = 50, maxProxiesPerHolder = 1, version = (await BoardAsync(world)).GetProperty("version").GetInt32() }),
            "POST mandate" => await client.PostJsonAsync($"{api}/bodies/board/mandates", new { memberId = seatFor, office = "member" }),
            "GET working-groups" => await client.GetAsync($"{api}/working-groups", Ct),
            "POST working-group" => await client.PostJsonAsync($"{api}/working-groups", new { name = Http.Unique("Groupe") }),
            "GET proposals" => await client.GetAsync($"{api}/proposals", Ct),
            "POST proposal" => await client.PostJsonAsync($"{api}/proposals", new { title = Http.Unique("Proposition"), description = "Pour voir." }),
            "POST forward" => await client.PostJsonAsync($"{api}/proposals/{proposal}/forward", new { }),
            "GET decisions" => await client.GetAsync($"{api}/decisions", Ct),
            "GET decisions/export" => await client.GetAsync($"{api}/decisions/export?format=csv", Ct),
            "page association" => await client.GetAsync($"/cpts/{world.Cpts}/association", Ct),
            _ => await client.GetAsync($"/cpts/{world.Cpts}/propositions", Ct),
        };
        var body = await response.Content.ReadAsStringAsync(Ct);
        return ((int)response.StatusCode, body.Length > 300 ? body[..300] : body);
    }

    private async Task<JsonElement> BoardAsync(CommunityWorld world) => (await (await App.AdminAsync()).BodiesAsync(world.Cpts)).Body("board");

    /// <summary>What a refused call must leave alone: the board's version and mandates, the groups, the proposals and their statuses.</summary>
    private async Task<string> SnapshotAsync(CommunityWorld world)
    {
        var admin = await App.AdminAsync();
        var board = await BoardAsync(world);
        var groups = (await admin.GetJsonAsync($"/api/cpts/{world.Cpts}/working-groups")).GetProperty("workingGroups").GetArrayLength();
        var proposals = (await admin.GetJsonAsync($"/api/cpts/{world.Cpts}/proposals")).GetProperty("proposals").EnumerateArray()
            .Select(p => p.GetProperty("status").GetString()).ToList();
        return $"{board.GetProperty("version").GetInt32()} {board.GetProperty("current").GetArrayLength()} {groups} {proposals.Count} "
            + proposals.Count(s => s != "submitted");
    }
}

public sealed class AssociationTenancy_on_sqlite(SqliteApp app) : AssociationTenancy(app), IClassFixture<SqliteApp>;

public sealed class AssociationTenancy_on_postgres(PostgresApp app) : AssociationTenancy(app), IClassFixture<PostgresApp>;
