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
}
