using Maillage.Funding;
using Maillage.Platform.Errors;

namespace Maillage.Tests.Funding;

/// <summary>The choices of the simulator: which missions are included, the stored tier of a CPTS, the inputs it refuses and why.</summary>
public sealed class AciSimulationTests
{
    private static SimulateAci Simulator => AciReference.Simulator;

    [Fact]
    public void A_population_above_any_cpts_territory_is_simulated_with_a_warning_not_refused()
    {
        var simulation = Succeeds(Simulator.ForPopulation(999_999_999, new AciOptions()));

        Assert.Equal(4, simulation.Tier);
        Assert.Equal("Population inhabituelle : 999\u202F999\u202F999 habitants, alors que les plus grands territoires de CPTS comptent environ 1 million "
            + "d'habitants (avertissement au-delà de 1\u202F500\u202F000). Vérifiez le nombre saisi ; la simulation est faite en taille 4.", Assert.Single(simulation.Warnings));
    }

    [Theory]
    [InlineData(81_000)]
    [InlineData(1_000_000)]
    [InlineData(AciInput.PopulationWarningAbove)]
    public void A_population_a_cpts_may_have_gets_no_warning(long population) =>
        Assert.Empty(Succeeds(Simulator.ForPopulation(population, new AciOptions())).Warnings);

    [Fact]
    public void The_socle_missions_alone_bring_operating_with_them_in_the_order_of_the_grid()
    {
        var simulation = Succeeds(Simulator.ForPopulation(81_000, new AciOptions(Missions: ["crisis", "prevention", "pathways", "access"], CrisisOccurred: true)));

        Assert.Equal(["operating", "access", "pathways", "prevention", "crisis"], simulation.Lines.Select(l => l.Line));
        Assert.Equal(487_500m - 30_000m - 20_000m, simulation.Maximum);   // without quality (30,000) and support (20,000)
    }

    [Fact]
    public void An_optional_mission_is_added_to_the_socle_and_operating_may_be_named()
    {
        var simulation = Succeeds(Simulator.ForPopulation(20_000,
            new AciOptions(Missions: AciInput.ParseMissions("operating, access,pathways prevention;crisis,support"))));

        Assert.Equal(["operating", "access", "pathways", "prevention", "crisis", "support"], simulation.Lines.Select(l => l.Line));
        Assert.Equal(50_000m + 80_000m + 50_000m + 20_000m + 25_000m + 10_000m, simulation.Maximum);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("all")]
    [InlineData("ALL")]
    [InlineData("quality,all")]
    public void All_or_nothing_means_every_mission(string? missions)
    {
        Assert.Null(AciInput.ParseMissions(missions));
        Assert.Equal(7, Succeeds(Simulator.ForPopulation(81_000, new AciOptions(Missions: AciInput.ParseMissions(missions)))).Lines.Count);
    }

