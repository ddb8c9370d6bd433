using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;

namespace Maillage.IntegrationTests.Lifecycle;

/// <summary>
/// The tenancy matrix: six users × four CPTS × six routes. A CPTS the caller may not read is a 404 (its existence is
/// not disclosed); one it may read but not change is a 403; a refused call changes nothing.
/// CPTS A is in Pays de la Loire (Angers, région 52), B in Paris (14e), C in Lyon's suburbs (Villeurbanne, région 84),
/// which is foreign to every user but the administrator, and "missing" is an id no CPTS has.
/// </summary>
public abstract class Tenancy(MaillageApp app) : IntegrationTest(app)
{
    public const string Get = "GET /api/cpts/{id}";
    public const string PutIdentity = "PUT /api/cpts/{id} (identity)";
    public const string PutTerritory = "PUT /api/cpts/{id} (territory)";
    public const string PostStage = "POST /api/cpts/{id}/stage";
    public const string PutLetter = "PUT /api/cpts/{id}/letter";
    public const string GetAudit = "GET /api/cpts/{id}/audit";

    private static readonly string[] RouteOrder = [Get, PutIdentity, PutTerritory, PostStage, PutLetter, GetAudit];

    /// <summary>(user, CPTS) → statuses for the routes in the order of <see cref="RouteOrder"/>.</summary>
    private static readonly (string User, string Cpts, string Statuses)[] Table =
    [
        ("admin", "A", "200 200 200 200 200 200"),
        ("admin", "B", "200 200 200 200 200 200"),
        ("admin", "C", "200 200 200 200 200 200"),
        ("admin", "missing", "404 404 404 404 404 404"),
        ("officer of région 52", "A", "200 403 200 200 403 200"),
        ("officer of région 52", "B", "404 404 404 404 404 404"),
        ("officer of région 52", "C", "404 404 404 404 404 404"),
        ("officer of région 52", "missing", "404 404 404 404 404 404"),
        ("officer of département 75", "A", "404 404 404 404 404 404"),
        ("officer of département 75", "B", "200 403 200 200 403 200"),
        ("officer of département 75", "C", "404 404 404 404 404 404"),
        ("officer of département 75", "missing", "404 404 404 404 404 404"),
        ("coordinator of A", "A", "200 200 200 200 200 200"),
        ("coordinator of A", "B", "404 404 404 404 404 404"),
        ("coordinator of A", "C", "404 404 404 404 404 404"),
        ("coordinator of A", "missing", "404 404 404 404 404 404"),
        ("member of A", "A", "200 403 403 403 403 403"),   // the journal names who did what: not for members (issue 11)
        ("member of A", "B", "404 404 404 404 404 404"),
        ("member of A", "C", "404 404 404 404 404 404"),
        ("member of A", "missing", "404 404 404 404 404 404"),
        ("coordinator of B", "A", "404 404 404 404 404 404"),
        ("coordinator of B", "B", "200 200 200 200 200 200"),
        ("coordinator of B", "C", "404 404 404 404 404 404"),
        ("coordinator of B", "missing", "404 404 404 404 404 404"),
    ];

