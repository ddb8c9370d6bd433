using System.Globalization;
using Maillage.Platform.Errors;

namespace Maillage.Web.Funding;

/// <summary>What the funding forms share: numbers typed the French way (a comma or a point, spaces between thousands), the status of a refusal.</summary>
public static class FundingForms
{
    /// <summary>
    /// The number typed (« 1 234,56 », « 1234.56 € »: spaces and the euro sign ignored, a comma or a point); empty is <c>null</c>; anything
    /// else adds a French error on <paramref name="field"/> saying it is not <paramref name="expected"/> (« un nombre », « un montant »…).
    /// With <paramref name="wholeNumber"/>, only digits are accepted (a year).
    /// </summary>
    public static decimal? Parse(string? text, string field, string what, List<Error> errors, string expected = "un nombre", bool wholeNumber = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = string.Concat(text.Where(ch => !char.IsWhiteSpace(ch) && ch != '€')).Replace(',', '.');
        if (decimal.TryParse(cleaned, wholeNumber ? NumberStyles.None : NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
            out var value) && (!wholeNumber || value <= int.MaxValue))
        {
            return value;
        }

        errors.Add(new Error("invalid_number", $"{what} « {text.Trim()} » n'est pas {expected}.", field));
        return null;
    }

    /// <summary>A number for an input, as a French reader writes it and <see cref="Parse"/> reads it back: « 0,75 », « 12 » (no thousands separator).</summary>
    public static string Input(decimal? value) => value?.ToString("0.####", Maillage.Platform.French.Culture) ?? "";

    /// <summary>
    /// An amount in euros for an input, as a French reader writes it and <see cref="Parse"/> reads it back: « 70 000,00 » (a plain space
    /// between thousands, easy to type over; a decimal comma; the cents).
    /// </summary>
    public static string Amount(decimal? value) =>
        value?.ToString("#,0.00", Maillage.Platform.French.Culture).Replace(Maillage.Platform.French.Culture.NumberFormat.NumberGroupSeparator, " ", StringComparison.Ordinal) ?? "";
}
