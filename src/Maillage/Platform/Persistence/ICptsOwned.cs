using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Persistence;

/// <summary>
/// A row that belongs to one CPTS: the unit of work confined to a CPTS (<see cref="MaillageDbContext.ConfinedTo"/>) sees only that CPTS's
/// rows of such a table, whoever wrote the query.
/// </summary>
public interface ICptsOwned
{
    Guid CptsId { get; }
}

/// <summary>Reading past the confinement where a rule needs every CPTS.</summary>
public static class CptsConfinement
{
    /// <summary>The rows of every CPTS, whatever the unit of work is confined to: a commune held by another CPTS, national coverage, exports.</summary>
    public static IQueryable<T> EveryCpts<T>(this IQueryable<T> query)
        where T : class, ICptsOwned => query.IgnoreQueryFilters([MaillageDbContext.CptsFilter]);
}
