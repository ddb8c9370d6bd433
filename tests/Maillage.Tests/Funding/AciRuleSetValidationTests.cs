using System.Text.Json.Nodes;
using Maillage.Funding;

namespace Maillage.Tests.Funding;

/// <summary>
/// A rule-set file that breaks a rule stops the start-up with a message naming the file and the field; a correct new file
/// (an avenant) is picked up without code.
/// </summary>
public sealed class AciRuleSetValidationTests
{
    private const string File = "rules/aci/faulty.json";

    [Fact]
    public void The_embedded_rule_sets_load()
    {
        var sets = AciRuleSets.LoadEmbedded(Reference.Tiers);
        Assert.Equal("avenant2-2021, simplified-2024", sets.KnownIds);
        Assert.Equal("avenant2-2021", sets.Default.Id);
    }

    [Fact]
    public void A_missing_tier_is_named_with_its_line()
    {
        var message = Refused(Tree(t => Tiers(t, "pathways").RemoveAt(2)));
        Assert.Equal($"{File}: lines[2] (pathways).tiers: tier 3 is missing (every tier of aci-2019-avenant-2, 1 to 4, needs its amounts).", message);
    }

    [Fact]
    public void A_tier_outside_the_size_tiers_is_refused() =>
        Assert.Contains("lines[1] (access).tiers[0].tier: 5 is not a tier of aci-2019-avenant-2 (1 to 4).",
            Refused(Tree(t => Tiers(t, "access")[0]!["tier"] = 5)), StringComparison.Ordinal);

    [Fact]
    public void A_tier_given_twice_is_refused() =>
        Assert.Contains("lines[1] (access).tiers[1].tier: tier 1 appears twice.",
            Refused(Tree(t => Tiers(t, "access")[1]!["tier"] = 1)), StringComparison.Ordinal);

    [Fact]
    public void A_negative_amount_is_refused() =>
        Assert.Equal($"{File}: lines[1] (access).tiers[0].fixed: -5 is negative; amounts are euros, zero or more.",
            Refused(Tree(t => Tiers(t, "access")[0]!["fixed"] = -5)));

    [Fact]
    public void An_amount_finer_than_a_cent_is_refused() =>
        Assert.Contains("lines[3] (prevention).tiers[2].variable: 17500.125 has more than two decimals",
            Refused(Tree(t => Tiers(t, "prevention")[2]!["variable"] = 17_500.125m)), StringComparison.Ordinal);

