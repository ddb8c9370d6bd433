using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Maillage.Territories.Published;

namespace Maillage.Benchmarks;

/// <summary>
/// The reference geography in memory. Load: <see cref="GeoCatalog.LoadEmbedded"/> (what each process pays
/// once at start-up) against reading the embedded files as text, the I/O floor; two of its steps are
/// measured apart to show where the time goes. Search: the commune search box against one dictionary lookup.
/// </summary>
[Config(typeof(ShortConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class GeographyBenchmarks
{
    private static readonly string[] GeoResources = [.. typeof(GeoCatalog).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("geo/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private string[] texts = [];
    private string[] names = [];
    private GeoCatalog geo = null!;

    [GlobalSetup]
    public void Setup()
    {
        texts = ReadTexts();
        geo = Reference.Geo;
        names = [.. geo.All.Select(u => u.Name)];
    }

    [Benchmark(Baseline = true, Description = "Read the embedded geo/ files as text (floor)")]
    [BenchmarkCategory("Load")]
    public string[] ReadEmbeddedText() => ReadTexts();

    [Benchmark(Description = "GeoCatalog.LoadEmbedded()")]
    [BenchmarkCategory("Load")]
    public GeoCatalog LoadEmbedded() => GeoCatalog.LoadEmbedded();

    [Benchmark(Description = "  part: SHA-256 of the files (UTF-8 re-encoded)")]
    [BenchmarkCategory("Load")]
    public int HashTexts()
    {
        var total = 0;
        foreach (var text in texts)
        {
            total += SHA256.HashData(Encoding.UTF8.GetBytes(text))[0];
        }

        return total;
    }

    [Benchmark(Description = "  part: GeoCatalog.Normalize of every name (search index)")]
    [BenchmarkCategory("Load")]
    public int NormalizeAllNames()
    {
        var total = 0;
        foreach (var name in names)
        {
            total += GeoCatalog.Normalize(name).Length;
        }

        return total;
    }

    [Benchmark(Baseline = true, Description = "Dictionary lookup Units[\"42218\"] (floor)")]
    [BenchmarkCategory("Search")]
    public GeoUnit? FindByCode() => geo.Find("42218");

    [Benchmark(Description = "Search(\"st etienne\")")]
    [BenchmarkCategory("Search")]
    public IReadOnlyList<CommuneHit> SearchName() => geo.Search("st etienne");

    [Benchmark(Description = "Search(\"35600\") (postal code)")]
    [BenchmarkCategory("Search")]
    public IReadOnlyList<CommuneHit> SearchPostalCode() => geo.Search("35600");

    private static string[] ReadTexts()
    {
        var result = new string[GeoResources.Length];
        for (var i = 0; i < GeoResources.Length; i++)
        {
            using var stream = typeof(GeoCatalog).Assembly.GetManifestResourceStream(GeoResources[i])!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            result[i] = reader.ReadToEnd();
        }

        return result;
    }
}
