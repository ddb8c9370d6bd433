using System.Net.Mail;
using Maillage.Platform.Errors;
using Maillage.Platform.Identifiers;

namespace Maillage.Lifecycle;

/// <summary>What a user submits to register or edit a CPTS.</summary>
public sealed record CptsInput(
    string? Name,
    string? Rna,
    string? Siret,
    string? ContactEmail,
    string? ContactPhone,
    IReadOnlyList<string>? Territory,
    string? OverrideReason = null,
    int? Version = null)
{
    /// <summary>FINESS of the CPTS (TRE_R66 category 604), optional: the SAS names the CPTS by it.</summary>
    public string? Finess { get; init; }

    /// <summary>Field checks of the association identity, each with a French message naming the field.</summary>
    public IReadOnlyList<Error> CheckIdentity()
    {
        var errors = new List<Error>();
        var name = Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors.Add(new Error("name_required", "Le nom de la CPTS est obligatoire.", "name"));
        }
        else if (name.Length > 200)
        {
            errors.Add(new Error("name_too_long", "Le nom de la CPTS ne peut dépasser 200 caractères.", "name"));
        }

        if (Identifiers.CheckRna(Clean(Rna)?.ToUpperInvariant()) is { } rna)
        {
            errors.Add(rna);
        }

        if (Identifiers.CheckSiret(Clean(Siret)?.Replace(" ", "", StringComparison.Ordinal)) is { } siret)
        {
            errors.Add(siret);
        }

        if (CleanFiness(Finess) is { } finessValue && Identifiers.CheckFiness(finessValue) is { } finess)
        {
            errors.Add(finess);
        }

        if (Clean(ContactEmail) is { } email && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
        {
            errors.Add(new Error("invalid_email", $"L'adresse « {email} » n'est pas une adresse e-mail valide.", "contactEmail"));
        }

        if (Clean(ContactPhone) is { } phone && (phone.Length > 30 || phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '.' or '-'))))
        {
            errors.Add(new Error("invalid_phone", $"Le numéro « {phone} » n'est pas un numéro de téléphone.", "contactPhone"));
        }

        return errors;
    }

    /// <summary>Copies the identity fields, normalised, onto the CPTS.</summary>
    public void ApplyIdentity(Cpts cpts)
    {
        cpts.Name = Name!.Trim();
        cpts.Rna = Clean(Rna)?.ToUpperInvariant();
        cpts.Siret = Clean(Siret)?.Replace(" ", "", StringComparison.Ordinal);
        cpts.Finess = CleanFiness(Finess);
        cpts.ContactEmail = Clean(ContactEmail);
        cpts.ContactPhone = Clean(ContactPhone);
    }

    public bool IdentityDiffersFrom(Cpts cpts) =>
        cpts.Name != Name?.Trim() || cpts.Rna != Clean(Rna)?.ToUpperInvariant()
        || cpts.Siret != Clean(Siret)?.Replace(" ", "", StringComparison.Ordinal)
        || cpts.Finess != CleanFiness(Finess) || cpts.ContactEmail != Clean(ContactEmail) || cpts.ContactPhone != Clean(ContactPhone);

    /// <summary>A FINESS as written on documents (« 35 000 013 9 »): spaces out, Corsica's letters upper case.</summary>
    public static string? CleanFiness(string? s) => Clean(s)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
