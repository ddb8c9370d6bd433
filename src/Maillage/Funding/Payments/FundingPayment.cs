namespace Maillage.Funding.Payments;

/// <summary>The parts of a contract year's funding, each a line of the payment schedule.</summary>
public enum PaymentPart
{
    /// <summary>Operating the community: paid at signature and on each anniversary.</summary>
    Operating,

    /// <summary>The fixed part's advance (75 % by default) at the start of the year.</summary>
    FixedAdvance,

    /// <summary>The rest of the fixed part, after the dialogue de gestion, when the means are deployed.</summary>
    FixedBalance,

    /// <summary>The variable part, on the achievement rate, in year N+1.</summary>
    Variable,
}

/// <summary>
/// A payment received for one line of the schedule (a contract year, a line of the grid, a part): recorded by the officer of the
/// territory (the CPAM pays) or an admin. One per schedule line (unique index); recording it again corrects it.
/// </summary>
public sealed class FundingPayment
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    public int Year { get; set; }

    /// <summary>The ACI line id (operating, access, …, or total for the simplified grid).</summary>
    public string Line { get; set; } = "";

    public PaymentPart Part { get; set; }

    public decimal Amount { get; set; }

    public DateOnly PaidOn { get; set; }

    /// <summary>The payer's reference (bank transfer, notification).</summary>
    public string? Reference { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
