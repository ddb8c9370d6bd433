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
    /// NIR (numéro de sécurité sociale): 13 characters then a 2-digit key = 97 − (number mod 97); for Corsica 2A reads 19 and 2B reads 18
    /// before computing (domain-rules §6). Spaces are allowed when typed; the error never repeats the number (it is personal data).
    /// </summary>
    public static Error? CheckNir(string? value, string field = "nir")
    {
        var nir = NormalizeNir(value);
        if (nir.Length != 15 || !(nir[..5].All(char.IsAsciiDigit) && (nir[5..7].All(char.IsAsciiDigit) || nir[5..7] is "2A" or "2B")
            && nir[7..].All(char.IsAsciiDigit)) || nir[0] is not ('1' or '2' or '3' or '4' or '7' or '8'))
        {
            return new Error("invalid_nir", "Le numéro de sécurité sociale doit compter 15 caractères : 13 chiffres (2A ou 2B pour la Corse) puis la clé à 2 chiffres.", field);
        }

        var departement = nir[5..7] switch { "2A" => "19", "2B" => "18", var d => d };
        var number = decimal.Parse(nir[..5] + departement + nir[7..13], System.Globalization.CultureInfo.InvariantCulture);
        var key = 97 - (int)(number % 97);
        return key == int.Parse(nir[13..], System.Globalization.CultureInfo.InvariantCulture)
            ? null
            : new Error("invalid_nir_key", "Le numéro de sécurité sociale est invalide : sa clé ne correspond pas aux 13 premiers caractères.", field);
    }

    /// <summary>A NIR as stored: capitals, without spaces, dots or dashes.</summary>
    public static string NormalizeNir(string? value) =>
        new([.. (value ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')).Select(char.ToUpperInvariant)]);

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
