using Maillage.Funding;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Funding.Payments;
using Maillage.Funding.Reviews;
using Maillage.Funding.Schedule;

namespace Maillage.Tests.Funding;

/// <summary>What a contract gives year by year and its payment schedule, without a database (docs/schedule.md).</summary>
public sealed class FundingComputationTests
{
    private static readonly DateOnly Signed = new(2021, 1, 28);

    private static AciContract Contract(int tier = 3, string ruleSet = "avenant2-2021", params string[] optional)
    {
        var draft = new ContractDraft(ruleSet, Signed, "DG de l'ARS", "Directeur de la CPAM", optional, null, null);
        var result = AciContract.Sign(draft, Guid.NewGuid(), tier, new DateOnly(2024, 6, 1), "officier", DateTimeOffset.UnixEpoch);
        Assert.True(result.Succeeded);
        result.Value!.RuleSetId = ruleSet;
        return result.Value!;
    }

    private static ContractIndicator Indicator(AciContract contract, string mission, decimal weight, int year, decimal target, decimal? achieved,
        int? obsoleteFrom = null) => new()
    {
        Id = Guid.NewGuid(), ContractId = contract.Id, Mission = mission, Name = "Indicateur", Weight = weight, ObsoleteFromYear = obsoleteFrom,
        Targets = [new IndicatorTarget { Year = year, Target = target }],
        Values = achieved is { } a ? [new IndicatorValue { Year = year, Achieved = a }] : [],
    };

    private static AnnualReview Decided(int year, DateOnly? on, params ReviewMission[] missions) =>
        new() { Id = Guid.NewGuid(), Year = year, Status = ReviewStatus.Decided, DecidedOn = on, Missions = [.. missions] };

    private static ContractComputation Compute(AciContract contract, IReadOnlyList<ContractIndicator>? indicators = null,
        IReadOnlyList<ContractCrisis>? crises = null, IReadOnlyList<AnnualReview>? reviews = null, IReadOnlyList<FundingPayment>? payments = null) =>
        FundingComputation.Compute(contract, AciReference.Sets.Find(contract.RuleSetId)!, indicators ?? [], crises ?? [], reviews ?? [], payments ?? []);

    private static LineFunding Line(ContractComputation c, int year, string line) => c.Years[year - 1].Lines.Single(l => l.Line == line);

    private static ScheduleLine Due(ContractComputation c, int year, string line, PaymentPart part) =>
        c.Schedule.Single(s => s.Year == year && s.Line == line && s.Part == part);

    [Theory]
    [InlineData(1, 50_000, 55_000, 25_000, 12_500)]
    [InlineData(2, 60_000, 70_000, 35_000, 17_500)]
    [InlineData(3, 75_000, 90_000, 45_000, 22_500)]
    [InlineData(4, 90_000, 110_000, 50_000, 25_000)]
    public void Each_year_has_the_lines_of_the_grid_for_the_tier_and_the_schedule_pays_them(int tier, int operating, int access, int crisisFirst,
        int crisisUpdate)
    {
        var c = Compute(Contract(tier, "avenant2-2021", "support"));

        Assert.Equal(5, c.Years.Count);
        Assert.All(c.Years, y => Assert.Equal(["operating", "access", "pathways", "prevention", "crisis", "support"], y.Lines.Select(l => l.Line)));
        Assert.Equal((decimal)operating, Line(c, 1, "operating").MaximumFixed);
        Assert.Equal((decimal)access, Line(c, 1, "access").MaximumFixed);
        Assert.Equal((decimal)crisisFirst, Line(c, 1, "crisis").MaximumFixed);
        Assert.Equal((decimal)crisisUpdate, Line(c, 2, "crisis").MaximumFixed);
        var yearOne = AciReference.Simulator.ForStoredTier(0, tier, new AciOptions("avenant2-2021", ["operating", "access", "pathways", "prevention", "crisis", "support"]));
        Assert.Equal(yearOne.Value!.Maximum, c.Years[0].Totals.Maximum);
        // Per year: operating, then per mission an advance, a balance and a variable part.
        Assert.Equal(5 * (1 + 5 * 3), c.Schedule.Count);
        Assert.Equal((decimal)operating, Due(c, 3, "operating", PaymentPart.Operating).Amount);
        Assert.Equal(c.Years.Sum(y => y.Totals.Maximum), c.Totals.Maximum);
    }