    [Fact]
    public void An_amount_that_is_not_a_number_is_refused_with_its_path()
    {
        var message = Refused(Tree(t => Tiers(t, "access")[0]!["fixed"] = "55 000"));
        Assert.StartsWith($"{File}: $.lines[1].tiers[0].fixed: unreadable", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_read_a_rule_set_by_its_short_french_name_never_by_its_id()
    {
        var sets = AciRuleSets.LoadEmbedded(Reference.Tiers);
        Assert.Equal(["Avenant 2 (2021)", "Grille simplifiée (2024)"], sets.All.Select(s => s.ShortName));
        Assert.Equal("Avenant 2 (2021)", sets.NameOf("avenant2-2021"));
        Assert.Equal("avenant0-1999", sets.NameOf("avenant0-1999"));   // a rule set no longer shipped keeps its id rather than a blank
    }

    [Fact]
    public void A_rule_set_without_a_short_name_is_refused() =>
        Assert.Equal($"{File}: shortName: is missing.", Refused(Tree(t => t.Remove("shortName"))));

    [Fact]
    public void A_missing_amount_is_refused() =>
        Assert.Equal($"{File}: lines[5] (quality).tiers[3].variable: is missing.",
            Refused(Tree(t => Tiers(t, "quality")[3]!.AsObject().Remove("variable"))));

    [Fact]
    public void A_misspelt_field_is_refused_with_its_path() =>
        Assert.StartsWith($"{File}: $.lines[1].tiers[0].fixd: unreadable",
            Refused(Tree(t => Tiers(t, "access")[0]!["fixd"] = 1)), StringComparison.Ordinal);

    [Fact]
    public void The_crisis_line_needs_its_yearly_update_amount() =>
        Assert.Equal($"{File}: lines[4] (crisis).tiers[1].fixedYearlyUpdate: is missing.",
            Refused(Tree(t => Tiers(t, "crisis")[1]!.AsObject().Remove("fixedYearlyUpdate"))));

    [Fact]
    public void Crisis_amounts_on_a_line_without_a_crisis_plan_are_refused() =>
        Assert.Contains("lines[1] (access).tiers[0]: fixedFirstDrafting, fixedYearlyUpdate and variableIfCrisis belong to a line with \"crisisPlan\": true.",
            Refused(Tree(t => Tiers(t, "access")[0]!["fixedYearlyUpdate"] = 1)), StringComparison.Ordinal);

    [Fact]
    public void An_unknown_line_id_is_refused_with_the_known_ones() =>
        Assert.Equal($"{File}: lines[6].id: « housing » is not a known line id (operating, access, pathways, prevention, crisis, quality, support, total).",
            Refused(Tree(t => Line(t, "support")["id"] = "housing")));

    [Fact]
    public void A_line_given_twice_is_refused() =>
        Assert.Contains("lines[6].id: « quality » appears twice.", Refused(Tree(t => Line(t, "support")["id"] = "quality")), StringComparison.Ordinal);

    [Theory]
    [InlineData("access")]
    [InlineData("pathways")]
    [InlineData("prevention")]
    [InlineData("crisis")]
    public void Each_of_the_four_socle_missions_is_required(string mission) =>
        Assert.Equal($"{File}: lines: the socle mission « {mission} » is missing (the four socle missions are access, pathways, prevention, crisis).",
            Refused(Tree(t => t["lines"]!.AsArray().Remove(Line(t, mission)))));

    [Fact]
    public void Operating_is_required() =>
        Assert.Equal($"{File}: lines: the line operating is missing.", Refused(Tree(t => t["lines"]!.AsArray().Remove(Line(t, "operating")))));

    [Fact]
    public void A_socle_mission_cannot_be_made_optional() =>
        Assert.Contains("lines[2] (pathways).kind: « optional » does not fit the line pathways: expected socle.",
            Refused(Tree(t => Line(t, "pathways")["kind"] = "optional")), StringComparison.Ordinal);

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Assert.Contains("lines[5] (quality).kind: « facultative » is not a kind (operating, socle, optional, total).",
            Refused(Tree(t => Line(t, "quality")["kind"] = "facultative")), StringComparison.Ordinal);

    [Fact]
    public void A_grid_of_totals_has_no_other_line() =>
        Assert.Equal($"{File}: lines: a grid with the line total has no other line.",
            Refused(Tree(t => t["lines"]!.AsArray().Add(AciReference.Tree("simplified-2024")["lines"]![0]!.DeepClone()))));

    [Fact]
    public void An_unknown_size_tier_rule_set_is_refused() =>
        Assert.Equal($"{File}: tierRuleSet: « aci-2019-avenant-9 » is not a rule set of size-tiers.json (known: aci-2019-avenant-2).",
            Refused(Tree(t => t["tierRuleSet"] = "aci-2019-avenant-9")));

    [Theory]
    [InlineData("source.date", "20/12/2021", "« 20/12/2021 » is not a date (yyyy-MM-dd, yyyy-MM or yyyy).")]
    [InlineData("id", "Avenant 3", "« Avenant 3 » must be lower-case letters, digits, dots and hyphens.")]
    [InlineData("name", " ", "is missing.")]
    public void Identity_and_source_are_checked(string field, string value, string expected)
    {
        var message = Refused(Tree(t =>
        {
            if (field == "source.date")
            {
                t["source"]!["date"] = value;
            }
            else
            {
                t[field] = value;
            }
        }));
        Assert.Equal($"{File}: {field}: {expected}", message);
    }

    [Fact]
    public void Ids_are_unique_across_files()
    {
        var copy = AciReference.Tree("simplified-2024");
        copy["default"] = false;
        var message = Assert.Throws<InvalidDataException>(() => AciRuleSets.Load(
            [("rules/aci/simplified-2024.json", AciReference.File("simplified-2024")), ("rules/aci/copy.json", copy.ToJsonString())], Reference.Tiers)).Message;
        Assert.Equal("rules/aci/copy.json: id « simplified-2024 » is already the id of rules/aci/simplified-2024.json; rule-set ids are unique.", message);
    }

    [Fact]
    public void Exactly_one_rule_set_is_the_default()
    {
        var second = AciReference.Tree("simplified-2024");
        second["default"] = true;
        Assert.Equal("rules/aci/b.json: default: « avenant2-2021 » (rules/aci/a.json) is already the default rule set; only one may be.",
            Assert.Throws<InvalidDataException>(() => AciRuleSets.Load(
                [("rules/aci/a.json", AciReference.File("avenant2-2021")), ("rules/aci/b.json", second.ToJsonString())], Reference.Tiers)).Message);
        Assert.Equal("rules/aci/: no rule set is marked \"default\": true.",
            Assert.Throws<InvalidDataException>(() => AciRuleSets.Load(
                [("rules/aci/simplified-2024.json", AciReference.File("simplified-2024"))], Reference.Tiers)).Message);
    }

    [Fact]
    public void A_new_avenant_is_a_new_file_the_simulator_uses_without_code()
    {
        var avenant = AciReference.Tree("avenant2-2021");
        avenant["id"] = "avenant3-2026";
        avenant["default"] = false;
        avenant["source"]!["date"] = "2026-06";
        Tiers(avenant, "operating")[0]!["fixed"] = 55_000.50m;   // amounts in euros and cents
        var sets = AciRuleSets.Load(
            [("rules/aci/avenant2-2021.json", AciReference.File("avenant2-2021")), ("rules/aci/avenant3-2026.json", avenant.ToJsonString())],
            Reference.Tiers);

        var simulation = new SimulateAci(sets).ForPopulation(20_000, new AciOptions("avenant3-2026", CrisisOccurred: true));

        Assert.True(simulation.Succeeded);
        Assert.Equal(287_500m + 5_000.50m, simulation.Value!.Maximum);
        Assert.Equal("avenant2-2021", sets.Default.Id);
    }

    [Fact]
    public void Amounts_written_with_zero_cents_are_kept_without_them()
    {
        var file = AciReference.File("avenant2-2021").Replace("\"fixed\": 50000,", "\"fixed\": 50000.00,", StringComparison.Ordinal);
        var sets = AciRuleSets.Load([("rules/aci/avenant2-2021.json", file)], Reference.Tiers);
        Assert.Equal("50000", sets.Default.Line("operating")!.For(1).Fixed.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Refused(string json) =>
        Assert.Throws<InvalidDataException>(() => AciRuleSets.Load([(File, json)], Reference.Tiers)).Message;

    /// <summary>The avenant 2 file after a change.</summary>
    private static string Tree(Action<JsonObject> change)
    {
        var tree = AciReference.Tree("avenant2-2021");
        change(tree);
        return tree.ToJsonString();
    }

    private static JsonObject Line(JsonObject tree, string id) =>
        tree["lines"]!.AsArray().Single(l => (string?)l!["id"] == id)!.AsObject();

    private static JsonArray Tiers(JsonObject tree, string id) => Line(tree, id)["tiers"]!.AsArray();
}
