using System.Globalization;
using Maillage.Platform;

namespace Maillage.Tests.Platform;

/// <summary>Numbers and dates as French readers write them.</summary>
public sealed class FrenchTests
{
    private static readonly CultureInfo FrFr = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public void Number_81000_uses_the_french_no_break_space_thousands_separator()
    {
        var text = French.Number(81_000); // domain-rules §2: "81,000 inhabitants"
        Assert.Equal(81_000.ToString("N0", FrFr), text);
        Assert.DoesNotContain(' ', text);
        Assert.Matches("^81[\u202F\u00A0]000$", text);
    }

    [Fact]
    public void Number_below_1000_has_no_separator() => Assert.Equal("999", French.Number(999));

    [Fact]
    public void Population_of_metro_and_drom_is_written_with_two_separators() =>
        Assert.Matches("^68[\u202F\u00A0]350[\u202F\u00A0]798$", French.Number(68_350_798));

    [Fact]
    public void Date_is_dd_MM_yyyy() => Assert.Equal("20/12/2021", French.Date(new DateOnly(2021, 12, 20)));

    [Fact]
    public void Date_pads_day_and_month() => Assert.Equal("01/02/2026", French.Date(new DateOnly(2026, 2, 1)));

    [Fact]
    public void Percent_uses_a_decimal_comma_and_a_space_before_the_sign() =>
        Assert.Equal("48,5\u202F%", French.Percent(0.485)); // Dec 2022: 48.5% of the population covered by a signed ACI

    [Theory]
    [InlineData(0, "visible")]
    [InlineData(1, "visible")]
    [InlineData(2, "visibles")]
    [InlineData(16, "visibles")]
    public void Plural_agrees_with_the_count_as_french_does_singular_below_two(int n, string expected) =>
        Assert.Equal(expected, French.Plural(n, "visible", "visibles"));

    [Fact]
    public void Plural_of_a_fraction_below_two_is_singular() => Assert.Equal("heure", French.Plural(1.5m, "heure", "heures"));

    [Theory]
    [InlineData(1, "1 CPTS visible")]
    [InlineData(2, "2 CPTS visibles")]
    public void Count_writes_the_number_and_the_agreeing_word(int n, string expected) => Assert.Equal(expected, French.Count(n, "CPTS visible", "CPTS visibles"));
}
