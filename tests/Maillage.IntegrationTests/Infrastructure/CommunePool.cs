using Maillage.Territories.Published;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>
/// Hands out real communes that no other test of the same database has used, so that tests never collide on a
/// territory (a commune belongs to one CPTS). Communes some tests name on purpose are never handed out.
/// </summary>
public sealed class CommunePool(GeoCatalog geo)
{
    /// <summary>Codes used by name in tests: Redon, Angers, Avrillé, Paris 14e and 15e, Villeurbanne, Vénissieux…</summary>
    public static readonly IReadOnlySet<string> Named = new HashSet<string>(StringComparer.Ordinal)
    {
        "35236", "49007", "49015", "49099", "75114", "75115", "69266", "69259", "44109", "72181", "35238",
    };

    private readonly HashSet<string> given = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>The next <paramref name="count"/> unused ordinary communes of a département (no Paris, Lyon or Marseille).</summary>
    public IReadOnlyList<string> Take(string departement, int count = 1)
    {
        lock (gate)
        {
            var codes = geo.Units.Values
                .Where(u => u.Departement == departement && u.Type == GeoUnitType.Commune && u.IsTerritoryUnit
                    && u.Population > 0 && geo.ArrondissementsOf(u.Code).Count == 0 && !Named.Contains(u.Code) && !given.Contains(u.Code))
                .OrderBy(u => u.Code, StringComparer.Ordinal)
                .Take(count)
                .Select(u => u.Code)
                .ToList();
            Assert.True(codes.Count == count, $"Not enough unused communes left in département {departement}.");
            given.UnionWith(codes);
            return codes;
        }
    }

    /// <summary>The legal population of a set of units, from the reference geography.</summary>
    public long PopulationOf(IEnumerable<string> codes) => codes.Sum(c => (long)geo.Units[c].Population);
}
