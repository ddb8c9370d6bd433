namespace Maillage.Lifecycle.Published;

/// <summary>The stages of a CPTS (domain-rules §3), in order, plus dissolution.</summary>
public enum Stage
{
    /// <summary>En projet: no formal step yet.</summary>
    PreProject = 0,

    /// <summary>Lettre d'intention validée by the ARS.</summary>
    LetterValidated = 1,

    /// <summary>Projet de santé validé by the ARS and the CPAM.</summary>
    HealthProjectValidated = 2,

    /// <summary>ACI signé: tripartite contract CPTS–ARS–CPAM.</summary>
    AciSigned = 3,

    /// <summary>Dissoute.</summary>
    Dissolved = 9,
}

/// <summary>Names of the stages: stable ids for the API and CLI, French labels for people.</summary>
public static class Stages
{
    public static IReadOnlyList<Stage> Ordered { get; } = [Stage.PreProject, Stage.LetterValidated, Stage.HealthProjectValidated, Stage.AciSigned];

    public static string Id(this Stage stage) => stage switch
    {
        Stage.PreProject => "pre-project",
        Stage.LetterValidated => "letter-validated",
        Stage.HealthProjectValidated => "health-project-validated",
        Stage.AciSigned => "aci-signed",
        Stage.Dissolved => "dissolved",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static string French(this Stage stage) => stage switch
    {
        Stage.PreProject => "En projet",
        Stage.LetterValidated => "Lettre d'intention validée",
        Stage.HealthProjectValidated => "Projet de santé validé",
        Stage.AciSigned => "ACI signé",
        Stage.Dissolved => "Dissoute",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Reads an id ("aci-signed") or a French label ("ACI signé"), case-insensitive.</summary>
    public static Stage? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        foreach (var s in Ordered.Append(Stage.Dissolved))
        {
            if (string.Equals(t, s.Id(), StringComparison.OrdinalIgnoreCase) || string.Equals(t, s.French(), StringComparison.OrdinalIgnoreCase))
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>Whether a CPTS at this stage has passed a formal step (letter validated or later) and is not dissolved.</summary>
    public static bool IsFormal(this Stage stage) => stage is Stage.LetterValidated or Stage.HealthProjectValidated or Stage.AciSigned;
}
