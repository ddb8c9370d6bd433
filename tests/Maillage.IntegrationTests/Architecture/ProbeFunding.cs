using Maillage.Membership.Published;
using Maillage.Membership.Storage;
using Maillage.Platform.Persistence;

namespace Maillage.Funding.ArchitectureProbe;

/// <summary>A deliberate violation, compiled but never run: Funding reading Membership's records and tables, and the system clock.</summary>
internal static class ReadsMembers
{
    public static object Read(MaillageDbContext db) => (db.Members().First(), DateTime.Now);
}

/// <summary>What is allowed: Funding using Membership's published interface.</summary>
internal static class UsesPublished
{
    public static object Read(MemberRoll roll) => roll;
}
