using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Maillage.Platform.Persistence;

/// <summary>Recognises the database's refusals that are conflicts between users, not bugs.</summary>
public static class DbErrors
{
    /// <summary>A unique constraint refused the write (two users claimed the same thing at once).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>
    /// PostgreSQL gave up one of two transactions writing the same rows at once (a deadlock, or a serialization failure): the other one went
    /// through. Npgsql's execution strategy reports it wrapped (« likely due to a transient failure »), so the whole chain is read.
    /// </summary>
    public static bool IsLostRace(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }
}
