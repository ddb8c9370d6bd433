using Maillage.Lifecycle.Published;
using Maillage.Funding.Contracts;
using Maillage.Funding.Payments;
using Maillage.Funding.Reviews;

namespace Maillage.Funding.Schedule;

/// <summary>What a contract gives, year by year and line by line, and its payment schedule (docs/schedule.md).</summary>
public sealed record ContractComputation(IReadOnlyList<YearFunding> Years, IReadOnlyList<ScheduleLine> Schedule, FundingTotals Totals);

/// <summary>
/// One contract year (<see cref="Start"/> to <see cref="End"/>, the last day): the tier in force at its start, whether a serious crisis was
/// declared, where its review stands, and its lines.
/// </summary>
public sealed record YearFunding(int Year, DateOnly Start, DateOnly End, int Tier, bool CrisisDeclared, ReviewStatus? Review,
    IReadOnlyList<LineFunding> Lines, FundingTotals Totals);

/// <summary>
/// One line of the grid in force that year: <c>operating</c>, then the missions (or <c>total</c> for the simplified grid). Maximum = the
/// grid's; expected = fixed due (means deployed unless a decided review says otherwise) and the variable computed from the indicators
/// (<c>null</c> when it cannot be); decided = the review's decision (<c>null</c> while not decided); paid = Σ recorded payments.
/// </summary>
public sealed record LineFunding(string Line, string Name, decimal MaximumFixed, decimal MaximumVariable, decimal ExpectedFixed,
    decimal? ExpectedVariable, decimal? DecidedFixed, decimal? DecidedVariable, decimal Paid, IReadOnlyList<string> Notes)
{
    public decimal Maximum => MaximumFixed + MaximumVariable;

    public decimal Expected => ExpectedFixed + (ExpectedVariable ?? 0m);

    public decimal? Decided => DecidedFixed is null && DecidedVariable is null ? null : (DecidedFixed ?? 0m) + (DecidedVariable ?? 0m);
}

/// <summary>Sums of a year or of the whole contract; <see cref="Decided"/> is <c>null</c> while nothing is decided.</summary>
public sealed record FundingTotals(decimal Maximum, decimal Expected, decimal? Decided, decimal Paid);

/// <summary>
/// One payment due: a contract year, a line, a part, when, how much, whether the amount is decided (<see cref="Confirmed"/>) or a forecast,
/// what was paid for it, and a French explanation of how it was computed.
/// </summary>
public sealed record ScheduleLine(int Year, string Line, string LineName, PaymentPart Part, DateOnly DueOn, decimal Amount,
    bool Confirmed, decimal? Paid, DateOnly? PaidOn, string Explanation);

/// <summary>The funding of a CPTS's latest contract, with the reader's rights.</summary>
public sealed record ContractFunding(Tenant Tenant, AciContract Contract, FundingRights Rights, ContractComputation Computation)
{
    public CptsInfo Cpts => Tenant.Cpts;

    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Tenant.Today;
}