    public static TheoryData<string, string, string, int> Matrix
    {
        get
        {
            var data = new TheoryData<string, string, string, int>();
            foreach (var (user, cpts, statuses) in Table)
            {
                var codes = statuses.Split(' ');
                for (var i = 0; i < RouteOrder.Length; i++)
                {
                    data.Add(user, cpts, RouteOrder[i], int.Parse(codes[i], System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return data;
        }
    }

    public static TheoryData<string, string> Lists { get; } = new()
    {
        { "admin", "A B C" },
        { "officer of région 52", "A" },
        { "officer of département 75", "B" },
        { "coordinator of A", "A" },
        { "member of A", "A" },
        { "coordinator of B", "B" },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_a_cpts_only_as_far_as_their_role_and_scope_allow(string user, string cpts, string route, int expected)
    {
        var world = await WorldAsync();
        var client = world.Clients[user];
        var id = world.Ids[cpts];
        var before = cpts == "missing" ? default : await world.Admin.GetJsonAsync($"/api/cpts/{id}");

        using var response = await SendAsync(client, route, id, before, world.Territories[cpts]);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected, $"{user} → {route} on CPTS {cpts}: {(int)response.StatusCode}, expected {expected}. {body}");
        if (expected != 200)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        if (cpts == "missing")
        {
            return;
        }

        var after = await world.Admin.GetJsonAsync($"/api/cpts/{id}");
        var changes = route is PutIdentity or PutTerritory or PostStage or PutLetter;
        var version = before.GetProperty("version").GetInt32();
        Assert.Equal(changes && expected == 200 ? version + 1 : version, after.GetProperty("version").GetInt32());
        if (expected == 200 && route == PostStage)
        {
            Assert.NotEqual(before.GetProperty("stage").GetString(), after.GetProperty("stage").GetString());
        }
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task The_list_holds_only_the_cpts_the_user_may_read(string user, string readable)
    {
        var world = await WorldAsync();
        var list = await world.Clients[user].GetJsonAsync("/api/cpts");
        var ids = list.EnumerateArray().Select(c => c.Id()).ToHashSet();
        var expected = readable.Split(' ').Select(name => world.Ids[name]).ToHashSet();
        Assert.Equal(expected, ids.Intersect(world.Ids.Values).ToHashSet());
        if (user != "admin")
        {
            Assert.Equal(expected.Count, ids.Count);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string route, Guid id, JsonElement before, (string[] Base, string Extra) territory)
    {
        var ct = TestContext.Current.CancellationToken;
        var found = before.ValueKind == JsonValueKind.Object;
        var version = found ? before.GetProperty("version").GetInt32() : 1;
        switch (route)
        {
            case Get:
                return await client.GetAsync($"/api/cpts/{id}", ct);
            case GetAudit:
                return await client.GetAsync($"/api/cpts/{id}/audit", ct);
            case PutIdentity:
                return await client.PutJsonAsync($"/api/cpts/{id}", new { name = Http.Unique("CPTS renommée"), version });
            case PutTerritory:
                // Toggles one commune, so that an allowed call always changes the territory.
                var codes = territory.Base.ToList();
                if (found && before.GetProperty("territory").GetArrayLength() == codes.Count)
                {
                    codes.Add(territory.Extra);
                }

                return await client.PutJsonAsync($"/api/cpts/{id}", new { territory = codes, version });
            case PostStage:
                var next = (found ? before.GetProperty("stage").GetString() : "pre-project") switch
                {
                    "pre-project" => "letter-validated",
                    "letter-validated" => "health-project-validated",
                    _ => "aci-signed",
                };
                return await client.PostJsonAsync($"/api/cpts/{id}/stage", new { stage = next, date = Http.Today, version });
            case PutLetter:
                return await client.PutJsonAsync($"/api/cpts/{id}/letter", new { objectives = Http.Unique("Accès aux soins non programmés"), version });
            default:
                throw new ArgumentOutOfRangeException(nameof(route), route, null);
        }
    }

    private sealed record World(HttpClient Admin, IReadOnlyDictionary<string, Guid> Ids, IReadOnlyDictionary<string, HttpClient> Clients,
        IReadOnlyDictionary<string, (string[] Base, string Extra)> Territories);

    private Task<World> WorldAsync() => App.SharedAsync("tenancy", async () =>
    {
        var admin = await App.AdminAsync();
        var territories = new Dictionary<string, (string[] Base, string Extra)>
        {
            ["A"] = (["49007"], "49015"),   // Angers, Avrillé (Maine-et-Loire, Pays de la Loire)
            ["B"] = (["75114"], "75115"),   // Paris 14e, 15e
            ["C"] = (["69266"], "69259"),   // Villeurbanne, Vénissieux (Rhône, Auvergne-Rhône-Alpes)
        };
        var ids = new Dictionary<string, Guid>();
        foreach (var (name, territory) in territories)
        {
            ids[name] = (await admin.CreateCptsAsync(Http.Unique($"CPTS {name}"), territory.Base)).Id();
        }

        ids["missing"] = Guid.NewGuid();
        territories["missing"] = (["35236"], "35001");

        var clients = new Dictionary<string, HttpClient>
        {
            ["admin"] = admin,
            ["officer of région 52"] = await App.ClientForAsync(Role.Officer, region: "52"),
            ["officer of département 75"] = await App.ClientForAsync(Role.Officer, departement: "75"),
            ["coordinator of A"] = await App.ClientForAsync(Role.Coordinator, ids["A"]),
            ["member of A"] = await App.ClientForAsync(Role.Member, ids["A"]),
            ["coordinator of B"] = await App.ClientForAsync(Role.Coordinator, ids["B"]),
        };
        return new World(admin, ids, clients, territories);
    });
}

public sealed class Tenancy_on_sqlite(SqliteApp app) : Tenancy(app), IClassFixture<SqliteApp>;

public sealed class Tenancy_on_postgres(PostgresApp app) : Tenancy(app), IClassFixture<PostgresApp>;
