using System.Text.Json.Serialization;

namespace Maillage.Funding;

/// <summary><c>{"ruleSet", "tier", "lines": [{"line", "fixed", "variable"}], "maximum"}</c>, amounts in euros as JSON numbers.</summary>
public sealed record AciSimulationDocument(string RuleSet, int Tier, IReadOnlyList<AciLineDocument> Lines, decimal Maximum)
{
    /// <summary>What the reader should check (a population above the largest territory), in French; absent from the JSON when there is none,
    /// so the documented shape stays as it is.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Warnings { get; init; }
}

/// <summary>One line of <see cref="AciSimulationDocument"/>.</summary>
public sealed record AciLineDocument(string Line, decimal Fixed, decimal Variable);

/// <summary>The rule sets as <c>maillage aci rule-sets --json</c> and <c>GET /api/aci/rule-sets</c> give them.</summary>
public sealed record AciCatalogueDocument(string Default, IReadOnlyList<AciRuleSetDocument> RuleSets)
{
    public static AciCatalogueDocument From(AciRuleSets sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return new(sets.Default.Id, [.. sets.All.Select(s => new AciRuleSetDocument(
            s.Id, s.Name, s.Source, s.Tiers.Id, s.Tiers.TierLowerBounds, s.HasMissionBreakdown, s.Note, s.TierDropNoticeYears,
            [.. s.Lines.Select(l => new AciLineRuleDocument(l.Id, l.Name, l.Kind.ToString().ToLowerInvariant(), l.CrisisPlan,
                [.. l.Tiers.Select(t => new AciTierDocument(t.Tier, t.Fixed, t.Variable, t.FixedYearlyUpdate))]))]))]);
    }
}

/// <summary>
/// A rule set: its source, the size tiers it uses (their lower bounds, tier 1 first), the notice in years before a contract's tier
/// may be lowered (0 = none) and, per line, the amounts of every tier.
/// </summary>
public sealed record AciRuleSetDocument(
    string Id,
    string Name,
    AciSource Source,
    string TierRuleSet,
    IReadOnlyList<int> TierLowerBounds,
    bool MissionBreakdown,
    string? Note,
    int TierDropNoticeYears,
    IReadOnlyList<AciLineRuleDocument> Lines);

/// <summary>A line of the grid; kind is operating, socle, optional or total.</summary>
public sealed record AciLineRuleDocument(string Id, string Name, string Kind, bool CrisisPlan, IReadOnlyList<AciTierDocument> Tiers);

/// <summary>
/// Amounts of a tier. On the crisis-plan line, fixed is the year of first drafting, fixedYearlyUpdate a year of update, and
/// variable is due only if a serious crisis occurs.
/// </summary>
public sealed record AciTierDocument(
    int Tier,
    decimal Fixed,
    decimal Variable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? FixedYearlyUpdate);
