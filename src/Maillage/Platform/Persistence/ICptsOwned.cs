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
    /// <summary>One array for every query: EF Core's query cache compares the filter names' array, and a new one per call cost ~0.3 ms a
    /// query (bench/README.md, issue 12).</summary>
    private static readonly string[] Filters = [MaillageDbContext.CptsFilter];

    /// <summary>The rows of every CPTS, whatever the unit of work is confined to: a commune held by another CPTS, national coverage, exports.</summary>
    public static IQueryable<T> EveryCpts<T>(this IQueryable<T> query)
        where T : class, ICptsOwned => query.IgnoreQueryFilters(Filters);
}
