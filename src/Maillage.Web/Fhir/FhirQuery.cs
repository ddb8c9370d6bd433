using System.Globalization;
using System.Text.RegularExpressions;
using Maillage.Unscheduled.Sas;

namespace Maillage.Web.Fhir;

/// <summary>A request the server cannot execute: the parameter at fault and why, for a 400 OperationOutcome.</summary>
public sealed record FhirProblem(string Parameter, string Message);

/// <summary>
/// The query string of a FHIR search read raw: percent-decoded but never form-decoded, so the <c>+</c> of <c>+02:00</c> the SAS writes
/// unencoded stays a <c>+</c> (docs/sas-guide.md, ambiguity 1); a space before <c>HH:MM</c> (from a client that did form-encode) is read as
/// <c>+</c> too.
/// </summary>
public sealed partial class FhirQuery
{
    private readonly List<(string Key, string Value)> pairs;

    private FhirQuery(List<(string Key, string Value)> pairs) => this.pairs = pairs;

    public static FhirQuery Parse(string? rawQuery) =>
        new([.. (rawQuery ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? (Unescape(part), "") : (Unescape(part[..eq]), Unescape(part[(eq + 1)..]));
        })]);

    public IReadOnlyList<string> All(string key) => [.. pairs.Where(p => p.Key == key).Select(p => p.Value)];

    public string? One(string key) => pairs.LastOrDefault(p => p.Key == key).Value;

    public bool Has(string key) => pairs.Any(p => p.Key == key);

    /// <summary>
    /// A FHIR date with its prefix (<c>ge</c>, <c>le</c>): a day, or a dateTime with or without seconds, fraction and offset; without an
    /// offset it is read in Europe/Paris. A day as an upper bound means its end.
    /// </summary>
    public static bool TryParseDate(string text, bool upper, out DateTimeOffset value)
    {
        value = default;
        var m = DatePattern().Match(text.Trim());
        if (!m.Success)
        {
            return false;
        }

        if (!DateOnly.TryParseExact(m.Groups["d"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        if (!m.Groups["h"].Success)
        {
            var local = upper ? day.ToDateTime(TimeOnly.MaxValue) : day.ToDateTime(TimeOnly.MinValue);
            value = new DateTimeOffset(local, Paris.GetUtcOffset(local));
            return true;
        }

        var (h, min) = (int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture));
        var s = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (h > 23 || min > 59 || s > 59)
        {
            return false;
        }

        var ticks = m.Groups["f"].Success ? (long)(double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) * TimeSpan.TicksPerSecond) : 0;
        var time = day.ToDateTime(new TimeOnly(h, min, s)).AddTicks(ticks);
        var zone = m.Groups["z"].Value.Replace(' ', '+');
        if (zone.Length == 0)
        {
            value = new DateTimeOffset(time, Paris.GetUtcOffset(time));
            return true;
        }

        if (zone == "Z")
        {
            value = new DateTimeOffset(time, TimeSpan.Zero);
            return true;
        }

        var (oh, om) = (int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[4..6], CultureInfo.InvariantCulture));
        if (oh > 14 || om > 59)
        {
            return false;
        }

        var offset = new TimeSpan(oh, om, 0) * (zone[0] == '-' ? -1 : 1);
        value = new DateTimeOffset(time, offset);
        return true;
    }

    /// <summary>
    /// The RPPS of a list of IDNPS tokens (<c>system|value</c> or <c>value</c>, comma-separated, 1 to 25): values that are not RPPS
    /// (ADELI…) are kept out and match nothing; another system than the IDNPS's is a malformed request.
    /// </summary>
    public static (IReadOnlyList<string> Rpps, FhirProblem? Problem) Identifiers(IReadOnlyList<string> occurrences, string parameter)
    {
        if (occurrences.Count == 0 || occurrences.All(string.IsNullOrWhiteSpace))
        {
            return ([], new FhirProblem(parameter, $"Paramètre {parameter} obligatoire : {SasIds.IdnpsSystem}|8<RPPS>, jusqu'à {SasIds.MaxPractitioners} séparés par des virgules."));
        }

        if (occurrences.Count > 1)
        {
            return ([], new FhirProblem(parameter, $"Donnez {parameter} une seule fois, les identifiants séparés par des virgules."));
        }

        var tokens = occurrences[0].Split(',').Select(t => t.Trim()).ToList();
        if (tokens.Count > SasIds.MaxPractitioners)
        {
            return ([], new FhirProblem(parameter, $"{tokens.Count} identifiants dans {parameter} : {SasIds.MaxPractitioners} au plus."));
        }

        var rpps = new List<string>();
        foreach (var token in tokens)
        {
            var bar = token.IndexOf('|', StringComparison.Ordinal);
            var (system, value) = bar < 0 ? ("", token) : (token[..bar].Trim(), token[(bar + 1)..].Trim());
            if (system.Length > 0 && system != SasIds.IdnpsSystem)
            {
                return ([], new FhirProblem(parameter, $"Système d'identifiant « {system} » inconnu dans {parameter} : seul {SasIds.IdnpsSystem} (IDNPS) est servi."));
            }

            if (value.Length == 0)
            {
                return ([], new FhirProblem(parameter, $"Identifiant vide dans {parameter}."));
            }

            if (SasIds.Rpps(value) is { } r)
            {
                rpps.Add(r);
            }
        }

        return (rpps, null);
    }

    private static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    [GeneratedRegex(@"^(?<d>\d{4}-\d{2}-\d{2})(?:T(?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d{1,9}))?)?(?<z>Z|[+\- ]\d{2}:\d{2})?)?$")]
    private static partial Regex DatePattern();
}
