using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Funding.Schedule;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Reviews;

/// <summary>Builds the <see cref="ReviewPack"/> of an opened review, for whoever may read the CPTS's contract.</summary>
public sealed class BuildReviewPack(ReviewStore store, ReadIndicators indicators, AciRuleSets ruleSets)
{
    public async Task<Result<ReviewPack>> RunAsync(Guid cptsId, int year, Actor actor, CancellationToken ct = default)
    {
        var found = await store.ReadAsync(cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<ReviewPack>.Fail(found.Errors);
        }

        if (IndicatorRules.YearError(year, "year") is { } yearError)
        {
            return yearError;
        }

        var context = found.Value!;
        if (context.Review(year) is not { } review || context.Year(year) is not { } funding)
        {
            return ReviewStore.NotOpened(year);
        }

        var contract = context.Funding.Contract;
        var list = await IndicatorAccess.LoadAsync(store.Db, contract.Id, adjustments: true, tracked: false, ct);
        var achievement = indicators.Achieve(contract, list, year, funding.CrisisDeclared);
        return Result<ReviewPack>.Ok(Build(context, review, funding, achievement) with { RuleSetName = ruleSets.NameOf(contract.RuleSetId) });
    }

    /// <summary>Pure: the pack from what was read.</summary>
    public static ReviewPack Build(ReviewContext context, AnnualReview review, YearFunding funding, Achievement achievement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(review);
        ArgumentNullException.ThrowIfNull(funding);
        ArgumentNullException.ThrowIfNull(achievement);
        var (cpts, contract) = (context.Funding.Cpts, context.Funding.Contract);
        var actions = review.Actions.OrderBy(a => a.RecordedAt).ThenBy(a => a.Id)
            .Select(a => new PackAction(a.Id, a.Title, a.Mission, a.Mission is { } m ? ContractMissions.Name(m) : null, a.Description, a.RecordedAt,
                context.Funding.Tenant.Clock.DateOf(a.RecordedAt))).ToList();
        var missions = funding.Lines.Where(l => l.Line != AciLineIds.Operating).Select(l =>
        {
            var decision = review.Missions.FirstOrDefault(m => m.Mission == l.Line);
            var mission = achievement.Missions.FirstOrDefault(m => m.Mission == l.Line);
            return new PackMission(Line(l), decision?.MeansDeployed, decision?.Comment, mission?.Warning,
                [.. (mission?.Indicators ?? []).Select(r => Indicator(r, funding.Year))], [.. actions.Where(a => a.Mission == l.Line)]);
        }).ToList();
        var missionIds = missions.Select(m => m.Line).ToHashSet(StringComparer.Ordinal);
        var operating = funding.Lines.FirstOrDefault(l => l.Line == AciLineIds.Operating);
        return new ReviewPack(cpts.Id, cpts.Name, contract.Number, contract.SignedOn, contract.LastDay, contract.RuleSetId, funding.Year, funding.Start, funding.End,
            funding.Tier, funding.CrisisDeclared,
            new PackReview(review.Id, review.Status, review.HeldOn, review.Participants, review.Outcome, review.DecidedOn, review.Version),
            operating is null ? null : Line(operating), missions, [.. actions.Where(a => a.Mission is null || !missionIds.Contains(a.Mission))],
            new PackTotals(funding.Totals.Maximum, funding.Totals.Expected, funding.Totals.Decided, funding.Totals.Paid), context.Funding.Rights);
    }

    private static PackLine Line(LineFunding l) =>
        new(l.Line, l.Name, l.MaximumFixed, l.MaximumVariable, l.ExpectedFixed, l.ExpectedVariable, l.DecidedFixed, l.DecidedVariable, l.Paid, l.Notes);

    private static PackIndicator Indicator(IndicatorAchievement r, int year)
    {
        var i = r.Indicator;
        return new PackIndicator(i.Id, i.Name, i.Kind, i.Unit, i.Weight, i.LocalInitiative, r.Target, r.Value?.Achieved, r.Value?.Justification, r.Value?.Evidence,
            r.Obsolete, r.Obsolete ? i.ObsoleteReason : null, r.Rate,
            [.. i.Adjustments.Where(a => a.Year == year).OrderBy(a => a.AgreedOn).ThenBy(a => a.RecordedAt)
                .Select(a => new PackAdjustment(a.PreviousTarget, a.NewTarget, a.Reason, a.AgreedBy, a.AgreedOn))],
            [.. Enumerable.Range(1, AciContract.Years).Select(y => new TrajectoryPoint(y, i.TargetFor(y), i.ValueFor(y)?.Achieved))]);
    }
}
