using Maillage.Funding.Payments;
using Maillage.Funding.Reviews;
using Maillage.Platform;

namespace Maillage.Funding.Schedule;

/// <summary>One line of the payment schedule as the API, the CSV and <c>maillage aci schedule --json</c> give it.</summary>
public sealed record ScheduleLineDocument(int Year, string Line, string LineName, string Part, string PartName, DateOnly DueOn, decimal Amount,
    bool Confirmed, decimal? Paid, DateOnly? PaidOn, string Explanation);

/// <summary>The schedule's sums: all that is due (forecasts included), what is confirmed, what was paid, and what remains to pay.</summary>
public sealed record ScheduleTotalsDocument(decimal Due, decimal Confirmed, decimal Paid, decimal Remaining);

/// <summary>The JSON document of <c>GET /api/cpts/{id}/contract/schedule</c> and <c>maillage aci schedule --json</c>.</summary>
public sealed record ScheduleDocument(Guid CptsId, Guid ContractId, string RuleSet, DateOnly SignedOn, DateOnly EndsOn,
    IReadOnlyList<ScheduleLineDocument> Lines, ScheduleTotalsDocument Totals);

/// <summary>The funding of one line in a year, as the API gives it.</summary>
public sealed record LineFundingDocument(string Line, string Name, decimal MaximumFixed, decimal MaximumVariable, decimal Maximum, decimal ExpectedFixed,
    decimal? ExpectedVariable, decimal Expected, decimal? DecidedFixed, decimal? DecidedVariable, decimal? Decided, decimal Paid, IReadOnlyList<string> Notes);

public sealed record YearFundingDocument(int Year, DateOnly Start, DateOnly End, int Tier, bool CrisisDeclared, string? Review,
    IReadOnlyList<LineFundingDocument> Lines, FundingTotals Totals);

/// <summary>The JSON document of <c>GET /api/cpts/{id}/contract/funding</c>.</summary>
public sealed record FundingDocument(Guid CptsId, Guid ContractId, string RuleSet, DateOnly SignedOn, DateOnly EndsOn, decimal FixedAdvanceShare,
    int BalanceMonths, IReadOnlyList<YearFundingDocument> Years, FundingTotals Totals);

/// <summary>Turns a computed funding into the documents of the API, the CSV and the CLI, and the French words for them.</summary>
public static class FundingDocuments
{
    /// <summary>The CSV columns of the schedule (French; « ; » separated as the other exports).</summary>
    public static IReadOnlyList<string> ScheduleColumns { get; } =
        ["Année du contrat", "Échéance", "Ligne", "Part", "Montant (€)", "Statut", "Versé (€)", "Versé le", "Explication"];

    public static ScheduleDocument Schedule(ContractFunding funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        var lines = funding.Computation.Schedule.Select(l => new ScheduleLineDocument(l.Year, l.Line, l.LineName, PaymentRules.Id(l.Part),
            PaymentRules.Label(l.Part), l.DueOn, l.Amount, l.Confirmed, l.Paid, l.PaidOn, l.Explanation)).ToList();
        var c = funding.Contract;
        return new ScheduleDocument(funding.Cpts.Id, c.Id, c.RuleSetId, c.SignedOn, c.EndsOn, lines, Totals(funding.Computation));
    }

    /// <summary>Due = Σ amounts; confirmed = Σ confirmed amounts; paid = Σ payments recorded; remaining = due − paid on the lines (never below 0).</summary>
    public static ScheduleTotalsDocument Totals(ContractComputation computation)
    {
        ArgumentNullException.ThrowIfNull(computation);
        var lines = computation.Schedule;
        return new ScheduleTotalsDocument(lines.Sum(l => l.Amount), lines.Where(l => l.Confirmed).Sum(l => l.Amount), computation.Totals.Paid,
            lines.Sum(l => Math.Max(l.Amount - (l.Paid ?? 0m), 0m)));
    }

    public static FundingDocument Funding(ContractFunding funding)
    {
        ArgumentNullException.ThrowIfNull(funding);
        var c = funding.Contract;
        return new FundingDocument(funding.Cpts.Id, c.Id, c.RuleSetId, c.SignedOn, c.EndsOn, c.FixedAdvanceShare, c.BalanceMonths,
            [.. funding.Computation.Years.Select(y => new YearFundingDocument(y.Year, y.Start, y.End, y.Tier, y.CrisisDeclared, ReviewId(y.Review),
                [.. y.Lines.Select(l => new LineFundingDocument(l.Line, l.Name, l.MaximumFixed, l.MaximumVariable, l.Maximum, l.ExpectedFixed, l.ExpectedVariable,
                    l.Expected, l.DecidedFixed, l.DecidedVariable, l.Decided, l.Paid, l.Notes))],
                y.Totals))],
            funding.Computation.Totals);
    }

    public static string? ReviewId(ReviewStatus? status) => status switch
    {
        ReviewStatus.Open => "open",
        ReviewStatus.Decided => "decided",
        _ => null,
    };

    public static string ReviewLabel(ReviewStatus? status) => status switch
    {
        ReviewStatus.Open => "dialogue de gestion en préparation",
        ReviewStatus.Decided => "dialogue de gestion décidé",
        _ => "pas de dialogue de gestion",
    };

    public static string Status(bool confirmed) => confirmed ? "confirmé" : "prévisionnel";

    /// <summary>The CSV cells of a schedule line: amounts as French decimals with two digits (67500,00), dates dd/MM/yyyy.</summary>
    public static IReadOnlyList<string?> CsvCells(ScheduleLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return [line.Year.ToString(French.Culture), French.Date(line.DueOn), line.LineName, PaymentRules.Label(line.Part), Amount(line.Amount),
            Status(line.Confirmed), line.Paid is { } paid ? Amount(paid) : null, line.PaidOn is { } on ? French.Date(on) : null, line.Explanation];
    }

    /// <summary>Writes the schedule as CSV (« ; », UTF-8 with BOM, French headers).</summary>
    public static async Task WriteCsvAsync(ContractComputation computation, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(computation);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        await CsvFile.WriteAsync(writer, ScheduleColumns, computation.Schedule.Select(CsvCells), ct: ct);
        await writer.FlushAsync(ct);
    }

    private static string Amount(decimal amount) => amount.ToString("0.00", French.Culture);
}
