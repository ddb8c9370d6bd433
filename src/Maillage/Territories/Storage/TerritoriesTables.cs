using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Territories.Storage;

/// <summary>
/// The tables of the Territories module (the reference geography), for its own use cases only: other modules ask through its published interface
/// (the architecture test keeps it so).
/// </summary>
public static class TerritoriesTables
{
    public static DbSet<GeoUnitRow> GeoUnits(this MaillageDbContext db) => Of<GeoUnitRow>(db);

    public static DbSet<GeoVintageRow> GeoVintages(this MaillageDbContext db) => Of<GeoVintageRow>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
