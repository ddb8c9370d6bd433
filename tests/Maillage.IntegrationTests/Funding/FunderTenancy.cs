using System.Net;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// Who reaches what the funders record on CPTS A's contract (parameters, crises, payments, the payments page): everyone who reads the
/// contract reads them; the officers of the ARS and the CPAM recorded on the contract and the admin record them; the officers of the
/// territory who did not sign it (issue 11), the coordinator, the treasurer and the members get a 403 on changes; others get a 404. A
/// refused change leaves the records as they were.
/// </summary>
public abstract class FunderTenancy(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string[] Routes =
        ["PUT parameters", "GET crises", "POST crisis", "DELETE crisis", "GET payments", "PUT payment", "DELETE payment", "GET page"];

    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 200 201 204 200 200 204 200"),
        ("officer in scope", "200 200 201 204 200 200 204 200"),
        ("ARS of the contract", "200 200 201 204 200 200 204 200"),
        ("ARS of another région", "403 200 403 403 200 403 403 200"),
        ("CPAM of another département", "403 200 403 403 200 403 403 200"),
        ("officer out of scope", "404 404 404 404 404 404 404 404"),
        ("coordinator", "403 200 403 403 200 403 403 200"),
        ("treasurer", "403 200 403 403 200 403 403 200"),
        ("member", "403 200 403 403 200 403 403 200"),
        ("other coordinator", "404 404 404 404 404 404 404 404"),
    ];

    public static TheoryData<string, string, int> Matrix => TenancyMatrix.Cases(Routes, Table);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_what_the_funders_record_only_as_far_as_their_role_and_scope_allow(string user, string route, int expected)
    {
        var shared = await App.SharedAsync("funder-tenancy", async () =>
        {
            var world = await IndicatorWorld.WithContractAsync(App);
            return Tuple.Create(world, await FundingTreasurer.CreateAsync(App, world.A, world.Coordinator));
        });
        var (w, treasurer) = (shared.Item1, shared.Item2);
        var client = user == "treasurer" ? treasurer : w.Client(user);
        var contract = $"/api/cpts/{w.A}/contract";
        var signed = ContractWorld.SignedOn;

        // Each change starts from the same records: a crisis in year 1, none in year 2, a payment of the access advance of year 1.
        using (await w.Admin.PostJsonAsync($"{contract}/crises", new { year = 1, declaredOn = signed.AddDays(2), description = "Grippe" }))
        using (await w.Admin.DeleteAsync(new Uri($"{contract}/crises/2", UriKind.Relative), Ct))
        {
        }

        await (await w.Admin.PutJsonAsync($"{contract}/payments/1/access/fixed-advance", new { amount = 100m, paidOn = signed })).ExpectAsync(HttpStatusCode.OK);
        var before = await RecordsAsync(w, contract);

        var version = (await w.Admin.GetJsonAsync(contract)).GetProperty("version").GetInt32();
        using var response = route switch
        {
            "PUT parameters" => await client.PutJsonAsync($"{contract}/parameters",
                new { fixedAdvanceShare = 0.75m, variableRule = "proportional", balanceMonths = 3, version }),
            "GET crises" => await client.GetAsync(new Uri($"{contract}/crises", UriKind.Relative), Ct),
            "POST crisis" => await client.PostJsonAsync($"{contract}/crises", new { year = 2, declaredOn = Http.Today, description = "Canicule" }),
            "DELETE crisis" => await client.DeleteAsync(new Uri($"{contract}/crises/1", UriKind.Relative), Ct),
            "GET payments" => await client.GetAsync(new Uri($"{contract}/payments", UriKind.Relative), Ct),
            "PUT payment" => await client.PutJsonAsync($"{contract}/payments/1/operating/operating", new { amount = 5m, paidOn = signed }),
            "DELETE payment" => await client.DeleteAsync(new Uri($"{contract}/payments/1/access/fixed-advance", UriKind.Relative), Ct),
            _ => await client.GetAsync(new Uri($"/cpts/{w.A}/contrat/versements", UriKind.Relative), Ct),
        };

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected, $"{user} → {route}: {(int)response.StatusCode}, expected {expected}. {body}");
        if (expected >= 400)
        {
            Assert.Equal(before, await RecordsAsync(w, contract));
        }

        using (await w.Admin.DeleteAsync(new Uri($"{contract}/payments/1/operating/operating", UriKind.Relative), Ct))
        {
        }
    }

    /// <summary>The crises and payments as the admin reads them.</summary>
    private static async Task<string> RecordsAsync(ContractWorld w, string contract) =>
        (await w.Admin.GetJsonAsync($"{contract}/crises")).GetRawText() + (await w.Admin.GetJsonAsync($"{contract}/payments")).GetRawText();
}

public sealed class FunderTenancy_on_sqlite(SqliteApp app) : FunderTenancy(app), IClassFixture<SqliteApp>;

public sealed class FunderTenancy_on_postgres(PostgresApp app) : FunderTenancy(app), IClassFixture<PostgresApp>;
