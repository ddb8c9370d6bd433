using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Funding.Storage;

namespace Maillage.IntegrationTests.Funding;

/// <summary>Helpers for the indicators of a contract: a <see cref="ContractWorld"/> whose CPTS A has a contract at a chosen tier.</summary>
public static class IndicatorWorld
{
    public static async Task<ContractWorld> WithContractAsync(MaillageApp app, int tier = 3)
    {
        ArgumentNullException.ThrowIfNull(app);
        var w = await ContractWorld.CreateAsync(app);
        await ContractWorld.RecordAsync(w.Officer, w.A);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().AciContracts().Where(c => c.CptsId == w.A)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.TierAtSignature, tier));
        return w;
    }

    public static Dictionary<string, object?> Body(string mission = "access", decimal weight = 0.5m, Action<Dictionary<string, object?>>? change = null,
        params (int Year, decimal Target)[] targets)
    {
        var body = new Dictionary<string, object?>
        {
            ["mission"] = mission, ["name"] = Http.Unique("Indicateur"), ["kind"] = "process", ["unit"] = "patients", ["weight"] = weight,
            ["targets"] = (targets.Length == 0 ? [(1, 10m)] : targets).Select(t => new { year = t.Year, target = t.Target }).ToArray(),
        };
        change?.Invoke(body);
        return body;
    }

    public static async Task<JsonElement> AddAsync(HttpClient client, Guid cpts, Dictionary<string, object?> body) =>
        await (await client.PostJsonAsync($"/api/cpts/{cpts}/contract/indicators", body)).ExpectAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> RecordAsync(HttpClient client, Guid cpts, Guid indicator, int year, decimal achieved, string? justification = null) =>
        await (await client.PutJsonAsync($"/api/cpts/{cpts}/contract/indicators/{indicator}/values/{year}", new { achieved, justification }))
            .ExpectAsync(HttpStatusCode.OK);
}
