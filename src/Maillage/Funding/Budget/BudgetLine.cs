namespace Maillage.Funding.Budget;

public enum BudgetDirection
{
    Income,
    Spending,
}

/// <summary>Where income comes from: the ACI, the FIR (seed funding from the ARS), calls for projects, local authorities, other.</summary>
public enum IncomeSource
{
    Aci,
    Fir,
    CallForProjects,
    LocalAuthority,
    Other,
}

/// <summary>
/// What spending pays for. The last three fund care rather than organisation, which the ACI does not pay for (domain-rules §4):
/// such lines are flagged.
/// </summary>
public enum SpendingCategory
{
    Coordination,
    Indemnities,
    Equipment,
    Communication,
    Training,
    Events,
    Other,
    SalariedCare,
    HealthCentreDeficit,
    FeeTopUp,
}

/// <summary>
/// A line of a CPTS's budget for a calendar year: income by source, or spending by mission and action sheet (budget fléché), with the
/// planned and the actual amount. Written by the coordinator and the treasurer; read by the members and the officers of the territory.
/// </summary>
public sealed class BudgetLine : Maillage.Platform.Persistence.IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public int Year { get; set; }

    public BudgetDirection Direction { get; set; }

    /// <summary>For income.</summary>
    public IncomeSource? Source { get; set; }

    /// <summary>For spending.</summary>
    public SpendingCategory? Category { get; set; }

    /// <summary>For spending: the ACI line it serves (operating, access, …) or none.</summary>
    public string? Mission { get; set; }

    /// <summary>For spending: the action sheet (fiche action) it funds, if any.</summary>
    public string? ActionSheet { get; set; }

    public string Label { get; set; } = "";

    public decimal Planned { get; set; }

    public decimal? Actual { get; set; }

    public string? Note { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public int Version { get; set; }

    /// <summary>Spending that funds care rather than organisation: outside what the ACI pays for.</summary>
    public bool FundsCare => Category is SpendingCategory.SalariedCare or SpendingCategory.HealthCentreDeficit or SpendingCategory.FeeTopUp;
}
