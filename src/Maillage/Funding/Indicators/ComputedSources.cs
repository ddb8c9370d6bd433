using Maillage.Funding.Contracts;
using Maillage.Platform.Indicators;

namespace Maillage.Funding.Indicators;

/// <summary>
/// How a contract indicator is fed by a figure of the platform (<see cref="IndicatorSources"/>, contributed by the modules that own the
/// data): a value is computed over a contract year (its start included, the next year's start excluded; for a year still running, up to
/// today included), in the CPTS's local time, and stored like a typed value, so the funding computation only reads stored values.
/// </summary>
public static class ComputedSources
{
    /// <summary>Figures that will be computed once their module exists (shown as « à venir »).</summary>
    public static IReadOnlyList<string> Coming { get; } = ["Demandes de médecin traitant satisfaites (module accès aux soins)"];

    /// <summary>The period of a contract year that a computed value covers on <paramref name="today"/>: the year, cut at today (included) while it runs.</summary>
    public static IndicatorPeriod Period(AciContract contract, int year, DateOnly today, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var start = IndicatorRules.YearStart(contract, year);
        var end = IndicatorRules.YearStart(contract, year + 1);
        var tomorrow = today.AddDays(1);
        return new IndicatorPeriod(start, end < tomorrow ? end : tomorrow, zone);
    }

    /// <summary>« Calculé automatiquement le 3 mars 2026 : Adhérents au dernier jour de la période = 12 (du … au …). »</summary>
    public static string Justification(IIndicatorSource source, IndicatorPeriod period, decimal value, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(period);
        return $"Calculé automatiquement le {Platform.French.Date(today)} : {source.Label} = {value.ToString("0.####", Platform.French.Culture)} "
            + $"(du {Platform.French.Date(period.Start)} au {Platform.French.Date(period.LastDay)}).";
    }
}
