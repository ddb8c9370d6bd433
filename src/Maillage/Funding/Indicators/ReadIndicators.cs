using Maillage.Funding.Contracts;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Indicators;

/// <summary>The indicators of a contract, and the achievement of a contract year with the variable part it gives per mission.</summary>
public sealed class ReadIndicators(MaillageDbContext db, AciRuleSets ruleSets, TimeProvider clock)
{
    public async Task<Result<IndicatorAccess.Found>> ListAsync(Guid cptsId, Actor actor, CancellationToken ct = default) =>
        await IndicatorAccess.FindAsync(db, cptsId, actor, forChange: false, ct);

    /// <summary>The achievement of a contract year (default: the current one).</summary>
    public async Task<Result<Achievement>> AchievementAsync(Guid cptsId, int? year, Actor actor, CancellationToken ct = default)
    {
        var found = await ListAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Achievement>.Fail(found.Errors);
        }

        var contract = found.Value!.Contract;
        var chosen = year ?? IndicatorRules.YearOf(contract, Lifecycle.CreateCpts.Today(clock));
        return IndicatorRules.YearError(chosen, "year") is { } error ? error : Result<Achievement>.Ok(Achieve(contract, found.Value!.Indicators, chosen));
    }

    /// <summary>
    /// Per mission of the contract in force at the start of the year (and any other mission that has indicators): its indicators with
    /// target, value and rate, the sum of its weights, its variable envelope for the tier in force then, and the expected variable part.
    /// </summary>
    public Achievement Achieve(AciContract contract, IReadOnlyList<ContractIndicator> indicators, int year)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(indicators);
        var terms = ContractTerms.On(contract, IndicatorRules.YearStart(contract, year));
        var set = ruleSets.Find(contract.RuleSetId);
        var missionIds = ContractMissions.Ordered(terms.Missions.Concat(indicators.Select(i => i.Mission)).Where(m => m != AciLineIds.Operating));
        var missions = new List<MissionAchievement>();
        foreach (var mission in missionIds)
        {
            var own = indicators.Where(i => i.Mission == mission).ToList();
            var rows = own.Select(i => new IndicatorAchievement(i, i.TargetFor(year), i.ValueFor(year), IndicatorRules.Rate(i.TargetFor(year), i.ValueFor(year)?.Achieved))).ToList();
            var inputs = rows.Select(r => new IndicatorYear(r.Indicator.Weight, r.Target, r.Value?.Achieved, r.Indicator.LocalInitiative)).ToList();
            var envelope = set is { HasMissionBreakdown: true } && set.Line(mission) is { } line && terms.Tier >= 1 && terms.Tier <= line.Tiers.Count
                ? line.For(terms.Tier).Variable : (decimal?)null;
            var complete = IndicatorRules.WeightsAreComplete(inputs);
            var expected = envelope is { } e ? IndicatorRules.MissionVariable(e, inputs) : null;
            missions.Add(new MissionAchievement(mission, ContractMissions.Name(mission), terms.Missions.Contains(mission), rows, IndicatorRules.WeightsSum(inputs),
                complete, envelope, expected, Warning(own.Count, complete, envelope, set)));
        }

        var all = indicators.Select(i => new IndicatorYear(i.Weight, null, null, i.LocalInitiative)).ToList();
        return new Achievement(year, IndicatorRules.YearStart(contract, year), contract.RuleSetId, terms.Tier, missions,
            missions.Sum(m => m.Envelope ?? 0m), missions.Sum(m => m.ExpectedVariable ?? 0m),
            all.Count(i => i.LocalInitiative), all.Count, IndicatorRules.LocalInitiativeShare(all));
    }

    private static string? Warning(int count, bool complete, decimal? envelope, AciRuleSet? set) =>
        envelope is null ? $"Le barème {set?.Id} ne donne pas d'enveloppe variable par mission : la part variable n'est pas calculée."
        : count == 0 ? "Aucun indicateur : la part variable de la mission n'est pas calculée."
        : !complete ? "Les poids des indicateurs de la mission ne totalisent pas 1 : la part variable n'est pas calculée tant qu'ils ne sont pas corrigés."
        : null;
}

public sealed record IndicatorAchievement(ContractIndicator Indicator, decimal? Target, IndicatorValue? Value, decimal? Rate);

public sealed record MissionAchievement(string Mission, string Name, bool InForce, IReadOnlyList<IndicatorAchievement> Indicators, decimal WeightsSum,
    bool WeightsComplete, decimal? Envelope, decimal? ExpectedVariable, string? Warning);

/// <summary>A contract year's achievement; the totals add the missions whose variable part is computed; the local share is by count of indicators.</summary>
public sealed record Achievement(int Year, DateOnly YearStart, string RuleSet, int Tier, IReadOnlyList<MissionAchievement> Missions, decimal TotalEnvelope,
    decimal TotalExpectedVariable, int LocalInitiatives, int IndicatorCount, decimal LocalInitiativeShare)
{
    public bool LocalInitiativesWithinGuideline => LocalInitiativeShare <= IndicatorRules.LocalInitiativeGuideline;
}
