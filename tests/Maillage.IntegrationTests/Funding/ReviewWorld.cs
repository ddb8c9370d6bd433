using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Funding;

/// <summary>Helpers for the dialogue de gestion: CPTS A's contract signed a year ago (years 1 and 2 have begun), a review opened, a decision body.</summary>
public static class ReviewWorld
{
    public static string Url(ContractWorld w, int? year = null) =>
        $"/api/cpts/{w.A}/contract/reviews" + (year is { } y ? $"/{y}" : "");

    public static async Task<JsonElement> OpenAsync(HttpClient client, ContractWorld w, int year) =>
        await (await client.PostJsonAsync(Url(w), new { year })).ExpectAsync(HttpStatusCode.Created);

    public static int Version(JsonElement pack) => pack.GetProperty("review").GetProperty("version").GetInt32();

    /// <summary>The mission lines of the year, from the review's pack.</summary>
    public static IReadOnlyList<string> Missions(JsonElement pack) =>
        [.. pack.GetProperty("missions").EnumerateArray().Select(m => m.GetProperty("amounts").GetProperty("line").GetString()!)];

    /// <summary>A decision on every mission of the pack (means deployed, default amounts) with <paramref name="change"/> applied.</summary>
    public static Dictionary<string, object?> Decision(JsonElement pack, Action<Dictionary<string, object?>, List<Dictionary<string, object?>>>? change = null)
    {
        var missions = Missions(pack).Select(m => new Dictionary<string, object?> { ["mission"] = m, ["meansDeployed"] = true }).ToList();
        var body = new Dictionary<string, object?> { ["outcome"] = "Objectifs atteints ; la CPTS poursuit son plan d'action.", ["version"] = Version(pack) };
        change?.Invoke(body, missions);
        body["missions"] = missions;
        return body;
    }
}
