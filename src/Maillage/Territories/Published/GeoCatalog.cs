using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Maillage.Territories.Published;

/// <summary>
/// The reference geography (COG 2026 with legal populations), read once from the files embedded in the
/// assembly and checked against their manifest; immutable and shared.
/// </summary>
public sealed partial class GeoCatalog
{
    private readonly Dictionary<string, GeoUnit> units;
    private readonly Dictionary<string, List<GeoUnit>> arrondissementsByCity;
    private readonly Dictionary<string, GeoUnit> formerByCode;
    private readonly Dictionary<string, List<GeoUnit>> unitsByPostalCode;
    private readonly List<SearchEntry> searchEntries;

    private GeoCatalog(IReadOnlyList<GeoUnit> all, IReadOnlyList<GeoEpci> epcis, IReadOnlyList<GeoDepartement> departements,
        IReadOnlyList<GeoRegion> regions, MapOutline map, string vintage, string source)
    {
        All = all;
        units = all.Where(u => u.Type is GeoUnitType.Commune or GeoUnitType.Arrondissement).ToDictionary(u => u.Code);
        arrondissementsByCity = all.Where(u => u.Type == GeoUnitType.Arrondissement)
            .GroupBy(u => u.Parent!).ToDictionary(g => g.Key, g => g.ToList());
        formerByCode = all.Where(u => u.Type is GeoUnitType.Delegated or GeoUnitType.Associated)
            .GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.First());
        unitsByPostalCode = units.Values.Where(u => u.IsTerritoryUnit)
            .SelectMany(u => u.PostalCodes.Select(p => (p, u))).GroupBy(x => x.p).ToDictionary(g => g.Key, g => g.Select(x => x.u).ToList());
        Epcis = epcis.ToDictionary(e => e.Code);
        Departements = departements.ToDictionary(d => d.Code);
        Regions = regions.ToDictionary(r => r.Code);
        Map = map;
        Vintage = vintage;
        Source = source;
        searchEntries = BuildSearchEntries(all, units);
    }

    /// <summary>Every commune-level row of the COG, of every type.</summary>
    public IReadOnlyList<GeoUnit> All { get; }

    public IReadOnlyDictionary<string, GeoEpci> Epcis { get; }

    public IReadOnlyDictionary<string, GeoDepartement> Departements { get; }

    public IReadOnlyDictionary<string, GeoRegion> Regions { get; }

    public MapOutline Map { get; }

    /// <summary>"COG 2026".</summary>
    public string Vintage { get; }

    /// <summary>The npm package the files were generated from.</summary>
    public string Source { get; }

    /// <summary>Current communes and arrondissements municipaux (the units a territory is made of), by INSEE code.</summary>
    public IReadOnlyDictionary<string, GeoUnit> Units => units;

    public GeoUnit? Find(string code) => units.GetValueOrDefault(code);

    /// <summary>A commune déléguée or associée by its code (it may share the code of its current commune).</summary>
    public GeoUnit? FindFormer(string code) => formerByCode.GetValueOrDefault(code);

    /// <summary>The arrondissements municipaux of Paris, Lyon or Marseille; empty for any other commune.</summary>
    public IReadOnlyList<GeoUnit> ArrondissementsOf(string cityCode) =>
        arrondissementsByCity.TryGetValue(cityCode, out var list) ? list : [];

    /// <summary>Loads the catalog embedded in this assembly, verifying each file against the manifest.</summary>
    public static GeoCatalog LoadEmbedded()
    {
        var manifest = JsonDocument.Parse(ReadResource("manifest.json")).RootElement;
        var texts = new Dictionary<string, string>();
        foreach (var file in manifest.GetProperty("sha256").EnumerateObject())
        {
            var text = ReadResource(file.Name);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (hash != file.Value.GetString())
            {
                throw new InvalidDataException($"data/geo/{file.Name} does not match its manifest: regenerate it with scripts/update-geography.");
            }

            texts[file.Name] = text;
        }

        var all = Rows(texts["communes.tsv"]).Select(ParseUnit).ToList();
        var members = all.Where(u => u.Epci is not null).GroupBy(u => u.Epci!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(u => u.Code)]);
        // An EPCI's population is the sum of its members' legal populations, so that it matches what a user adds up.
        var populationOf = all.Where(u => u.Type == GeoUnitType.Commune).ToDictionary(u => u.Code, u => u.Population);
        var epcis = Rows(texts["epci.tsv"]).Select(r =>
        {
            var list = members.GetValueOrDefault(r[0], []);
            return new GeoEpci(r[0], r[1], r[2], list.Sum(m => populationOf[m]), list);
        }).ToList();
        var departements = Rows(texts["departements.tsv"]).Select(r => new GeoDepartement(r[0], r[1], r[2], ParseZone(r[3]))).ToList();
        var regions = Rows(texts["regions.tsv"]).Select(r => new GeoRegion(r[0], r[1], ParseZone(r[2]))).ToList();
        var map = MapOutline.Parse(texts["map-departements.tsv"]);
        var counts = manifest.GetProperty("counts");
        if (all.Count(u => u.Type == GeoUnitType.Commune) != counts.GetProperty("commune-actuelle").GetInt32())
        {
            throw new InvalidDataException("data/geo/communes.tsv has not the number of communes its manifest states.");
        }

        return new GeoCatalog(all, epcis, departements, regions, map,
            manifest.GetProperty("vintage").GetString()!, manifest.GetProperty("source").GetString()!);
    }

    private static GeoUnit ParseUnit(string[] r) => new(
        r[0],
        r[1] switch
        {
            "C" => GeoUnitType.Commune,
            "D" => GeoUnitType.Delegated,
            "A" => GeoUnitType.Associated,
            "M" => GeoUnitType.Arrondissement,
            _ => throw new InvalidDataException($"Unknown commune type {r[1]} for {r[0]}."),
        },
        r[2], r[3], r[4], ParseZone(r[5]), Blank(r[6]), Blank(r[7]), ParseInt(r[8]),
        r[9].Length == 0 ? [] : r[9].Split(' '));

    private static GeoZone ParseZone(string zone) => zone switch
    {
        "metro" => GeoZone.Metro,
        "drom" => GeoZone.Drom,
        "com" => GeoZone.Com,
        _ => throw new InvalidDataException($"Unknown zone {zone}."),
    };

    private static int ParseInt(string s) => s.Length == 0 ? 0 : int.Parse(s, CultureInfo.InvariantCulture);

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    private static IEnumerable<string[]> Rows(string tsv) =>
        tsv.Split('\n').Skip(1).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));

    private static string ReadResource(string name)
    {
        using var stream = typeof(GeoCatalog).Assembly.GetManifestResourceStream("geo/" + name)
            ?? throw new InvalidDataException($"The geography file {name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>SVG outlines of the metropolitan départements for the coverage map.</summary>
public sealed record MapOutline(string ViewBox, IReadOnlyDictionary<string, string> Paths)
{
    public static MapOutline Parse(string tsv)
    {
        var lines = tsv.Split('\n');
        var viewBox = lines[0].Split('\t')[1];
        var paths = lines.Skip(2).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1]);
        return new MapOutline(viewBox, paths);
    }
}