    [Fact]
    public void The_fixed_part_is_advanced_at_75_percent_at_the_start_and_the_balance_comes_after_the_year()
    {
        var c = Compute(Contract());

        var advance = Due(c, 2, "access", PaymentPart.FixedAdvance);
        Assert.Equal((67_500m, new DateOnly(2022, 1, 28), true), (advance.Amount, advance.DueOn, advance.Confirmed));
        Assert.Equal($"Part fixe Accès aux soins, taille 3 : {AciLabels.Euros(90_000m)} × 75\u00A0% = {AciLabels.Euros(67_500m)}, versés à l'anniversaire du 28/01/2022.",
            advance.Explanation);
        var balance = Due(c, 2, "access", PaymentPart.FixedBalance);
        Assert.Equal((22_500m, new DateOnly(2023, 4, 28), false), (balance.Amount, balance.DueOn, balance.Confirmed));
        var operating = Due(c, 1, "operating", PaymentPart.Operating);
        Assert.Equal((75_000m, Signed, true), (operating.Amount, operating.DueOn, operating.Confirmed));
        Assert.Contains("à la signature du 28/01/2021", operating.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_share_of_one_the_fixed_part_is_paid_whole_at_the_start_without_a_balance_line()
    {
        var contract = Contract();
        contract.FixedAdvanceShare = 1m;

        var c = Compute(contract);

        Assert.Equal(90_000m, Due(c, 1, "access", PaymentPart.FixedAdvance).Amount);
        Assert.DoesNotContain(c.Schedule, s => s.Part == PaymentPart.FixedBalance);
        Assert.Contains("versés en totalité", Due(c, 1, "access", PaymentPart.FixedAdvance).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_expected_variable_comes_from_partial_achievements_under_the_contract_rule()
    {
        var contract = Contract();
        ContractIndicator[] indicators = [Indicator(contract, "access", 0.6m, 1, 10m, 12m), Indicator(contract, "access", 0.4m, 1, 40m, 20m)];

        var c = Compute(contract, indicators);

        Assert.Equal(28_000m, Line(c, 1, "access").ExpectedVariable);
        Assert.Equal(118_000m, Line(c, 1, "access").Expected);
        var variable = Due(c, 1, "access", PaymentPart.Variable);
        Assert.Equal((28_000m, new DateOnly(2022, 4, 28), false), (variable.Amount, variable.DueOn, variable.Confirmed));
        Assert.Contains("80\u00A0%", variable.Explanation, StringComparison.Ordinal);
        Assert.Null(Line(c, 1, "pathways").ExpectedVariable);
        Assert.Contains(Line(c, 1, "pathways").Notes, n => n.Contains("Aucun indicateur", StringComparison.Ordinal));

        contract.VariableRule = VariableRule.AllOrNothing;
        Assert.Equal(21_000m, Line(Compute(contract, indicators), 1, "access").ExpectedVariable);
        contract.VariableRule = VariableRule.Threshold;
        contract.VariableFloor = 0.6m;
        Assert.Equal(21_000m, Line(Compute(contract, indicators), 1, "access").ExpectedVariable);
    }

    [Fact]
    public void Obsolete_indicators_are_neutralised_and_a_mission_with_only_obsolete_ones_is_left_to_the_review()
    {
        var contract = Contract();
        ContractIndicator[] indicators =
        [
            Indicator(contract, "access", 0.6m, 1, 10m, 12m), Indicator(contract, "access", 0.4m, 1, 40m, 0m, obsoleteFrom: 1),
            Indicator(contract, "pathways", 1m, 1, 10m, 10m, obsoleteFrom: 1),
        ];

        var c = Compute(contract, indicators);

        Assert.Equal(35_000m, Line(c, 1, "access").ExpectedVariable);
        Assert.Contains(Line(c, 1, "access").Notes, n => n.Contains("neutralisé", StringComparison.Ordinal));
        Assert.Null(Line(c, 1, "pathways").ExpectedVariable);
        var pathways = Due(c, 1, "pathways", PaymentPart.Variable);
        Assert.Equal(0m, pathways.Amount);
        Assert.Contains("non calculée", pathways.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void The_crisis_variable_counts_only_in_a_year_with_a_declared_crisis()
    {
        var contract = Contract();
        ContractIndicator[] indicators = [Indicator(contract, "crisis", 1m, 2, 4m, 2m)];
        ContractCrisis[] crises = [new() { ContractId = contract.Id, Year = 2, DeclaredOn = new DateOnly(2022, 12, 12), Description = "Bronchiolite" }];

        var c = Compute(contract, indicators, crises);

        var quiet = Line(c, 1, "crisis");
        Assert.Equal((0m, 0m), (quiet.MaximumVariable, quiet.ExpectedVariable));
        Assert.Contains(IndicatorRules.NoCrisisNote, quiet.Notes);
        Assert.Contains("aucune crise sanitaire grave", Due(c, 1, "crisis", PaymentPart.Variable).Explanation, StringComparison.Ordinal);
        Assert.False(c.Years[0].CrisisDeclared);
        var crisis = Line(c, 2, "crisis");
        Assert.True(c.Years[1].CrisisDeclared);
        Assert.Equal((67_500m, 33_750m), (crisis.MaximumVariable, crisis.ExpectedVariable));
    }

    [Fact]
    public void The_crisis_plan_is_first_drafted_in_the_contract_year_starting_in_the_crisis_plan_year()
    {
        var contract = Contract();
        contract.CrisisPlanYear = 2023;

        var c = Compute(contract);

        Assert.Equal([22_500m, 22_500m, 45_000m, 22_500m, 22_500m], c.Years.Select(y => y.Lines.Single(l => l.Line == "crisis").MaximumFixed));
        Assert.Contains("(première rédaction du plan)", Due(c, 3, "crisis", PaymentPart.FixedAdvance).Explanation, StringComparison.Ordinal);
        Assert.Contains("(actualisation du plan)", Due(c, 1, "crisis", PaymentPart.FixedAdvance).Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_amendment_during_a_year_counts_from_the_next_contract_year()
    {
        var contract = Contract();
        var amended = contract.Amend(new AmendmentDraft(new DateOnly(2022, 6, 1), ["quality"], null, 4, "Population", "Avenant 1"), 4, "officier",
            DateTimeOffset.UnixEpoch);
        Assert.True(amended.Succeeded);

        var c = Compute(contract);

        Assert.Equal([3, 3, 4, 4, 4], c.Years.Select(y => y.Tier));
        Assert.DoesNotContain(c.Years[1].Lines, l => l.Line == "quality");
        Assert.Equal(20_000m, Line(c, 3, "quality").MaximumFixed);
        Assert.Equal(110_000m, Line(c, 3, "access").MaximumFixed);
        Assert.Equal(82_500m, Due(c, 3, "access", PaymentPart.FixedAdvance).Amount);
        Assert.Equal(67_500m, Due(c, 2, "access", PaymentPart.FixedAdvance).Amount);
    }

    [Fact]
    public void Means_not_deployed_make_the_fixed_part_not_due_and_the_advance_to_regularise()
    {
        var contract = Contract();
        var review = Decided(1, new DateOnly(2022, 3, 15), new ReviewMission { Mission = "access", MeansDeployed = false });

        var c = Compute(contract, reviews: [review]);

        var access = Line(c, 1, "access");
        Assert.Equal((0m, 0m), (access.ExpectedFixed, access.DecidedFixed));
        Assert.Contains(access.Notes, n => n.Contains("à régulariser", StringComparison.Ordinal));
        Assert.Equal(67_500m, Due(c, 1, "access", PaymentPart.FixedAdvance).Amount);
        var balance = Due(c, 1, "access", PaymentPart.FixedBalance);
        Assert.Equal((0m, true), (balance.Amount, balance.Confirmed));
        Assert.Contains("moyens non déployés", balance.Explanation, StringComparison.Ordinal);
        Assert.Equal(ReviewStatus.Decided, c.Years[0].Review);
    }

    [Fact]
    public void Decided_amounts_override_the_computed_ones_and_fall_due_on_the_decision_date()
    {
        var contract = Contract();
        ContractIndicator[] indicators = [Indicator(contract, "access", 1m, 1, 10m, 10m)];
        var review = Decided(1, new DateOnly(2022, 3, 15),
            new ReviewMission { Mission = "access", MeansDeployed = true, DecidedFixed = 80_000m, DecidedVariable = 20_000m },
            new ReviewMission { Mission = "pathways", MeansDeployed = true, DecidedFixed = 30_000m });

        var c = Compute(contract, indicators, reviews: [review]);

        var access = Line(c, 1, "access");
        Assert.Equal((35_000m, 80_000m, 20_000m, 100_000m), (access.ExpectedVariable!.Value, access.DecidedFixed!.Value, access.DecidedVariable!.Value, access.Decided!.Value));
        var balance = Due(c, 1, "access", PaymentPart.FixedBalance);
        Assert.Equal((12_500m, new DateOnly(2022, 3, 15), true), (balance.Amount, balance.DueOn, balance.Confirmed));
        var variable = Due(c, 1, "access", PaymentPart.Variable);
        Assert.Equal((20_000m, new DateOnly(2022, 3, 15), true), (variable.Amount, variable.DueOn, variable.Confirmed));
        Assert.Equal(0m, Due(c, 1, "pathways", PaymentPart.FixedBalance).Amount);
        Assert.Contains(Line(c, 1, "pathways").Notes, n => n.Contains("trop-versé", StringComparison.Ordinal));
        Assert.Contains(Line(c, 1, "prevention").Notes, n => n.Contains("absente de la décision", StringComparison.Ordinal));
        Assert.NotNull(c.Years[0].Totals.Decided);
        Assert.Null(c.Years[1].Totals.Decided);
        Assert.Equal(c.Years[0].Totals.Decided, c.Totals.Decided);
        Assert.False(Due(c, 2, "access", PaymentPart.FixedBalance).Confirmed);
    }

    [Fact]
    public void Recorded_payments_fill_what_was_paid_per_schedule_line_year_and_contract()
    {
        var contract = Contract();
        FundingPayment[] payments =
        [
            new() { ContractId = contract.Id, Year = 1, Line = "access", Part = PaymentPart.FixedAdvance, Amount = 67_500m, PaidOn = new DateOnly(2021, 2, 15) },
            new() { ContractId = contract.Id, Year = 1, Line = "operating", Part = PaymentPart.Operating, Amount = 75_000m, PaidOn = new DateOnly(2021, 2, 10) },
        ];

        var c = Compute(contract, payments: payments);

        var advance = Due(c, 1, "access", PaymentPart.FixedAdvance);
        Assert.Equal((67_500m, new DateOnly(2021, 2, 15)), (advance.Paid!.Value, advance.PaidOn!.Value));
        Assert.Null(Due(c, 1, "access", PaymentPart.FixedBalance).Paid);
        Assert.Equal(67_500m, Line(c, 1, "access").Paid);
        Assert.Equal(142_500m, c.Years[0].Totals.Paid);
        Assert.Equal(0m, c.Years[1].Totals.Paid);
        Assert.Equal(142_500m, c.Totals.Paid);
    }

    [Fact]
    public void Years_run_from_anniversary_to_anniversary_and_the_balance_waits_the_contract_s_months()
    {
        var contract = Contract();
        contract.BalanceMonths = 6;

        var c = Compute(contract);

        Assert.Equal([Signed, new(2022, 1, 28), new(2023, 1, 28), new(2024, 1, 28), new(2025, 1, 28)], c.Years.Select(y => y.Start));
        Assert.Equal(new DateOnly(2026, 1, 27), c.Years[4].End);
        Assert.Equal(new DateOnly(2022, 1, 27), c.Years[0].End);
        Assert.Equal(new DateOnly(2022, 7, 28), Due(c, 1, "access", PaymentPart.FixedBalance).DueOn);
        Assert.Equal(new DateOnly(2026, 7, 28), Due(c, 5, "prevention", PaymentPart.Variable).DueOn);
        Assert.Contains("6 mois après la fin de l'année 1", Due(c, 1, "access", PaymentPart.Variable).Explanation, StringComparison.Ordinal);
        var undated = Compute(contract, reviews: [Decided(1, null)]);
        Assert.Equal(new DateOnly(2022, 7, 28), Due(undated, 1, "access", PaymentPart.FixedBalance).DueOn);
    }

    [Fact]
    public void The_simplified_grid_has_one_total_line_whose_variable_is_not_computed()
    {
        var c = Compute(Contract(3, "simplified-2024"));

        var total = Assert.Single(c.Years[0].Lines);
        Assert.Equal(("total", 275_000m, 190_000m, 275_000m), (total.Line, total.MaximumFixed, total.MaximumVariable, total.ExpectedFixed));
        Assert.Null(total.ExpectedVariable);
        Assert.Contains(total.Notes, n => n.Contains("n'est pas calculée", StringComparison.Ordinal));
        Assert.Equal(206_250m, Due(c, 1, "total", PaymentPart.FixedAdvance).Amount);
        Assert.Equal(68_750m, Due(c, 1, "total", PaymentPart.FixedBalance).Amount);
        Assert.Equal(0m, Due(c, 1, "total", PaymentPart.Variable).Amount);
        Assert.Equal(15, c.Schedule.Count);
    }
}
