using System.Text.RegularExpressions;
using Maillage.Directory.Published;

namespace Maillage.Tests.Directory;

/// <summary>data/rules/nomenclatures.json: TRE_G15, TRE_R38 and TRE_R23 with the ANS's exact codes and labels.</summary>
public sealed partial class NomenclaturesTests
{
    private static readonly Nomenclatures Nomenclatures = Nomenclatures.LoadEmbedded();

    [Fact]
    public void Every_profession_code_is_two_digits_with_a_label() =>
        Assert.All(Nomenclatures.Professions, p =>
        {
            Assert.Matches(TwoDigits(), p.Key);
            Assert.False(string.IsNullOrWhiteSpace(p.Value));
        });

    [Fact]
    public void Professions_are_the_whole_of_tre_g15() =>
        Assert.Equal(
            ["10", "21", "26", "28", "31", "32", "35", "36", "37", "38", "39", "40", "50", "60", "69", "70", "80", "81", "82", "83", "84", "85", "86",
                "91", "92", "93", "94", "95", "96", "98"],
            Nomenclatures.Professions.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("10", "Médecin")]
    [InlineData("21", "Pharmacien")]
    [InlineData("40", "Chirurgien-Dentiste")]
    [InlineData("50", "Sage-Femme")]
    [InlineData("60", "Infirmier")]
    [InlineData("70", "Masseur-Kinésithérapeute")]
    [InlineData("80", "Pédicure-Podologue")]
    [InlineData("91", "Orthophoniste")]
    [InlineData("92", "Orthoptiste")]
    [InlineData("94", "Ergothérapeute")]
    [InlineData("95", "Diététicien")]
    [InlineData("96", "Psychomotricien")]
    [InlineData("26", "Audioprothésiste")]
    [InlineData("28", "Opticien-Lunetier")]
    [InlineData("98", "Manipulateur ERM")]
    public void Profession_labels_are_the_ans_ones(string code, string label) => Assert.Equal(label, Nomenclatures.ProfessionLabel(code));

    [Fact]
    public void Specialties_are_tre_r38_codes_with_labels()
    {
        Assert.All(Nomenclatures.Specialties, s =>
        {
            Assert.Matches(SpecialtyCode(), s.Key);
            Assert.False(string.IsNullOrWhiteSpace(s.Value));
        });
        Assert.Equal(95, Nomenclatures.Specialties.Keys.Count(k => k.StartsWith("SM", StringComparison.Ordinal)));
        Assert.Equal(["SCD01", "SCD02", "SCD03"], Nomenclatures.Specialties.Keys.Where(k => k.StartsWith("SCD", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal("Médecine générale (SM)", Nomenclatures.SpecialtyLabel("SM54"));
        Assert.Equal("Qualifié en Médecine générale (SM)", Nomenclatures.SpecialtyLabel("SM26"));
        Assert.Equal("Orthopédie dento-faciale (SCD)", Nomenclatures.SpecialtyLabel("SCD01"));
    }

    [Fact]
    public void Practice_modes_are_tre_r23() =>
        Assert.Equal(
            new Dictionary<string, string> { ["L"] = "Libéral, indépendant, artisan, commerçant", ["S"] = "Salarié", ["B"] = "Bénévole" },
            Nomenclatures.PracticeModes);

    [Fact]
    public void Source_names_the_ans_code_systems()
    {
        Assert.Contains("TRE_G15-ProfessionSante", Nomenclatures.Source, StringComparison.Ordinal);
        Assert.Contains("TRE_R38-SpecialiteOrdinale", Nomenclatures.Source, StringComparison.Ordinal);
        Assert.Contains("TRE_R23-ModeExercice", Nomenclatures.Source, StringComparison.Ordinal);
    }

    [GeneratedRegex("^[0-9]{2}$")]
    private static partial Regex TwoDigits();

    [GeneratedRegex("^(SM|SCD|SI|SP)[0-9]{2}$")]
    private static partial Regex SpecialtyCode();
}
