using BenchmarkDotNet.Attributes;
using Maillage.Territories.Published;

namespace Maillage.Benchmarks;

/// <summary>
/// Computing a 200-commune territory (the first 200 communes of Ille-et-Vilaine by INSEE code), as every
/// create, update and import of a CPTS does, against summing their populations straight from the catalog.
/// </summary>
[Config(typeof(ShortConfig))]
public class TerritoryBenchmarks
{
    private GeoCatalog geo = null!;
    private ComputeTerritory compute = null!;
    private string[] communes = [];
    private string[] withFormer = [];

    [GlobalSetup]
    public void Setup()
    {
        geo = Reference.Geo;
        compute = new ComputeTerritory(geo, Reference.Tiers);
        communes = [.. geo.Units.Values.Where(u => u.Departement == "35" && u.Type == GeoUnitType.Commune)
            .Select(u => u.Code).Order(StringComparer.Ordinal).Take(200)];
        // Codes of former communes of the same département (déléguées, associées) that are no longer a current
        // code: what an import from an old list holds. Each one is an error the user is told how to fix.
        var former = geo.All.Where(u => u.Departement == "35" && u.Type is GeoUnitType.Delegated or GeoUnitType.Associated
                && geo.Find(u.Code) is null)
            .Select(u => u.Code).Distinct().Order(StringComparer.Ordinal).Take(20).ToArray();
        withFormer = [.. communes.Take(180), .. former];
        if (communes.Length != 200 || former.Length != 20)
        {
            throw new InvalidOperationException("The reference data has fewer communes than this benchmark needs.");
        }
    }

    [Benchmark(Baseline = true, Description = "Sum of Units[code].Population, 200 codes (floor)")]
    public long SumPopulations()
    {
        long population = 0;
        foreach (var code in communes)
        {
            population += geo.Units[code].Population;
        }

        return population;
    }

    [Benchmark(Description = "ComputeTerritory.Run, 200 communes of 35")]
    public TerritorySummary Compute200() => compute.Run(communes);

    [Benchmark(Description = "ComputeTerritory.Run, 180 communes + 20 former codes of 35")]
    public TerritorySummary Compute200WithFormerCodes() => compute.Run(withFormer);
}