    [Fact]
    public void A_list_without_a_socle_mission_is_refused_naming_the_four_compulsory_ones_and_the_missing_ones()
    {
        var error = Fails(Simulator.ForPopulation(81_000, new AciOptions(Missions: ["access", "pathways", "quality"])), "socle_missions_required", "missions");

        Assert.StartsWith("Les 4 missions socles sont obligatoires : Accès aux soins (access), Parcours pluriprofessionnels (pathways), Prévention (prevention), "
            + "Crises sanitaires graves (crisis). Il manque : Prévention (prevention), Crises sanitaires graves (crisis).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Operating_alone_is_refused_as_the_socle_is_compulsory() =>
        Fails(Simulator.ForPopulation(81_000, new AciOptions(Missions: ["operating"])), "socle_missions_required", "missions");

    [Fact]
    public void An_unknown_line_is_refused_with_the_lines_of_the_rule_set()
    {
        var error = Fails(Simulator.ForPopulation(81_000, new AciOptions(Missions: ["access", "pathways", "prevention", "crisis", "housing"])), "unknown_line", "missions");
        Assert.Contains("« housing »", error.Message, StringComparison.Ordinal);
        Assert.Contains("all, operating, access, pathways, prevention, crisis, quality, support", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_simplified_grid_refuses_a_list_of_missions_as_it_has_none()
    {
        var error = Fails(Simulator.ForPopulation(81_000, new AciOptions("simplified-2024", ["access", "pathways", "prevention", "crisis"])),
            "missions_not_detailed", "missions");
        Assert.Contains("Le barème « Grille simplifiée (2024) » ne détaille pas les missions", error.Message, StringComparison.Ordinal);
        Assert.Contains("« all »", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_rule_set_is_refused_with_the_known_ids()
    {
        var error = Fails(Simulator.ForPopulation(81_000, new AciOptions("avenant1-2019")), "unknown_rule_set", "ruleSet");
        Assert.Equal("Barème « avenant1-2019 » inconnu. Barèmes connus : avenant2-2021, simplified-2024.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_population_of_zero_or_less_is_refused(long population) =>
        Fails(Simulator.ForPopulation(population, new AciOptions()), "invalid_population", "population");

    [Fact]
    public void A_bad_population_and_an_unknown_rule_set_are_both_reported()
    {
        var result = Simulator.ForPopulation(0, new AciOptions("x"));
        Assert.Equal(["population", "ruleSet"], result.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("81000", 81_000)]
    [InlineData(" 81 000 ", 81_000)]
    [InlineData("81\u202F000", 81_000)]   // as French pages write it
    [InlineData("1", 1)]
    public void A_population_is_read_with_or_without_spaces_between_thousands(string text, long population) =>
        Assert.Equal(population, Succeeds(AciInput.ParsePopulation(text)));

    [Theory]
    [InlineData(null, "population_required")]
    [InlineData(" ", "population_required")]
    [InlineData("abc", "invalid_population")]
    [InlineData("81000.5", "invalid_population")]
    [InlineData("1e5", "invalid_population")]
    [InlineData("99999999999999999999", "invalid_population")]
    [InlineData("0", "invalid_population")]
    [InlineData("-40000", "invalid_population")]
    public void A_population_that_is_not_a_positive_whole_number_is_refused(string? text, string code) =>
        Fails(AciInput.ParsePopulation(text), code, "population");

    [Theory]
    [InlineData(null, null, CrisisPlanYear.FirstDrafting, false)]
    [InlineData("first", "false", CrisisPlanYear.FirstDrafting, false)]
    [InlineData(" Update ", "true", CrisisPlanYear.YearlyUpdate, true)]
    [InlineData("update", "1", CrisisPlanYear.YearlyUpdate, true)]
    [InlineData("", "on", CrisisPlanYear.FirstDrafting, true)]
    public void The_crisis_plan_is_first_or_update_and_the_crisis_flag_a_boolean(string? plan, string? occurred, CrisisPlanYear year, bool crisis)
    {
        var options = Succeeds(AciInput.ParseOptions(" simplified-2024 ", "all", plan, occurred));
        Assert.Equal(new AciOptions("simplified-2024", null, year, crisis), options);
    }

    [Fact]
    public void A_bad_crisis_plan_and_a_bad_crisis_flag_are_both_reported()
    {
        var result = AciInput.ParseOptions(null, null, "second", "maybe");
        Assert.Equal(["invalid_crisis_plan", "invalid_crisis_occurred"], result.Errors.Select(e => e.Code));
        Assert.Equal(["crisisPlan", "crisisOccurred"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void A_cpts_is_simulated_with_its_stored_tier_not_one_recomputed_from_its_population()
    {
        // 39,000 inhabitants today, but the contract was signed in tier 2: the tier used for funding is a contract attribute.
        var simulation = Succeeds(Simulator.ForStoredTier(39_000, 2, new AciOptions(CrisisOccurred: true)));
        Assert.Equal((39_000L, 2), (simulation.Population, simulation.Tier));
        Assert.Equal(382_500m, simulation.Maximum);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_stored_tier_outside_the_grid_is_refused(int tier) =>
        Fails(Simulator.ForStoredTier(81_000, tier, new AciOptions()), "tier_out_of_grid", "cpts");

    [Fact]
    public void The_document_holds_the_rule_set_the_tier_the_lines_and_the_maximum_only()
    {
        var document = Succeeds(Simulator.ForPopulation(81_000, new AciOptions(Missions: ["access", "pathways", "prevention", "crisis"], CrisisOccurred: true))).ToDocument();

        Assert.Equal("avenant2-2021", document.RuleSet);
        Assert.Equal(3, document.Tier);
        Assert.Equal(new AciLineDocument("crisis", 45_000m, 67_500m), document.Lines[4]);
        Assert.Equal(document.Lines.Sum(l => l.Fixed + l.Variable), document.Maximum);
        Assert.Equal(437_500m, document.Maximum);
    }

    [Theory]
    [InlineData(487_500, "487\u202F500\u00A0€")]
    [InlineData(1_234_567, "1\u202F234\u202F567\u00A0€")]
    [InlineData(0, "0\u00A0€")]
    public void Amounts_are_written_the_french_way(int amount, string text) => Assert.Equal(text, AciLabels.Euros(amount));

    [Fact]
    public void Cents_are_written_only_when_there_are_some() => Assert.Equal("12\u202F500,50\u00A0€", AciLabels.Euros(12_500.5m));

    private static T Succeeds<T>(Result<T> result)
    {
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private static Error Fails<T>(Result<T> result, string code, string field)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal((code, field, ErrorKind.Validation), (error.Code, error.Field, error.Kind));
        return error;
    }
}
