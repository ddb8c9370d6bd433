using Maillage.Territories.Published;

namespace Maillage.Tests.Territories;

/// <summary>domain-rules §1–§2: population = sum of the legal populations of the units; tier from the rule set.</summary>
public sealed class ComputeTerritoryTests
{
    private static readonly ComputeTerritory Compute = new(Reference.Geo, Reference.Tiers);

    private static TerritorySummary Run(params string[] codes) => Compute.Run(codes);

    [Fact]
    public void Redon_agglomeration_population_is_the_sum_of_its_members_and_tier_2()
    {
        var members = Reference.Geo.Epcis["243500741"].Members;
        var summary = Compute.Run(members);

        Assert.Empty(summary.Errors);
        Assert.Equal(31, summary.Units.Count);
        Assert.Equal(members.Sum(c => (long)Reference.Geo.Units[c].Population), summary.Population);
        Assert.Equal(67_666, summary.Population); // legal populations, COG 2026
        Assert.Equal(2, summary.Tier); // 40,000 ≤ 67,666 < 80,000
        Assert.Equal("aci-2019-avenant-2", summary.RuleSet);
    }

    [Fact]
    public void Territory_spanning_three_departements_and_two_regions_lists_them()
    {
        var summary = Compute.Run(Reference.Geo.Epcis["243500741"].Members);
        Assert.Equal(["35", "44", "56"], summary.Departements);
        Assert.Equal(["52", "53"], summary.Regions);
    }

    [Fact]
    public void Single_commune_population_is_its_legal_population()
    {
        var summary = Run("35236");
        Assert.Empty(summary.Errors);
        Assert.Equal(9_542, summary.Population); // Redon, COG 2026
        Assert.Equal(1, summary.Tier);
        Assert.Equal("Redon", Assert.Single(summary.Units).Name);
    }

    [Fact]
    public void City_and_one_of_its_arrondissements_is_refused()
    {
        // domain-rules §1: "A city and one of its arrondissements can never both be in territories".
        var summary = Run("75056", "75114");
        var error = Assert.Single(summary.Errors);
        Assert.Equal("city_and_arrondissement", error.Code);
        Assert.Contains("75056", error.Message, StringComparison.Ordinal);
        Assert.Contains("75114", error.Message, StringComparison.Ordinal);
        Assert.Equal("territory", error.Field);
    }

    [Fact]
    public void Arrondissements_alone_are_a_valid_territory()
    {
        var summary = Run("75114", "75115");
        Assert.Empty(summary.Errors);
        Assert.Equal(Reference.Geo.Units["75114"].Population + Reference.Geo.Units["75115"].Population, summary.Population);
    }

    [Fact]
    public void Unknown_code_99999_is_refused_as_unknown_commune()
    {
        var error = Assert.Single(Run("99999").Errors);
        Assert.Equal("unknown_commune", error.Code);
        Assert.Contains("99999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCDE")]
    [InlineData("3523")]
    [InlineData("352366")]
    [InlineData("2C004")]
    public void Malformed_code_is_refused_as_malformed_insee_code(string code) =>
        Assert.Equal("malformed_insee_code", Assert.Single(Run(code).Errors).Code);

    [Fact]
    public void Commune_of_a_collectivite_d_outre_mer_is_refused()
    {
        // domain-rules §1: no CPTS in the collectivités d'outre-mer (zone com); 97501 is Miquelon-Langlade.
        var summary = Run("97501");
        Assert.Equal("collectivite_outre_mer", Assert.Single(summary.Errors).Code);
        Assert.Equal(0, summary.Population);
    }

    [Fact]
    public void Delegated_commune_code_is_refused_naming_its_current_commune()
    {
        // Béon (01039) is a commune déléguée of Culoz-Béon (01138): not a territory unit (domain-rules §1).
        var error = Assert.Single(Run("01039").Errors);
        Assert.Equal("not_a_current_commune", error.Code);
        Assert.Contains("Culoz-Béon", error.Message, StringComparison.Ordinal);
        Assert.Contains("01138", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_territory_is_refused()
    {
        Assert.Equal("empty_territory", Assert.Single(Run().Errors).Code);
        Assert.Equal("empty_territory", Assert.Single(Run("", "  ").Errors).Code);
    }

    [Fact]
    public void Duplicate_codes_are_counted_once()
    {
        var summary = Run("35236", "35236", " 35236 ");
        Assert.Empty(summary.Errors);
        Assert.Single(summary.Units);
        Assert.Equal(9_542, summary.Population);
    }

    [Fact]
    public void Lowercase_corsican_code_is_accepted_as_2A004()
    {
        var summary = Run("2a004");
        Assert.Empty(summary.Errors);
        Assert.Equal("2A004", Assert.Single(summary.Units).Code);
        Assert.Equal(76_320, summary.Population); // Ajaccio, COG 2026
    }

    [Fact]
    public void Valid_units_still_count_when_another_code_is_wrong()
    {
        var summary = Run("35236", "99999");
        Assert.Equal("unknown_commune", Assert.Single(summary.Errors).Code);
        Assert.Equal(9_542, summary.Population);
    }

    [Fact]
    public void Another_rule_set_can_be_chosen()
    {
        var strict = Reference.Tiers.Default with { Id = "test", TierLowerBounds = [0, 5_000] };
        var summary = Compute.Run(["35236"], strict);
        Assert.Equal(2, summary.Tier);
        Assert.Equal("test", summary.RuleSet);
    }
}
