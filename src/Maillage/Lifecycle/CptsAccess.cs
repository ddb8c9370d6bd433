using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;

namespace Maillage.Lifecycle;

/// <summary>
/// Which CPTS an actor may read, as a query: the database side of <see cref="Published.Tenancy"/>, which decides everything else once a CPTS
/// is resolved (<see cref="Published.Tenant"/>).
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

    /// <summary>Registering a CPTS: an admin, or an officer for a territory inside their scope.</summary>
    public static bool CanCreate(this Actor actor, IEnumerable<string> departements, IEnumerable<string> regions) =>
        Published.Tenant.SteersTerritory(actor, departements, regions);
}
