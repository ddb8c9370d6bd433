namespace Maillage.Funding.Contracts;

/// <summary>The missions of an ACI contract: four socle missions, always included, and two optional ones (domain-rules §4).</summary>
public static class ContractMissions
{
    public static IReadOnlyList<string> Socle { get; } = ["access", "pathways", "prevention", "crisis"];

    public static IReadOnlyList<string> Optional { get; } = ["quality", "support"];

    /// <summary>Every mission in the order of the grid.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Socle, .. Optional];

    public static string Name(string id) => id switch
    {
        "access" => "Accès aux soins",
        "pathways" => "Parcours pluriprofessionnels",
        "prevention" => "Prévention",
        "crisis" => "Crises sanitaires graves",
        "quality" => "Qualité et pertinence",
        "support" => "Accompagnement des professionnels",
        _ => id,
    };

    /// <summary>« Accès aux soins, Prévention »: the French names only, for pages, documents and the audit trail.</summary>
    public static string Describe(IEnumerable<string> ids) => string.Join(", ", ids.Select(Name));

    /// <summary>« « quality » (Qualité et pertinence) »: the ids a caller of the API or the CLI may type, each with its name; for messages
    /// that answer a mistyped id only.</summary>
    public static string Choices(IEnumerable<string> ids) => string.Join(", ", ids.Select(m => $"« {m} » ({Name(m)})"));

    /// <summary>Lower-case, trimmed, distinct ids (an entry may hold several, separated by commas or spaces).</summary>
    public static IReadOnlyList<string> Normalise(IEnumerable<string>? ids) =>
        [.. (ids ?? []).SelectMany(i => (i ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(i => i.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>Stored form ",a,b,", in the order of the grid for known ids.</summary>
    public static string AsList(IEnumerable<string> ids)
    {
        var list = Ordered(ids);
        return "," + string.Join(',', list) + (list.Count > 0 ? "," : "");
    }

    public static IReadOnlyList<string> Parse(string stored) => stored.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static IReadOnlyList<string> Ordered(IEnumerable<string> ids)
    {
        var set = ids.ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(set.Contains), .. set.Where(i => !All.Contains(i)).Order(StringComparer.Ordinal)];
    }
}
