using Maillage.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Platform.Persistence;

/// <summary>The one way a use case commits: all or nothing, and a concurrent change comes back as a conflict the user can act on.</summary>
public static class Saving
{
    /// <summary>
    /// Saves the unit of work. When another user got there first — a row whose version moved since it was read, a unique key just taken, or
    /// a deadlock the database settled against this write —
    /// nothing is written, the change tracker is emptied (a page reloading after the refusal reads the database, not the refused change) and
    /// <paramref name="conflict"/> is returned (by default « modified meanwhile », <see cref="Error.Stale"/>), or <paramref name="taken"/>
    /// when it says better which key was taken.
    /// </summary>
    public static async Task<Error?> SaveOrConflictAsync(this MaillageDbContext db, CancellationToken ct, Error? conflict = null, Error? taken = null) =>
        await CommitAsync(db, _ => Task.FromResult(taken ?? conflict), conflict, ct);

    /// <summary>As <see cref="SaveOrConflictAsync(MaillageDbContext, CancellationToken, Error?, Error?)"/>, when which key was taken has to be
    /// read back (<paramref name="taken"/> runs after the refused change is forgotten).</summary>
    public static async Task<Error?> SaveOrConflictAsync(this MaillageDbContext db, Func<CancellationToken, Task<Error?>> taken, CancellationToken ct)
        => await CommitAsync(db, taken, null, ct);

    private static async Task<Error?> CommitAsync(MaillageDbContext db, Func<CancellationToken, Task<Error?>> taken, Error? conflict, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(taken);
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return conflict ?? Error.Stale();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await taken(ct) ?? conflict ?? Error.Stale();
        }
        catch (Exception e) when (DbErrors.IsLostRace(e))
        {
            // The database chose this write to give way to a concurrent one: the same answer as a version that moved.
            db.ChangeTracker.Clear();
            return conflict ?? Error.Stale();
        }
    }

    /// <summary>Saves and returns <paramref name="saved"/>, or the conflict (see <see cref="SaveOrConflictAsync(MaillageDbContext, CancellationToken, Error?, Error?)"/>).</summary>
    public static async Task<Result<T>> SaveAsync<T>(this MaillageDbContext db, T saved, CancellationToken ct, Error? conflict = null, Error? taken = null) =>
        await db.SaveOrConflictAsync(ct, conflict, taken) is { } refused ? refused : Result<T>.Ok(saved);
}
