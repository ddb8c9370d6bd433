using Maillage.Territories.Published;

namespace Maillage.Tests;

/// <summary>
/// The reference data embedded in Maillage, loaded once for the whole test run (the geography takes
/// about half a second to read and check against its manifest).
/// </summary>
internal static class Reference
{
    private static readonly Lazy<GeoCatalog> LazyGeo = new(GeoCatalog.LoadEmbedded);
    private static readonly Lazy<SizeTiers> LazyTiers = new(SizeTiers.LoadEmbedded);

    public static GeoCatalog Geo => LazyGeo.Value;

    public static SizeTiers Tiers => LazyTiers.Value;
}
