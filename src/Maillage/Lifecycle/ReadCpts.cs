using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Published;
using Maillage.Territories.Published;
using Maillage.Lifecycle.Storage;

namespace Maillage.Lifecycle;

/// <summary>A line of the CPTS list.</summary>
public sealed record CptsListItem(Guid Id, string Name, Stage Stage, long Population, int Tier, string Departements);

/// <summary>Everything the CPTS page shows.</summary>
/// <param name="Tenant">How the reader stands towards the CPTS: what the page offers them.</param>
public sealed record CptsDetail(
    Cpts Cpts,
    Tenant Tenant,
    IReadOnlyList<TerritoryUnitView> Units,
    IReadOnlyList<StageDuration> Timeline,
    IReadOnlyList<AuditEntry> Audit);

/// <summary>A unit of the territory with its name, population and override, if any.</summary>
public sealed record TerritoryUnitView(string Code, string Name, int Population, string Departement, string? OverrideReason, string? OverriddenBy);

/// <summary>Reads CPTS within the actor's tenancy.</summary>
public sealed class ReadCpts(MaillageDbContext db, Tenancy tenancy, GeoCatalog geo)
{
    public async Task<IReadOnlyList<CptsListItem>> ListAsync(Actor actor, CancellationToken ct = default) =>
        InNameOrder(await db.Cpts().Readable(actor)
            .Select(c => new CptsListItem(c.Id, c.Name, c.Stage, c.Population, c.Tier, c.Departements))
            .ToListAsync(ct));

    /// <summary>The lines of <see cref="ListAsync"/> for CPTS already read (the officer's home reads them for its queue).</summary>
    internal static List<CptsListItem> ListOf(IEnumerable<Cpts> cpts) =>
        InNameOrder(cpts.Select(c => new CptsListItem(c.Id, c.Name, c.Stage, c.Population, c.Tier, c.Departements)));

    private static List<CptsListItem> InNameOrder(IEnumerable<CptsListItem> items) =>
        [.. items.OrderBy(c => c.Name, StringComparer.Create(Platform.French.Culture, true))];

    /// <summary>
    /// The CPTS holding communes in a département, for the coverage pages: name, stage, population and tier are
    /// public facts of the ARS's steering, so every signed-in user sees them (not their contacts or history).
    /// </summary>
    public async Task<IReadOnlyList<CptsListItem>> InDepartementAsync(string departement, CancellationToken ct = default) =>
        (await db.Cpts().Where(c => c.Stage != Stage.Dissolved && c.Departements.Contains("," + departement + ","))
            .Select(c => new CptsListItem(c.Id, c.Name, c.Stage, c.Population, c.Tier, c.Departements))
            .ToListAsync(ct))
        .OrderBy(c => c.Name, StringComparer.Create(Platform.French.Culture, true)).ToList();

    public async Task<Result<CptsDetail>> GetAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var tenant = await tenancy.ResolveAsync(id, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<CptsDetail>.Fail(tenant.Errors);
        }

        var cpts = await db.Cpts().Include(c => c.Transitions).AsNoTracking().FirstAsync(c => c.Id == id, ct);
        var units = await db.TerritoryUnits().AsNoTracking().ToListAsync(ct);
        // The journal names who did what: for those who answer for the CPTS (its coordinator, its officers, the admins), not every member.
        var audit = tenant.Value!.Manages || tenant.Value.Steers
            ? await db.AuditEntries.Where(a => a.CptsId == id).OrderByDescending(a => a.Id).Take(200).AsNoTracking().ToListAsync(ct)
            : [];
        var views = units.Select(u => geo.Find(u.Code) is { } g
                ? new TerritoryUnitView(u.Code, g.Name, g.Population, g.Departement, u.OverrideReason, u.OverriddenBy)
                : new TerritoryUnitView(u.Code, u.Code, 0, "", u.OverrideReason, u.OverriddenBy))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        return Result<CptsDetail>.Ok(new CptsDetail(cpts, tenant.Value!, views, cpts.Timeline(tenant.Value!.Today), audit));
    }
}
