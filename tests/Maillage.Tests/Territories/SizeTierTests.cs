using Maillage.Territories.Published;

namespace Maillage.Tests.Territories;

/// <summary>domain-rules §2: tier 1 &lt; 40,000 ≤ tier 2 &lt; 80,000 ≤ tier 3 &lt; 175,000 ≤ tier 4, read half-open.</summary>
public sealed class SizeTierTests
{
    private static SizeTierRuleSet Default => Reference.Tiers.Default;

    [Theory]
    [InlineData(0, 1)]
    [InlineData(39_999, 1)] // "moins de 40 000"
    [InlineData(40_000, 2)] // "entre 40 et 80 000": 40,000 opens tier 2
    [InlineData(79_999, 2)]
    [InlineData(80_000, 3)] // "entre 80 et 175 000": 80,000 opens tier 3
    [InlineData(174_999, 3)]
    [InlineData(175_000, 4)] // "plus de 175 000": 175,000 opens tier 4
    [InlineData(2_103_778, 4)] // Paris, legal population COG 2026
    public void Population_falls_in_the_half_open_tier(long population, int tier) =>
        Assert.Equal(tier, Default.TierOf(population));

    [Fact]
    public void Population_of_39999_is_tier_1() => Assert.Equal(1, Default.TierOf(39_999));

    [Fact]
    public void Population_of_40000_is_tier_2() => Assert.Equal(2, Default.TierOf(40_000));

    [Fact]
    public void Pays_de_Redon_with_81000_inhabitants_is_tier_3()
    {
        // domain-rules §2: "Pays de Redon, 39 communes, 81,000 inhabitants → tier 3".
        Assert.Equal(3, Default.TierOf(81_000));
    }

    [Fact]
    public void Default_rule_set_is_avenant_2_with_bounds_0_40000_80000_175000()
    {
        Assert.Equal("aci-2019-avenant-2", Default.Id);
        Assert.Equal(new DateOnly(2021, 12, 20), Default.EffectiveFrom); // avenant 2 of 20 Dec 2021
        Assert.Equal([0, 40_000, 80_000, 175_000], Default.TierLowerBounds.ToArray());
        Assert.Same(Default, Reference.Tiers.Find("aci-2019-avenant-2"));
    }

    [Fact]
    public void Every_shipped_rule_set_starts_at_0_and_has_increasing_bounds()
    {
        // Loader validation is only reachable through the embedded file: check what it guarantees.
        Assert.NotEmpty(Reference.Tiers.All);
        foreach (var set in Reference.Tiers.All)
        {
            Assert.Equal(0, set.TierLowerBounds[0]);
            Assert.All(set.TierLowerBounds.Zip(set.TierLowerBounds.Skip(1)), p => Assert.True(p.First < p.Second, set.Id));
        }
    }

    [Fact]
    public void Unknown_rule_set_is_not_found() => Assert.Null(Reference.Tiers.Find("aci-1999"));

    [Fact]
    public void Boundary_is_a_rule_set_parameter_so_a_180000_bound_keeps_175000_in_tier_3()
    {
        // domain-rules §2: "a 2021 account even quotes 180,000 for the last boundary".
        var account2021 = Default with { Id = "account-2021", TierLowerBounds = [0, 40_000, 80_000, 180_000] };
        Assert.Equal(3, account2021.TierOf(175_000));
        Assert.Equal(3, account2021.TierOf(179_999));
        Assert.Equal(4, account2021.TierOf(180_000));
    }

    [Fact]
    public void Negative_population_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Default.TierOf(-1));
}
