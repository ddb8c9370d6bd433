using Maillage.Platform.Errors;

namespace Maillage.Funding;

/// <summary>
/// Simulates the maximum annual ACI funding of a territory (domain-rules §4) under a versioned rule set: pure, no database.
/// </summary>
/// <remarks>
/// Rules: the tier comes from the population under the rule set's size tiers (or is the tier stored on a CPTS, a contract
/// attribute); operating and the socle missions are always included, so a list of missions without a socle mission is refused;
/// the crisis line's fixed part is that of the first drafting or of a yearly update of the plan, and its variable part is
/// counted only if a serious crisis occurred; a grid without a breakdown by mission only simulates all missions at once.
/// </remarks>
public sealed class SimulateAci(AciRuleSets ruleSets)
{
    /// <summary>The word that asks for every mission of the grid.</summary>
    public const string AllMissions = "all";

    public AciRuleSets RuleSets => ruleSets;

    /// <summary>Simulates for a population (number of inhabitants, more than zero); its tier comes from the rule set's size tiers.</summary>
    public Result<AciSimulation> ForPopulation(long population, AciOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var set = Find(options.RuleSet);
        var errors = new List<Error>();
        if (population <= 0)
        {
            errors.Add(AciInput.PopulationNotPositive());
        }

        if (set.Error is { } error)
        {
            errors.Add(error);
        }

        if (errors.Count > 0)
        {
            return Result<AciSimulation>.Fail(errors);
        }

        var tier = set.Value!.Tiers.TierOf(population);
        var simulation = Run(set.Value!, population, tier, options);
        return simulation.Succeeded && AciInput.PopulationWarning(population, tier) is { } warning
            ? Result<AciSimulation>.Ok(simulation.Value! with { Warnings = [warning] })
            : simulation;
    }

    /// <summary>Simulates for a CPTS: its population and the tier stored on it (the tier used for funding is a contract attribute).</summary>
    public Result<AciSimulation> ForStoredTier(long population, int tier, AciOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var set = Find(options.RuleSet);
        if (set.Error is { } error)
        {
            return error;
        }

        var ruleSet = set.Value!;
        return tier >= 1 && tier <= ruleSet.TierCount
            ? Run(ruleSet, population, tier, options)
            : new Error("tier_out_of_grid", $"La taille {tier} enregistrée pour cette CPTS n'existe pas dans le barème « {ruleSet.ShortName} » (tailles 1 à {ruleSet.TierCount}).", "cpts");
    }

    /// <summary>The amounts of one line for a tier, the crisis plan's year and whether a serious crisis occurred.</summary>
    public static AciLineAmount Amount(AciLineRule line, int tier, CrisisPlanYear plan, bool crisisOccurred)
    {
        ArgumentNullException.ThrowIfNull(line);
        var amounts = line.For(tier);
        return line.CrisisPlan
            ? new AciLineAmount(line.Id, line.Name, line.Kind,
                plan == CrisisPlanYear.FirstDrafting ? amounts.Fixed : amounts.FixedYearlyUpdate ?? amounts.Fixed,
                crisisOccurred ? amounts.Variable : 0m)
            : new AciLineAmount(line.Id, line.Name, line.Kind, amounts.Fixed, amounts.Variable);
    }

    /// <summary>The lines a choice of missions includes, in the order of the grid.</summary>
    public static Result<IReadOnlyList<AciLineRule>> SelectLines(AciRuleSet set, IReadOnlyList<string>? missions)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (missions is null || missions.Count == 0 || missions.Contains(AllMissions, StringComparer.Ordinal))
        {
            return Result<IReadOnlyList<AciLineRule>>.Ok(set.Lines);
        }

        if (!set.HasMissionBreakdown)
        {
            return new Error("missions_not_detailed",
                $"Le barème « {set.ShortName} » ne détaille pas les missions : seule la simulation de toutes les missions (« {AllMissions} ») est possible.", "missions");
        }

        var unknown = missions.Where(m => set.Line(m) is null).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return new Error("unknown_line",
                $"Mission inconnue : {string.Join(", ", unknown.Select(u => $"« {u} »"))}. Lignes du barème {set.Id} : {AllMissions}, {string.Join(", ", set.Lines.Select(l => l.Id))}.",
                "missions");
        }

        var socle = set.Lines.Where(l => l.Kind == AciLineKind.Socle).ToList();
        var missing = socle.Where(l => !missions.Contains(l.Id, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            return new Error("socle_missions_required",
                $"Les {socle.Count} missions socles sont obligatoires : {Names(socle)}. Il manque : {Names(missing)}. "
                + "Le fonctionnement (operating) est toujours compris ; ajoutez les missions optionnelles à la liste, ou demandez « all ».",
                "missions");
        }

        return Result<IReadOnlyList<AciLineRule>>.Ok(
            [.. set.Lines.Where(l => l.Kind is AciLineKind.Operating or AciLineKind.Socle || missions.Contains(l.Id, StringComparer.Ordinal))]);
    }

    private static string Names(IEnumerable<AciLineRule> lines) => string.Join(", ", lines.Select(l => $"{l.Name} ({l.Id})"));

    private static Result<AciSimulation> Run(AciRuleSet set, long population, int tier, AciOptions options)
    {
        var lines = SelectLines(set, options.Missions);
        return lines.Succeeded
            ? Result<AciSimulation>.Ok(new AciSimulation(set, population, tier, options.CrisisPlan, options.CrisisOccurred,
                [.. lines.Value!.Select(l => Amount(l, tier, options.CrisisPlan, options.CrisisOccurred))]))
            : Result<AciSimulation>.Fail(lines.Errors);
    }

    private (AciRuleSet? Value, Error? Error) Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? (ruleSets.Default, null)
        : ruleSets.Find(id.Trim()) is { } set ? (set, null)
        : (null, new Error("unknown_rule_set", $"Barème « {id.Trim()} » inconnu. Barèmes connus : {ruleSets.KnownIds}.", "ruleSet"));
}
