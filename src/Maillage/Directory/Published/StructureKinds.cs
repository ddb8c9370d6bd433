using Maillage.Territories.Published;

namespace Maillage.Directory.Published;

/// <summary>Kinds of structures a CPTS works with.</summary>
public enum StructureKind
{
    Msp,
    CentreSante,
    Pharmacie,
    Laboratoire,
    Hopital,
    Clinique,
    Ehpad,
    Dac,
    Pmi,
    CollectiviteLocale,
    AssociationPatients,
    Autre,
}

/// <summary>Kinds of structures as lists write them, and their French labels.</summary>
public static class StructureKinds
{
    public static IReadOnlyDictionary<StructureKind, string> Labels { get; } = new Dictionary<StructureKind, string>
    {
        [StructureKind.Msp] = "MSP",
        [StructureKind.CentreSante] = "Centre de santé",
        [StructureKind.Pharmacie] = "Pharmacie",
        [StructureKind.Laboratoire] = "Laboratoire",
        [StructureKind.Hopital] = "Hôpital",
        [StructureKind.Clinique] = "Clinique",
        [StructureKind.Ehpad] = "EHPAD",
        [StructureKind.Dac] = "DAC",
        [StructureKind.Pmi] = "PMI",
        [StructureKind.CollectiviteLocale] = "Collectivité locale",
        [StructureKind.AssociationPatients] = "Association de patients",
        [StructureKind.Autre] = "Autre",
    };

    private static readonly Dictionary<string, StructureKind> Synonyms = new(StringComparer.Ordinal)
    {
        ["maison de sante"] = StructureKind.Msp,
        ["maison de sante pluriprofessionnelle"] = StructureKind.Msp,
        ["cds"] = StructureKind.CentreSante,
        ["centre sante"] = StructureKind.CentreSante,
        ["officine"] = StructureKind.Pharmacie,
        ["laboratoire de biologie medicale"] = StructureKind.Laboratoire,
        ["lbm"] = StructureKind.Laboratoire,
        ["hopital"] = StructureKind.Hopital,
        ["ch"] = StructureKind.Hopital,
        ["chu"] = StructureKind.Hopital,
        ["centre hospitalier"] = StructureKind.Hopital,
        ["collectivite"] = StructureKind.CollectiviteLocale,
        ["mairie"] = StructureKind.CollectiviteLocale,
        ["association"] = StructureKind.AssociationPatients,
    };

    /// <summary>The kind a cell names (label, enum name or common synonym, without accents or case); empty is <see cref="StructureKind.Autre"/>.</summary>
    public static StructureKind? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return StructureKind.Autre;
        }

        var key = GeoCatalog.Normalize(text);
        foreach (var (kind, label) in Labels)
        {
            if (GeoCatalog.Normalize(label) == key || GeoCatalog.Normalize(kind.ToString()) == key)
            {
                return kind;
            }
        }

        return Synonyms.TryGetValue(key, out var synonym) ? synonym : null;
    }

    public static string French(this StructureKind kind) => Labels.GetValueOrDefault(kind, kind.ToString());

    /// <summary>The stable id the API uses for a kind: <c>msp</c>, <c>centre-sante</c>…</summary>
    public static string Id(this StructureKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}
