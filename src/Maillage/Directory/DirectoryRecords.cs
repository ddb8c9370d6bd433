using Maillage.Directory.Published;
namespace Maillage.Directory;

/// <summary>A structure as a source describes it, before it is checked and merged into the directory.</summary>
public sealed record StructureRecord(
    StructureKind Kind,
    string Name,
    string? Finess,
    string? Siret,
    string CommuneCode,
    string? Address = null,
    string? Phone = null,
    string? Email = null,
    string? ExternalId = null,
    string? Origin = null)
{
    /// <summary>How practices point at this structure: FINESS, else SIRET, else the source's id.</summary>
    public string? Key => Finess ?? Siret ?? ExternalId;

    /// <summary>How the record is named in an import report (no personal data: structures are legal persons).</summary>
    public string Label => (Origin is null ? "" : Origin + " : ") + $"{Name} ({Finess ?? Siret ?? ExternalId ?? "sans identifiant"})";
}

/// <summary>A place of practice as a source describes it; <see cref="StructureKey"/> is a FINESS, SIRET or source id.</summary>
public sealed record PracticeRecord(string CommuneCode, string? StructureKey = null, string? Address = null, string? ExternalId = null);

/// <summary>A professional as a source describes it, before it is checked and merged into the directory.</summary>
/// <param name="PublishContacts">The professional's consent; null when the source does not say (the current choice is kept).</param>
/// <param name="Origin">Where the record is in its source ("ligne 12", "Practitioner/abc"), for the import report.</param>
public sealed record ProfessionalRecord(
    string Rpps,
    string LastName,
    string FirstName,
    string ProfessionCode,
    string? SpecialtyCode,
    PracticeMode PracticeMode,
    IReadOnlyList<PracticeRecord> Practices,
    string? MssanteAddress = null,
    string? WorkEmail = null,
    string? WorkPhone = null,
    bool? PublishContacts = null,
    string? Origin = null)
{
    /// <summary>How the record is named in an import report: where it is and its RPPS, never the name.</summary>
    public string Label => (Origin is null ? "" : Origin + " : ") + $"RPPS {Rpps}";

    // A professional's name and contacts are personal data.
    public override string ToString() => Label;
}

/// <summary>What a source gave: structures, professionals, and what could not even be read, with why.</summary>
public sealed record DirectoryBatch(IReadOnlyList<StructureRecord> Structures, IReadOnlyList<ProfessionalRecord> Professionals, IReadOnlyList<RejectedRecord> Unreadable);
