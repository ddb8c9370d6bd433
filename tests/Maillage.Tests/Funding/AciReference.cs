using System.Text.Json.Nodes;
using Maillage.Funding;

namespace Maillage.Tests.Funding;

/// <summary>The ACI rule sets embedded in Maillage, their raw files (to break them in tests) and the simulator over them.</summary>
internal static class AciReference
{
    private static readonly Lazy<AciRuleSets> LazySets = new(() => AciRuleSets.LoadEmbedded(Reference.Tiers));

    public static AciRuleSets Sets => LazySets.Value;

    public static SimulateAci Simulator { get; } = new(Sets);

    /// <summary>One population inside each tier (index 1 to 4), away from the boundaries.</summary>
    public static long[] PopulationOfTier { get; } = [0, 20_000, 60_000, 120_000, 300_000];

    /// <summary>The text of an embedded rule-set file, e.g. <c>avenant2-2021</c>.</summary>
    public static string File(string id)
    {
        using var stream = typeof(AciRuleSets).Assembly.GetManifestResourceStream(AciRuleSets.ResourcePrefix + id + ".json")
            ?? throw new InvalidOperationException($"{id}.json is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>An embedded file as a JSON tree, to change before loading it.</summary>
    public static JsonObject Tree(string id) => JsonNode.Parse(File(id))!.AsObject();
}
