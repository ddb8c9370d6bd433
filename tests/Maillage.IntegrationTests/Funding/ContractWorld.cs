using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// Two CPTS of Loir-et-Cher: A at the stage « ACI signé », B at the pre-project stage; the admin, an officer of the département (41)
/// and one of another (18), the coordinator and a member of A, and the coordinator of B.
/// </summary>
public sealed record ContractWorld(Guid A, Guid B, HttpClient Admin, HttpClient Officer, HttpClient OtherOfficer, HttpClient Coordinator,
    HttpClient Member, HttpClient OtherCoordinator)
{
    /// <summary>The client of a user of the tenancy tables: admin, officer in scope, officer out of scope, coordinator, other coordinator, member.</summary>
    public HttpClient Client(string user) => user switch
    {
        "admin" => Admin,
        "officer in scope" => Officer,
        "officer out of scope" => OtherOfficer,
        "coordinator" => Coordinator,
        "other coordinator" => OtherCoordinator,
        _ => Member,
    };

    /// <summary>The signature date of the contracts the tests record: a year ago, so that today is inside the contract.</summary>
    public static DateOnly SignedOn => Http.Today.AddYears(-1);

    public static async Task<ContractWorld> CreateAsync(MaillageApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = await app.AdminAsync();
        var a = await SignedCptsAsync(app);
        var b = (await admin.CreateCptsAsync(Http.Unique("CPTS sans contrat"), app.Communes.Take("41", 1))).Id();
        return new ContractWorld(a, b, admin, await app.ClientForAsync(Role.Officer, departement: "41"), await app.ClientForAsync(Role.Officer, departement: "18"),
            await app.ClientForAsync(Role.Coordinator, a), await app.ClientForAsync(Role.Member, a), await app.ClientForAsync(Role.Coordinator, b));
    }

    /// <summary>A new CPTS of the département 41 brought to the stage « ACI signé » today.</summary>
    public static async Task<Guid> SignedCptsAsync(MaillageApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = await app.AdminAsync();
        var id = (await admin.CreateCptsAsync(Http.Unique("CPTS sous contrat"), app.Communes.Take("41", 2))).Id();
        foreach (var stage in new[] { "letter-validated", "health-project-validated", "aci-signed" })
        {
            await admin.RecordStageAsync(id, stage);
        }

        return id;
    }

    /// <summary>The body of a valid contract; <paramref name="change"/> overrides fields.</summary>
    public static Dictionary<string, object?> Body(Action<Dictionary<string, object?>>? change = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["signedOn"] = SignedOn, ["arsSignatory"] = "Directeur général de l'ARS Centre-Val de Loire",
            ["cpamSignatory"] = "Directrice de la CPAM de Loir-et-Cher", ["missions"] = new[] { "quality" },
        };
        change?.Invoke(body);
        return body;
    }

    public static async Task<JsonElement> RecordAsync(HttpClient client, Guid cpts, Action<Dictionary<string, object?>>? change = null) =>
        await (await client.PostJsonAsync($"/api/cpts/{cpts}/contract", Body(change))).ExpectAsync(HttpStatusCode.Created);
}
