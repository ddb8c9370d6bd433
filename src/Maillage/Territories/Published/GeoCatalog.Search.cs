using System.Globalization;
using System.Text;

namespace Maillage.Territories.Published;

/// <summary>A search hit: a territory unit, and the former commune name that led to it when there is one.</summary>
public sealed record CommuneHit(GeoUnit Unit, string? Via);

public sealed partial class GeoCatalog
{
    private sealed record SearchEntry(string Key, GeoUnit Unit, string? Via);

    /// <summary>
    /// Finds territory units by INSEE code, postal code or name. Names match without accents or case,
    /// with "saint"/"st" and hyphens folded; prefix matches rank first, then larger populations.
    /// A commune déléguée or associée leads to its current commune.
    /// </summary>
    public IReadOnlyList<CommuneHit> Search(string? query, int limit = 20)
    {
        var q = (query ?? "").Trim();
        if (q.Length == 0)
        {
            return [];
        }

        if (q.Length == 5 && q.All(char.IsAsciiLetterOrDigit))
        {
            var upper = q.ToUpperInvariant();
            var byCode = units.TryGetValue(upper, out var unit) ? [new CommuneHit(unit, null)] : new List<CommuneHit>();
            var byPostal = unitsByPostalCode.GetValueOrDefault(upper, []).Where(u => u.Code != upper)
                // An arrondissement serves fewer postal codes than its city: it is the better answer.
                .OrderBy(u => u.Type == GeoUnitType.Arrondissement ? 0 : 1).ThenByDescending(u => u.Population)
                .Select(u => new CommuneHit(u, null));
            var hits = byCode.Concat(byPostal).Take(limit).ToList();
            if (hits.Count > 0 || q.All(char.IsAsciiDigit))
            {
                return hits;
            }
        }

        var key = Normalize(q);
        if (key.Length == 0)
        {
            return [];
        }

        var wordStart = " " + key;
        return searchEntries
            .Select(e => (e, rank: e.Key.StartsWith(key, StringComparison.Ordinal) ? 0
                : e.Key.Contains(wordStart, StringComparison.Ordinal) ? 1
                : e.Key.Contains(key, StringComparison.Ordinal) ? 2 : -1))
            .Where(x => x.rank >= 0)
            .OrderBy(x => x.rank).ThenBy(x => x.e.Via is null ? 0 : 1).ThenByDescending(x => x.e.Unit.Population)
            .ThenBy(x => x.e.Unit.Code, StringComparer.Ordinal)
            .Select(x => new CommuneHit(x.e.Unit, x.e.Via))
            .DistinctBy(h => h.Unit.Code)
            .Take(limit)
            .ToList();
    }

    /// <summary>EPCI whose name or SIREN matches, largest first.</summary>
    public IReadOnlyList<GeoEpci> SearchEpci(string? query, int limit = 20)
    {
        var key = Normalize(query ?? "");
        if (key.Length == 0)
        {
            return [];
        }

        return Epcis.Values.Where(e => e.Code == key || Normalize(e.Name).Contains(key, StringComparison.Ordinal))
            .OrderByDescending(e => e.Population).Take(limit).ToList();
    }

    /// <summary>Lower-case, accent-free, hyphens and apostrophes as spaces, "saint(e)" as "st(e)".</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = sb.ToString().Replace("œ", "oe", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w switch { "saint" => "st", "sainte" => "ste", _ => w });
        return string.Join(' ', words);
    }

    private static List<SearchEntry> BuildSearchEntries(IReadOnlyList<GeoUnit> all, Dictionary<string, GeoUnit> units)
    {
        var entries = new List<SearchEntry>(all.Count);
        foreach (var u in all.Where(u => u.IsTerritoryUnit))
        {
            entries.Add(new SearchEntry(Normalize(u.Name), u, null));
        }

        foreach (var u in all.Where(u => u.Type is GeoUnitType.Delegated or GeoUnitType.Associated))
        {
            if (u.Parent is not null && units.TryGetValue(u.Parent, out var current) && current.IsTerritoryUnit && current.Name != u.Name)
            {
                entries.Add(new SearchEntry(Normalize(u.Name), current, u.Name));
            }
        }

        return entries;
    }
}
