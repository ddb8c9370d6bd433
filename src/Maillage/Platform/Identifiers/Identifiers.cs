using System.Text.RegularExpressions;
using Maillage.Platform.Errors;

namespace Maillage.Platform.Identifiers;

/// <summary>Checks of the national identifiers of domain-rules §6, each explaining what is wrong.</summary>
public static partial class Identifiers
{
    /// <summary>Luhn check over a string of digits (SIREN, SIRET, RPPS, FINESS).</summary>
    public static bool HasValidLuhnKey(string digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

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

        return sum % 10 == 0;
    }

    /// <summary>RNA, the register of associations: "W" followed by 9 digits.</summary>
    public static Error? CheckRna(string? value, string field = "rna") =>
        value is null || RnaPattern().IsMatch(value)
            ? null
            : new Error("invalid_rna", $"Le numéro RNA « {value} » est invalide : il doit s'écrire W suivi de 9 chiffres (ex. W123456789).", field);

    /// <summary>SIRET: 14 digits whose Luhn key is valid.</summary>
    public static Error? CheckSiret(string? value, string field = "siret")
    {
        if (value is null)
        {
            return null;
        }

        if (!FourteenDigits().IsMatch(value))
        {
            return new Error("invalid_siret", $"Le SIRET « {value} » est invalide : il doit compter 14 chiffres.", field);
        }

        return HasValidLuhnKey(value)
            ? null
            : new Error("invalid_siret_key", $"Le SIRET « {value} » est invalide : sa clé de contrôle (Luhn) ne correspond pas.", field);
    }

    /// <summary>RPPS: 11 digits whose last one is the Luhn key of the first ten (domain-rules §6).</summary>
    public static Error? CheckRpps(string? value, string field = "rpps")
    {
        if (value is null || !ElevenDigits().IsMatch(value))
        {
            return new Error("invalid_rpps", $"Le RPPS « {value} » est invalide : il doit compter 11 chiffres.", field);
        }

        return HasValidLuhnKey(value)
            ? null
            : new Error("invalid_rpps_key", $"Le RPPS « {value} » est invalide : sa clé de contrôle (Luhn) ne correspond pas.", field);
    }

    /// <summary>
    /// FINESS: 9 characters, département first (2A/2B for Corsica), Luhn key (domain-rules §6). For Corsica the
    /// key is computed with the département read as 20.
    /// </summary>
    public static Error? CheckFiness(string? value, string field = "finess")
    {
        if (value is null || !FinessPattern().IsMatch(value))
        {
            return new Error("invalid_finess", $"Le FINESS « {value} » est invalide : 9 caractères, le département en tête (ex. 350000139 ou 2A0000013).", field);
        }

        var digits = value.StartsWith("2A", StringComparison.Ordinal) || value.StartsWith("2B", StringComparison.Ordinal) ? "20" + value[2..] : value;
        return HasValidLuhnKey(digits)
            ? null
            : new Error("invalid_finess_key", $"Le FINESS « {value} » est invalide : sa clé de contrôle (Luhn) ne correspond pas.", field);
    }

    /// <summary>INSEE commune code shape: 5 characters, digits, or 2A/2B for Corsica.</summary>
    public static bool LooksLikeInseeCode(string value) => InseeCodePattern().IsMatch(value);

    [GeneratedRegex("^W[0-9]{9}$")]
    private static partial Regex RnaPattern();

    [GeneratedRegex("^[0-9]{11}$")]
    private static partial Regex ElevenDigits();

    [GeneratedRegex("^([0-9]{2}|2A|2B)[0-9]{7}$")]
    private static partial Regex FinessPattern();

    [GeneratedRegex("^[0-9]{14}$")]
    private static partial Regex FourteenDigits();

    [GeneratedRegex("^([0-9]{2}|2A|2B)[0-9]{3}$")]
    private static partial Regex InseeCodePattern();
}
