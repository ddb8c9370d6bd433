using Maillage.Funding.Indicators;
using Maillage.Platform.Indicators;

namespace Maillage.Web.Funding.Indicators;

/// <summary>The JSON documents of <c>/api/cpts/{id}/contract/indicators</c> and <c>/achievement</c>.</summary>
public static class IndicatorDtos
{
    public sealed record IndicatorRequest(string? Mission, string? Name, string? Kind, string? Unit, bool? LocalInitiative, decimal? Weight,
        IReadOnlyList<TargetDraft>? Targets, int? Version, string? Source = null, string? SourceKey = null)
    {
        public IndicatorDraft ToDraft() => new(Mission, Name, Kind, Unit, LocalInitiative ?? false, Weight, Targets);

        public SourceDraft ToSource() => new(Source, SourceKey);
    }

    public sealed record ValueRequest(decimal? Achieved, string? Justification, string? Evidence = null);

    public sealed record AdjustmentRequest(int? Year, decimal? Target, string? Reason, string? AgreedBy, DateOnly? AgreedOn, int? Version)
    {
        public AdjustmentDraft ToDraft() => new(Year, Target, Reason, AgreedBy, AgreedOn);
    }

    public sealed record ObsoleteRequest(int? FromYear, string? Reason, int? Version);

    public sealed record Target(int Year, decimal Value);

    public sealed record Value(int Year, decimal Achieved, string? Justification, string? Evidence, string RecordedBy, DateTimeOffset RecordedAt);

    public sealed record Adjustment(Guid Id, int Year, decimal? PreviousTarget, decimal NewTarget, string Reason, string AgreedBy, DateOnly AgreedOn,
        string RecordedBy, DateTimeOffset RecordedAt);

    /// <summary>From <see cref="FromYear"/> on, the indicator is neutralised.</summary>
    public sealed record Obsolescence(int FromYear, string? Reason, string? By, DateTimeOffset? At);

    public sealed record Indicator(Guid Id, string Mission, string Name, string Kind, string Unit, string Source, string? SourceKey, string? SourceLabel,
        bool LocalInitiative, decimal Weight, IReadOnlyList<Target> Targets, IReadOnlyList<Value> Values, IReadOnlyList<Adjustment> Adjustments,
        Obsolescence? Obsolete, int Version);

    public sealed record IndicatorYear(Guid Id, string Name, string Kind, string Unit, bool LocalInitiative, decimal Weight, decimal? Target,
        decimal? Achieved, string? Justification, decimal? Rate, bool Obsolete);

    public sealed record Mission(string Id, string Name, bool InForce, IReadOnlyList<IndicatorYear> Indicators, decimal WeightsSum, bool WeightsComplete,
        decimal? VariableEnvelope, decimal? ExpectedVariable, string? Warning);

    public sealed record LocalInitiatives(int Count, int Indicators, decimal Share, decimal Guideline, bool WithinGuideline);

    public sealed record Achievement(int Year, DateOnly YearStart, string RuleSet, int Tier, IReadOnlyList<Mission> Missions, decimal TotalVariableEnvelope,
        decimal TotalExpectedVariable, LocalInitiatives LocalInitiatives);

    public static Indicator From(ContractIndicator i, IndicatorSources sources)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(sources);
        return new Indicator(i.Id, i.Mission, i.Name, IndicatorRules.Id(i.Kind), i.Unit, i.Source == IndicatorSource.Manual ? "manual" : "computed",
            i.SourceKey, sources.Find(i.SourceKey)?.Label, i.LocalInitiative, i.Weight,
            [.. i.Targets.OrderBy(t => t.Year).Select(t => new Target(t.Year, t.Target))],
            [.. i.Values.OrderBy(v => v.Year).Select(v => new Value(v.Year, v.Achieved, v.Justification, v.Evidence, v.RecordedBy, v.RecordedAt))],
            [.. i.Adjustments.OrderBy(a => a.RecordedAt).Select(a => new Adjustment(a.Id, a.Year, a.PreviousTarget, a.NewTarget, a.Reason, a.AgreedBy, a.AgreedOn,
                a.RecordedBy, a.RecordedAt))],
            i.ObsoleteFromYear is { } from ? new Obsolescence(from, i.ObsoleteReason, i.ObsoleteBy, i.ObsoleteAt) : null, i.Version);
    }

    public static Achievement From(Maillage.Funding.Indicators.Achievement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Achievement(a.Year, a.YearStart, a.RuleSet, a.Tier,
            [.. a.Missions.Select(m => new Mission(m.Mission, m.Name, m.InForce,
                [.. m.Indicators.Select(r => new IndicatorYear(r.Indicator.Id, r.Indicator.Name, IndicatorRules.Id(r.Indicator.Kind), r.Indicator.Unit,
                    r.Indicator.LocalInitiative, r.Indicator.Weight, r.Target, r.Value?.Achieved, r.Value?.Justification, r.Rate, r.Obsolete))],
                m.WeightsSum, m.WeightsComplete, m.Envelope, m.ExpectedVariable, m.Warning))],
            a.TotalEnvelope, a.TotalExpectedVariable,
            new LocalInitiatives(a.LocalInitiatives, a.IndicatorCount, a.LocalInitiativeShare, IndicatorRules.LocalInitiativeGuideline, a.LocalInitiativesWithinGuideline));
    }
}
