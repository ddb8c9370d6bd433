using System.Globalization;

namespace Maillage.Platform;

/// <summary>How the platform writes numbers, amounts and dates for French readers.</summary>
public static class French
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>81 000 (with a narrow no-break space as the thousands separator).</summary>
    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>12,5 % (with a narrow no-break space, so the sign never wraps away from its number).</summary>
    public static string Percent(double ratio) => (ratio * 100).ToString("0.0", Culture) + "\u202F%";

    /// <summary>"1 unité", "3 unités": the French plural of a count.</summary>
    public static string Count(long n, string singular, string plural) => $"{Number(n)} {(n is 0 or 1 ? singular : plural)}";

    /// <summary>23/11/2026.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
