using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;

namespace Maillage.Tests.Funding;

/// <summary>The variable part's per-contract rules (threshold, all or nothing), obsolete indicators neutralised, and the crisis envelope.</summary>
public sealed class IndicatorVariableRulesTests
{
    [Theory]
    [InlineData(VariableRule.Proportional, null, 100, 40, 0.4)]
    [InlineData(VariableRule.Threshold, 0.5, 100, 40, 0)]
    [InlineData(VariableRule.Threshold, 0.5, 100, 50, 0.5)]
    [InlineData(VariableRule.Threshold, 0.5, 100, 150, 1)]
    [InlineData(VariableRule.Threshold, null, 100, 40, 0.4)]
    [InlineData(VariableRule.AllOrNothing, null, 100, 99, 0)]
    [InlineData(VariableRule.AllOrNothing, null, 100, 100, 1)]
    [InlineData(VariableRule.AllOrNothing, null, 0, 0, 1)]
    public void The_rate_follows_the_contract_rule(VariableRule rule, double? floor, double target, double achieved, double rate) =>
        Assert.Equal((decimal)rate, IndicatorRules.Rate(rule, (decimal?)floor, (decimal)target, (decimal)achieved));

    [Theory]
    [InlineData(VariableRule.Threshold)]
    [InlineData(VariableRule.AllOrNothing)]
    public void Every_rule_keeps_the_conventions_for_no_value_and_no_target(VariableRule rule)
    {
        Assert.Equal(0m, IndicatorRules.Rate(rule, 0.5m, 10m, null));
        Assert.Null(IndicatorRules.Rate(rule, 0.5m, null, 4m));
    }

    [Fact]
    public void The_mission_variable_applies_the_rule_to_each_indicator()
    {
        IndicatorYear[] indicators = [new(0.6m, 10m, 12m, false), new(0.4m, 40m, 16m, false)];

        Assert.Equal(26_600m, IndicatorRules.MissionVariable(35_000m, indicators));
        Assert.Equal(21_000m, IndicatorRules.MissionVariable(35_000m, indicators, VariableRule.Threshold, 0.5m));
        Assert.Equal(21_000m, IndicatorRules.MissionVariable(35_000m, indicators, VariableRule.AllOrNothing));
    }

    [Fact]
    public void An_obsolete_indicator_is_neutralised_and_the_others_weights_rescaled()
    {
        IndicatorYear[] indicators = [new(0.5m, 10m, 10m, false), new(0.3m, 10m, 5m, false), new(0.2m, 10m, 0m, false, Obsolete: true)];

        // 35 000 × (0,5 × 1 + 0,3 × 0,5) / 0,8 = 28 437,50
        Assert.Equal(28_437.50m, IndicatorRules.MissionVariable(35_000m, indicators));
        var outcome = IndicatorRules.VariableWarning(null, "access", false, 35_000m, indicators);
        Assert.Contains("obsolète", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Rescaled_weights_round_to_the_cent_half_away_from_zero()
    {
        IndicatorYear[] indicators = [new(0.3m, 3m, 1m, false), new(0.4m, 3m, 3m, false), new(0.3m, 1m, 1m, false, Obsolete: true)];

        // 10 000 × (0,3 / 3 + 0,4) / 0,7 = 7 142,857… → 7 142,86
        Assert.Equal(7_142.86m, IndicatorRules.MissionVariable(10_000m, indicators));
    }

    [Fact]
    public void A_mission_whose_indicators_are_all_obsolete_has_no_variable_and_a_warning()
    {
        IndicatorYear[] indicators = [new(0.5m, 10m, 10m, false, Obsolete: true), new(0.5m, 10m, 10m, false, Obsolete: true)];

        Assert.Null(IndicatorRules.MissionVariable(35_000m, indicators));
        Assert.Contains("dialogue de gestion", IndicatorRules.VariableWarning(null, "access", false, 35_000m, indicators), StringComparison.Ordinal);
    }

    [Fact]
    public void The_weights_check_still_counts_obsolete_indicators()
    {
        IndicatorYear[] indicators = [new(0.5m, 10m, 10m, false), new(0.3m, 10m, 10m, false, Obsolete: true)];

        Assert.Null(IndicatorRules.MissionVariable(35_000m, indicators));
    }

    [Fact]
    public void The_crisis_envelope_counts_only_in_a_year_with_a_declared_crisis()
    {
        var set = AciReference.Sets.Find("avenant2-2021");

        Assert.Equal(0m, IndicatorRules.Envelope(set, "crisis", 3, crisisDeclared: false));
        Assert.Equal(67_500m, IndicatorRules.Envelope(set, "crisis", 3, crisisDeclared: true));
        Assert.Equal(35_000m, IndicatorRules.Envelope(set, "access", 3, crisisDeclared: false));
        Assert.Null(IndicatorRules.Envelope(AciReference.Sets.Find("simplified-2024"), "access", 3, crisisDeclared: false));
        Assert.Equal(IndicatorRules.NoCrisisNote, IndicatorRules.VariableWarning(set, "crisis", false, 0m, []));
    }
}
