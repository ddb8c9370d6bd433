using System.Globalization;
using Maillage.Platform.Errors;

namespace Maillage.Web.Pages.Funding;

/// <summary>What the funding forms share: numbers typed the French way (a comma or a point, spaces between thousands), the status of a refusal.</summary>
public static class FundingForms
{
    /// <summary>The number typed; empty is <c>null</c>; anything else adds a French error on <paramref name="field"/>.</summary>
    public static decimal? Parse(string? text, string field, string what, List<Error> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Trim().Replace(',', '.').Replace("\u202F", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).TrimEnd('€');
        if (decimal.TryParse(cleaned, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new Error("invalid_number", $"{what} « {text.Trim()} » n'est pas un nombre.", field));
        return null;
    }

    /// <summary>The status of a page that shows a refusal: 403, 409 or 400.</summary>
    public static int Status(ErrorKind kind) => kind switch
    {
        ErrorKind.Forbidden => Microsoft.AspNetCore.Http.StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => Microsoft.AspNetCore.Http.StatusCodes.Status409Conflict,
        _ => Microsoft.AspNetCore.Http.StatusCodes.Status400BadRequest,
    };

    /// <summary>A value for an input: invariant, no thousands separator.</summary>
    public static string Input(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
