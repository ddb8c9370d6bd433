using Maillage.Funding.Contracts;
using Maillage.Funding.Payments;

namespace Maillage.Web.Funding.Contracts;

/// <summary>The JSON documents of what the funders record on a contract: <c>…/contract/crises</c> and <c>…/contract/payments</c>.</summary>
public static class FunderDtos
{
    public sealed record CrisisRequest(int? Year, DateOnly? DeclaredOn, string? Description)
    {
        public CrisisDraft ToDraft() => new(Year, DeclaredOn, Description);
    }

    public sealed record Crisis(Guid Id, int Year, DateOnly DeclaredOn, string Description, string RecordedBy, DateTimeOffset RecordedAt);

    public sealed record PaymentRequest(decimal? Amount, DateOnly? PaidOn, string? Reference)
    {
        public PaymentDraft ToDraft() => new(Amount, PaidOn, Reference);
    }

    /// <summary>A payment: the schedule line it is for (contract year, line id, part id), the amount in euros, the date and the payer's reference.</summary>
    public sealed record Payment(Guid Id, int Year, string Line, string Part, decimal Amount, DateOnly PaidOn, string? Reference, string RecordedBy,
        DateTimeOffset RecordedAt);

    public static Crisis From(ContractCrisis c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new Crisis(c.Id, c.Year, c.DeclaredOn, c.Description, c.RecordedBy, c.RecordedAt);
    }

    public static Payment From(FundingPayment p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new Payment(p.Id, p.Year, p.Line, PaymentRules.Id(p.Part), p.Amount, p.PaidOn, p.Reference, p.RecordedBy, p.RecordedAt);
    }
}
