using Maillage.Platform.Persistence;

namespace Maillage.Association;

/// <summary>Where a meeting stands.</summary>
public enum MeetingStatus
{
    /// <summary>Being prepared: agenda editable, nobody convened yet.</summary>
    Draft,

    /// <summary>Convocation sent (with the statutory notice checked).</summary>
    Convened,

    /// <summary>Held: attendance and votes recorded.</summary>
    Held,

    /// <summary>Minutes approved; nothing changes any more.</summary>
    Closed,

    Cancelled,
}

/// <summary>A meeting of a body: an AG (ordinary, extraordinary, constitutive), a conseil or a bureau.</summary>
public sealed class Meeting : IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Guid BodyId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>Extraordinary AG (statutes, dissolution): two-thirds majority by default for its motions.</summary>
    public bool Extraordinary { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    public DateTimeOffset EndsAt { get; set; }

    public string Location { get; set; } = "";

    public MeetingStatus Status { get; set; }

    public DateTimeOffset? ConvenedAt { get; set; }

    public string? ConvenedBy { get; set; }

    /// <summary>Minutes (procès-verbal), plain text.</summary>
    public string? Minutes { get; set; }

    public DateTimeOffset? MinutesApprovedAt { get; set; }

    /// <summary>iCalendar SEQUENCE: incremented whenever the date, place or status changes after convocation.</summary>
    public int Sequence { get; set; }

    public int Version { get; set; }

    public List<AgendaItem> Agenda { get; set; } = [];

    public List<Attendance> Attendances { get; set; } = [];

    public List<Motion> Motions { get; set; } = [];
}

/// <summary>An item of the agenda (ordre du jour), in order.</summary>
public sealed class AgendaItem
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public int Position { get; set; }

    public string Title { get; set; } = "";

    public string? Details { get; set; }
}

/// <summary>How a voter took part in a meeting.</summary>
public enum Presence
{
    Present,

    /// <summary>Gave a proxy (pouvoir) to a present voter.</summary>
    Represented,

    Excused,
    Absent,
}

/// <summary>One voter's attendance at a meeting (unique per meeting and member), with the proxy holder when represented.</summary>
public sealed class Attendance
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public Guid MemberId { get; set; }

    public Presence Presence { get; set; }

    /// <summary>The present voter holding this member's proxy, when <see cref="Presence.Represented"/>.</summary>
    public Guid? ProxyHolderId { get; set; }
}

/// <summary>The majority a motion needs, over the votes cast (abstentions are not votes cast).</summary>
public enum Majority
{
    /// <summary>More votes for than against.</summary>
    Simple,

    /// <summary>At least two thirds of the votes cast.</summary>
    TwoThirds,
}

public enum MotionResult
{
    Adopted,
    Rejected,
}

/// <summary>A motion (résolution) put to the vote, with the counts and the result; an adopted one enters the register of decisions.</summary>
public sealed class Motion
{
    public Guid Id { get; set; }

    public Guid MeetingId { get; set; }

    public Guid? AgendaItemId { get; set; }

    public int Position { get; set; }

    public string Text { get; set; } = "";

    public Majority Majority { get; set; }

    public int? For { get; set; }

    public int? Against { get; set; }

    public int? Abstentions { get; set; }

    public MotionResult? Result { get; set; }

    public DateTimeOffset? VotedAt { get; set; }

    /// <summary>The proposal this motion decides, when it comes from one.</summary>
    public Guid? ProposalId { get; set; }
}

/// <summary>
/// The register of decisions: numbered <c>&lt;year&gt;-&lt;seq&gt;</c> per CPTS in order (unique), from an adopted motion or a
/// decided proposal.
/// </summary>
public sealed class Decision : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public string Number { get; set; } = "";

    public int Year { get; set; }

    public int Sequence { get; set; }

    public DateOnly Date { get; set; }

    public Guid BodyId { get; set; }

    public Guid? MeetingId { get; set; }

    public Guid? MotionId { get; set; }

    public Guid? ProposalId { get; set; }

    public string Text { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}
