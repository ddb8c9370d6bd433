using Maillage.Platform.Errors;

namespace Maillage.Membership.Published;

/// <summary>Where an adhérent stands with the association; the current status is the one of the latest period.</summary>
public enum MembershipStatus
{
    /// <summary>Approached, not yet a member.</summary>
    Prospect,

    /// <summary>Has joined (dues or bulletin d'adhésion).</summary>
    Member,

    /// <summary>A member who takes part in the actions and bodies.</summary>
    Active,

    /// <summary>Left, struck off or did not renew.</summary>
    Former,
}

/// <summary>The words of the statuses: French labels for people.</summary>
public static class MembershipStatusLabels
{
    /// <summary>French label of a status.</summary>
    public static string French(this MembershipStatus status) => status switch
    {
        MembershipStatus.Prospect => "Prospect",
        MembershipStatus.Member => "Adhérent",
        MembershipStatus.Active => "Adhérent actif",
        MembershipStatus.Former => "Ancien adhérent",
        _ => status.ToString(),
    };
}

/// <summary>Reads a status as the API and the forms write it (<c>prospect</c>, <c>member</c>, <c>active</c>, <c>former</c>).</summary>
public static class MembershipStatuses
{
    public static Result<MembershipStatus> Parse(string? value, string field = "status")
    {
        var text = value?.Trim() ?? "";
        return text.Length > 0 && !text.All(char.IsAsciiDigit) && Enum.TryParse<MembershipStatus>(text, ignoreCase: true, out var status)
            ? Result<MembershipStatus>.Ok(status)
            : new Error("unknown_status", $"Statut « {text} » inconnu : prospect, member, active ou former.", field);
    }
}
