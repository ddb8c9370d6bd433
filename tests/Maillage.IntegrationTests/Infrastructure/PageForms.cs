using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using static Maillage.IntegrationTests.Directory.DirectoryData;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>Posting page forms as a browser would (antiforgery token included; pages are read with <see cref="CommunityCalls.PageAsync"/>), and adding professionals to a world's territory.</summary>
public static partial class PageForms
{
    private const string Header = "rpps;nom;prenom;profession;specialite;mode;commune;code_postal;ville;adresse;structure_finess;structure_siret;structure_nom;structure_type;email_pro;telephone_pro;mssante;publication";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens <paramref name="page"/> for its antiforgery token, then posts the fields to <paramref name="action"/>; returns the status and HTML.</summary>
    public static async Task<(HttpStatusCode Status, string Html)> PostFormAsync(this HttpClient client, string page, string action,
        IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.PageAsync(page);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {page}");
        using var body = new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))
            .Append(new("__RequestVerificationToken", token)));
        using var response = await client.PostAsync(action, body, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>
    /// Imports professionals into the world's territory (through the coordinator's directory import), each with a new RPPS and, when asked,
    /// the work e-mail <c>&lt;rpps&gt;@pro.example</c>; returns their RPPS and address (null without one).
    /// </summary>
    public static async Task<IReadOnlyList<(string Rpps, string? Email)>> AddProfessionalsAsync(this CommunityWorld world,
        params (string Last, string Profession, int Commune, bool Email)[] people)
    {
        ArgumentNullException.ThrowIfNull(world);
        var added = people.Select(p => (Rpps: NewRpps(), p)).Select(x => (x.Rpps, Email: x.p.Email ? $"{x.Rpps}@pro.example" : null, x.p)).ToList();
        var lines = added.Select(x => $"{x.Rpps};{x.p.Last};Camille;{x.p.Profession};;L;{world.Communes[x.p.Commune]};;;;;;;;{x.Email};;;oui");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", lines) + "\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "annuaire.csv");
        await (await world.Coordinator.PostAsync($"/api/cpts/{world.Cpts}/directory/import", form, Ct)).ExpectAsync(HttpStatusCode.OK);
        return [.. added.Select(x => (x.Rpps, x.Email))];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
