using Maillage.Directory.Published;
namespace Maillage.Directory.Annuaire;

/// <summary>
/// The systems and codes the Annuaire Santé speaks (IG-fhir-annuaire, FR Core), and how its structure categories
/// map onto <see cref="StructureKind"/>. See README.md beside this file.
/// </summary>
internal static class AnnuaireCodes
{
    /// <summary>RPPS in the current guide; also the system of PractitionerRole.identifier (idSituationExercice).</summary>
    public const string Rpps = "https://rpps.esante.gouv.fr";

    /// <summary>RPPS in older documents.</summary>
    public const string RppsOld = "http://rpps.fr";

    /// <summary>IDNPS, national identifier of a person: "8" + RPPS (or "0" + ADELI, which is not an RPPS).</summary>
    public const string Idnps = "urn:oid:1.2.250.1.71.4.2.1";

    /// <summary>IDNST, national identifier of a structure: "1" + FINESS, "3" + SIRET (others: "4" + RPPS rang…).</summary>
    public const string Idnst = "urn:oid:1.2.250.1.71.4.2.2";

    public const string Finess = "https://finess.esante.gouv.fr";

    /// <summary>SIRET and SIREN in FR Core (the length tells them apart).</summary>
    public const string Sirene = "https://sirene.fr";

    /// <summary>Identifier types of FR Core (fr-core-cs-v2-0203): RPPS, IDNPS, FINEG, FINEJ, SIRET…</summary>
    public const string IdentifierType = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";

    public const string Profession = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";

    public const string Specialty = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";

    public const string PracticeMode = "https://mos.esante.gouv.fr/NOS/TRE_R23-ModeExercice/FHIR/TRE-R23-ModeExercice";

    public const string SecteurActivite = "https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite";

    public const string CategorieEtablissement = "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement";

    /// <summary>FR Core extension on Address carrying the INSEE commune code (TRE_R13-Commune coding).</summary>
    public const string InseeCode = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code";

    /// <summary>FR Core extension on ContactPoint giving the messaging type; MSSANTE for a secure-messaging box.</summary>
    public const string EmailType = "https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-contact-point-email-type";

    public const string Mssante = "MSSANTE";

    /// <summary>TRE_R66 CategorieEtablissement (FINESS categories, as in JDV_J55) → kind.</summary>
    public static readonly IReadOnlyDictionary<string, StructureKind> ByCategory = new Dictionary<string, StructureKind>(StringComparer.Ordinal)
    {
        ["603"] = StructureKind.Msp, // Maison de santé (L6223-3)
        ["124"] = StructureKind.CentreSante, // Centre de santé
        ["439"] = StructureKind.CentreSante, // Centre de santé polyvalent
        ["620"] = StructureKind.Pharmacie, // Pharmacie d'officine
        ["628"] = StructureKind.Pharmacie, // Pharmacie minière
        ["629"] = StructureKind.Pharmacie, // Pharmacie mutualiste
        ["641"] = StructureKind.Pharmacie, // Antenne de Pharmacie d'officine
        ["610"] = StructureKind.Laboratoire, // Laboratoire d'analyses
        ["611"] = StructureKind.Laboratoire, // Laboratoire de biologie médicale (LBM)
        ["612"] = StructureKind.Laboratoire, // Autre laboratoire de biologie médicale sans FSE
        ["101"] = StructureKind.Hopital, // Centre hospitalier régional (CHR), which the CHU are
        ["106"] = StructureKind.Hopital, // Centre hospitalier (ex Hôpital local)
        ["355"] = StructureKind.Hopital, // Centre hospitalier (CH)
        ["114"] = StructureKind.Hopital, // Hôpital des armées
        ["292"] = StructureKind.Hopital, // Centre hospitalier spécialisé de lutte contre les maladies mentales
        ["109"] = StructureKind.Clinique, // Etablissement de santé privé autorisé en SSR
        ["122"] = StructureKind.Clinique, // Etablissement de soins obstétriques et chirurgico-gynécologiques
        ["128"] = StructureKind.Clinique, // Etablissement de soins chirurgicaux
        ["129"] = StructureKind.Clinique, // Etablissement de soins médicaux
        ["365"] = StructureKind.Clinique, // Etablissement de soins pluridisciplinaire
        ["500"] = StructureKind.Ehpad, // Etablissement d'hébergement pour personnes âgées dépendantes
        ["606"] = StructureKind.Dac, // Dispositif d'appui à la coordination (DAC)
        ["223"] = StructureKind.Pmi, // Protection maternelle et infantile (PMI)
    };

    /// <summary>TRE_R02 SecteurActivite → kind, when the organization has no category that maps.</summary>
    public static readonly IReadOnlyDictionary<string, StructureKind> BySector = new Dictionary<string, StructureKind>(StringComparer.Ordinal)
    {
        ["SA52"] = StructureKind.Msp, // Maison de santé ou Pôle de santé
        ["SA05"] = StructureKind.CentreSante, // Centre de santé
        ["SA33"] = StructureKind.Pharmacie, // Pharmacie d'officine
        ["SA38"] = StructureKind.Pharmacie, // Pharmacie minière
        ["SA39"] = StructureKind.Pharmacie, // Pharmacie mutualiste
        ["SA65"] = StructureKind.Pharmacie, // Antenne de pharmacie
        ["SA25"] = StructureKind.Laboratoire, // Laboratoire de biologie médicale
        ["SA29"] = StructureKind.Laboratoire, // Laboratoire d'analyses et de biologie médicale
        ["SA59"] = StructureKind.Laboratoire, // Labo de biologie médicale hors catégorie standard
        ["SA01"] = StructureKind.Hopital, // Etablissement public de santé
        ["SA02"] = StructureKind.Hopital, // Hôpital militaire du Service de santé des armées
        ["SA03"] = StructureKind.Clinique, // Etablissement privé PSPH
        ["SA04"] = StructureKind.Clinique, // Etablissement privé non PSPH
        ["SA15"] = StructureKind.Pmi, // PMI et Planification familiale
        ["SA27"] = StructureKind.CollectiviteLocale, // Collectivité territoriale
    };
}
