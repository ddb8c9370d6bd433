using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Maillage.Platform.Errors;
using Maillage.Platform.Identifiers;
using Maillage.Territories.Published;
using Maillage.TreatingDoctor.Assignment;

namespace Maillage.TreatingDoctor;

/// <summary>A request as typed (form, API, a line of an import): strings, checked by <see cref="RequestRules.Check"/>.</summary>
public sealed record RequestInput(
    string? FamilyName,
    string? GivenName,
    string? BirthDate,
    string? CommuneCode,
    string? Phone,
    string? Email,
    string? Nir,
    IReadOnlyList<string>? Criteria,
    bool HomeVisit,
    bool Consent,
    string? Notes = null);

/// <summary>A request once checked: normalised, criteria parsed (70 and over added from the birth date).</summary>
public sealed record CheckedRequest(string FamilyName, string GivenName, DateOnly BirthDate, string CommuneCode, string? Phone, string? Email, string? Nir,
    int Criteria, bool HomeVisit, string? Notes);

/// <summary>The consent the patient gives (on the form, or to the member who files for them), versioned so that a request says which text.</summary>
public static class TreatingConsent
{
    public const string Version = "2026-12";

    public const string Text =
        "J'accepte que la CPTS enregistre ces informations pour me trouver un médecin traitant : elles sont vues par l'équipe de coordination "
        + "de la CPTS et par le médecin à qui ma demande est proposée, conservées jusqu'à la fin de la recherche puis anonymisées. "
        + "Je peux demander à tout moment à les consulter, à les corriger ou à les effacer en contactant la CPTS.";
}

/// <summary>What a request must hold, whatever its channel: French messages naming the field (prefixed for an import's line).</summary>
public static partial class RequestRules
{
    /// <summary>Checks a typed request against the geography and the day (birth date not in the future, at most 120 years ago).</summary>
    public static Result<CheckedRequest> Check(RequestInput input, DateOnly today, GeoCatalog geo, bool consentRequired = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(geo);
        var errors = new List<Error>();
        var family = Clean(input.FamilyName);
        var given = Clean(input.GivenName);
        if (family.Length is 0 or > 100)
        {
            errors.Add(new Error("family_name_required", "Indiquez le nom de famille du patient (100 caractères au plus).", "familyName"));
        }

        if (given.Length is 0 or > 100)
        {
            errors.Add(new Error("given_name_required", "Indiquez le prénom du patient (100 caractères au plus).", "givenName"));
        }

        var birth = ParseDate(input.BirthDate);
        if (birth is null)
        {
            errors.Add(new Error("birth_date_invalid", string.IsNullOrWhiteSpace(input.BirthDate)
                ? "Indiquez la date de naissance du patient (jj/mm/aaaa)."
                : $"« {input.BirthDate} » n'est pas une date de naissance lisible : écrivez-la jj/mm/aaaa (ex. 04/07/1951).", "birthDate"));
        }
        else if (birth > today || birth < today.AddYears(-120))
        {
            errors.Add(new Error("birth_date_out_of_range", "La date de naissance doit être passée et de moins de 120 ans.", "birthDate"));
        }

        var commune = (input.CommuneCode ?? "").Trim().ToUpperInvariant();
        if (geo.Find(commune) is not { IsTerritoryUnit: true })
        {
            errors.Add(new Error("unknown_commune", string.IsNullOrEmpty(commune)
                ? "Indiquez la commune de résidence du patient."
                : $"« {input.CommuneCode} » n'est pas le code INSEE d'une commune (pour Paris, Lyon et Marseille, celui de l'arrondissement).", "communeCode"));
        }

        var phone = NormalizePhone(input.Phone);
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (phone is null && !string.IsNullOrWhiteSpace(input.Phone))
        {
            errors.Add(new Error("phone_invalid", "Le numéro de téléphone doit compter 10 chiffres (ex. 06 12 34 56 78) ou commencer par + et l'indicatif.", "phone"));
        }
        else if (phone is null && email is null)
        {
            errors.Add(new Error("contact_required", "Indiquez un téléphone (ou à défaut un e-mail) pour joindre le patient.", "phone"));
        }

        if (email is not null && (email.Length > 256 || !EmailShape().IsMatch(email)))
        {
            errors.Add(new Error("email_invalid", "L'adresse e-mail n'est pas lisible (ex. nom@exemple.fr).", "email"));
        }

        string? nir = null;
        if (!string.IsNullOrWhiteSpace(input.Nir))
        {
            if (Identifiers.CheckNir(input.Nir) is { } bad)
            {
                errors.Add(bad);
            }
            else
            {
                nir = Identifiers.NormalizeNir(input.Nir);
            }
        }

        var criteria = 0;
        foreach (var name in input.Criteria ?? [])
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            if (TryCriterion(name.Trim(), out var c))
            {
                criteria |= 1 << (int)c;
            }
            else
            {
                errors.Add(new Error("unknown_criterion",
                    $"Critère inconnu : « {name.Trim()} » (attendus : {string.Join(", ", AssignmentNames.CriterionNames)}).", "criteria"));
            }
        }

