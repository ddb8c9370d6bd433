namespace Maillage.Tests.Directory;

// Inside the namespace, so that Identifiers names the class rather than a test namespace.
using Maillage.Platform.Identifiers;

/// <summary>domain-rules §6: FINESS keys, on real numbers.</summary>
public sealed class FinessTests
{
    [Theory]
    // ANS, sample of the FINESS open-data structures flow (ansforge/finess, 2026-03-09): EJ and EG of the Ain.
    [InlineData("010000016")] // Maison de retraite de Divonne-les-Bains (EJ)
    [InlineData("010000156")] // Clinique Convert, Bourg-en-Bresse (EJ)
    [InlineData("010780195")] // Clinique Convert (EG)
    [InlineData("010787190")] // SMUR Polyclinique d'Ambérieu (EG, closed)
    // ANS IG-fhir-annuaire, example-organization-nancy.
    [InlineData("540002698")] // CHRU Nancy - Hôpitaux de Brabois
    public void Real_finess_numbers_are_accepted(string finess) => Assert.Null(Identifiers.CheckFiness(finess));

    [Theory]
    [InlineData("010000017")]
    [InlineData("540002699")]
    public void Finess_with_a_wrong_key_is_refused(string finess) => Assert.Equal("invalid_finess_key", Identifiers.CheckFiness(finess)?.Code);

    [Fact]
    public void The_guides_fictive_finess_has_no_valid_key() =>
        // example-organization-fictive (458174839) and pp19 CH EURE-SEINE (754567860) are made up: the merge would refuse them.
        Assert.All(["458174839", "754567860"], f => Assert.Equal("invalid_finess_key", Identifiers.CheckFiness(f)?.Code));

    [Theory]
    [InlineData("2A0000016")] // shape only: no real Corsican FINESS could be checked against the "read as 20" key rule
    [InlineData("2B0000016")]
    public void Corsican_finess_is_keyed_with_the_departement_read_as_20(string finess) =>
        Assert.Equal(Identifiers.HasValidLuhnKey("20" + finess[2..]), Identifiers.CheckFiness(finess) is null);

    [Fact]
    public void Siret_of_the_finess_sample_is_valid() => Assert.Null(Identifiers.CheckSiret("77220148900022"));
}
