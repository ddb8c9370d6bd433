using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>Short helpers for the JSON API: status checks that show the body on failure, and CPTS set-up.</summary>
public static class Http
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Asserts the status (showing the response body when it differs) and returns the JSON body, if any.</summary>
    public static async Task<JsonElement> ExpectAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status,
            $"Expected {(int)status} but got {(int)response.StatusCode} for {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return body.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(body).RootElement.Clone()
            : default;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, HttpStatusCode status = HttpStatusCode.OK) =>
        await (await client.GetAsync(url, Ct)).ExpectAsync(status);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Ct);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) =>
        client.PutAsJsonAsync(url, body, Ct);

    /// <summary>Registers a CPTS through the API and returns its detail (asserting 201).</summary>
    public static async Task<JsonElement> CreateCptsAsync(this HttpClient client, string name, IEnumerable<string> territory) =>
        await (await client.PostJsonAsync("/api/cpts", new { name, territory })).ExpectAsync(HttpStatusCode.Created);

    /// <summary>Records the next stage of a CPTS (today, Paris time) and returns its detail (asserting 200).</summary>
    public static async Task<JsonElement> RecordStageAsync(this HttpClient client, Guid id, string stage) =>
        await (await client.PostJsonAsync($"/api/cpts/{id}/stage", new { stage, date = Today })).ExpectAsync(HttpStatusCode.OK);

    /// <summary>The id of a CPTS detail or summary.</summary>
    public static Guid Id(this JsonElement cpts) => cpts.GetProperty("id").GetGuid();

    /// <summary>The CPTS names of a list response.</summary>
    public static IReadOnlyList<string> Names(this JsonElement list) =>
        [.. list.EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    /// <summary>The messages a validation problem gives for a field.</summary>
    public static IReadOnlyList<string> FieldErrors(this JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(field, out var list)
            ? [.. list.EnumerateArray().Select(m => m.GetString()!)]
            : [];

    /// <summary>Today in France, the day stages are dated in (the host refuses a date after it).</summary>
    public static DateOnly Today => Maillage.Platform.Time.LocalClock.InParis(TimeProvider.System).Today;

    /// <summary>A name no other test uses.</summary>
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";
}
