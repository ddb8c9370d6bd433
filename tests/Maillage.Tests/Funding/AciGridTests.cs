using Maillage.Funding;

namespace Maillage.Tests.Funding;

/// <summary>
/// domain-rules §4, cell by cell: the ACI grid of avenant 2 (20 Dec 2021) and the simplified 2024 grid, as the rule sets
/// give them and as the simulator returns them for a population of each tier.
/// </summary>
public sealed class AciGridTests
{
    private static readonly AciOptions EverythingFirstYearWithCrisis = new(CrisisPlan: CrisisPlanYear.FirstDrafting, CrisisOccurred: true);

    [Theory]
    // Operating the community: a single amount per tier, with no variable part.
    [InlineData("operating", 1, 50_000, 0)]
    [InlineData("operating", 2, 60_000, 0)]
    [InlineData("operating", 3, 75_000, 0)]
    [InlineData("operating", 4, 90_000, 0)]
    // Access to care (socle): fixed (means) and variable (actions and results).
    [InlineData("access", 1, 55_000, 25_000)]
    [InlineData("access", 2, 70_000, 30_000)]
    [InlineData("access", 3, 90_000, 35_000)]
    [InlineData("access", 4, 110_000, 45_000)]
    // Care pathways (socle).
    [InlineData("pathways", 1, 25_000, 25_000)]
    [InlineData("pathways", 2, 35_000, 35_000)]
    [InlineData("pathways", 3, 45_000, 45_000)]
    [InlineData("pathways", 4, 50_000, 50_000)]
    // Prevention (socle).
    [InlineData("prevention", 1, 10_000, 10_000)]
    [InlineData("prevention", 2, 15_000, 15_000)]
    [InlineData("prevention", 3, 17_500, 17_500)]
    [InlineData("prevention", 4, 20_000, 20_000)]
    // Quality and relevance (optional).
    [InlineData("quality", 1, 7_500, 7_500)]
    [InlineData("quality", 2, 10_000, 10_000)]
    [InlineData("quality", 3, 15_000, 15_000)]
    [InlineData("quality", 4, 20_000, 20_000)]
    // Supporting professionals (optional).
    [InlineData("support", 1, 5_000, 5_000)]
    [InlineData("support", 2, 7_500, 7_500)]
    [InlineData("support", 3, 10_000, 10_000)]
    [InlineData("support", 4, 15_000, 15_000)]
    public void Avenant_2_gives_each_line_its_fixed_and_variable_amount_per_tier(string line, int tier, int fixedPart, int variablePart)
    {
        var cell = AciReference.Sets.Find("avenant2-2021")!.Line(line)!.For(tier);
        Assert.Equal((decimal)fixedPart, cell.Fixed);
        Assert.Equal((decimal)variablePart, cell.Variable);

        var simulated = Simulate(AciReference.PopulationOfTier[tier], EverythingFirstYearWithCrisis).Lines.Single(l => l.Line == line);
        Assert.Equal((decimal)fixedPart, simulated.Fixed);
        Assert.Equal((decimal)variablePart, simulated.Variable);
    }

    [Theory]
    // Serious health crises (socle): fixed for the first drafting of the plan, fixed for its yearly update, variable only if a crisis occurs.
    [InlineData(1, 25_000, 12_500, 37_500)]
    [InlineData(2, 35_000, 17_500, 52_500)]
    [InlineData(3, 45_000, 22_500, 67_500)]
    [InlineData(4, 50_000, 25_000, 75_000)]
    public void Avenant_2_gives_the_crisis_line_its_three_amounts_per_tier(int tier, int firstDrafting, int yearlyUpdate, int ifCrisis)
    {
        var line = AciReference.Sets.Find("avenant2-2021")!.Line("crisis")!;
        Assert.True(line.CrisisPlan);
        Assert.Equal(new AciTierAmounts(tier, firstDrafting, ifCrisis, yearlyUpdate), line.For(tier));

        var population = AciReference.PopulationOfTier[tier];
        Assert.Equal(((decimal)firstDrafting, (decimal)ifCrisis), Crisis(population, CrisisPlanYear.FirstDrafting, occurred: true));
        Assert.Equal(((decimal)firstDrafting, 0m), Crisis(population, CrisisPlanYear.FirstDrafting, occurred: false));
        Assert.Equal(((decimal)yearlyUpdate, (decimal)ifCrisis), Crisis(population, CrisisPlanYear.YearlyUpdate, occurred: true));
        Assert.Equal(((decimal)yearlyUpdate, 0m), Crisis(population, CrisisPlanYear.YearlyUpdate, occurred: false));
    }

    [Theory]
    // « Maximum, all missions, year of first plan drafting »: 287,500 / 382,500 / 487,500 / 580,000.
    [InlineData(1, 287_500)]
    [InlineData(2, 382_500)]
    [InlineData(3, 487_500)]
    [InlineData(4, 580_000)]
    public void All_missions_in_the_year_of_first_drafting_with_a_crisis_reach_the_maximum_of_the_tier(int tier, int maximum)
    {
        var simulation = Simulate(AciReference.PopulationOfTier[tier], EverythingFirstYearWithCrisis);

        Assert.Equal(tier, simulation.Tier);
        Assert.Equal(maximum, simulation.Maximum);
        Assert.Equal(simulation.Lines.Sum(l => l.Fixed + l.Variable), simulation.Maximum);
        Assert.Equal(["operating", "access", "pathways", "prevention", "crisis", "quality", "support"], simulation.Lines.Select(l => l.Line));
    }

