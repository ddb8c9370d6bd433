using Maillage.Funding.Budget;

namespace Maillage.Tests.Funding;

/// <summary>The rules of the budget of a CPTS without a database: checks of a line, totals by source, mission and action sheet, flagged spending, balance.</summary>
public sealed class BudgetTests
{
    private const int Now = 2026;

    private static BudgetLineDraft Income(string? source = "aci", decimal? planned = 1000m) =>
        new("income", Now, source, null, null, null, "Financement", planned, null, null);

    private static BudgetLineDraft Spending(string? category = "coordination", string? mission = "operating", decimal? planned = 1000m) =>
        new("spending", Now, null, category, mission, "FA 1", "Dépense", planned, null, null);

    private static BudgetLine Line(BudgetLineDraft draft, decimal? actual = null)
    {
        var fields = BudgetRules.Check(draft with { Actual = actual }, Now);
        Assert.True(fields.Succeeded, string.Join(" ", fields.Errors.Select(e => e.Message)));
        var line = new BudgetLine { Id = Guid.NewGuid() };
        fields.Value!.ApplyTo(line);
        return line;
    }

    private static void Refused(BudgetLineDraft draft, string field, string code)
    {
        var result = BudgetRules.Check(draft, Now);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Field == field && e.Code == code);
    }

    [Fact]
    public void Ids_and_names_of_every_kind_are_understood()
    {
        Assert.Equal(SpendingCategory.FeeTopUp, BudgetLabels.Parse<SpendingCategory>("fee-top-up"));
        Assert.Equal(SpendingCategory.FeeTopUp, BudgetLabels.Parse<SpendingCategory>("FeeTopUp"));
        Assert.Equal(IncomeSource.CallForProjects, BudgetLabels.Parse<IncomeSource>(" call-for-projects "));
        Assert.Null(BudgetLabels.Parse<IncomeSource>("1"));
        Assert.Null(BudgetLabels.Parse<IncomeSource>("aci, fir"));
        Assert.Equal("health-centre-deficit", BudgetLabels.Id(SpendingCategory.HealthCentreDeficit));
        Assert.Equal([SpendingCategory.SalariedCare, SpendingCategory.HealthCentreDeficit, SpendingCategory.FeeTopUp], BudgetLabels.CareCategories);
    }

    [Fact]
    public void Income_needs_a_source_and_neither_a_category_nor_a_mission()
    {
        Refused(Income(source: null), "source", "source_required");
        Refused(Income(source: "lottery"), "source", "source_unknown");
        Refused(Income() with { Category = "coordination" }, "category", "category_for_income");
        Refused(Income() with { Mission = "access" }, "mission", "mission_for_income");
        Refused(Income() with { ActionSheet = "FA 1" }, "actionSheet", "action_sheet_for_income");
        Assert.True(BudgetRules.Check(Income() with { Mission = "none" }, Now).Succeeded);
    }

    [Fact]
    public void Spending_needs_a_category_a_known_mission_or_none_and_no_source()
    {
        Refused(Spending(category: null), "category", "category_required");
        Refused(Spending(category: "care"), "category", "category_unknown");
        Refused(Spending(mission: "total"), "mission", "mission_unknown");
        Refused(Spending() with { Source = "aci" }, "source", "source_for_spending");
        Assert.Null(Line(Spending(mission: "none")).Mission);
        Assert.Null(Line(Spending(mission: "  ")).Mission);
        Assert.Equal("access", Line(Spending(mission: "ACCESS")).Mission);
    }

    [Theory]
    [InlineData(2018, false)]
    [InlineData(2019, true)]
    [InlineData(2031, true)]
    [InlineData(2032, false)]
    public void The_year_runs_from_2019_to_five_years_ahead(int year, bool accepted) =>
        Assert.Equal(accepted, BudgetRules.Check(Income() with { Year = year }, Now).Succeeded);

    [Fact]
    public void Direction_label_and_amounts_are_checked_field_by_field()
    {
        Refused(Income() with { Direction = null }, "direction", "direction_required");
        Refused(Income() with { Direction = "sideways" }, "direction", "direction_unknown");
        Refused(Income() with { Label = " " }, "label", "label_required");
        Refused(Income() with { Label = new string('x', 301) }, "label", "label_too_long");
        Refused(Income(planned: null), "planned", "planned_required");
        Refused(Income(planned: -1m), "planned", "planned_negative");
        Refused(Income(planned: 10.005m), "planned", "planned_cents");
        Refused(Income() with { Actual = -0.01m }, "actual", "actual_negative");
        Assert.Equal(3, BudgetRules.Check(new BudgetLineDraft("spending", 1990, null, null, null, null, null, 1m, null, null), Now).Errors.Count);
        Assert.Equal(0m, Line(Income(planned: 0m)).Planned);
    }

    [Fact]
    public void Spending_that_funds_care_is_accepted_flagged_and_counted_apart()
    {
        var care = Line(Spending("fee-top-up", "access", 700m), 500m);
        Assert.True(care.FundsCare);
        Assert.Contains("Hors ACI", BudgetLabels.Warning(care), StringComparison.Ordinal);
        Assert.Null(BudgetLabels.Warning(Line(Spending())));
        var summary = BudgetRules.Summarise(Now, [care, Line(Spending("coordination", "operating", 300m), 250m), Line(Income(planned: 2000m), 1500m)]);
        Assert.Equal((1000m, 750m), (summary.Spending.Planned, summary.Spending.Actual));
        Assert.Equal((700m, 500m, 1), (summary.Flagged.Planned, summary.Flagged.Actual, summary.Flagged.Lines));
        Assert.Equal((300m, 250m), (summary.Organisation.Planned, summary.Organisation.Actual));
        Assert.Equal(new BudgetBalance(1000m, 750m), summary.Balance);
    }

    [Fact]
    public void Totals_group_income_by_source_and_spending_by_mission_and_action_sheet_in_a_stable_order()
    {
        BudgetLine[] lines =
        [
            Line(Income("fir", 100m), 100m), Line(Income("aci", 1000.10m)), Line(Income("aci", 200.20m), 50m),
            Line(Spending("indemnities", "pathways", 40m) with { ActionSheet = "FA 2" }, 10m), Line(Spending("training", null, 5m) with { ActionSheet = null }),
            Line(Spending("coordination", "operating", 300m) with { ActionSheet = "fa 2" }), Line(Spending("events", "access", 20m) with { ActionSheet = "FA 1" }),
            Move(Line(Income("aci", 999m)), Now + 1),
        ];
        var s = BudgetRules.Summarise(Now, lines);
        Assert.Equal(["aci", "fir"], s.IncomeBySource.Select(g => g.Key));
        Assert.Equal(new BudgetAmount(1200.30m, 50m, 2, 1), s.IncomeBySource[0].Amount);
        Assert.Equal(["operating", "access", "pathways", "none"], s.SpendingByMission.Select(g => g.Key));
        Assert.Equal("Sans mission", s.SpendingByMission[^1].Label);
        Assert.Equal(["FA 1", "FA 2", "none"], s.SpendingByActionSheet.Select(g => g.Key));
        Assert.Equal(340m, s.SpendingByActionSheet[1].Amount.Planned);
        Assert.Equal(["coordination", "indemnities", "training", "events"], s.SpendingByCategory.Select(g => g.Key));
        Assert.Equal(new BudgetBalance(1300.30m - 365m, 150m - 10m), s.Balance);

        var years = BudgetRules.ByYear(lines);
        Assert.Equal([Now, Now + 1], years.Select(y => y.Year));
        Assert.Equal(999m, years[1].Income.Planned);
        Assert.Equal(BudgetAmount.Zero, BudgetRules.Summarise(Now - 3, lines).Spending);
    }

    private static BudgetLine Move(BudgetLine line, int year)
    {
        line.Year = year;
        return line;
    }
}
