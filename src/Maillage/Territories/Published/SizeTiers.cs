using System.Text.Json;
using System.Text.Json.Serialization;

namespace Maillage.Territories.Published;

/// <summary>
/// A versioned rule set of ACI size tiers (domain-rules §2): tier n applies from its lower bound
/// (inclusive) up to the next tier's bound (exclusive).
/// </summary>
public sealed record SizeTierRuleSet(string Id, string Name, string Source, DateOnly EffectiveFrom, IReadOnlyList<int> TierLowerBounds)
{
    /// <summary>The tier (1-based) of a population.</summary>
    public int TierOf(long population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        var tier = 0;
        for (var i = 0; i < TierLowerBounds.Count; i++)
        {
            if (population >= TierLowerBounds[i])
            {
                tier = i + 1;
            }
        }

        return tier;
    }
}

/// <summary>The size-tier rule sets shipped in data/rules/size-tiers.json, validated at load.</summary>
public sealed class SizeTiers
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, SizeTierRuleSet> ruleSets;

    private SizeTiers(IEnumerable<SizeTierRuleSet> sets, string defaultId)
    {
        ruleSets = sets.ToDictionary(s => s.Id);
        Default = ruleSets.GetValueOrDefault(defaultId)
            ?? throw new InvalidDataException($"size-tiers.json: default rule set {defaultId} is not defined.");
    }

    public SizeTierRuleSet Default { get; }

    public IReadOnlyCollection<SizeTierRuleSet> All => ruleSets.Values;

    public SizeTierRuleSet? Find(string id) => ruleSets.GetValueOrDefault(id);

    public static SizeTiers LoadEmbedded()
    {
        using var stream = typeof(SizeTiers).Assembly.GetManifestResourceStream("rules/size-tiers.json")
            ?? throw new InvalidDataException("rules/size-tiers.json is not embedded.");
        var file = JsonSerializer.Deserialize<File>(stream, JsonOptions)
            ?? throw new InvalidDataException("size-tiers.json is empty.");
        foreach (var set in file.RuleSets)
        {
            var b = set.TierLowerBounds;
            if (b.Count == 0 || b[0] != 0 || b.Zip(b.Skip(1)).Any(p => p.First >= p.Second))
            {
                throw new InvalidDataException($"size-tiers.json: rule set {set.Id} must start at 0 and have increasing bounds.");
            }
        }

        return new SizeTiers(file.RuleSets, file.Default);
    }

    private sealed record File(
        [property: JsonPropertyName("default")] string Default,
        [property: JsonPropertyName("ruleSets")] List<SizeTierRuleSet> RuleSets);
}
