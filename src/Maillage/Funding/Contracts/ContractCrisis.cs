namespace Maillage.Funding.Contracts;

/// <summary>
/// A serious health crisis declared during a contract year: the variable part of the crisis mission is due only for such years
/// (domain-rules §4). One per contract and year; recorded by the officer of the territory (the ARS declares crises) or an admin.
/// </summary>
public sealed class ContractCrisis
{
    public Guid Id { get; set; }

    public Guid ContractId { get; set; }

    /// <summary>The contract year (1 to 5) the crisis occurred in.</summary>
    public int Year { get; set; }

    public DateOnly DeclaredOn { get; set; }

    /// <summary>What the crisis was (e.g. « Épidémie de bronchiolite, plan blanc du 12/12 »).</summary>
    public string Description { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
