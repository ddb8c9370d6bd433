using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maillage.IntegrationTests.Sas;

/// <summary>
/// A small SAS platform on loopback (Kestrel, 127.0.0.1, a port of its own) for the appointment sender: it records every request (method,
/// path, query, body) and answers as a SAS does — 201 with a Location to a POST, 200 to a PUT — unless a test told it how to answer for one
/// appointment (by our identifier, read from the body): a status with an OperationOutcome, a delay, or holding the request until released.
/// </summary>
public sealed class FakeSas : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SasRequest> received = new();
    private readonly ConcurrentDictionary<string, SasScript> scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SasHold> holds = new(StringComparer.Ordinal);
    private int created;

    private FakeSas(WebApplication app)
    {
        this.app = app;
        app.Run(HandleAsync);
    }

    /// <summary>The FHIR base the platform is given (<c>http://127.0.0.1:port/fhir/</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeSas> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var sas = new FakeSas(builder.Build());
        await sas.app.StartAsync();
        var address = sas.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sas.BaseUrl = new Uri(address.TrimEnd('/') + "/fhir/");
        return sas;
    }

    /// <summary>Everything received about one appointment (our identifier), oldest first.</summary>
    public IReadOnlyList<SasRequest> About(Guid appointmentId) => [.. received.Where(r => r.Identifier == appointmentId.ToString())];

    /// <summary>From now on, requests about this appointment get <paramref name="status"/> (with an OperationOutcome saying
    /// <paramref name="diagnostics"/>), after <paramref name="delay"/>; null status: answer normally again.</summary>
    public void Answer(Guid appointmentId, HttpStatusCode? status, string? diagnostics = null, TimeSpan? delay = null)
    {
        if (status is null && delay is null)
        {
            scripts.TryRemove(appointmentId.ToString(), out _);
        }
        else
        {
            scripts[appointmentId.ToString()] = new SasScript(status, diagnostics, delay);
        }
    }

    /// <summary>The next request about this appointment waits, once received, until <see cref="SasHold.Release"/>.</summary>
    public SasHold HoldNext(Guid appointmentId) => holds[appointmentId.ToString()] = new SasHold();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        string? identifier = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            identifier = json.RootElement.GetProperty("identifier")[0].GetProperty("value").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Not an appointment: answered below as malformed.
        }

        var request = new SasRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? "",
            context.Request.Query["identifier"].ToString(), context.Request.ContentType ?? "", body, identifier);
        received.Enqueue(request);
        if (identifier is null)
        {
            await OutcomeAsync(context, HttpStatusCode.BadRequest, "Ressource Appointment illisible.");
            return;
        }

        if (holds.TryRemove(identifier, out var hold))
        {
            hold.Arrive();
            await hold.Released;
        }

        if (scripts.TryGetValue(identifier, out var script))
        {
            if (script.Delay is { } delay)
            {
                await Task.Delay(delay, context.RequestAborted);
            }

            if (script.Status is { } status)
            {
                request.Answered = (int)status;
                await OutcomeAsync(context, status, script.Diagnostics ?? "Service indisponible.");
                return;
            }
        }

        var post = HttpMethods.IsPost(context.Request.Method);
        request.Answered = post ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var id = post ? Interlocked.Increment(ref created).ToString(System.Globalization.CultureInfo.InvariantCulture) : "x";
        context.Response.StatusCode = request.Answered;
        context.Response.Headers.Location = new Uri(BaseUrl, $"Appointment/{id}/_history/1").ToString();
        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private static async Task OutcomeAsync(HttpContext context, HttpStatusCode status, string diagnostics)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/fhir+json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            resourceType = "OperationOutcome",
            issue = new[] { new { severity = "error", code = "processing", diagnostics } },
        }), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hold in holds.Values)
        {
            hold.Release();
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }

    private sealed record SasScript(HttpStatusCode? Status, string? Diagnostics, TimeSpan? Delay);
}

/// <summary>One request the SAS received; <see cref="Identifier"/> is our appointment id read from the body, <see cref="IdentifierQuery"/>
/// the decoded <c>identifier</c> parameter of a conditional PUT; <see cref="Answered"/> the status it got.</summary>
public sealed record SasRequest(string Method, string Path, string Query, string IdentifierQuery, string ContentType, string Body, string? Identifier)
{
    public int Answered { get; set; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>A request kept waiting by the SAS: <see cref="Arrived"/> completes when it is received, <see cref="Release"/> lets it be answered.</summary>
public sealed class SasHold
{
    private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Arrived => arrived.Task;

    public Task Released => released.Task;

    public void Arrive() => arrived.TrySetResult();

    public void Release() => released.TrySetResult();
}
