using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor.Storage;

/// <summary>The tables of the treating-doctor desk, for its own use cases only.</summary>
public static class TreatingTables
{
    public static DbSet<TreatingRequest> TreatingRequests(this MaillageDbContext db) => Of<TreatingRequest>(db);

    public static DbSet<TreatingVolunteer> TreatingVolunteers(this MaillageDbContext db) => Of<TreatingVolunteer>(db);

    public static DbSet<TreatingProposal> TreatingProposals(this MaillageDbContext db) => Of<TreatingProposal>(db);

    public static DbSet<TreatingRun> TreatingRuns(this MaillageDbContext db) => Of<TreatingRun>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
