using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// Who reaches the budget of CPTS A: everyone who may read the CPTS reads it, its totals, its exports and its page; the coordinator, the
/// treasurer and the admin write lines; the officer of the territory and the members only read; others get a 404.
/// </summary>
public abstract class BudgetTenancy(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string[] Routes = ["GET budget", "GET years", "POST line", "PUT line", "DELETE line", "GET csv", "GET page"];

    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 200 201 200 204 200 200"),
        ("officer in scope", "200 200 403 403 403 200 200"),
        ("officer out of scope", "404 404 404 404 404 404 404"),
        ("coordinator", "200 200 201 200 204 200 200"),
        ("treasurer", "200 200 201 200 204 200 200"),
        ("member", "200 200 403 403 403 200 200"),
        ("other coordinator", "404 404 404 404 404 404 404"),
    ];

    public static TheoryData<string, string, int> Matrix => TenancyMatrix.Cases(Routes, Table);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_the_budget_only_as_far_as_their_role_and_scope_allow(string user, string route, int expected)
    {
        var shared = await App.SharedAsync("budget-tenancy", async () =>
        {
            var world = await ContractWorld.CreateAsync(App);
            var treasurer = await FundingTreasurer.CreateAsync(App, world.A, world.Coordinator);
            var line = await BudgetCalls.AddAsync(world.Coordinator, world.A, BudgetCalls.Spending());
            return Tuple.Create(world, treasurer, line.Id());
        });
        var (w, line) = (shared.Item1, shared.Item3);
        var client = user == "treasurer" ? shared.Item2 : w.Client(user);
        var budget = $"/api/cpts/{w.A}/budget";
        var count = (await BudgetCalls.ReadAsync(w.Admin, w.A)).GetProperty("lines").GetArrayLength();
        var version = (await BudgetCalls.ReadAsync(w.Admin, w.A)).GetProperty("lines").EnumerateArray().Single(l => l.Id() == line).GetProperty("version").GetInt32();
        var doomed = route == "DELETE line" ? await BudgetCalls.AddAsync(w.Admin, w.A, BudgetCalls.Income()) : default;

        using var response = route switch
        {
            "GET budget" => await client.GetAsync(new Uri(budget, UriKind.Relative), Ct),
            "GET years" => await client.GetAsync(new Uri($"{budget}/years", UriKind.Relative), Ct),
            "POST line" => await client.PostJsonAsync($"{budget}/lines", BudgetCalls.Income("fir")),
            "PUT line" => await client.PutJsonAsync($"{budget}/lines/{line}", BudgetCalls.Spending(change: b => b["version"] = version)),
            "DELETE line" => await client.DeleteAsync(new Uri($"{budget}/lines/{doomed.Id()}?version={doomed.GetProperty("version").GetInt32()}", UriKind.Relative), Ct),
            "GET csv" => await client.GetAsync(new Uri($"{budget}/{BudgetCalls.Year}.csv", UriKind.Relative), Ct),
            _ => await client.GetAsync(new Uri($"/cpts/{w.A}/budget", UriKind.Relative), Ct),
        };

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected, $"{user} → {route}: {(int)response.StatusCode}, expected {expected}. {body}");
        var after = (await BudgetCalls.ReadAsync(w.Admin, w.A)).GetProperty("lines").GetArrayLength();
        Assert.Equal(count + (route == "POST line" && expected == 201 ? 1 : 0) + (route == "DELETE line" && expected != 204 ? 1 : 0), after);
    }
}

public sealed class BudgetTenancy_on_sqlite(SqliteApp app) : BudgetTenancy(app), IClassFixture<SqliteApp>;

public sealed class BudgetTenancy_on_postgres(PostgresApp app) : BudgetTenancy(app), IClassFixture<PostgresApp>;
