using Maillage.Territories.Published;
using Maillage.TreatingDoctor;
using Maillage.TreatingDoctor.Assignment;

namespace Maillage.Tests.TreatingDoctor;

/// <summary>What every channel's request must hold (<see cref="RequestRules"/>): how dates, phones, names and criteria are read as people type them.</summary>
public sealed class RequestRulesTests
{
    private static readonly GeoCatalog Geo = GeoCatalog.LoadEmbedded();

    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("04/07/1951", "1951-07-04")]
    [InlineData("4/7/1951", "1951-07-04")]
    [InlineData("1951-07-04", "1951-07-04")]
    [InlineData(" 04.07.1951 ", "1951-07-04")]
    [InlineData("31/02/1951", null)]
    [InlineData("juillet 1951", null)]
    [InlineData("", null)]
    public void Dates_are_read_as_people_write_them(string typed, string? expected) =>
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), RequestRules.ParseDate(typed));

    [Theory]
    [InlineData("06 12 34 56 78", "0612345678")]
    [InlineData("06.12.34.56.78", "0612345678")]
    [InlineData("+33 6 12 34 56 78", "0612345678")]
    [InlineData("+262 692 12 34 56", "+262692123456")]
    [InlineData("0012345678", null)]
    [InlineData("12", null)]
    [InlineData("06 12 34 56", null)]
    public void Phones_are_kept_as_ten_digits_or_international(string typed, string? expected) => Assert.Equal(expected, RequestRules.NormalizePhone(typed));

    [Fact]
    public void Names_compare_without_accents_capitals_hyphens_or_spaces() =>
        Assert.Equal(RequestRules.MatchKey("Le Gall-Quéré"), RequestRules.MatchKey("LE GALL QUERE"));

    [Theory]
    [InlineData("ald", Criterion.Ald)]
    [InlineData("ALD", Criterion.Ald)]
    [InlineData("70 ans et plus", Criterion.Age70)]
    [InlineData("précarité", Criterion.Precarity)]
    [InlineData("Precarite", Criterion.Precarity)]
    [InlineData("lostDoctor", Criterion.LostDoctor)]
    public void Criteria_are_read_by_code_or_by_their_french_label(string typed, Criterion expected)
    {
        Assert.True(RequestRules.TryCriterion(typed, out var c));
        Assert.Equal(expected, c);
    }

    [Fact]
    public void A_valid_request_is_normalised_and_turning_seventy_adds_the_criterion()
    {
        var checkedRequest = RequestRules.Check(new RequestInput("  Le   Gall ", "Yvonne", "07/12/1956", "35236", "06 12 34 56 78", null, null, ["ald"], false, true),
            Today, Geo);
        Assert.True(checkedRequest.Succeeded);
        var c = checkedRequest.Value!;
        Assert.Equal(("Le Gall", "0612345678"), (c.FamilyName, c.Phone));
        Assert.Equal([Criterion.Ald, Criterion.Age70], CriteriaMask.Read(c.Criteria));
        var younger = RequestRules.Check(new RequestInput("Le Gall", "Yvonne", "08/12/1956", "35236", "0612345678", null, null, [], false, true), Today, Geo);
        Assert.Empty(CriteriaMask.Read(younger.Value!.Criteria));
    }

    [Fact]
    public void A_bad_request_gets_one_french_message_per_field_and_never_repeats_the_nir()
    {
        var result = RequestRules.Check(new RequestInput("", "Yvonne", "2030-01-01", "99999", null, "pas-un-mail", "1 50 06 41 001 001 12", ["grippe"], false, false),
            Today, Geo);
        Assert.Equal(["familyName", "birthDate", "communeCode", "email", "nir", "criteria", "consent"], result.Errors.Select(e => e.Field));
        Assert.Equal("invalid_nir_key", result.Errors.Single(e => e.Field == "nir").Code);
        Assert.DoesNotContain(result.Errors, e => e.Message.Contains("1500641001001", StringComparison.Ordinal));
        var noContact = RequestRules.Check(new RequestInput("Le Gall", "Yvonne", "1956-12-07", "35236", null, null, null, null, false, true), Today, Geo);
        Assert.Equal("contact_required", Assert.Single(noContact.Errors).Code);
    }
}
