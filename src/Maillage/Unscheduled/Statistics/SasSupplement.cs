using System.Text.Json;

namespace Maillage.Unscheduled.Statistics;

/// <summary>The SAS supplement in force from a date: an amount per SAS-referred consultation, up to a number of them per ISO week.</summary>
public sealed record SasSupplementRate(DateOnly EffectiveFrom, decimal Amount, int WeeklyCap, string Source);

/// <summary>
/// The versioned SAS supplement (majoration SNP) of data/rules/sas-supplement.json (embedded as <c>rules/sas-supplement.json</c>), validated at
/// load: dates in order, positive amounts and caps, each rate with its source.
/// </summary>
public sealed class SasSupplement
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private SasSupplement(string source, IReadOnlyList<SasSupplementRate> rates)
    {
        Source = source;
        Rates = rates;
    }

    public string Source { get; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<SasSupplementRate> Rates { get; }

    /// <summary>The rate in force on a day, or null before the first one the file knows.</summary>
    public SasSupplementRate? RateOn(DateOnly day) => Rates.LastOrDefault(r => r.EffectiveFrom <= day);

    public static SasSupplement LoadEmbedded()
    {
        using var stream = typeof(SasSupplement).Assembly.GetManifestResourceStream("rules/sas-supplement.json")
            ?? throw new InvalidDataException("rules/sas-supplement.json is not embedded.");
        return Load(stream);
    }

    public static SasSupplement Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<File>(json, JsonOptions) ?? throw new InvalidDataException("sas-supplement.json is empty.");
        if (file.Rates is not { Count: > 0 })
        {
            throw new InvalidDataException("sas-supplement.json lists no rate.");
        }

        for (var i = 0; i < file.Rates.Count; i++)
        {
            var r = file.Rates[i];
            if (i > 0 && r.EffectiveFrom <= file.Rates[i - 1].EffectiveFrom)
            {
                throw new InvalidDataException($"sas-supplement.json: the rate of {r.EffectiveFrom:yyyy-MM-dd} is not after the previous one.");
            }

            if (r.Amount <= 0 || r.WeeklyCap <= 0)
            {
                throw new InvalidDataException($"sas-supplement.json: the rate of {r.EffectiveFrom:yyyy-MM-dd} needs a positive amount and weekly cap.");
            }

            if (string.IsNullOrWhiteSpace(r.Source))
            {
                throw new InvalidDataException($"sas-supplement.json: the rate of {r.EffectiveFrom:yyyy-MM-dd} has no source.");
            }
        }

        return new SasSupplement(file.Source ?? "", file.Rates);
    }

    private sealed record File(string? Source, List<SasSupplementRate>? Rates);
}
