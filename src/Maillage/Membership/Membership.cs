using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Membership.Published;

namespace Maillage.Membership;

/// <summary>
/// An adhérent of a CPTS (domain-rules §5): a professional as a person, or a structure as a legal person, never both;
/// its status history and yearly dues.
/// </summary>
public sealed class Member : Maillage.Platform.Persistence.IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>The professional (a person) when the member is one; null for a structure.</summary>
    public Guid? ProfessionalId { get; set; }

    /// <summary>The structure (a legal person) when the member is one; null for a professional.</summary>
    public Guid? StructureId { get; set; }

    /// <summary>The college of the statutes the member sits in (free text, e.g. « Professionnels libéraux »).</summary>
    public string? College { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Application-managed concurrency token, incremented on every save.</summary>
    public int Version { get; set; }

    public List<MembershipPeriod> Periods { get; set; } = [];

    public List<Dues> Dues { get; set; } = [];

    /// <summary>The latest period: the one that started last (ties: the one recorded last).</summary>
    public MembershipPeriod? Current => Periods.OrderBy(p => p.From).ThenBy(p => p.RecordedAt).LastOrDefault();

    public MembershipStatus? Status => Current?.Status;

    /// <summary>Counted as a member in the rates: status Member or Active.</summary>
    public bool IsMember => Status is MembershipStatus.Member or MembershipStatus.Active;

    /// <summary>Moves to another status from a date (forward or back), keeping the history and the reason.</summary>
    /// <remarks>Rule: the date is not in the future nor before the current period; the status must change.</remarks>
    public Error? ChangeStatus(MembershipStatus status, DateOnly from, DateOnly today, string by, string? reason, DateTimeOffset recordedAt)
    {
        var current = Current;
        if (current is not null && current.Status == status)
        {
            return new Error("same_status", $"Cet adhérent est déjà « {status.French()} ».", "status", ErrorKind.Conflict);
        }

        if (current is not null && from < current.From)
        {
            return new Error("date_before_previous", $"La date du {French.Date(from)} précède celle du statut actuel ({French.Date(current.From)}).", "from");
        }

        if (from > today)
        {
            return new Error("date_in_future", $"La date du {French.Date(from)} est dans le futur.", "from");
        }

        Periods.Add(new MembershipPeriod
        {
            Id = Guid.NewGuid(), MemberId = Id, Status = status, From = from, By = by,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), RecordedAt = recordedAt,
        });
        return null;
    }

    public override string ToString() => $"member {Id}";
}

/// <summary>A status of a member from a date, who recorded it and why.</summary>
public sealed class MembershipPeriod
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    public MembershipStatus Status { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Who recorded the change (the actor's name).</summary>
    public string By { get; set; } = "";

    public string? Reason { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The dues (cotisation) of a member for a year; a receipt number once paid, unique in the CPTS.</summary>
public sealed class Dues : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid MemberId { get; set; }

    /// <summary>Copied from the member so that receipt numbers are unique per CPTS.</summary>
    public Guid CptsId { get; set; }

    public int Year { get; set; }

    /// <summary>Euros (seen: 20, 30, 50 €, domain-rules §5).</summary>
    public decimal Amount { get; set; }

    public DateOnly? PaidOn { get; set; }

    /// <summary><c>CPTS-&lt;year&gt;-&lt;seq&gt;</c>, given when the payment is recorded.</summary>
    public string? ReceiptNumber { get; set; }
}
