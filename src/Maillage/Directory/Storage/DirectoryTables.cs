using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Directory.Storage;

/// <summary>
/// The tables of the Directory module (professionals, places of practice, structures), for its own use cases only: other modules ask through its published interface
/// (the architecture test keeps it so).
/// </summary>
public static class DirectoryTables
{
    public static DbSet<Professional> Professionals(this MaillageDbContext db) => Of<Professional>(db);

    public static DbSet<Practice> Practices(this MaillageDbContext db) => Of<Practice>(db);

    public static DbSet<Structure> Structures(this MaillageDbContext db) => Of<Structure>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
