using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;

namespace Maillage.Lifecycle;

/// <summary>
/// Who may see and change which CPTS: the one place where tenancy is decided, for pages, API, FHIR and CLI.
/// </summary>
public static class CptsAccess
{
    /// <summary>The CPTS an actor may read: all for an admin, those of their scope for an officer, their own otherwise.</summary>
    public static IQueryable<Cpts> Readable(this IQueryable<Cpts> query, Actor actor) => actor.Role switch
    {
        Role.Admin => query,
        Role.Officer => query.Where(c =>
            (actor.ScopeDepartement != null && c.Departements.Contains("," + actor.ScopeDepartement + ","))
            || (actor.ScopeRegion != null && c.Regions.Contains("," + actor.ScopeRegion + ","))),
        Role.Coordinator or Role.Member when actor.CptsId is { } id => query.Where(c => c.Id == id),
        _ => query.Where(c => false),
    };

    public static bool CanRead(this Actor actor, Cpts cpts) => actor.Role switch
    {
        Role.Admin => true,
        Role.Officer => Steers(actor, cpts),
        _ => actor.CptsId == cpts.Id,
    };

    /// <summary>Identity and lettre d'intention: the CPTS's coordinator (or an admin).</summary>
    public static bool CanManage(this Actor actor, Cpts cpts) =>
        actor.Role == Role.Admin || (actor.Role == Role.Coordinator && actor.CptsId == cpts.Id);

    /// <summary>Territory and stage: the coordinator, or an officer who steers the territory.</summary>
    public static bool CanShape(this Actor actor, Cpts cpts) => actor.CanManage(cpts) || (actor.IsOfficer && Steers(actor, cpts));

    /// <summary>Recording a shared commune (override): an officer who steers the territory, or an admin.</summary>
    public static bool CanOverride(this Actor actor, Cpts cpts) => actor.Role == Role.Admin || (actor.IsOfficer && Steers(actor, cpts));

    /// <summary>Registering a CPTS: an admin, or an officer for a territory inside their scope.</summary>
    public static bool CanCreate(this Actor actor, IEnumerable<string> departements, IEnumerable<string> regions) =>
        actor.Role == Role.Admin || (actor.IsOfficer && actor.Steers(departements, regions));

    private static bool Steers(Actor actor, Cpts cpts) => actor.Steers(cpts.DepartementCodes, cpts.RegionCodes);
}
