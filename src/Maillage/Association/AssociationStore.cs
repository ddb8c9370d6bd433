using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Association;

/// <summary>
/// Saving the association's changes: mandates are guarded by their body's version and participants and group referents by their group's
/// version (<see cref="Touch"/>), so two concurrent changes cannot both pass the rules; the loser gets a conflict and nothing is written.
/// </summary>
internal static class AssociationStore
{
    public static Error Busy(string what) =>
        new("concurrent_change", $"{what} viennent d'être modifiés par quelqu'un d'autre : rechargez la page et recommencez.", null, ErrorKind.Conflict);

    /// <summary>Marks an aggregate changed so that its version is checked and incremented by the save.</summary>
    public static void Touch<T>(MaillageDbContext db, T entity)
        where T : class, IVersioned
    {
        var entry = db.Entry(entity);
        if (entry.State == EntityState.Unchanged)
        {
            entry.State = EntityState.Modified;
        }
    }
}
