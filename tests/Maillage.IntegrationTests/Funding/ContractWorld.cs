using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// Two CPTS: A at the stage « ACI signé », across two régions like Redon (two communes of Loir-et-Cher, in Centre-Val de Loire, and one of
/// Sarthe, in Pays de la Loire), its contracts signed by the ARS Centre-Val de Loire (24) and the CPAM of Loir-et-Cher (41); B, of
/// Loir-et-Cher, at the pre-project stage. The admin; the officer of the contract's CPAM (41, « officer in scope ») and of its ARS (24);
/// the officers whose scope touches A but who did not sign (the ARS Pays de la Loire, 52, and the CPAM of Sarthe, 72); one of another
/// département (18); the coordinator and a member of A, and the coordinator of B.
/// </summary>
public sealed record ContractWorld(Guid A, Guid B, HttpClient Admin, HttpClient Officer, HttpClient OtherOfficer, HttpClient Coordinator,
    HttpClient Member, HttpClient OtherCoordinator, HttpClient ContractArs, HttpClient OtherRegionArs, HttpClient OtherDepartementCpam)
{
    /// <summary>The ARS région and the CPAM département the tests' contracts name.</summary>
    public const string ArsRegion = "24";

    public const string CpamDepartement = "41";

    /// <summary>
    /// The client of a user of the tenancy tables: admin, officer in scope (the contract's CPAM), ARS of the contract, ARS of another région
    /// (of the territory, not of the contract), CPAM of another département (idem), officer out of scope, coordinator, other coordinator, member.
    /// </summary>
    public HttpClient Client(string user) => user switch
    {
        "admin" => Admin,
        "officer in scope" => Officer,
        "ARS of the contract" => ContractArs,
        "ARS of another région" => OtherRegionArs,
        "CPAM of another département" => OtherDepartementCpam,
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
        return new ContractWorld(a, b, admin, await app.ClientForAsync(Role.Officer, departement: CpamDepartement),
            await app.ClientForAsync(Role.Officer, departement: "18"), await app.ClientForAsync(Role.Coordinator, a), await app.ClientForAsync(Role.Member, a),
            await app.ClientForAsync(Role.Coordinator, b), await app.ClientForAsync(Role.Officer, region: ArsRegion), await app.ClientForAsync(Role.Officer, region: "52"),
            await app.ClientForAsync(Role.Officer, departement: "72"));
    }

    /// <summary>A new CPTS of the départements 41 (two communes) and 72 (one), so of two régions, brought to the stage « ACI signé » today.</summary>
    public static async Task<Guid> SignedCptsAsync(MaillageApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = await app.AdminAsync();
        var id = (await admin.CreateCptsAsync(Http.Unique("CPTS sous contrat"), [.. app.Communes.Take("41", 2), .. app.Communes.Take("72", 1)])).Id();
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
            ["arsRegion"] = ArsRegion, ["cpamDepartement"] = CpamDepartement,
        };
        change?.Invoke(body);
        return body;
    }

    public static async Task<JsonElement> RecordAsync(HttpClient client, Guid cpts, Action<Dictionary<string, object?>>? change = null) =>
        await (await client.PostJsonAsync($"/api/cpts/{cpts}/contract", Body(change))).ExpectAsync(HttpStatusCode.Created);
}
