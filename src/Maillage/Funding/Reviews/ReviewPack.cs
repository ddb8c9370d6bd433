using Maillage.Funding.Indicators;

namespace Maillage.Funding.Reviews;

/// <summary>
/// The review pack (dossier du dialogue de gestion) of a contract year: the one content model the page, the Excel workbook and the PDF
/// are written from, so that the three never disagree. Amounts come from the funding engine (maximum, expected, decided, paid), indicators
/// from the achievement of the year, actions and the outcome from the review.
/// </summary>
public sealed record ReviewPack(Guid CptsId, string CptsName, int ContractNumber, DateOnly SignedOn, DateOnly LastDay, string RuleSet, int Year,
    DateOnly YearStart, DateOnly YearEnd, int Tier, bool CrisisDeclared, PackReview Review, PackLine? Operating, IReadOnlyList<PackMission> Missions,
    IReadOnlyList<PackAction> OtherActions, PackTotals Totals, FundingRights Rights, string? RuleSetName = null)
{
    /// <summary>Every action outside the contract, those of a mission first.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<PackAction> AllActions => Missions.SelectMany(m => m.Actions).Concat(OtherActions);
}

/// <summary>Where the review stands and what it records (the version is for the forms, not printed).</summary>
public sealed record PackReview(Guid Id, ReviewStatus Status, DateOnly? HeldOn, string? Participants, string? Outcome, DateOnly? DecidedOn, int Version)
{
    public string StatusLabel => ReviewRules.StatusLabel(Status);
}

/// <summary>The amounts of a line for the year: the grid's maximum, what is expected, what was decided (<c>null</c> until then), what was paid.</summary>
public sealed record PackLine(string Line, string Name, decimal MaximumFixed, decimal MaximumVariable, decimal ExpectedFixed, decimal? ExpectedVariable,
    decimal? DecidedFixed, decimal? DecidedVariable, decimal Paid, IReadOnlyList<string> Notes)
{
    public decimal Maximum => MaximumFixed + MaximumVariable;

    public decimal Expected => ExpectedFixed + (ExpectedVariable ?? 0m);

    public decimal? Decided => DecidedFixed is null && DecidedVariable is null ? null : (DecidedFixed ?? 0m) + (DecidedVariable ?? 0m);
}

/// <summary>One mission of the year: its amounts, the officer's decision on it, its indicators and the actions outside the contract it relates to.</summary>
public sealed record PackMission(PackLine Amounts, bool? MeansDeployed, string? Comment, string? Warning, IReadOnlyList<PackIndicator> Indicators,
    IReadOnlyList<PackAction> Actions)
{
    public string Line => Amounts.Line;

    public string Name => Amounts.Name;
}

/// <summary>An indicator in the year reviewed, with its trajectory over the five contract years.</summary>
public sealed record PackIndicator(Guid Id, string Name, IndicatorKind Kind, string Unit, decimal Weight, bool LocalInitiative, decimal? Target, decimal? Achieved,
    string? Justification, string? Evidence, bool Obsolete, string? ObsoleteReason, decimal? Rate, IReadOnlyList<PackAdjustment> Adjustments,
    IReadOnlyList<TrajectoryPoint> Trajectory)
{
    public string KindLabel => IndicatorRules.Label(Kind);
}

public sealed record PackAdjustment(decimal? PreviousTarget, decimal NewTarget, string Reason, string AgreedBy, DateOnly AgreedOn);

/// <summary>A contract year of an indicator's trajectory: its target and what was achieved (<c>null</c> when none).</summary>
public sealed record TrajectoryPoint(int Year, decimal? Target, decimal? Achieved);

/// <summary>An action outside the contract; <see cref="RecordedOn"/> is the day it was recorded where the CPTS is.</summary>
public sealed record PackAction(Guid Id, string Title, string? Mission, string? MissionName, string? Description, DateTimeOffset RecordedAt, DateOnly RecordedOn);

public sealed record PackTotals(decimal Maximum, decimal Expected, decimal? Decided, decimal Paid);
