using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Association.Storage;

/// <summary>
/// The tables of the Association module (bodies, mandates, groups, referents, proposals, meetings, decisions), for its own use cases only: other modules ask through its published interface
/// (the architecture test keeps it so).
/// </summary>
public static class AssociationTables
{
    public static DbSet<Body> Bodies(this MaillageDbContext db) => Of<Body>(db);

    public static DbSet<Mandate> Mandates(this MaillageDbContext db) => Of<Mandate>(db);

    public static DbSet<WorkingGroup> WorkingGroups(this MaillageDbContext db) => Of<WorkingGroup>(db);

    public static DbSet<WorkingGroupParticipant> WorkingGroupParticipants(this MaillageDbContext db) => Of<WorkingGroupParticipant>(db);

    public static DbSet<Referent> Referents(this MaillageDbContext db) => Of<Referent>(db);

    public static DbSet<Proposal> Proposals(this MaillageDbContext db) => Of<Proposal>(db);

    public static DbSet<ProposalStep> ProposalSteps(this MaillageDbContext db) => Of<ProposalStep>(db);

    public static DbSet<Meeting> Meetings(this MaillageDbContext db) => Of<Meeting>(db);

    public static DbSet<AgendaItem> AgendaItems(this MaillageDbContext db) => Of<AgendaItem>(db);

    public static DbSet<Attendance> Attendances(this MaillageDbContext db) => Of<Attendance>(db);

    public static DbSet<Motion> Motions(this MaillageDbContext db) => Of<Motion>(db);

    public static DbSet<Decision> Decisions(this MaillageDbContext db) => Of<Decision>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
