using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Maillage.Tests.Platform.Persistence;

/// <summary>A deadlock PostgreSQL settled against one of two concurrent writes is a lost race (a conflict for the user), however wrapped.</summary>
public sealed class DbErrorsTests
{
    private static PostgresException Postgres(string sqlState) => new("refusé", "ERROR", "ERROR", sqlState);

    [Fact]
    public void A_deadlock_or_a_serialization_failure_is_a_lost_race_even_wrapped_by_the_execution_strategy()
    {
        Assert.True(DbErrors.IsLostRace(new InvalidOperationException("transient", new DbUpdateException("save", Postgres(PostgresErrorCodes.DeadlockDetected)))));
        Assert.True(DbErrors.IsLostRace(new DbUpdateException("save", Postgres(PostgresErrorCodes.SerializationFailure))));
        Assert.False(DbErrors.IsLostRace(new DbUpdateException("save", Postgres(PostgresErrorCodes.UniqueViolation))));
        Assert.False(DbErrors.IsLostRace(new InvalidOperationException("bug")));
    }
}
