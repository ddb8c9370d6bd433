using Maillage.Funding.Budget;

namespace Maillage.Web.Funding.Budget;

/// <summary>The JSON documents of <c>/api/cpts/{id}/budget</c>.</summary>
public static class BudgetDtos
{
    public sealed record LineRequest(string? Direction, int? Year, string? Source, string? Category, string? Mission, string? ActionSheet, string? Label,
        decimal? Planned, decimal? Actual, string? Note, int? Version)
    {
        public BudgetLineDraft ToDraft() => new(Direction, Year, Source, Category, Mission, ActionSheet, Label, Planned, Actual, Note);
    }

    public sealed record Line(Guid Id, int Year, string Direction, string? Source, string? Category, string KindLabel, string? Mission, string? MissionLabel,
        string? ActionSheet, string Label, decimal Planned, decimal? Actual, string? Note, bool FundsCare, string? Warning, string RecordedBy,
        DateTimeOffset RecordedAt, int Version);

    public sealed record Amount(decimal Planned, decimal Actual, int Lines, int WithoutActual);

    public sealed record Group(string Key, string Label, decimal Planned, decimal Actual, int Lines, int WithoutActual);

    public sealed record Balance(decimal Planned, decimal Actual);

    public sealed record Totals(int Year, IReadOnlyList<Group> IncomeBySource, IReadOnlyList<Group> SpendingByCategory, IReadOnlyList<Group> SpendingByMission,
        IReadOnlyList<Group> SpendingByActionSheet, Amount Income, Amount Spending, Amount Flagged, Amount Organisation, Balance Balance);

    public sealed record YearTotals(int Year, Amount Income, Amount Spending, Amount Flagged, Amount Organisation, Balance Balance);

    public sealed record AciSchedule(int ContractNumber, decimal Expected, decimal Confirmed);

    public sealed record Budget(Guid CptsId, int Year, bool CanEdit, IReadOnlyList<Line> Lines, Totals Totals, AciSchedule? AciSchedule);

    public sealed record Years(Guid CptsId, bool CanEdit, IReadOnlyList<YearTotals> Items);

    public static Line From(BudgetLine l)
    {
        ArgumentNullException.ThrowIfNull(l);
        var spending = l.Direction == BudgetDirection.Spending;
        return new Line(l.Id, l.Year, BudgetLabels.Id(l.Direction), l.Source is { } s ? BudgetLabels.Id(s) : null, l.Category is { } c ? BudgetLabels.Id(c) : null,
            BudgetLabels.Kind(l), spending ? l.Mission ?? BudgetLabels.None : null, spending ? BudgetLabels.MissionLabel(l.Mission) : null, l.ActionSheet, l.Label,
            l.Planned, l.Actual, l.Note, l.FundsCare, BudgetLabels.Warning(l), l.RecordedBy, l.RecordedAt, l.Version);
    }

    public static Budget From(BudgetView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var s = v.Summary;
        return new Budget(v.Cpts.Id, v.Year, v.Rights.EditValues, [.. v.Lines.Select(From)],
            new Totals(s.Year, Groups(s.IncomeBySource), Groups(s.SpendingByCategory), Groups(s.SpendingByMission), Groups(s.SpendingByActionSheet),
                From(s.Income), From(s.Spending), From(s.Flagged), From(s.Organisation), new Balance(s.Balance.Planned, s.Balance.Actual)),
            v.Aci is { } a ? new AciSchedule(a.ContractNumber, a.Expected, a.Confirmed) : null);
    }

    public static Years History(BudgetView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new Years(v.Cpts.Id, v.Rights.EditValues, [.. v.History.Select(s => new YearTotals(s.Year, From(s.Income), From(s.Spending), From(s.Flagged),
            From(s.Organisation), new Balance(s.Balance.Planned, s.Balance.Actual)))]);
    }

    private static Amount From(BudgetAmount a) => new(a.Planned, a.Actual, a.Lines, a.WithoutActual);

    private static IReadOnlyList<Group> Groups(IEnumerable<BudgetGroup> groups) =>
        [.. groups.Select(g => new Group(g.Key, g.Label, g.Amount.Planned, g.Amount.Actual, g.Amount.Lines, g.Amount.WithoutActual))];
}
