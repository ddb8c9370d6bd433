using System.Globalization;
using Maillage.Directory;
using Maillage.Territories.Published;

namespace Maillage.IntegrationTests.Directory;

/// <summary>
/// Valid national identifiers made from a counter (unique in the process, so tests sharing a database never
/// collide) and short builders of directory records.
/// </summary>
public static class DirectoryData
{
    private static long rppsCounter = 100_000_000;
    private static long finessCounter;
    private static long siretCounter = 100_000_000_000;

    /// <summary>The Luhn key digit that makes <paramref name="payload"/> + key valid.</summary>
    public static char LuhnKey(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var sum = 0;
        var doubleIt = true;   // the key will be the rightmost digit, so the payload's last digit is doubled
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>An RPPS (11 digits, Luhn key) built from <paramref name="n"/>: 1 + n on 9 digits + key.</summary>
    public static string RppsOf(long n)
    {
        var payload = "1" + n.ToString("D9", CultureInfo.InvariantCulture);
        return payload + LuhnKey(payload);
    }

    /// <summary>A new valid RPPS.</summary>
    public static string NewRpps() => RppsOf(Interlocked.Increment(ref rppsCounter));

    /// <summary>The same RPPS with a wrong key.</summary>
    public static string WithWrongKey(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var key = identifier[^1] - '0';
        return identifier[..^1] + (char)('0' + ((key + 1) % 10));
    }

    /// <summary>A FINESS (9 characters, département first, Luhn key; Corsica read as 20) built from <paramref name="n"/>.</summary>
    public static string FinessOf(string departement, long n)
    {
        ArgumentNullException.ThrowIfNull(departement);
        var body = departement + (n % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var digits = departement is "2A" or "2B" ? "20" + body[2..] : body;
        return body + LuhnKey(digits);
    }

    /// <summary>A new valid FINESS of a département.</summary>
    public static string NewFiness(string departement = "35") => FinessOf(departement, Interlocked.Increment(ref finessCounter));

    /// <summary>A SIRET (14 digits, Luhn key) built from <paramref name="n"/>.</summary>
    public static string SiretOf(long n)
    {
        var payload = n.ToString("D13", CultureInfo.InvariantCulture);
        return payload + LuhnKey(payload);
    }

    /// <summary>A new valid SIRET.</summary>
    public static string NewSiret() => SiretOf(Interlocked.Increment(ref siretCounter));

    /// <summary>A médecin généraliste, libéral, practising in the communes given (no structure).</summary>
    public static ProfessionalRecord Doctor(string rpps, string origin, params string[] communes) =>
        new(rpps, "Martin", "Claire", "10", "SM54", PracticeMode.Liberal, [.. communes.Select(c => new PracticeRecord(c))], Origin: origin);

    /// <summary>An infirmier, libéral, practising at the places given.</summary>
    public static ProfessionalRecord Nurse(string rpps, string origin, params PracticeRecord[] practices) =>
        new(rpps, "Durand", "Paul", "60", null, PracticeMode.Liberal, practices, Origin: origin);

    public static DirectoryBatch Batch(IEnumerable<StructureRecord>? structures = null, IEnumerable<ProfessionalRecord>? professionals = null,
        IEnumerable<RejectedRecord>? unreadable = null) =>
        new([.. structures ?? []], [.. professionals ?? []], [.. unreadable ?? []]);

    /// <summary>
    /// A commune déléguée of <paramref name="departement"/> whose code is no longer a current code, and the current
    /// commune (no arrondissements) it now belongs to.
    /// </summary>
    public static (string Former, string Current) FormerCommune(GeoCatalog geo, string departement)
    {
        ArgumentNullException.ThrowIfNull(geo);
        var former = geo.All.First(u => u.Departement == departement && u.Type == GeoUnitType.Delegated && geo.Find(u.Code) is null
            && u.Parent is { } p && geo.Find(p) is { IsTerritoryUnit: true } parent && geo.ArrondissementsOf(parent.Code).Count == 0);
        return (former.Code, former.Parent!);
    }
}
