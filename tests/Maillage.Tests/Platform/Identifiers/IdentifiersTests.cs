namespace Maillage.Tests.Platform.Identifiers;

// Inside the namespace, so that Identifiers names the class rather than this test namespace.
using Maillage.Platform.Identifiers;

/// <summary>domain-rules §6: identifiers are validated on input and the error explains what is wrong.</summary>
public sealed class IdentifiersTests
{
    [Theory]
    [InlineData("10000001916")] // domain-rules §6: "10000001916, 10002909371 are valid"
    [InlineData("10002909371")]
    public void Rpps_with_a_valid_luhn_key_is_accepted(string rpps) => Assert.True(Identifiers.HasValidLuhnKey(rpps));

    [Theory]
    [InlineData("10000001917")]
    [InlineData("10002909372")]
    [InlineData("20000001916")]
    public void Rpps_with_a_wrong_luhn_key_is_refused(string rpps) => Assert.False(Identifiers.HasValidLuhnKey(rpps));

    [Fact]
    public void Luhn_refuses_non_digits() => Assert.False(Identifiers.HasValidLuhnKey("1000000191A"));

    [Theory]
    [InlineData("73282932000074")]
    [InlineData("44306184100047")]
    public void Siret_of_14_digits_with_a_valid_luhn_key_is_accepted(string siret) => Assert.Null(Identifiers.CheckSiret(siret));

    [Fact]
    public void Missing_siret_is_not_an_error() => Assert.Null(Identifiers.CheckSiret(null));

    [Fact]
    public void Siret_with_a_wrong_key_is_refused_naming_the_value()
    {
        var error = Identifiers.CheckSiret("73282932000075")!;
        Assert.Equal("invalid_siret_key", error.Code);
        Assert.Equal("siret", error.Field);
        Assert.Contains("« 73282932000075 »", error.Message, StringComparison.Ordinal);
        Assert.Contains("Luhn", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7328293200007")] // 13 digits
    [InlineData("732829320000740")] // 15 digits
    [InlineData("7328293200007A")]
    [InlineData("732 829 320 00074")]
    public void Siret_that_is_not_14_digits_is_refused_naming_the_value(string siret)
    {
        var error = Identifiers.CheckSiret(siret)!;
        Assert.Equal("invalid_siret", error.Code);
        Assert.Contains($"« {siret} »", error.Message, StringComparison.Ordinal);
        Assert.Contains("14 chiffres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_field_can_be_named_by_the_caller() => Assert.Equal("association.siret", Identifiers.CheckSiret("1", "association.siret")!.Field);

    [Fact]
    public void Rna_is_W_followed_by_9_digits() => Assert.Null(Identifiers.CheckRna("W123456789"));

    [Fact]
    public void Missing_rna_is_not_an_error() => Assert.Null(Identifiers.CheckRna(null));

    [Theory]
    [InlineData("W12345678")]
    [InlineData("X123456789")]
    [InlineData("W1234567890")]
    [InlineData("w123456789")]
    [InlineData("")]
    public void Rna_of_another_shape_is_refused_naming_the_value(string rna)
    {
        var error = Identifiers.CheckRna(rna)!;
        Assert.Equal("invalid_rna", error.Code);
        Assert.Equal("rna", error.Field);
        Assert.Contains($"« {rna} »", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2A004")] // Ajaccio
    [InlineData("2B033")] // Bastia
    [InlineData("35236")] // Redon
    [InlineData("97501")]
    public void Insee_code_shape_is_5_characters_with_2A_or_2B_for_corsica(string code) =>
        Assert.True(Identifiers.LooksLikeInseeCode(code));

    [Theory]
    [InlineData("2C004")]
    [InlineData("3523")]
    [InlineData("352366")]
    [InlineData("ABCDE")]
    [InlineData("")]
    public void Other_shapes_are_not_insee_codes(string code) => Assert.False(Identifiers.LooksLikeInseeCode(code));
}
