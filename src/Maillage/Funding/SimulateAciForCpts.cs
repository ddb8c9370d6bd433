using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;
using Maillage.Lifecycle.Published;

namespace Maillage.Funding;

/// <summary>
/// Simulates the ACI funding of a CPTS the actor may read, from its population and the tier stored on it (never recomputed:
/// the tier used for funding is a contract attribute, domain-rules §2).
/// </summary>
public sealed class SimulateAciForCpts(Tenancy tenancy, SimulateAci simulate)
{
    public async Task<Result<AciSimulation>> RunAsync(Guid cptsId, Actor actor, AciOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var tenant = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<AciSimulation>.Fail(tenant.Errors);
        }

        var cpts = tenant.Value!.Cpts;
        return cpts.Population > 0
            ? simulate.ForStoredTier(cpts.Population, cpts.Tier, options)
            : new Error("cpts_without_territory", "Cette CPTS n'a pas encore de territoire : sans population, il n'y a rien à simuler.", "cpts");
    }
}
