using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>Short calls to the association API (<c>/api/cpts/{id}/…</c>) shared by the association, proposal and tenancy tests.</summary>
public static class CommunityCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> BodiesAsync(this HttpClient client, Guid cpts) => await client.GetJsonAsync($"/api/cpts/{cpts}/bodies");

    public static JsonElement Body(this JsonElement bodies, string kind) =>
        bodies.GetProperty("bodies").EnumerateArray().Single(b => b.GetProperty("kind").GetString() == kind);

    public static async Task<JsonElement> AddMandateAsync(this HttpClient client, Guid cpts, string kind, Guid member, string office, DateOnly? from,
        HttpStatusCode status) =>
        await (await client.PostJsonAsync($"/api/cpts/{cpts}/bodies/{kind}/mandates", new { memberId = member, office, from })).ExpectAsync(status);

    public static async Task<JsonElement> EndMandateAsync(this HttpClient client, Guid cpts, Guid mandate, DateOnly? to, string? reason, HttpStatusCode status) =>
        await (await client.PostJsonAsync($"/api/cpts/{cpts}/mandates/{mandate}/end", new { to, reason })).ExpectAsync(status);

    public static async Task<JsonElement> SubmitAsync(this HttpClient client, Guid cpts, string title, HttpStatusCode status = HttpStatusCode.Created) =>
        await (await client.PostJsonAsync($"/api/cpts/{cpts}/proposals", new { title, description = "Description de « " + title + " »." })).ExpectAsync(status);

    public static async Task<JsonElement> MoveAsync(this HttpClient client, Guid cpts, Guid proposal, string move, object body, HttpStatusCode status) =>
        await (await client.PostJsonAsync($"/api/cpts/{cpts}/proposals/{proposal}/{move}", body)).ExpectAsync(status);

    /// <summary>Imports professionals into the CPTS's directory (coordinator): lines <c>rpps;nom;prenom;profession;specialite;mode;commune</c>.</summary>
    public static async Task ImportAsync(this HttpClient coordinator, Guid cpts, IEnumerable<string> lines)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("rpps;nom;prenom;profession;specialite;mode;commune\n" + string.Join("\n", lines) + "\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "annuaire.csv");
        await (await coordinator.PostAsync($"/api/cpts/{cpts}/directory/import", form, Ct)).ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>Makes a professional of the directory a member (status member since a year) and returns the adhérent's id.</summary>
    public static async Task<Guid> AddMemberAsync(this HttpClient coordinator, Guid cpts, string rpps) =>
        (await (await coordinator.PostJsonAsync($"/api/cpts/{cpts}/members", new { rpps, status = "member", since = Http.Today.AddYears(-1) }))
            .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>The actions of the CPTS's audit trail (read by the coordinator).</summary>
    public static async Task<IReadOnlyList<(string Action, string Details)>> AuditAsync(this HttpClient coordinator, Guid cpts) =>
        [.. (await coordinator.GetJsonAsync($"/api/cpts/{cpts}/audit")).EnumerateArray()
            .Select(a => (a.GetProperty("action").GetString()!, a.GetProperty("details").GetString()!))];

    /// <summary>A page's HTML, asserting its status.</summary>
    public static async Task<string> PageAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode} for {url}");
        return body;
    }
}
