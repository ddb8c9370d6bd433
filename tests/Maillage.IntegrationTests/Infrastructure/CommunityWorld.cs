using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Maillage.Platform.Identity;
using static Maillage.IntegrationTests.Directory.DirectoryData;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>One member of a <see cref="CommunityWorld"/>: the adhérent, its professional's RPPS and a client of an account linked to it.</summary>
public sealed record WorldMember(Guid Id, string Rpps, string Profession, HttpClient Client);

/// <summary>
/// A CPTS of two communes of Loir-et-Cher with a directory (médecins « 10 », infirmiers « 60 », pharmaciens « 21 », an MSP), every
/// professional made a member through the API, each with a Member account linked to its adhérent; the coordinator, an officer of the
/// département and one of another, and another CPTS with its coordinator and one linked member. Shared by the association, meeting,
/// indemnity and campaign tests.
/// </summary>
public sealed record CommunityWorld(Guid Cpts, string CptsName, IReadOnlyList<string> Communes, IReadOnlyList<WorldMember> Members, Guid Structure,
    HttpClient Coordinator, HttpClient Officer, HttpClient OtherOfficer, Guid ForeignCpts, HttpClient ForeignCoordinator, WorldMember ForeignMember,
    HttpClient UnlinkedMember)
{
    public const string Header = "rpps;nom;prenom;profession;specialite;mode;commune;code_postal;ville;adresse;structure_finess;structure_siret;structure_nom;structure_type;email_pro;telephone_pro;mssante;publication";

    private static readonly (string Last, string First, string Profession)[] People =
    [
        ("Durand", "Paul", "10"), ("Martin", "Claire", "10"), ("Bernard", "Luc", "10"), ("Petit", "Anne", "60"), ("Robert", "Julie", "60"),
        ("Richard", "Marc", "21"), ("Moreau", "Sophie", "21"), ("Simon", "Hugo", "10"),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public WorldMember this[int index] => Members[index];

    /// <summary>Builds a fresh world; <paramref name="professionals"/> members (up to 8) with e-mail <c>&lt;rpps&gt;@pro.example</c>, their
    /// accounts linked to them unless <paramref name="linkAccounts"/> is false; in Loir-et-Cher unless another <paramref name="departement"/> is
    /// named (e.g. 974, to live on La Réunion's clock).</summary>
    public static async Task<CommunityWorld> CreateAsync(MaillageApp app, int professionals = 8, bool linkAccounts = true, string departement = "41")
    {
        ArgumentNullException.ThrowIfNull(app);
        var admin = await app.AdminAsync();
        var communes = app.Communes.Take(departement, 2);
        var name = Http.Unique("CPTS du Vendômois");
        var cpts = (await admin.CreateCptsAsync(name, communes)).Id();
        var foreignCommune = app.Communes.Take(departement, 1);
        var foreign = (await admin.CreateCptsAsync(Http.Unique("CPTS voisine"), foreignCommune)).Id();
        var people = People.Take(professionals).Select((p, i) => (Rpps: NewRpps(), p.Last, p.First, p.Profession, Commune: communes[i % 2])).ToList();
        var foreignRpps = NewRpps();
        var finess = NewFiness(departement[..2]);
        var lines = people.Select((p, i) =>
            $"{p.Rpps};{p.Last};{p.First};{p.Profession};;L;{p.Commune};;;;{(i == 0 ? finess : "")};;{(i == 0 ? "MSP du Loir" : "")};{(i == 0 ? "MSP" : "")};{p.Rpps}@pro.example;;;oui")
            .Append($"{foreignRpps};Voisin;Alain;10;;L;{foreignCommune[0]};;;;;;;;{foreignRpps}@pro.example;;;oui");
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", lines) + "\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "annuaire.csv");
            await (await admin.PostAsync("/api/directory/import", form, Ct)).ExpectAsync(HttpStatusCode.OK);
        }

        var coordinator = await app.ClientForAsync(Role.Coordinator, cpts);
        var foreignCoordinator = await app.ClientForAsync(Role.Coordinator, foreign);
        var members = new List<WorldMember>();
        foreach (var p in people)
        {
            var id = await AddMemberAsync(coordinator, cpts, p.Rpps);
            members.Add(new WorldMember(id, p.Rpps, p.Profession, await app.ClientForAsync(Role.Member, cpts, memberId: linkAccounts ? id : null)));
        }

        var foreignId = await AddMemberAsync(foreignCoordinator, foreign, foreignRpps);
        var structures = await coordinator.GetJsonAsync($"/api/cpts/{cpts}/directory/structures");
        var structure = structures.EnumerateArray().Single(s => s.GetProperty("finess").GetString() == finess).GetProperty("id").GetGuid();
        return new CommunityWorld(cpts, name, communes, members, structure, coordinator,
            await app.ClientForAsync(Role.Officer, departement: departement), await app.ClientForAsync(Role.Officer, departement: "18"),
            foreign, foreignCoordinator, new WorldMember(foreignId, foreignRpps, "10", await app.ClientForAsync(Role.Member, foreign, memberId: foreignId)),
            await app.ClientForAsync(Role.Member, cpts));
    }

    private static async Task<Guid> AddMemberAsync(HttpClient coordinator, Guid cpts, string rpps) =>
        (await (await coordinator.PostJsonAsync($"/api/cpts/{cpts}/members", new { rpps, status = "member", since = Http.Today.AddYears(-1) }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
