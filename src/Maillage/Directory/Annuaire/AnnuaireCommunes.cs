using Fm = Hl7.Fhir.Model;
using Maillage.Territories.Published;

namespace Maillage.Directory.Annuaire;

/// <summary>
/// The INSEE code of an Annuaire address: the FR Core insee-code extension when it names a commune of the COG, else
/// the commune serving the postal code whose name matches the city, else a value that is no INSEE code (postal code
/// and city as written) so that the merge refuses the record saying which address it could not place.
/// </summary>
internal sealed class AnnuaireCommunes(GeoCatalog geo)
{
    /// <summary>What stands for the commune of a place that has no address at all.</summary>
    public const string NoAddress = "sans adresse";

    private readonly Dictionary<(string Postal, string City), string?> cache = [];
    private Dictionary<string, List<GeoUnit>>? byName;
    private Dictionary<string, List<string>>? namesByCode;

    public string Resolve(Fm.Address? address)
    {
        if (address is null)
        {
            return NoAddress;
        }

        var insee = InseeCode(address);
        if (insee is not null && (geo.Find(insee) is not null || geo.FindFormer(insee)?.Parent is not null))
        {
            return insee;
        }

        var postal = (address.PostalCode ?? "").Trim();
        var city = (address.City ?? "").Trim();
        if (!cache.TryGetValue((postal, city), out var code))
        {
            code = FromPostalCodeAndCity(postal, city);
            cache[(postal, city)] = code;
        }

        if (code is not null)
        {
            return code;
        }

        // Unresolvable: keep what the source says; none of these can be taken for an INSEE code by the merge's check
        // (a postal code alone could: 01400 is a postal code and a commune's code).
        var raw = city.StartsWith(postal, StringComparison.Ordinal) ? city : $"{postal} {city}".Trim();
        return insee ?? (raw.Length == 0 ? NoAddress : raw);
    }

    private static string? InseeCode(Fm.Address address)
    {
        var extension = address.Extension.Concat(address.CityElement?.Extension ?? [])
            .FirstOrDefault(e => string.Equals(e.Url, AnnuaireCodes.InseeCode, StringComparison.OrdinalIgnoreCase)
                || (e.Url ?? "").Contains("insee", StringComparison.OrdinalIgnoreCase));
        var code = extension?.Value switch
        {
            Fm.Coding coding => coding.Code,
            Fm.FhirString text => text.Value,
            Fm.Code literal => literal.Value,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
    }

    private string? FromPostalCodeAndCity(string postal, string city)
    {
        var key = CityKey(city, postal);
        var serving = postal.Length == 5 && postal.All(char.IsAsciiDigit)
            ? geo.Search(postal, 200).Select(h => h.Unit).Where(u => u.PostalCodes.Contains(postal)).ToList()
            : [];
        // Paris, Lyon, Marseille: an arrondissement serving the postal code is more precise than its city.
        serving.RemoveAll(u => serving.Any(a => a.Parent == u.Code && a.Type == GeoUnitType.Arrondissement));
        if (key.Length > 0 && serving.Where(u => Names(u).Contains(key)).ToList() is [var named])
        {
            return named.Code;
        }

        if (serving is [var only])
        {
            return only.Code;
        }

        // A CEDEX postal code serves no commune: the city name within the département of the postal code.
        if (key.Length > 0 && NameIndex().TryGetValue(key, out var homonyms))
        {
            var departements = Departements(postal);
            var matches = homonyms.Where(u => departements is null || departements.Contains(u.Departement)).Distinct().ToList();
            if (matches is [var match])
            {
                return match.Code;
            }
        }

        return null;
    }

    /// <summary>The city as GeoCatalog normalises names, without a leading postal code nor "CEDEX" and what follows.</summary>
    private static string CityKey(string city, string postal)
    {
        var words = GeoCatalog.Normalize(city).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && (words[0] == postal || (words[0].Length == 5 && words[0].All(char.IsAsciiDigit))))
        {
            words.RemoveAt(0);
        }

        var cedex = words.IndexOf("cedex");
        if (cedex >= 0)
        {
            words.RemoveRange(cedex, words.Count - cedex);
        }

        return string.Join(' ', words);
    }

    /// <summary>The départements a postal code can belong to; null when it says nothing.</summary>
    private static string[]? Departements(string postal) =>
        postal.Length != 5 || !postal.All(char.IsAsciiDigit) ? null
        : postal.StartsWith("20", StringComparison.Ordinal) ? ["2A", "2B"]
        : postal.StartsWith("97", StringComparison.Ordinal) ? [postal[..3]]
        : [postal[..2]];

    /// <summary>The normalised names a unit answers to: its own and its former communes'.</summary>
    private List<string> Names(GeoUnit unit)
    {
        NameIndex();
        return namesByCode!.GetValueOrDefault(unit.Code, []);
    }

    /// <summary>Territory units by normalised name, and by the names of their former communes (déléguées, associées).</summary>
    private Dictionary<string, List<GeoUnit>> NameIndex()
    {
        if (byName is not null)
        {
            return byName;
        }

        var index = new Dictionary<string, List<GeoUnit>>(StringComparer.Ordinal);
        var names = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string name, GeoUnit unit)
        {
            var key = GeoCatalog.Normalize(name);
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            if (!list.Contains(unit))
            {
                list.Add(unit);
            }

            if (!names.TryGetValue(unit.Code, out var known))
            {
                names[unit.Code] = known = [];
            }

            known.Add(key);
        }

        foreach (var unit in geo.All)
        {
            if (unit.IsTerritoryUnit)
            {
                Add(unit.Name, unit);
            }
            else if (unit.Type is GeoUnitType.Delegated or GeoUnitType.Associated && unit.Parent is not null
                && geo.Find(unit.Parent) is { IsTerritoryUnit: true } current)
            {
                Add(unit.Name, current);
            }
        }

        namesByCode = names;
        return byName = index;
    }
}
