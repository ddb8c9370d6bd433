using Maillage.Platform.Errors;

namespace Maillage.Indemnities;

/// <summary>French labels of activities and statuses, and the activity codes the API and the forms write.</summary>
public static class IndemnityLabels
{
    public static IReadOnlyList<Activity> Activities { get; } = Enum.GetValues<Activity>();

    public static string French(this Activity activity) => activity switch
    {
        Activity.Meeting => "Réunion",
        Activity.Action => "Action",
        Activity.Training => "Formation",
        Activity.Governance => "Gestion de l'association",
        _ => activity.ToString(),
    };

    public static string French(this DeclarationStatus status) => status switch
    {
        DeclarationStatus.Declared => "Déclarée",
        DeclarationStatus.Validated => "Validée",
        DeclarationStatus.Rejected => "Refusée",
        DeclarationStatus.Paid => "Payée",
        _ => status.ToString(),
    };

    /// <summary>1 367,27 € (narrow no-break spaces, as French amounts are written).</summary>
    public static string Euros(decimal amount) => amount.ToString("N2", Maillage.Platform.French.Culture) + "\u00A0€";

    /// <summary>« mars 2026 ».</summary>
    public static string Month(DateOnly day) => day.ToString("MMMM yyyy", Maillage.Platform.French.Culture);

    /// <summary>The code of an activity in the API and forms: <c>meeting</c>, <c>action</c>, <c>training</c>, <c>governance</c>.</summary>
    public static string Code(this Activity activity) => activity.ToString().ToLowerInvariant();

    public static Result<Activity> ParseActivity(string? value, string field = "activity") =>
        Parse<Activity>(value, field, "unknown_activity", "Activité « {0} » inconnue : meeting, action, training ou governance.");

    public static Result<DeclarationStatus> ParseStatus(string? value, string field = "status") =>
        Parse<DeclarationStatus>(value, field, "unknown_status", "Statut « {0} » inconnu : declared, validated, rejected ou paid.");

    private static Result<T> Parse<T>(string? value, string field, string code, string message)
        where T : struct, Enum
    {
        var text = value?.Trim() ?? "";
        return text.Length > 0 && !text.All(char.IsAsciiDigit) && Enum.TryParse<T>(text, ignoreCase: true, out var parsed)
            ? Result<T>.Ok(parsed)
            : new Error(code, string.Format(Maillage.Platform.French.Culture, message, text), field);
    }
}
