using System.Globalization;
using Maillage.Lifecycle.Published;

namespace Maillage.Lifecycle;

/// <summary>The CSV layout of <c>maillage cpts import/export</c>: one CPTS per line, « ; » separated, UTF-8.</summary>
public static class CptsCsv
{
    public const string Name = "nom";
    public const string Rna = "rna";
    public const string Siret = "siret";
    public const string Finess = "finess";
    public const string Email = "email";
    public const string Phone = "telephone";
    public const string Communes = "communes";

    /// <summary>The reason of an ARS override when the CPTS shares communes with another one; empty otherwise.</summary>
    public const string Override = "derogation";

    /// <summary>One date column per stage, in order; an empty cell means the stage was not reached.</summary>
    public static IReadOnlyList<(Stage Stage, string Column)> StageColumns { get; } =
    [
        (Stage.PreProject, "date_en_projet"),
        (Stage.LetterValidated, "date_lettre_intention"),
        (Stage.HealthProjectValidated, "date_projet_sante"),
        (Stage.AciSigned, "date_aci"),
        (Stage.Dissolved, "date_dissolution"),
    ];

    public static IReadOnlyList<string> Header { get; } = [Name, Rna, Siret, Finess, Email, Phone, Communes, Override, .. StageColumns.Select(c => c.Column)];

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "yyyy-MM-dd"];

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
