namespace Maillage.Funding.Indicators;

/// <summary>The three kinds of indicators of an ACI contract (domain-rules §4): means, process (mise en œuvre), result.</summary>
public enum IndicatorKind
{
    Means,
    Process,
    Result,
}

/// <summary>Where the achieved values come from: typed in for now; computed from the platform's data later.</summary>
public enum IndicatorSource
{
    Manual,
    Computed,
}

/// <summary>
/// An indicator of a mission of an ACI contract: its weight within the mission (the weights of a mission sum to 1), its targets per
/// contract year (1 to 5) and the values achieved each year.
/// </summary>
public sealed class ContractIndicator : Maillage.Platform.Persistence.IVersioned
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>The ACI line id of the mission (access, pathways, prevention, crisis, quality, support; never operating).</summary>
    public string Mission { get; set; } = "";

    public string Name { get; set; } = "";

    public IndicatorKind Kind { get; set; }

    /// <summary>Free text, e.g. « patients », « % ».</summary>
    public string Unit { get; set; } = "";

    public IndicatorSource Source { get; set; }

    /// <summary>With <see cref="IndicatorSource.Computed"/>: the key of the platform figure that gives its values (e.g. « members.active »).</summary>
    public string? SourceKey { get; set; }

    /// <summary>From this contract year on, the indicator is obsolete: neutralised (left out, the others' weights rescaled), not failed.</summary>
    public int? ObsoleteFromYear { get; set; }

    public string? ObsoleteReason { get; set; }

    public string? ObsoleteBy { get; set; }

    public DateTimeOffset? ObsoleteAt { get; set; }

    /// <summary>An objective chosen locally (the guideline is up to 30 % of the objectives).</summary>
    public bool LocalInitiative { get; set; }

    /// <summary>The weight within its mission, in ]0, 1].</summary>
    public decimal Weight { get; set; }

    public List<IndicatorTarget> Targets { get; set; } = [];

    public List<IndicatorValue> Values { get; set; } = [];

    public List<IndicatorAdjustment> Adjustments { get; set; } = [];

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public int Version { get; set; }

    public decimal? TargetFor(int year) => Targets.FirstOrDefault(t => t.Year == year)?.Target;

    public IndicatorValue? ValueFor(int year) => Values.FirstOrDefault(v => v.Year == year);

    /// <summary>Whether the indicator is neutralised in that contract year.</summary>
    public bool IsObsoleteIn(int year) => ObsoleteFromYear is { } from && year >= from;
}

/// <summary>The target of an indicator for one contract year (unique per indicator and year).</summary>
public sealed class IndicatorTarget
{
    public Guid Id { get; set; }

    public Guid IndicatorId { get; set; }

    public int Year { get; set; }

    public decimal Target { get; set; }
}

/// <summary>The value achieved by an indicator in one contract year (unique per indicator and year), with its justification.</summary>
public sealed class IndicatorValue
{
    public Guid Id { get; set; }

    public Guid IndicatorId { get; set; }

    public int Year { get; set; }

    public decimal Achieved { get; set; }

    public string? Justification { get; set; }

    /// <summary>Where the proof is (a document's name or reference, a link), shown in the review pack.</summary>
    public string? Evidence { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// A target changed during the year (mid-year adjustment in the comité de suivi): the target before and after, why, who agreed to it
/// and when, and who recorded it. The indicator's target for the year is the new one; the history stays.
/// </summary>
public sealed class IndicatorAdjustment
{
    public Guid Id { get; set; }

    public Guid IndicatorId { get; set; }

    public int Year { get; set; }

    public decimal? PreviousTarget { get; set; }

    public decimal NewTarget { get; set; }

    public string Reason { get; set; } = "";

    /// <summary>Who agreed to it (e.g. « Comité de suivi : CPAM, ARS, bureau de la CPTS »).</summary>
    public string AgreedBy { get; set; } = "";

    public DateOnly AgreedOn { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
