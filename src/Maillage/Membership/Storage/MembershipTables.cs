using Maillage.Membership.Campaigns;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Membership.Storage;

/// <summary>
/// The tables of the Membership module (adhérents, dues, colleges, campaigns), for its own use cases only: other modules ask through its published interface
/// (the architecture test keeps it so).
/// </summary>
public static class MembershipTables
{
    public static DbSet<Member> Members(this MaillageDbContext db) => Of<Member>(db);

    public static DbSet<MembershipPeriod> MembershipPeriods(this MaillageDbContext db) => Of<MembershipPeriod>(db);

    public static DbSet<Dues> Dues(this MaillageDbContext db) => Of<Dues>(db);

    public static DbSet<College> Colleges(this MaillageDbContext db) => Of<College>(db);

    public static DbSet<Campaign> Campaigns(this MaillageDbContext db) => Of<Campaign>(db);

    public static DbSet<CampaignMessage> CampaignMessages(this MaillageDbContext db) => Of<CampaignMessage>(db);

    public static DbSet<Unsubscription> Unsubscriptions(this MaillageDbContext db) => Of<Unsubscription>(db);

    private static DbSet<T> Of<T>(MaillageDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<T>();
    }
}
