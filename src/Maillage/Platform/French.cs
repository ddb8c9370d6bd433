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
    public static string Count(long n, string singular, string plural) => $"{Number(n)} {Plural(n, singular, plural)}";

    /// <summary>
    /// The word or phrase that agrees with a count, without the count: singular for 0 and 1 (as French does: « 0 CPTS visible »,
    /// « 1,5 heure »), plural from 2 — « visible »/« visibles », « l'indicateur calculé »/« les 2 indicateurs calculés ». Never « (s) ».
    /// </summary>
    public static string Plural(decimal n, string singular, string plural) => Math.Abs(n) < 2 ? singular : plural;

    /// <summary>23/11/2026.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