        if (consentRequired && !input.Consent)
        {
            errors.Add(new Error("consent_required", "Le consentement du patient est obligatoire pour enregistrer sa demande.", "consent"));
        }

        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (notes is { Length: > 4000 })
        {
            errors.Add(new Error("notes_too_long", "Les notes comptent 4 000 caractères au plus.", "notes"));
        }

        if (errors.Count > 0)
        {
            return Result<CheckedRequest>.Fail(errors);
        }

        if (birth!.Value.AddYears(70) <= today)
        {
            criteria |= 1 << (int)Criterion.Age70;
        }

        return Result<CheckedRequest>.Ok(new CheckedRequest(family, given, birth.Value, commune, phone, email, nir, criteria, input.HomeVisit, notes));
    }

    /// <summary>A criterion by its code (<c>ald</c>, <c>age70</c>…) or its French label, case and accents ignored.</summary>
    public static bool TryCriterion(string name, out Criterion criterion)
    {
        if (AssignmentNames.TryCriterion(name, out criterion))
        {
            return true;
        }

        var key = MatchKey(name);
        foreach (var c in Enum.GetValues<Criterion>())
        {
            if (MatchKey(AssignmentNames.Name(c)) == key || MatchKey(PriorityLabels.Of(c)) == key)
            {
                criterion = c;
                return true;
            }
        }

        return false;
    }

    /// <summary>Dates as people type them: 04/07/1951, 4/7/1951, 1951-07-04.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        var t = (text ?? "").Trim();
        return DateOnly.TryParseExact(t, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : null;
    }

    /// <summary>A French number as 10 digits (« 06 12 34 56 78 », 0612345678, +33 6 12 34 56 78 → 0612345678), another as +digits; null if unreadable.</summary>
    public static string? NormalizePhone(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string([.. text.Where(c => char.IsAsciiDigit(c) || c == '+')]);
        if (digits.StartsWith("+33", StringComparison.Ordinal) && digits.Length == 12)
        {
            digits = "0" + digits[3..];
        }

        if (digits.Length == 10 && digits[0] == '0' && digits[1] != '0' && digits.All(char.IsAsciiDigit))
        {
            return digits;
        }

        return digits.Length is >= 9 and <= 16 && digits[0] == '+' && digits[1..].All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>Names compared the way people misspell them: capitals, no accents, no hyphens, apostrophes or spaces.</summary>
    public static string MatchKey(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (char.IsLetterOrDigit(ch) && CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToUpperInvariant(ch));
            }
        }

        return sb.ToString();
    }

    /// <summary>The same person: the same NIR, or the same names (compared by <see cref="MatchKey"/>) and birth date.</summary>
    public static bool SamePerson(TreatingRequest a, CheckedRequest b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return (a.Nir is not null && a.Nir == b.Nir)
            || (a.BirthDate == b.BirthDate && MatchKey(a.FamilyName) == MatchKey(b.FamilyName) && MatchKey(a.GivenName) == MatchKey(b.GivenName));
    }

    private static string Clean(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();
}
