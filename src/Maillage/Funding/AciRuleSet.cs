using Maillage.Territories.Published;

namespace Maillage.Funding;

/// <summary>The line ids of the ACI grid, as scripts and the API see them (docs/funding.md).</summary>
public static class AciLineIds
{
    public const string Operating = "operating";
    public const string Access = "access";
    public const string Pathways = "pathways";
    public const string Prevention = "prevention";
    public const string Crisis = "crisis";
    public const string Quality = "quality";
    public const string Support = "support";

    /// <summary>The one line of a grid that gives only totals per tier (no breakdown by mission).</summary>
    public const string Total = "total";

    /// <summary>The four socle missions every contract includes (domain-rules §4).</summary>
    public static IReadOnlyList<string> Socle { get; } = [Access, Pathways, Prevention, Crisis];

    /// <summary>Every line id a rule set may use, in the order of the grid.</summary>
    public static IReadOnlyList<string> Known { get; } = [Operating, Access, Pathways, Prevention, Crisis, Quality, Support, Total];
}

/// <summary>What a line of the grid is: the operating funding, a socle mission, an optional mission, or the whole grid at once.</summary>
public enum AciLineKind
{
    Operating,
    Socle,
    Optional,
    Total,
}

/// <summary>The text a rule set comes from and its date: <c>2021-12-20</c>, or only a year or month when the source gives no day.</summary>
public sealed record AciSource(string Text, string Date);

/// <summary>
/// Annual amounts in euros of one line for one size tier. For a crisis-plan line, <see cref="Fixed"/> is the amount of the
/// year the plan is first drafted, <see cref="FixedYearlyUpdate"/> the amount of a year it is only updated, and
/// <see cref="Variable"/> is due only if a serious health crisis occurs.
/// </summary>
public sealed record AciTierAmounts(int Tier, decimal Fixed, decimal Variable, decimal? FixedYearlyUpdate = null);

/// <summary>One line of a rule set: its id, French name, kind and amounts for every tier (index 0 is tier 1).</summary>
public sealed record AciLineRule(string Id, string Name, AciLineKind Kind, bool CrisisPlan, IReadOnlyList<AciTierAmounts> Tiers)
{
    public AciTierAmounts For(int tier) => Tiers[tier - 1];
}

/// <summary>
/// A versioned ACI funding grid (domain-rules §4), loaded from <c>data/rules/aci/&lt;id&gt;.json</c>: the maximum annual
/// amounts per line and size tier, under the size-tier rule set it names, and the notice in years before a contract's tier may be
/// lowered (<see cref="Contracts.TierDropNotice"/>).
/// </summary>
public sealed record AciRuleSet(
    string Id,
    string Name,
    string ShortName,
    AciSource Source,
    SizeTierRuleSet Tiers,
    bool IsDefault,
    string? Note,
    IReadOnlyList<AciLineRule> Lines,
    int TierDropNoticeYears = Contracts.TierDropNotice.DefaultYears)
{
    /// <summary>Whether the grid gives amounts per mission; a grid of totals has the single line <c>total</c>.</summary>
    public bool HasMissionBreakdown => Lines.All(l => l.Kind != AciLineKind.Total);

    /// <summary>How many size tiers the grid covers: those of its size-tier rule set.</summary>
    public int TierCount => Tiers.TierLowerBounds.Count;

    public AciLineRule? Line(string id) => Lines.FirstOrDefault(l => l.Id == id);
}
