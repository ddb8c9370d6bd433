using Maillage.Platform.Persistence;

namespace Maillage.Indemnities;

/// <summary>The kinds of mission time members declare (the règlement intérieur sets an hourly rate for each).</summary>
public enum Activity
{
    /// <summary>Meetings of the bodies, working groups, partners.</summary>
    Meeting,

    /// <summary>Carrying out an action of the CPTS (prevention day, pathway, project work).</summary>
    Action,

    /// <summary>Training given or followed for the CPTS.</summary>
    Training,

    /// <summary>The running of the association by an officer (président, trésorier, secrétaire): counted in the 3/4-SMIC cap.</summary>
    Governance,
}

/// <summary>
/// A version of the scale (barème) of the règlement intérieur, in force from a date (unique per CPTS) until the next version;
/// its rates per activity, the same for every profession unless a rate names one.
/// </summary>
public sealed class Scale : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>Where it was decided (e.g. « Règlement intérieur, art. 12 — CA du 12 mars 2026 »).</summary>
    public string Reference { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public List<ScaleRate> Rates { get; set; } = [];
}

/// <summary>An hourly rate in euros for an activity, for every profession (null) or one (TRE_G15 code); unique per scale.</summary>
public sealed class ScaleRate
{
    public Guid Id { get; set; }

    public Guid ScaleId { get; set; }

    public Activity Activity { get; set; }

    public string? ProfessionCode { get; set; }

    public decimal HourlyRate { get; set; }
}

public enum DeclarationStatus
{
    /// <summary>Declared by the member, awaiting the coordinator.</summary>
    Declared,

    /// <summary>Validated: the amount is fixed from the scale in force on the mission date.</summary>
    Validated,

    Rejected,

    /// <summary>In a paid batch.</summary>
    Paid,
}

/// <summary>Time a member spent on a mission, from declaration to payment, with who did what.</summary>
public sealed class TimeDeclaration : IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>The member (a person) who did the mission.</summary>
    public Guid MemberId { get; set; }

    public DateOnly MissionDate { get; set; }

    public Activity Activity { get; set; }

    /// <summary>Hours, in quarter hours (0.25 to 24).</summary>
    public decimal Hours { get; set; }

    public string Description { get; set; } = "";

    public DeclarationStatus Status { get; set; }

    public string DeclaredBy { get; set; } = "";

    public DateTimeOffset DeclaredAt { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? RejectionReason { get; set; }

    /// <summary>The scale version applied at validation.</summary>
    public Guid? ScaleId { get; set; }

    public decimal? HourlyRate { get; set; }

    /// <summary>Hours × rate, rounded to the cent, fixed at validation.</summary>
    public decimal? Amount { get; set; }

    public Guid? PaymentBatchId { get; set; }

    public int Version { get; set; }
}

/// <summary>A payment batch run by the treasurer: validated declarations paid together, numbered <c>&lt;year&gt;-&lt;seq&gt;</c> per CPTS.</summary>
public sealed class PaymentBatch : IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public string Number { get; set; } = "";

    public int Year { get; set; }

    public int Sequence { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the transfers were made; null while the batch is prepared.</summary>
    public DateOnly? PaidOn { get; set; }

    public string? PaidBy { get; set; }

    public decimal Total { get; set; }

    public int Version { get; set; }
}

/// <summary>The CPTS's own note on the tax and social treatment of indemnities for a profession (unique per CPTS and profession).</summary>
public sealed class ProfessionNote : IVersioned, Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>TRE_G15 profession code.</summary>
    public string ProfessionCode { get; set; } = "";

    public string Text { get; set; } = "";

    public string UpdatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public int Version { get; set; }
}
