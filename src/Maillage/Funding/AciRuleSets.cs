using Maillage.Territories.Published;

namespace Maillage.Funding;

/// <summary>
/// The ACI rule sets shipped in <c>data/rules/aci/*.json</c> (embedded as <c>rules/aci/&lt;file&gt;</c>), one file per rule set,
/// validated at load: an avenant is added as a new file, without code. A file that breaks a rule stops the start-up with
/// a message naming the file and the field.
/// </summary>
public sealed class AciRuleSets
{
    /// <summary>Where the rule sets are embedded in the domain assembly.</summary>
    public const string ResourcePrefix = "rules/aci/";

    private readonly Dictionary<string, AciRuleSet> byId;

    private AciRuleSets(IReadOnlyList<AciRuleSet> sets)
    {
        All = sets;
        byId = sets.ToDictionary(s => s.Id, StringComparer.Ordinal);
        Default = sets.Single(s => s.IsDefault);
    }

    /// <summary>The rule set used when none is asked for (<c>avenant2-2021</c>).</summary>
    public AciRuleSet Default { get; }

    /// <summary>Every rule set, the default first, then by id.</summary>
    public IReadOnlyList<AciRuleSet> All { get; }

    /// <summary>The ids, for messages that list the known rule sets.</summary>
    public string KnownIds => string.Join(", ", All.Select(s => s.Id));

    public AciRuleSet? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>What users read for a rule set (« Avenant 2 (2021) »), never its id; the id itself only for a rule set no longer shipped.</summary>
    public string NameOf(string id) => Find(id)?.ShortName ?? id;

    public static AciRuleSets LoadEmbedded(SizeTiers tiers)
    {
        var assembly = typeof(AciRuleSets).Assembly;
        var files = new List<(string File, string Json)>();
        foreach (var name in assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add((name, reader.ReadToEnd()));
        }

        return Load(files, tiers);
    }

    /// <summary>Reads and validates rule-set files (name, JSON text); throws <see cref="InvalidDataException"/> on the first fault.</summary>
    public static AciRuleSets Load(IEnumerable<(string File, string Json)> files, SizeTiers tiers)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(tiers);
        var sets = new List<(string File, AciRuleSet Set)>();
        foreach (var (file, json) in files)
        {
            var set = AciRuleSetReader.Read(file, json, tiers);
            if (sets.FirstOrDefault(s => s.Set.Id == set.Id) is { File: { } other })
            {
                throw new InvalidDataException($"{file}: id « {set.Id} » is already the id of {other}; rule-set ids are unique.");
            }

            if (set.IsDefault && sets.FirstOrDefault(s => s.Set.IsDefault) is { File: { } previous, Set: { } first })
            {
                throw new InvalidDataException($"{file}: default: « {first.Id} » ({previous}) is already the default rule set; only one may be.");
            }

            sets.Add((file, set));
        }

        if (sets.Count == 0)
        {
            throw new InvalidDataException($"{ResourcePrefix}: no ACI rule set found.");
        }

        if (!sets.Any(s => s.Set.IsDefault))
        {
            throw new InvalidDataException($"{ResourcePrefix}: no rule set is marked \"default\": true.");
        }

        return new AciRuleSets([.. sets.Select(s => s.Set).OrderByDescending(s => s.IsDefault).ThenBy(s => s.Id, StringComparer.Ordinal)]);
    }
}
