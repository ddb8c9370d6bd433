namespace Maillage.Funding.Reviews;

/// <summary>Where a dialogue de gestion stands: prepared by the CPTS, then decided by the officer (the decided amounts are then fixed).</summary>
public enum ReviewStatus
{
    /// <summary>Being prepared: values, justifications, adjustments and actions outside the contract can still change.</summary>
    Open,

    /// <summary>Decided by the CPAM/ARS officer: means deployed and amounts per mission, the outcome.</summary>
    Decided,
}

/// <summary>
/// The yearly review (dialogue de gestion) of a contract year: when it was held, who took part, the actions done outside the contract,
/// and once decided, per mission whether the means were deployed and the fixed and variable amounts decided, with the outcome.
/// One per contract and year (unique index).
/// </summary>
public sealed class AnnualReview : Maillage.Platform.Persistence.IVersioned
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>The contract year reviewed (1 to 5).</summary>
    public int Year { get; set; }

    public ReviewStatus Status { get; set; }

    /// <summary>The day the meeting was held.</summary>
    public DateOnly? HeldOn { get; set; }

    /// <summary>Who took part (free text: « CPAM d'Ille-et-Vilaine, ARS Bretagne, bureau de la CPTS »).</summary>
    public string? Participants { get; set; }

    /// <summary>The outcome written by the officer when deciding.</summary>
    public string? Outcome { get; set; }

    public string? DecidedBy { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The day the decision applies (the balance and the variable part are due from then).</summary>
    public DateOnly? DecidedOn { get; set; }

    public List<ReviewMission> Missions { get; set; } = [];

    public List<ReviewAction> Actions { get; set; } = [];

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>The decision on one mission in a review: means deployed (the fixed part is due), the amounts decided, a comment.</summary>
public sealed class ReviewMission
{
    public Guid Id { get; set; }

    public Guid ReviewId { get; set; }

    /// <summary>The ACI line id (access, pathways, prevention, crisis, quality, support).</summary>
    public string Mission { get; set; } = "";

    public bool MeansDeployed { get; set; }

    /// <summary>The fixed part decided for the year (default: the grid's, when the means are deployed).</summary>
    public decimal? DecidedFixed { get; set; }

    /// <summary>The variable part decided for the year (default: the computed one).</summary>
    public decimal? DecidedVariable { get; set; }

    public string? Comment { get; set; }
}

/// <summary>An action the CPTS carried out outside the contract's objectives, recorded so the review can take it into account.</summary>
public sealed class ReviewAction
{
    public Guid Id { get; set; }

    public Guid ReviewId { get; set; }

    /// <summary>The mission it relates to, if any.</summary>
    public string? Mission { get; set; }

    public string Title { get; set; } = "";

    public string? Description { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
