using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Lifecycle.Storage;

/// <summary>
/// The tables of the Lifecycle module (the CPTS, their stages and territories), for its own use cases only: other modules ask through its published interface
/// (the architecture test keeps it so).
/// </summary>
public static class LifecycleTables
{
    public static DbSet<Cpts> Cpts(this MaillageDbContext db) => Of<Cpts>(db);

    public static DbSet<StageTransition> StageTransitions(this MaillageDbContext db) => Of<StageTransition>(db);

    public static DbSet<TerritoryUnit> TerritoryUnits(this MaillageDbContext db) => Of<TerritoryUnit>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
