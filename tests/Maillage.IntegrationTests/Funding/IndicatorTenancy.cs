using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// Who reaches the indicators of CPTS A's contract: everyone who may read the contract reads them and the achievement; the coordinator
/// (and the admin) defines indicators (the delete is then refused with a 409: the indicator has a value); the coordinator, the treasurer
/// and the admin record values, adjust targets, mark obsolete and compute; the officer of the territory and the members only read;
/// others get a 404.
/// </summary>
public abstract class IndicatorTenancy(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string[] Routes =
        ["GET indicators", "POST indicator", "PUT value", "GET achievement", "GET page", "DELETE indicator", "POST adjustment", "POST obsolete", "POST compute"];

    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 201 200 200 200 409 201 200 200"),
        ("officer in scope", "200 403 403 200 200 403 403 403 403"),
        ("officer out of scope", "404 404 404 404 404 404 404 404 404"),
        ("coordinator", "200 201 200 200 200 409 201 200 200"),
        ("treasurer", "200 403 200 200 200 403 201 200 200"),
        ("other coordinator", "404 404 404 404 404 404 404 404 404"),
        ("member", "200 403 403 200 200 403 403 403 403"),
    ];

    public static TheoryData<string, string, int> Matrix => TenancyMatrix.Cases(Routes, Table);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_the_indicators_only_as_far_as_their_role_and_scope_allow(string user, string route, int expected)
    {
        var shared = await App.SharedAsync("indicator-tenancy", async () =>
        {
            var world = await IndicatorWorld.WithContractAsync(App);
            var added = await IndicatorWorld.AddAsync(world.Coordinator, world.A, IndicatorWorld.Body("access", 1m, null, (1, 10m)));
            await IndicatorWorld.RecordAsync(world.Coordinator, world.A, added.Id(), 1, 5m);
            return Tuple.Create(world, added.Id(), await FundingTreasurer.CreateAsync(App, world.A, world.Coordinator));
        });
        var (w, indicator) = (shared.Item1, shared.Item2);
        var client = user == "treasurer" ? shared.Item3 : w.Client(user);
        var url = $"/api/cpts/{w.A}/contract/indicators/{indicator}";
        var version = (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).EnumerateArray().Single(i => i.Id() == indicator)
            .GetProperty("version").GetInt32();

        var count = (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).GetArrayLength();
        using var response = route switch
        {
            "GET indicators" => await client.GetAsync(new Uri($"/api/cpts/{w.A}/contract/indicators", UriKind.Relative), Ct),
            "POST indicator" => await client.PostJsonAsync($"/api/cpts/{w.A}/contract/indicators", IndicatorWorld.Body("pathways", 0.1m)),
            "PUT value" => await client.PutJsonAsync($"/api/cpts/{w.A}/contract/indicators/{indicator}/values/1", new { achieved = 5 }),
            "GET achievement" => await client.GetAsync(new Uri($"/api/cpts/{w.A}/contract/achievement", UriKind.Relative), Ct),
            "DELETE indicator" => await client.DeleteAsync(new Uri($"{url}?version={version}", UriKind.Relative), Ct),
            "POST adjustment" => await client.PostJsonAsync($"{url}/adjustments",
                new { year = 1, target = 12, reason = "Comité de suivi", agreedBy = "CPAM, ARS, bureau", agreedOn = Http.Today, version }),
            "POST obsolete" => await client.PostJsonAsync($"{url}/obsolete", new { fromYear = 5, reason = "Action arrêtée", version }),
            "POST compute" => await client.PostJsonAsync($"/api/cpts/{w.A}/contract/indicators/compute?year=1", new { }),
            _ => await client.GetAsync(new Uri($"/cpts/{w.A}/contrat/indicateurs", UriKind.Relative), Ct),
        };

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected, $"{user} → {route}: {(int)response.StatusCode}, expected {expected}. {body}");
        var after = (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).GetArrayLength();
        Assert.Equal(route == "POST indicator" && expected == 201 ? count + 1 : count, after);
    }
}

public sealed class IndicatorTenancy_on_sqlite(SqliteApp app) : IndicatorTenancy(app), IClassFixture<SqliteApp>;

public sealed class IndicatorTenancy_on_postgres(PostgresApp app) : IndicatorTenancy(app), IClassFixture<PostgresApp>;
