using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;

namespace Maillage.Tests.Funding;

/// <summary>The rules of contract indicators without a database: rates, the variable part of a mission, weights, the local-initiative share, checks.</summary>
public sealed class IndicatorRulesTests
{
    private static AciContract Contract()
    {
        var draft = new ContractDraft("avenant2-2021", new DateOnly(2024, 3, 15), "DG de l'ARS", "Directeur de la CPAM", ["quality"], null, null);
        var result = AciContract.Sign(draft, Guid.NewGuid(), 3, new DateOnly(2024, 6, 1), "officier", DateTimeOffset.UnixEpoch);
        Assert.True(result.Succeeded);
        return result.Value!;
    }

    private static IndicatorDraft Draft(string? mission = "access", decimal? weight = 0.5m, string? kind = "means", params TargetDraft[] targets) =>
        new(mission, "Patients sans médecin traitant orientés", kind, "patients", false, weight, targets);

    [Theory]
    [InlineData(100, 100, 1)]
    [InlineData(100, 150, 1)]
    [InlineData(100, 50, 0.5)]
    [InlineData(0, 0, 1)]
    [InlineData(0, 3, 1)]
    public void The_rate_is_achieved_over_target_capped_at_one_and_a_zero_target_is_reached(double target, double achieved, double rate) =>
        Assert.Equal((decimal)rate, IndicatorRules.Rate((decimal)target, (decimal)achieved));

    [Fact]
    public void No_value_gives_a_rate_of_zero_and_no_target_gives_no_rate()
    {
        Assert.Equal(0m, IndicatorRules.Rate(10m, null));
        Assert.Null(IndicatorRules.Rate(null, 4m));
    }

    [Fact]
    public void The_mission_variable_weights_the_rates_and_rounds_to_the_cent()
    {
        IndicatorYear[] partial = [new(0.6m, 10m, 12m, false), new(0.4m, 40m, 20m, false)];
        Assert.Equal(28_000m, IndicatorRules.MissionVariable(35_000m, partial));

        IndicatorYear[] thirds = [new(0.3333m, 3m, 1m, false), new(0.6667m, 3m, 3m, false)];
        Assert.Equal(27_223.00m, IndicatorRules.MissionVariable(35_000m, thirds));

        IndicatorYear[] noTarget = [new(0.5m, null, 5m, false), new(0.5m, 5m, 5m, false)];
        Assert.Equal(17_500m, IndicatorRules.MissionVariable(35_000m, noTarget));
    }

    [Fact]
    public void The_mission_variable_is_not_computed_when_the_weights_do_not_sum_to_one()
    {
        IndicatorYear[] incomplete = [new(0.6m, 10m, 10m, false), new(0.3m, 10m, 10m, false)];
        Assert.False(IndicatorRules.WeightsAreComplete(incomplete));
        Assert.Equal(0.9m, IndicatorRules.WeightsSum(incomplete));
        Assert.Null(IndicatorRules.MissionVariable(35_000m, incomplete));
        Assert.Null(IndicatorRules.MissionVariable(35_000m, []));
    }

    [Fact]
    public void The_local_initiative_share_counts_indicators_across_the_contract()
    {
        IndicatorYear[] indicators = [new(0.5m, null, null, true), new(0.5m, null, null, false), new(1m, null, null, false), new(1m, null, null, false)];
        Assert.Equal(0.25m, IndicatorRules.LocalInitiativeShare(indicators));
        Assert.Equal(0m, IndicatorRules.LocalInitiativeShare([]));
    }

    [Fact]
    public void A_valid_draft_has_no_error()
    {
        var (kind, errors) = IndicatorRules.Check(Draft("quality", 1m, "process", new TargetDraft(1, 10m), new TargetDraft(5, 0m)), Contract());
        Assert.Empty(errors);
        Assert.Equal(IndicatorKind.Process, kind);
    }

    [Theory]
    [InlineData("operating", 0.5, "means", "mission")]
    [InlineData("support", 0.5, "means", "mission")]
    [InlineData("nowhere", 0.5, "means", "mission")]
    [InlineData("access", 0, "means", "weight")]
    [InlineData("access", -0.1, "means", "weight")]
    [InlineData("access", 1.01, "means", "weight")]
    [InlineData("access", 0.5, "outcome", "kind")]
    public void A_bad_draft_is_refused_on_its_field(string mission, double weight, string kind, string field)
    {
        var (_, errors) = IndicatorRules.Check(Draft(mission, (decimal)weight, kind), Contract());
        Assert.Equal(field, Assert.Single(errors).Field);
    }

    [Fact]
    public void Targets_must_be_in_years_one_to_five_once_each_and_not_negative()
    {
        var (_, errors) = IndicatorRules.Check(
            Draft("access", 0.5m, "means", new TargetDraft(0, 1m), new TargetDraft(6, 1m), new TargetDraft(2, -1m), new TargetDraft(3, 1m), new TargetDraft(3, 2m)),
            Contract());
        Assert.Equal(["year_outside_contract", "year_outside_contract", "target_negative", "target_duplicate_year"], errors.Select(e => e.Code));
        Assert.All(errors, e => Assert.Equal("targets", e.Field));
    }

    [Fact]
    public void The_contract_year_of_a_date_counts_from_the_signature()
    {
        var contract = Contract();
        Assert.Equal(1, IndicatorRules.YearOf(contract, new DateOnly(2025, 3, 14)));
        Assert.Equal(2, IndicatorRules.YearOf(contract, new DateOnly(2025, 3, 15)));
        Assert.Equal(5, IndicatorRules.YearOf(contract, new DateOnly(2031, 1, 1)));
        Assert.Equal(new DateOnly(2026, 3, 15), IndicatorRules.YearStart(contract, 3));
    }
}
