using Maillage.Funding.Contracts;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Indicators;

/// <summary>The indicators of a contract, and the achievement of a contract year with the variable part it gives per mission.</summary>
public sealed class ReadIndicators(MaillageDbContext db, AciRuleSets ruleSets, FundingAccess access)
{
    public async Task<Result<IndicatorAccess.Found>> ListAsync(Guid cptsId, Actor actor, CancellationToken ct = default) =>
        await access.IndicatorsAsync(cptsId, actor, forChange: false, ct);

    /// <summary>The achievement of a contract year (default: the current one).</summary>
    public async Task<Result<Achievement>> AchievementAsync(Guid cptsId, int? year, Actor actor, CancellationToken ct = default)
    {
        var found = await ListAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Achievement>.Fail(found.Errors);
        }

        var contract = found.Value!.Contract;
        var chosen = year ?? IndicatorRules.YearOf(contract, found.Value!.Today);
        return IndicatorRules.YearError(chosen, "year") is { } error ? error
            : Result<Achievement>.Ok(Achieve(contract, found.Value!.Indicators, chosen, await CrisisDeclaredAsync(contract, chosen, ct)));
    }

    /// <summary>Whether a serious health crisis was declared in that contract year (the crisis variable part counts only then).</summary>
    public Task<bool> CrisisDeclaredAsync(AciContract contract, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return db.ContractCrises().AnyAsync(c => c.ContractId == contract.Id && c.Year == year, ct);
    }

    /// <summary>
    /// Per mission of the contract in force at the start of the year (and any other mission that has indicators): its indicators with
    /// target, value and rate (under the contract's rule; obsolete indicators shown as such and neutralised), the sum of its weights, its
    /// variable envelope for the tier in force then (the crisis one only with a declared crisis), and the expected variable part.
    /// </summary>
    public Achievement Achieve(AciContract contract, IReadOnlyList<ContractIndicator> indicators, int year, bool crisisDeclared = false)
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
            var rows = own.Select(i => new IndicatorAchievement(i, i.TargetFor(year), i.ValueFor(year),
                IndicatorRules.Rate(contract.VariableRule, contract.VariableFloor, i.TargetFor(year), i.ValueFor(year)?.Achieved), i.IsObsoleteIn(year))).ToList();
            var inputs = IndicatorRules.Inputs(own, year);
            var outcome = IndicatorRules.Variable(contract, set, mission, terms.Tier, crisisDeclared, inputs);
            missions.Add(new MissionAchievement(mission, ContractMissions.Name(mission), terms.Missions.Contains(mission), rows, IndicatorRules.WeightsSum(inputs),
                IndicatorRules.WeightsAreComplete(inputs), outcome.Envelope, outcome.Expected, outcome.Warning));
        }

        var all = indicators.Select(i => new IndicatorYear(i.Weight, null, null, i.LocalInitiative)).ToList();
        return new Achievement(year, IndicatorRules.YearStart(contract, year), contract.RuleSetId, terms.Tier, missions,
            missions.Sum(m => m.Envelope ?? 0m), missions.Sum(m => m.ExpectedVariable ?? 0m),
            all.Count(i => i.LocalInitiative), all.Count, IndicatorRules.LocalInitiativeShare(all));
    }
}

/// <summary>An indicator in a year: its target, value and rate; an obsolete one is shown but neutralised in the variable part.</summary>
public sealed record IndicatorAchievement(ContractIndicator Indicator, decimal? Target, IndicatorValue? Value, decimal? Rate, bool Obsolete = false);

public sealed record MissionAchievement(string Mission, string Name, bool InForce, IReadOnlyList<IndicatorAchievement> Indicators, decimal WeightsSum,
    bool WeightsComplete, decimal? Envelope, decimal? ExpectedVariable, string? Warning);

/// <summary>A contract year's achievement; the totals add the missions whose variable part is computed; the local share is by count of indicators.</summary>
public sealed record Achievement(int Year, DateOnly YearStart, string RuleSet, int Tier, IReadOnlyList<MissionAchievement> Missions, decimal TotalEnvelope,
    decimal TotalExpectedVariable, int LocalInitiatives, int IndicatorCount, decimal LocalInitiativeShare)
{
    public bool LocalInitiativesWithinGuideline => LocalInitiativeShare <= IndicatorRules.LocalInitiativeGuideline;
}