    [Theory]
    // « Crisis mission totals in the year of first drafting: 62,500 / 87,500 / 112,500 / 125,000 ».
    [InlineData(1, 62_500)]
    [InlineData(2, 87_500)]
    [InlineData(3, 112_500)]
    [InlineData(4, 125_000)]
    public void The_crisis_mission_in_the_year_of_first_drafting_totals(int tier, int total) =>
        Assert.Equal(total, Simulate(AciReference.PopulationOfTier[tier], EverythingFirstYearWithCrisis).Lines.Single(l => l.Line == "crisis").Total);

    [Theory]
    // The simplified 2024 grid: fixed + variable = maximum per tier.
    [InlineData(1, 165_000, 110_000, 275_000)]
    [InlineData(2, 215_000, 150_000, 365_000)]
    [InlineData(3, 275_000, 190_000, 465_000)]
    [InlineData(4, 330_000, 225_000, 555_000)]
    public void The_simplified_2024_grid_gives_one_total_line_per_tier(int tier, int fixedPart, int variablePart, int maximum)
    {
        var set = AciReference.Sets.Find("simplified-2024")!;
        Assert.False(set.HasMissionBreakdown);
        Assert.Equal(new AciTierAmounts(tier, fixedPart, variablePart), set.Line("total")!.For(tier));

        // The crisis options do not change a grid without missions.
        foreach (var options in new[] { new AciOptions("simplified-2024"), new AciOptions("simplified-2024", null, CrisisPlanYear.YearlyUpdate, true) })
        {
            var simulation = Simulate(AciReference.PopulationOfTier[tier], options);
            var line = Assert.Single(simulation.Lines);
            Assert.Equal(("total", (decimal)fixedPart, (decimal)variablePart), (line.Line, line.Fixed, line.Variable));
            Assert.Equal(maximum, simulation.Maximum);
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(39_999, 1)]      // « moins de 40 000 »
    [InlineData(40_000, 2)]      // 40,000 opens tier 2
    [InlineData(79_999, 2)]
    [InlineData(80_000, 3)]      // 80,000 opens tier 3
    [InlineData(81_000, 3)]      // Pays de Redon, domain-rules §2
    [InlineData(174_999, 3)]
    [InlineData(175_000, 4)]     // 175,000 opens tier 4
    [InlineData(2_103_778, 4)]
    public void The_tier_comes_from_the_population_under_the_size_tiers_of_each_rule_set(long population, int tier)
    {
        foreach (var set in AciReference.Sets.All)
        {
            Assert.Equal(tier, Simulate(population, new AciOptions(set.Id)).Tier);
        }
    }

    [Fact]
    public void Both_rule_sets_use_the_size_tiers_of_avenant_2_by_reference()
    {
        foreach (var set in AciReference.Sets.All)
        {
            Assert.Same(Reference.Tiers.Find("aci-2019-avenant-2"), set.Tiers);
            Assert.Equal(4, set.TierCount);
        }
    }

    [Fact]
    public void Avenant_2_is_the_default_with_its_source_and_the_socle_and_optional_missions()
    {
        var set = AciReference.Sets.Default;
        Assert.Equal("avenant2-2021", set.Id);
        Assert.Equal(new AciSource("Avenant 2 à l'accord conventionnel interprofessionnel CPTS, 20 décembre 2021", "2021-12-20"), set.Source);
        Assert.Equal(["avenant2-2021", "simplified-2024"], AciReference.Sets.All.Select(s => s.Id));
        Assert.Equal(["access", "pathways", "prevention", "crisis"], set.Lines.Where(l => l.Kind == AciLineKind.Socle).Select(l => l.Id));
        Assert.Equal(["quality", "support"], set.Lines.Where(l => l.Kind == AciLineKind.Optional).Select(l => l.Id));
        Assert.Equal(AciLineKind.Operating, set.Line("operating")!.Kind);
        Assert.Equal(["crisis"], set.Lines.Where(l => l.CrisisPlan).Select(l => l.Id));
    }

    [Fact]
    public void By_default_the_plan_is_first_drafted_and_no_crisis_occurred_so_the_crisis_variable_part_is_zero()
    {
        var simulation = Simulate(81_000, new AciOptions());

        Assert.Equal("avenant2-2021", simulation.RuleSet.Id);
        Assert.Equal((CrisisPlanYear.FirstDrafting, false), (simulation.CrisisPlan, simulation.CrisisOccurred));
        Assert.Equal(0m, simulation.Lines.Single(l => l.Line == "crisis").Variable);
        Assert.Equal(487_500m - 67_500m, simulation.Maximum);
    }

    [Fact]
    public void A_year_of_update_without_crisis_lowers_the_crisis_line_to_its_update_amount()
    {
        // Tier 1: 287,500 − (25,000 − 12,500) − 37,500.
        var simulation = Simulate(20_000, new AciOptions(CrisisPlan: CrisisPlanYear.YearlyUpdate));
        Assert.Equal(237_500m, simulation.Maximum);
        Assert.Equal(12_500m, simulation.Lines.Single(l => l.Line == "crisis").Total);
    }

    private static AciSimulation Simulate(long population, AciOptions options)
    {
        var result = AciReference.Simulator.ForPopulation(population, options);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private static (decimal Fixed, decimal Variable) Crisis(long population, CrisisPlanYear plan, bool occurred)
    {
        var line = Simulate(population, new AciOptions(CrisisPlan: plan, CrisisOccurred: occurred)).Lines.Single(l => l.Line == "crisis");
        return (line.Fixed, line.Variable);
    }
}
