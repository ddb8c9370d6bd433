using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;

namespace Maillage.Funding;

/// <summary>
/// Simulates the ACI funding of a CPTS the actor may read, from its population and the tier stored on it (never recomputed:
/// the tier used for funding is a contract attribute, domain-rules §2).
/// </summary>
public sealed class SimulateAciForCpts(MaillageDbContext db, SimulateAci simulate)
{
    public async Task<Result<AciSimulation>> RunAsync(Guid cptsId, Actor actor, AciOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cpts = await db.Cpts().Readable(actor).AsNoTracking().Where(c => c.Id == cptsId)
            .Select(c => new { c.Population, c.Tier }).FirstOrDefaultAsync(ct);
        if (cpts is null)
        {
            return Error.NotFound("CPTS");
        }

        return cpts.Population > 0
            ? simulate.ForStoredTier(cpts.Population, cpts.Tier, options)
            : new Error("cpts_without_territory", "Cette CPTS n'a pas encore de territoire : sans population, il n'y a rien à simuler.", "cpts");
    }
}
