using Maillage.Platform.Persistence;

namespace Maillage.Association;

/// <summary>The statutory bodies of the association (domain-rules §5).</summary>
public enum BodyKind
{
    /// <summary>Assemblée générale: every member is invited, with the statutory notice.</summary>
    GeneralAssembly,

    /// <summary>Conseil d'administration.</summary>
    Board,

    /// <summary>Bureau (président, trésorier, secrétaire…).</summary>
    Bureau,
}

/// <summary>
/// A body of a CPTS with the parameters of its statutes: notice for a convocation, quorum, proxies. One per kind and CPTS,
/// created with defaults (see <see cref="BodyDefaults"/>) the first time the CPTS's association is opened.
/// </summary>
public sealed class Body : IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public BodyKind Kind { get; set; }

    /// <summary>Minimum days between the convocation and the meeting.</summary>
    public int NoticeDays { get; set; }

    /// <summary>Quorum as a percentage of the voters (present or represented), 0–100.</summary>
    public int QuorumPercent { get; set; }

    /// <summary>How many proxies one present voter may hold.</summary>
    public int MaxProxiesPerHolder { get; set; }

    public int Version { get; set; }
}

/// <summary>Default statutory parameters, changeable per CPTS to match its statutes.</summary>
public static class BodyDefaults
{
    public static (int NoticeDays, int QuorumPercent, int MaxProxies) For(BodyKind kind) => kind switch
    {
        BodyKind.GeneralAssembly => (15, 25, 2),
        BodyKind.Board => (8, 50, 1),
        BodyKind.Bureau => (3, 50, 0),
        _ => (15, 50, 1),
    };
}

/// <summary>The seat a member holds in a body.</summary>
public enum Office
{
    President,
    VicePresident,
    Treasurer,
    Secretary,

    /// <summary>A plain seat (administrateur in the conseil, membre du bureau).</summary>
    Member,
}

/// <summary>A member's mandate in the conseil d'administration or the bureau, from a date to an end date (open while current).</summary>
public sealed class Mandate : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Guid BodyId { get; set; }

    public Guid MemberId { get; set; }

    public Office Office { get; set; }

    public DateOnly From { get; set; }

    /// <summary>Last day of the mandate; null while it runs.</summary>
    public DateOnly? To { get; set; }

    public string? EndReason { get; set; }

    public bool IsCurrentOn(DateOnly day) => From <= day && (To is null || To >= day);
}

/// <summary>A working group or project of the CPTS, with its participants.</summary>
public sealed class WorkingGroup : IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public string Name { get; set; } = "";

    public string? Purpose { get; set; }

    public DateOnly CreatedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public int Version { get; set; }

    public List<WorkingGroupParticipant> Participants { get; set; } = [];
}

/// <summary>A member taking part in a working group (unique per group and member).</summary>
public sealed class WorkingGroupParticipant
{
    public Guid Id { get; set; }

    public Guid WorkingGroupId { get; set; }

    public Guid MemberId { get; set; }

    public DateOnly JoinedOn { get; set; }
}

/// <summary>
/// A referent: the member who speaks for a profession (TRE_G15 code) or leads a working group or project — exactly one of the
/// two — from a date to an end date.
/// </summary>
public sealed class Referent : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Guid MemberId { get; set; }

    public string? ProfessionCode { get; set; }

    public Guid? WorkingGroupId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }
}
