using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// Who reaches the ACI contract of CPTS A: everyone who may read the CPTS reads it (API and page); only the admin and the officers of the
/// ARS and the CPAM recorded on the contract record it, edit it and amend it (they sign it) — A spans two régions, and the officers of the
/// other région or département read only (issue 11); others get a 404, as for the CPTS itself.
/// </summary>
public abstract class ContractTenancy(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string[] Routes = ["GET contract", "POST contract", "PUT contract", "POST amendment", "GET page"];

    private static readonly (string User, string Statuses)[] Table =
    [
        ("admin", "200 201 200 201 200"),
        ("officer in scope", "200 201 200 201 200"),
        ("ARS of the contract", "200 201 200 201 200"),
        ("ARS of another région", "200 403 403 403 200"),
        ("CPAM of another département", "200 403 403 403 200"),
        ("officer out of scope", "404 404 404 404 404"),
        ("coordinator", "200 403 403 403 200"),
        ("other coordinator", "404 404 404 404 404"),
        ("member", "200 403 403 403 200"),
    ];

    public static TheoryData<string, string, int> Matrix => TenancyMatrix.Cases(Routes, Table);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_user_reaches_the_contract_only_as_far_as_their_role_and_scope_allow(string user, string route, int expected)
    {
        var w = await App.SharedAsync("contract-tenancy", async () =>
        {
            var world = await ContractWorld.CreateAsync(App);
            await ContractWorld.RecordAsync(world.Admin, world.A);
            return world;
        });
        var client = w.Client(user);

        // Recording a contract needs a CPTS without one: those allowed get a fresh one; for the others the rights come first.
        var target = route == "POST contract" && expected == 201 ? await ContractWorld.SignedCptsAsync(App) : w.A;
        var read = await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract");
        var before = read.GetProperty("amendments").GetArrayLength();
        using var response = route switch
        {
            "GET contract" => await client.GetAsync($"/api/cpts/{target}/contract", Ct),
            "POST contract" => await client.PostJsonAsync($"/api/cpts/{target}/contract", ContractWorld.Body()),
            "PUT contract" => await client.PutJsonAsync($"/api/cpts/{target}/contract", new
            {
                arsSignatory = "Directeur général de l'ARS Centre-Val de Loire", cpamSignatory = "Directrice de la CPAM de Loir-et-Cher",
                version = read.GetProperty("version").GetInt32(),
            }),
            "POST amendment" => await client.PostJsonAsync($"/api/cpts/{target}/contract/amendments", new { effectiveOn = Http.Today, summary = Http.Unique("Avenant") }),
            _ => await client.GetAsync($"/cpts/{target}/contrat", Ct),
        };

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True((int)response.StatusCode == expected, $"{user} → {route}: {(int)response.StatusCode}, expected {expected}. {body}");
        if (user.Contains("another", StringComparison.Ordinal) && expected == 403)
        {
            // An officer of the territory who did not sign is told who decides (in French), not just refused.
            Assert.Contains("Centre-Val de Loire", body, StringComparison.Ordinal);
            Assert.Contains("Loir-et-Cher (41)", body, StringComparison.Ordinal);
        }

        var after = (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract")).GetProperty("amendments").GetArrayLength();
        Assert.Equal(route == "POST amendment" && expected == 201 ? before + 1 : before, after);
        if (route == "POST contract" && expected == 201)
        {
            await w.Admin.GetJsonAsync($"/api/cpts/{target}/contract");
        }
    }
}

public sealed class ContractTenancy_on_sqlite(SqliteApp app) : ContractTenancy(app), IClassFixture<SqliteApp>;

public sealed class ContractTenancy_on_postgres(PostgresApp app) : ContractTenancy(app), IClassFixture<PostgresApp>;
