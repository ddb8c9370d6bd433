using Maillage.Platform.Persistence;

namespace Maillage.Web.ArchitectureProbe;

/// <summary>A deliberate violation, compiled but never run: a page reading the unit of work instead of calling a use case.</summary>
internal static class PageWithStorage
{
    public static int Count(MaillageDbContext db) => db.AuditEntries.Count();
}
