using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using static Maillage.IntegrationTests.Directory.DirectoryData;

namespace Maillage.IntegrationTests.Directory;

/// <summary>
/// The directory end to end: a file posted to <c>POST /api/cpts/{id}/directory/import</c> (CSV or Annuaire Santé
/// FHIR Bundle) goes through the readers and <c>MergeDirectory</c>; <c>GET /api/cpts/{id}/directory</c> shows each
/// role the work contacts <c>DirectoryAccess</c> allows: all to the coordinator, the published ones to members,
/// none to officers, nothing at all to another CPTS's coordinator.
/// </summary>
public abstract class DirectoryApi(MaillageApp app) : IntegrationTest(app)
{
    private const string Header = "rpps;nom;prenom;profession;specialite;mode;commune;code_postal;ville;adresse;structure_finess;structure_siret;structure_nom;structure_type;email_pro;telephone_pro;mssante;publication";

    [Fact]
    public async Task A_csv_imported_by_the_coordinator_shows_each_role_the_contacts_the_rules_allow()
    {
        var world = await WorldAsync("41");
        var (published, unpublished, outsider, badKey) = (NewRpps(), NewRpps(), NewRpps(), WithWrongKey(NewRpps()));
        var finess = NewFiness("41");
        var csv = Csv(
            $"{published};Durand;Paul;60;;L;{world.Communes[0]};;;2 rue Haute;{finess};;MSP du Val;MSP;paul.durand@example.fr;02 54 00 00 01;paul.durand@infirmier.mssante.fr;oui",
            $"{unpublished};Martin;Claire;10;SM54;L;{world.Communes[1]};;;;;;;;claire.martin@example.fr;02 54 00 00 02;;non",
            $"{outsider};Petit;Jean;70;;L;{world.Elsewhere};;;;;;;;jean.petit@example.fr;;;oui",
            $"{badKey};Roux;Anne;60;;L;{world.Communes[0]};;;;;;;;;;;");

        var report = await (await PostFileAsync(world.Coordinator, world.Cpts, csv, "annuaire.csv")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((3, 0, 0, 1), (Int(report, "created"), Int(report, "updated"), Int(report, "unchanged"), Int(report, "outsideTerritory")));
        var rejected = Assert.Single(report.GetProperty("rejected").EnumerateArray());
        Assert.Equal($"ligne 5 : RPPS {badKey}", rejected.GetProperty("record").GetString());
        Assert.Contains("clé de contrôle", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);

        var coordinator = await ListingAsync(world.Coordinator, world.Cpts);
        Assert.True(coordinator.GetProperty("contactsVisible").GetBoolean());
        Assert.Equal(2, coordinator.GetProperty("total").GetInt32());
        Assert.Equal(("paul.durand@example.fr", "02 54 00 00 01", true), Contacts(coordinator, published));
        Assert.Equal(("claire.martin@example.fr", "02 54 00 00 02", false), Contacts(coordinator, unpublished));
        Assert.Equal("MSP du Val", Entry(coordinator, published).GetProperty("places")[0].GetProperty("structureName").GetString());
        Assert.Equal("paul.durand@infirmier.mssante.fr", Entry(coordinator, published).GetProperty("mssanteAddress").GetString());

        var member = await ListingAsync(world.Member, world.Cpts);
        Assert.True(member.GetProperty("contactsVisible").GetBoolean());
        Assert.Equal(("paul.durand@example.fr", "02 54 00 00 01", true), Contacts(member, published));
        Assert.Equal(((string?)null, (string?)null, false), Contacts(member, unpublished));
        Assert.DoesNotContain("claire.martin@example.fr", member.GetRawText(), StringComparison.Ordinal);

        var officer = await ListingAsync(world.Officer, world.Cpts);
        Assert.False(officer.GetProperty("contactsVisible").GetBoolean());
        Assert.Equal(2, officer.GetProperty("total").GetInt32());
        Assert.Equal(((string?)null, (string?)null, (bool?)null), Contacts(officer, published));
        Assert.Equal(((string?)null, (string?)null, (bool?)null), Contacts(officer, unpublished));
        Assert.DoesNotContain("@example.fr", officer.GetRawText(), StringComparison.Ordinal);
        // MSSanté addresses are public data of the Annuaire Santé: officers see them.
        Assert.Equal("paul.durand@infirmier.mssante.fr", Entry(officer, published).GetProperty("mssanteAddress").GetString());

        await world.ForeignCoordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/directory", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_the_coordinator_of_the_cpts_or_an_admin_may_import()
    {
        var world = await WorldAsync("41");
        var rpps = NewRpps();
        var csv = Csv($"{rpps};Durand;Paul;60;;L;{world.Communes[0]};;;;;;;;;;;");

        await (await PostFileAsync(world.Member, world.Cpts, csv, "a.csv")).ExpectAsync(HttpStatusCode.Forbidden);
        await (await PostFileAsync(world.Officer, world.Cpts, csv, "a.csv")).ExpectAsync(HttpStatusCode.Forbidden);
        await (await PostFileAsync(world.ForeignCoordinator, world.Cpts, csv, "a.csv")).ExpectAsync(HttpStatusCode.NotFound);
        using (var anonymous = App.Anonymous())
        {
            await (await PostFileAsync(anonymous, world.Cpts, csv, "a.csv")).ExpectAsync(HttpStatusCode.Unauthorized);
        }

        Assert.Equal(0, (await ListingAsync(world.Coordinator, world.Cpts)).GetProperty("total").GetInt32());

        var report = await (await PostFileAsync(await App.AdminAsync(), world.Cpts, csv, "a.csv")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, Int(report, "created"));
    }

    [Fact]
    public async Task The_same_csv_posted_twice_creates_nothing_the_second_time()
    {
        var world = await WorldAsync("41");
        var csv = Csv(
            $"{NewRpps()};Durand;Paul;60;;L;{world.Communes[0]};;;;;;;;;;;oui",
            $"{NewRpps()};Martin;Claire;10;SM54;S;{world.Communes[1]};;;;;;;;;;;");

        var first = await (await PostFileAsync(world.Coordinator, world.Cpts, csv, "a.csv")).ExpectAsync(HttpStatusCode.OK);
        var second = await (await PostFileAsync(world.Coordinator, world.Cpts, csv, "a.csv")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal((2, 0, 0), (Int(first, "created"), Int(first, "updated"), Int(first, "unchanged")));
        Assert.Equal((0, 0, 2), (Int(second, "created"), Int(second, "updated"), Int(second, "unchanged")));
        Assert.Equal(2, (await ListingAsync(world.Coordinator, world.Cpts)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task An_annuaire_sante_bundle_goes_through_the_same_route()
    {
        var world = await WorldAsync("41");
        var rpps = NewRpps();
        var finess = NewFiness("41");
        var bundle = Encoding.UTF8.GetBytes(Bundle(rpps, finess, world.Communes[1]));

        var report = await (await PostFileAsync(world.Coordinator, world.Cpts, bundle, "annuaire.json")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(2, Int(report, "created"));
        Assert.Empty(report.GetProperty("rejected").EnumerateArray());
        var listing = await ListingAsync(world.Member, world.Cpts);
        var entry = Entry(listing, rpps);
        Assert.Equal(("MARTIN", "Claire", "10", "SM54"), (entry.GetProperty("lastName").GetString(), entry.GetProperty("firstName").GetString(),
            entry.GetProperty("profession").GetString(), entry.GetProperty("specialty").GetString()));
        var place = Assert.Single(entry.GetProperty("places").EnumerateArray());
        Assert.Equal((world.Communes[1], "MSP DU VAL DE LOIRE"), (place.GetProperty("communeCode").GetString(), place.GetProperty("structureName").GetString()));
        Assert.Null(entry.GetProperty("workPhone").GetString());   // the Annuaire says nothing of consent: not published to members

        var again = await (await PostFileAsync(world.Coordinator, world.Cpts, bundle, "annuaire.json")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0, 2), (Int(again, "created"), Int(again, "updated"), Int(again, "unchanged")));
    }

    private sealed record World(Guid Cpts, IReadOnlyList<string> Communes, string Elsewhere, HttpClient Coordinator, HttpClient Member, HttpClient Officer,
        HttpClient ForeignCoordinator);

    /// <summary>A CPTS of two communes of a département, its coordinator and a member, an officer of the département, and another CPTS's coordinator.</summary>
    private async Task<World> WorldAsync(string departement)
    {
        var admin = await App.AdminAsync();
        var communes = App.Communes.Take(departement, 2);
        var cpts = (await admin.CreateCptsAsync(Http.Unique("CPTS du Vendômois"), communes)).Id();
        var foreign = (await admin.CreateCptsAsync(Http.Unique("CPTS voisine"), App.Communes.Take(departement, 1))).Id();
        return new World(cpts, communes, App.Communes.Take("18", 1)[0],
            await App.ClientForAsync(Role.Coordinator, cpts), await App.ClientForAsync(Role.Member, cpts),
            await App.ClientForAsync(Role.Officer, departement: departement), await App.ClientForAsync(Role.Coordinator, foreign));
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", lines) + "\n");

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, Guid cpts, byte[] content, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/cpts/{cpts}/directory/import", form, Ct);
    }

    private static Task<JsonElement> ListingAsync(HttpClient client, Guid cpts) => client.GetJsonAsync($"/api/cpts/{cpts}/directory?pageSize=200");

    private static JsonElement Entry(JsonElement listing, string rpps) =>
        listing.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("rpps").GetString() == rpps);

    private static (string? Email, string? Phone, bool? Publish) Contacts(JsonElement listing, string rpps)
    {
        var e = Entry(listing, rpps);
        var publish = e.GetProperty("publishContacts");
        return (e.GetProperty("workEmail").GetString(), e.GetProperty("workPhone").GetString(),
            publish.ValueKind == JsonValueKind.Null ? null : publish.GetBoolean());
    }

    private static int Int(JsonElement report, string property) => report.GetProperty(property).GetInt32();

    /// <summary>An Annuaire Santé searchset as the national API returns it: a médecin généraliste, libéral, in an MSP (FINESS, INSEE code).</summary>
    private static string Bundle(string rpps, string finess, string commune) => $$"""
        {
          "resourceType": "Bundle", "type": "searchset", "total": 1,
          "entry": [
            { "fullUrl": "https://gateway.api.esante.gouv.fr/fhir/v2/Practitioner/pr-{{rpps}}",
              "resource": {
                "resourceType": "Practitioner", "id": "pr-{{rpps}}",
                "identifier": [
                  { "use": "official", "type": { "coding": [{ "system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "code": "IDNPS" }] },
                    "system": "urn:oid:1.2.250.1.71.4.2.1", "value": "8{{rpps}}" },
                  { "use": "official", "type": { "coding": [{ "system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "code": "RPPS" }] },
                    "system": "https://rpps.esante.gouv.fr", "value": "{{rpps}}" }
                ],
                "active": true,
                "name": [{ "use": "usual", "prefix": ["DR"], "family": "MARTIN", "given": ["Claire"] }],
                "qualification": [
                  { "code": { "coding": [{ "system": "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante", "code": "10" }] } },
                  { "code": { "coding": [{ "system": "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale", "code": "SM54" }] } }
                ]
              },
              "search": { "mode": "match" } },
            { "fullUrl": "https://gateway.api.esante.gouv.fr/fhir/v2/PractitionerRole/prr-{{rpps}}",
              "resource": {
                "resourceType": "PractitionerRole", "id": "prr-{{rpps}}", "active": true,
                "practitioner": { "reference": "Practitioner/pr-{{rpps}}" },
                "organization": { "reference": "Organization/org-{{finess}}" },
                "code": [{ "coding": [{ "system": "https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice", "code": "L" }] }],
                "telecom": [{ "system": "phone", "value": "0254000003" }]
              },
              "search": { "mode": "include" } },
            { "fullUrl": "https://gateway.api.esante.gouv.fr/fhir/v2/Organization/org-{{finess}}",
              "resource": {
                "resourceType": "Organization", "id": "org-{{finess}}",
                "identifier": [
                  { "use": "official", "type": { "coding": [{ "system": "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", "code": "FINEG" }] },
                    "system": "https://finess.esante.gouv.fr", "value": "{{finess}}" }
                ],
                "active": true,
                "type": [{ "coding": [{ "system": "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement", "code": "603" }] }],
                "name": "MSP DU VAL DE LOIRE",
                "address": [{
                  "extension": [{ "url": "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code",
                    "valueCoding": { "system": "https://mos.esante.gouv.fr/NOS/TRE_R13-Commune/FHIR/TRE-R13-Commune", "code": "{{commune}}" } }],
                  "line": ["1 RUE DE LA LOIRE"], "country": "99100"
                }]
              },
              "search": { "mode": "include" } }
          ]
        }
        """;
}

public sealed class DirectoryApi_on_sqlite(SqliteApp app) : DirectoryApi(app), IClassFixture<SqliteApp>;

public sealed class DirectoryApi_on_postgres(PostgresApp app) : DirectoryApi(app), IClassFixture<PostgresApp>;
