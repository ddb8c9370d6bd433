using System.Text.Json;
using Maillage.Platform.Errors;

namespace Maillage.Association;

/// <summary>French labels of the meeting vocabulary, and how the API and the forms write it (kebab-case: <c>general-assembly</c>,
/// <c>two-thirds</c>…).</summary>
public static class MeetingLabels
{
    public static string Label(BodyKind kind) => kind switch
    {
        BodyKind.GeneralAssembly => "Assemblée générale",
        BodyKind.Board => "Conseil d'administration",
        BodyKind.Bureau => "Bureau",
        _ => kind.ToString(),
    };

    /// <summary>The body's name, « Assemblée générale extraordinaire » for an extraordinary AG.</summary>
    public static string Label(BodyKind kind, bool extraordinary) =>
        kind == BodyKind.GeneralAssembly && extraordinary ? "Assemblée générale extraordinaire" : Label(kind);

    public static string Label(MeetingStatus status) => status switch
    {
        MeetingStatus.Draft => "En préparation",
        MeetingStatus.Convened => "Convoquée",
        MeetingStatus.Held => "Tenue",
        MeetingStatus.Closed => "Clôturée",
        MeetingStatus.Cancelled => "Annulée",
        _ => status.ToString(),
    };

    public static string Label(Presence presence) => presence switch
    {
        Presence.Present => "Présent",
        Presence.Represented => "Représenté",
        Presence.Excused => "Excusé",
        Presence.Absent => "Absent",
        _ => presence.ToString(),
    };

    public static string Label(Majority majority) => majority switch
    {
        Majority.Simple => "Majorité simple",
        Majority.TwoThirds => "Majorité des deux tiers",
        _ => majority.ToString(),
    };

    public static string Label(MotionResult result) => result switch
    {
        MotionResult.Adopted => "Adoptée",
        MotionResult.Rejected => "Rejetée",
        _ => result.ToString(),
    };

    /// <summary>The kebab-case name the API and the forms use (<c>general-assembly</c>).</summary>
    public static string Id<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Reads a kebab-case (or PascalCase) name; a French error listing the accepted ones otherwise.</summary>
    public static Result<T> Parse<T>(string? value, string field, string what)
        where T : struct, Enum
    {
        var text = value?.Trim() ?? "";
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (text.Length > 0 && (string.Equals(text, Id(candidate), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, candidate.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                return Result<T>.Ok(candidate);
            }
        }

        return new Error("unknown_value",
            $"{what} : « {text} » n'est pas reconnu ; valeurs possibles : {string.Join(", ", Enum.GetValues<T>().Select(v => Id(v)))}.", field);
    }
}
