using Maillage.Lifecycle.Published;

namespace Maillage.Platform.ArchitectureProbe;

/// <summary>A deliberate violation, compiled but never run: the platform knowing a module and the web host.</summary>
internal static class KnowsAModule
{
    public static object Read(Tenant tenant) => (tenant, typeof(Maillage.Web.Platform.WebPlatform));
}
