using Maillage.Lifecycle.Storage;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Maillage.Territories.Published;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Lifecycle.Published;

/// <summary>
/// Who reaches which CPTS: the one place where tenancy is decided, for pages, API, FHIR and the command line. A CPTS the caller may not
/// read is not found (its existence is not disclosed); once resolved, the unit of work is confined to it, so every CPTS-owned table
/// answers for this CPTS only (<see cref="MaillageDbContext.ConfineTo"/>).
/// </summary>
public sealed class Tenancy(MaillageDbContext db, TimeProvider clock)
{
    /// <summary>
    /// The CPTS this unit of work was last resolved to (and confined to), as it stood then; null before. What reads the request again after
    /// the handler (the shell of a page) may take it instead of resolving once more, when nothing can have changed since (a GET).
    /// </summary>
    public Tenant? Resolved { get; private set; }

    /// <summary>The CPTS as <paramref name="actor"/> stands towards it, or not found.</summary>
    public async Task<Result<Tenant>> ResolveAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cpts = await db.Cpts().Readable(actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cptsId, ct);
        if (cpts is null)
        {
            return Error.NotFound("CPTS");
        }

        db.ConfineTo(cpts.Id);
        Resolved = Of(cpts, actor);
        return Result<Tenant>.Ok(Resolved);
    }

    /// <summary>The CPTS when <paramref name="may"/> lets the actor in: not found when it may not read it, forbidden when it may only read it.</summary>
    public async Task<Result<Tenant>> RequireAsync(Guid cptsId, Actor actor, Func<Tenant, bool> may, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(may);
        var tenant = await ResolveAsync(cptsId, actor, ct);
        return tenant.Succeeded && !may(tenant.Value!) ? Error.Forbidden() : tenant;
    }

    /// <summary>The platform itself at work for a CPTS (a campaign being sent, an unsubscribe link): no caller to check.</summary>
    public Task<Result<Tenant>> ForPlatformAsync(Guid cptsId, CancellationToken ct = default) => ResolveAsync(cptsId, Actor.System, ct);

    /// <summary>The clock of a territory (its départements); Europe/Paris when it has none yet.</summary>
    public LocalClock ClockOf(IEnumerable<string> departements) => new(clock, TimeZones.Of(departements));

    /// <summary>The clock of what belongs to no CPTS: metropolitan France.</summary>
    public LocalClock Paris => LocalClock.InParis(clock);

    internal Tenant Of(Cpts cpts, Actor actor) => new(Info(cpts), actor, ClockOf(cpts.DepartementCodes));

    internal static CptsInfo Info(Cpts c) => new(c.Id, c.Name, c.Stage, c.Population, c.Tier, c.TierRuleSet, [.. c.DepartementCodes], [.. c.RegionCodes],
        c.Rna, c.Siret, c.ContactEmail, c.ContactPhone, TimeZones.Of(c.DepartementCodes), c.Finess);
}
