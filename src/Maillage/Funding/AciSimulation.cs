namespace Maillage.Funding;

/// <summary>Which year of the crisis plan is simulated: the year it is first drafted, or a year it is only updated.</summary>
public enum CrisisPlanYear
{
    FirstDrafting,
    YearlyUpdate,
}

/// <summary>
/// What to simulate besides the size: the rule set (null: the default), the missions (null: all of them; a list must hold the
/// socle missions, operating is always in), the year of the crisis plan and whether a serious crisis occurred.
/// </summary>
public sealed record AciOptions(
    string? RuleSet = null,
    IReadOnlyList<string>? Missions = null,
    CrisisPlanYear CrisisPlan = CrisisPlanYear.FirstDrafting,
    bool CrisisOccurred = false);

/// <summary>The maximum annual amounts in euros of one line of the grid: fixed part (means) and variable part (actions and results).</summary>
public sealed record AciLineAmount(string Line, string Name, AciLineKind Kind, decimal Fixed, decimal Variable)
{
    public decimal Total => Fixed + Variable;
}

/// <summary>
/// The simulated ACI funding of a territory: its tier, the lines included and the maximum, Σ (fixed + variable) of those lines.
/// </summary>
public sealed record AciSimulation(
    AciRuleSet RuleSet,
    long Population,
    int Tier,
    CrisisPlanYear CrisisPlan,
    bool CrisisOccurred,
    IReadOnlyList<AciLineAmount> Lines)
{
    public decimal Maximum => Lines.Sum(l => l.Total);

    /// <summary>What the simulation is made despite, in French (a population above any CPTS territory): shown, never a refusal.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public decimal FixedTotal => Lines.Sum(l => l.Fixed);

    public decimal VariableTotal => Lines.Sum(l => l.Variable);

    /// <summary>The JSON document of <c>maillage aci simulate --json</c> and <c>GET /api/aci/simulate</c>.</summary>
    public AciSimulationDocument ToDocument() =>
        new(RuleSet.Id, Tier, [.. Lines.Select(l => new AciLineDocument(l.Line, l.Fixed, l.Variable))], Maximum)
        {
            Warnings = Warnings.Count > 0 ? Warnings : null,
        };
}
