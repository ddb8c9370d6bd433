using Maillage.Lifecycle.Published;

namespace Maillage.Tests.Lifecycle;

/// <summary>domain-rules §3: stage names, ids and the formal stages counted in coverage.</summary>
public sealed class StagesTests
{
    [Theory]
    [InlineData("pre-project", Stage.PreProject)]
    [InlineData("letter-validated", Stage.LetterValidated)]
    [InlineData("health-project-validated", Stage.HealthProjectValidated)]
    [InlineData("aci-signed", Stage.AciSigned)]
    [InlineData("dissolved", Stage.Dissolved)]
    [InlineData("ACI-SIGNED", Stage.AciSigned)]
    [InlineData("  aci-signed  ", Stage.AciSigned)]
    public void Parse_accepts_stage_ids(string text, Stage stage) => Assert.Equal(stage, Stages.Parse(text));

    [Theory]
    [InlineData("En projet", Stage.PreProject)]
    [InlineData("Lettre d'intention validée", Stage.LetterValidated)]
    [InlineData("Projet de santé validé", Stage.HealthProjectValidated)]
    [InlineData("ACI signé", Stage.AciSigned)]
    [InlineData("aci signé", Stage.AciSigned)]
    [InlineData("Dissoute", Stage.Dissolved)]
    public void Parse_accepts_french_labels(string text, Stage stage) => Assert.Equal(stage, Stages.Parse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("signed")]
    [InlineData("3")]
    public void Parse_returns_null_for_anything_else(string? text) => Assert.Null(Stages.Parse(text));

    [Fact]
    public void Id_and_french_label_round_trip_for_every_stage()
    {
        foreach (var stage in Enum.GetValues<Stage>())
        {
            Assert.Equal(stage, Stages.Parse(stage.Id()));
            Assert.Equal(stage, Stages.Parse(stage.French()));
        }
    }

    [Fact]
    public void Stages_are_ordered_from_pre_project_to_aci_signed() =>
        Assert.Equal([Stage.PreProject, Stage.LetterValidated, Stage.HealthProjectValidated, Stage.AciSigned], Stages.Ordered);

    [Theory]
    [InlineData(Stage.PreProject, false)] // "en projet (pre-project, no formal step)"
    [InlineData(Stage.LetterValidated, true)]
    [InlineData(Stage.HealthProjectValidated, true)]
    [InlineData(Stage.AciSigned, true)]
    [InlineData(Stage.Dissolved, false)]
    public void Only_the_three_formal_stages_are_formal(Stage stage, bool formal) => Assert.Equal(formal, stage.IsFormal());
}
