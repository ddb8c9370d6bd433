using System.Text.Json;

namespace Maillage.Indemnities;

/// <summary>Gross SMIC amounts in euros: per hour and per month for the legal 35-hour week.</summary>
public sealed record SmicAmounts(decimal Hourly, decimal Monthly);

/// <summary>A SMIC in force from a date until the next one, with the decree that set it; Mayotte has its own amounts.</summary>
public sealed record SmicRate(DateOnly EffectiveFrom, decimal Hourly, decimal Monthly, SmicAmounts Mayotte, string Source)
{
    public SmicAmounts For(bool mayotte) => mayotte ? Mayotte : new SmicAmounts(Hourly, Monthly);
}

/// <summary>
/// The versioned SMIC of data/rules/smic.json (embedded as <c>rules/smic.json</c>), validated at load: dates in order, and each
/// monthly amount the decree's hourly × 35 × 52 / 12 rounded to the cent.
/// </summary>
public sealed class Smic
{
    /// <summary>Hours in a month of the legal 35-hour week (35 × 52 / 12), which decrees round to 151,67.</summary>
    public const decimal LegalMonthlyHours = 35m * 52m / 12m;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private Smic(string source, IReadOnlyList<SmicRate> rates)
    {
        Source = source;
        Rates = rates;
    }

    public string Source { get; }

    /// <summary>Oldest first.</summary>
    public IReadOnlyList<SmicRate> Rates { get; }

    /// <summary>The SMIC in force on a day, or null before the first one the file knows.</summary>
    public SmicRate? RateOn(DateOnly day) => Rates.LastOrDefault(r => r.EffectiveFrom <= day);

    /// <summary>The gross monthly SMIC in force on a day (Mayotte's when asked), or null before the first one the file knows.</summary>
    public decimal? MonthlyOn(DateOnly day, bool mayotte = false) => RateOn(day)?.For(mayotte).Monthly;

    public static Smic LoadEmbedded()
    {
        using var stream = typeof(Smic).Assembly.GetManifestResourceStream("rules/smic.json")
            ?? throw new InvalidDataException("rules/smic.json is not embedded.");
        return Load(stream);
    }

    public static Smic Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<File>(json, JsonOptions) ?? throw new InvalidDataException("smic.json is empty.");
        if (file.Rates.Count == 0)
        {
            throw new InvalidDataException("smic.json lists no rate.");
        }

        for (var i = 0; i < file.Rates.Count; i++)
        {
            var r = file.Rates[i];
            if (i > 0 && r.EffectiveFrom <= file.Rates[i - 1].EffectiveFrom)
            {
                throw new InvalidDataException($"smic.json: the rate of {r.EffectiveFrom:yyyy-MM-dd} is not after the previous one.");
            }

            if (string.IsNullOrWhiteSpace(r.Source))
            {
                throw new InvalidDataException($"smic.json: the rate of {r.EffectiveFrom:yyyy-MM-dd} has no source.");
            }

            Check(r.EffectiveFrom, new SmicAmounts(r.Hourly, r.Monthly));
            Check(r.EffectiveFrom, r.Mayotte);
        }

        return new Smic(file.Source, file.Rates);
    }

    private static void Check(DateOnly from, SmicAmounts amounts)
    {
        if (amounts.Hourly <= 0 || Math.Abs(decimal.Round(amounts.Hourly * LegalMonthlyHours, 2) - amounts.Monthly) > 0.01m)
        {
            throw new InvalidDataException(
                $"smic.json: on {from:yyyy-MM-dd} the monthly amount {amounts.Monthly} is not the hourly {amounts.Hourly} × 35 × 52 / 12.");
        }
    }

    private sealed record File(string Source, List<SmicRate> Rates);
}
