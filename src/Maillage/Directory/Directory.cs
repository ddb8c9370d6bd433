using Maillage.Directory.Published;
namespace Maillage.Directory;

/// <summary>How a professional practises (nomenclature TRE_R23 ModeExercice: L libéral, S salarié, B bénévole), or both L and S.</summary>
public enum PracticeMode
{
    Liberal,
    Salaried,
    Volunteer,
    Mixed,
}

/// <summary>
/// A health professional of the national directory, keyed by RPPS. The directory is shared by the platform
/// (it mirrors the public Annuaire Santé); a CPTS sees the professionals who practise in its territory.
/// </summary>
public sealed class Professional : Maillage.Platform.Persistence.IVersioned
{
    public Guid Id { get; set; }

    /// <summary>11 digits, Luhn key (domain-rules §6).</summary>
    public string Rpps { get; set; } = "";

    public string LastName { get; set; } = "";

    public string FirstName { get; set; } = "";

    /// <summary>Profession, nomenclature TRE_G15 ProfessionSante (10 médecin, 21 pharmacien, 60 infirmier…).</summary>
    public string ProfessionCode { get; set; } = "";

    /// <summary>Specialty, nomenclature TRE_R38 SpecialiteOrdinale (e.g. SM54 médecine générale), when there is one.</summary>
    public string? SpecialtyCode { get; set; }

    public PracticeMode PracticeMode { get; set; }

    /// <summary>Secure-messaging address (MSSanté) when known.</summary>
    public string? MssanteAddress { get; set; }

    /// <summary>Work e-mail: personal data, shown beyond the coordinators only with <see cref="PublishContacts"/>.</summary>
    public string? WorkEmail { get; set; }

    /// <summary>Work phone: personal data, shown beyond the coordinators only with <see cref="PublishContacts"/>.</summary>
    public string? WorkPhone { get; set; }

    /// <summary>The professional agreed that their work contacts be published to the members and in exports.</summary>
    public bool PublishContacts { get; set; }

    /// <summary>Where the record comes from: <c>annuaire</c>, <c>csv</c> or <c>manual</c>.</summary>
    public string Source { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<Practice> Practices { get; set; } = [];

    // Names and contacts are personal data: never print them through a generated ToString.
    public override string ToString() => $"professional {Id}";
}

/// <summary>A place where a professional practises: a commune, and the structure when there is one.</summary>
public sealed class Practice
{
    public Guid Id { get; set; }

    public Guid ProfessionalId { get; set; }

    /// <summary>INSEE code of the current commune (or arrondissement) of the place of practice.</summary>
    public string CommuneCode { get; set; } = "";

    public Guid? StructureId { get; set; }

    public string? Address { get; set; }

    /// <summary>The source's id of this practice (the Annuaire's PractitionerRole id), for re-imports.</summary>
    public string? ExternalId { get; set; }
}

/// <summary>A structure of the territory: MSP, centre de santé, pharmacy, hospital, EHPAD, local authority…</summary>
public sealed class Structure : Maillage.Platform.Persistence.IVersioned
{
    public Guid Id { get; set; }

    public StructureKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>9 characters, département first (2A/2B for Corsica), Luhn key (domain-rules §6).</summary>
    public string? Finess { get; set; }

    /// <summary>14 digits, Luhn key.</summary>
    public string? Siret { get; set; }

    public string CommuneCode { get; set; } = "";

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>The source's id (the Annuaire's Organization id), for re-imports.</summary>
    public string? ExternalId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }

    public override string ToString() => $"structure {Id}";
}

/// <summary>A record an import refused, with what is wrong in French.</summary>
public sealed record RejectedRecord(string Record, string Reason);

/// <summary>What a directory import did: records created, updated in place (by RPPS / FINESS / SIRET), refused.</summary>
public sealed record DirectoryImportReport(int Created, int Updated, IReadOnlyList<RejectedRecord> Rejected);
