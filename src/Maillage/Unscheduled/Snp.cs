using Maillage.Platform.Persistence;

namespace Maillage.Unscheduled;

/// <summary>How a consultation of a slot takes place: the SAS guide's <c>serviceType</c> codes (v3-ActCode AMB, HH, VR).</summary>
public enum SlotKind
{
    /// <summary>At the place of consultation (AMB).</summary>
    InPerson,

    /// <summary>At the patient's home (HH).</summary>
    HomeVisit,

    /// <summary>Teleconsultation (VR).</summary>
    Teleconsultation,
}

/// <summary>
/// Who may book a slot: the CPTS's own registrars, and the SAS with the slot types of TRE_R314 (PUBLIC, PRO, SNP, CPTS) that say which
/// SAS users see it. A slot published to the SAS is found by the national platform's slot search.
/// </summary>
[Flags]
public enum SlotAudience
{
    None = 0,

    /// <summary>The registrars of the CPTS (pharmacists, nurses, platform operators) on this platform.</summary>
    Registrars = 1,

    /// <summary>TRE_R314 SNP: the SAS's regulators for unscheduled care.</summary>
    SasSnp = 2,

    /// <summary>TRE_R314 CPTS: the SAS, as a CPTS slot.</summary>
    SasCpts = 4,

    /// <summary>TRE_R314 PRO: professionals through the SAS.</summary>
    SasPro = 8,

    /// <summary>TRE_R314 PUBLIC: the public through the SAS.</summary>
    SasPublic = 16,
}

/// <summary>The kind of a place of consultation.</summary>
public enum PlaceKind
{
    /// <summary>The effector's own practice (cabinet).</summary>
    Practice,

    /// <summary>A maison de santé pluriprofessionnelle.</summary>
    Msp,

    /// <summary>An unscheduled-care centre run by the CPTS.</summary>
    SnpCentre,
}

/// <summary>Who sent the patient (the origin of a booking).</summary>
public enum BookingOrigin
{
    Pharmacy,
    Nurse,
    Platform,
    Sas,
    EmergencyDepartment,
}

/// <summary>What happened at the appointment, recorded by the effector after it.</summary>
public enum BookingOutcome
{
    /// <summary>The patient was seen (the SAS's <c>fulfilled</c>).</summary>
    Seen,

    /// <summary>The patient did not come (the SAS's <c>noshow</c>).</summary>
    NoShow,

    /// <summary>The patient was seen and sent elsewhere (emergency department, specialist…), named in the outcome.</summary>
    Redirected,
}

/// <summary>A place where an effector gives unscheduled consultations; its commune orders search results by proximity.</summary>
public sealed class SnpPlace : ICptsOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public string Name { get; set; } = "";

    public PlaceKind Kind { get; set; }

    /// <summary>Street address, as printed on the confirmation.</summary>
    public string Address { get; set; } = "";

    /// <summary>INSEE code of the commune (or arrondissement).</summary>
    public string CommuneCode { get; set; } = "";

    public string? Phone { get; set; }

    public bool Active { get; set; } = true;

    public int Version { get; set; }
}

/// <summary>
/// A professional adhérent of the CPTS who volunteers to give unscheduled consultations (doctors first; other professions allowed). The
/// name, RPPS and profession are copied from the directory when enrolled, so the SAS search reads one table.
/// </summary>
public sealed class Effector : ICptsOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>The adhérent (Membership) whose account records the outcomes.</summary>
    public Guid MemberId { get; set; }

    public string Rpps { get; set; } = "";

    public string FamilyName { get; set; } = "";

    public string GivenName { get; set; } = "";

    /// <summary>TRE_G15 profession code (10 médecin…).</summary>
    public string ProfessionCode { get; set; } = "";

    public string? SpecialtyCode { get; set; }

    public bool Active { get; set; } = true;

    public DateTimeOffset EnrolledAt { get; set; }

    public int Version { get; set; }

    public string Name => $"{GivenName} {FamilyName}".Trim();
}

/// <summary>
/// A weekly pattern of slots: on the chosen weekdays, from a local start time to an end time, slots of a fixed length at one place, from a
/// date (and until one), with exceptions (holidays, absences). Saving it materialises its slots ahead (<see cref="SnpRules.HorizonDays"/>).
/// </summary>
public sealed class SlotPattern : ICptsOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Guid EffectorId { get; set; }

    public Guid PlaceId { get; set; }

    /// <summary>Days of the week, bit <c>1 &lt;&lt; (int)DayOfWeek</c>.</summary>
    public int Weekdays { get; set; }

    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }

    public int SlotMinutes { get; set; }

    public SlotKind Kind { get; set; }

    public SlotAudience Audience { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public List<PatternAbsence> Absences { get; set; } = [];

    public int Version { get; set; }

    public bool On(DayOfWeek day) => (Weekdays & (1 << (int)day)) != 0;
}

/// <summary>Days a pattern does not apply (a holiday, an absence), both days included.</summary>
public sealed class PatternAbsence
{
    public Guid Id { get; set; }

    public Guid PatternId { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public string Reason { get; set; } = "";
}

/// <summary>
/// A slot an effector offers: an interval in UTC at a place, of a kind, for an audience; opened one by one or by a pattern. A withdrawn slot
/// is kept (the statistics count what was offered) but is no longer offered. Whether it is booked is its live booking.
/// </summary>
public sealed class Slot : ICptsOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Guid EffectorId { get; set; }

    public Guid PlaceId { get; set; }

    public DateTimeOffset Start { get; set; }

    public DateTimeOffset End { get; set; }

    public SlotKind Kind { get; set; }

    public SlotAudience Audience { get; set; }

    /// <summary>The pattern that opened it, if any.</summary>
    public Guid? PatternId { get; set; }

    public DateTimeOffset? WithdrawnAt { get; set; }

    public int Version { get; set; }
}

/// <summary>
/// A patient's appointment in a slot, made by a registrar. At most one live (not cancelled) booking per slot, ever: a unique index on the
/// slot among live bookings, in both databases. The patient's identity is personal data: never logged, read only by those who may, every
/// read audited.
/// </summary>
public sealed class Booking : ICptsOwned, IVersioned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Guid SlotId { get; set; }

    public string PatientFamilyName { get; set; } = "";

    public string PatientGivenName { get; set; } = "";

    public DateOnly PatientBirthDate { get; set; }

    public string PatientPhone { get; set; } = "";

    public string? PatientEmail { get; set; }

    /// <summary>NIR with its key (15 characters), when given.</summary>
    public string? PatientNir { get; set; }

    /// <summary>One of <see cref="SnpRules.Reasons"/>.</summary>
    public string Reason { get; set; } = "";

    public BookingOrigin Origin { get; set; }

    /// <summary>The account that booked (user id) and its name, for the booking's history.</summary>
    public string BookedById { get; set; } = "";

    public string BookedBy { get; set; } = "";

    public DateTimeOffset BookedAt { get; set; }

    /// <summary>The SAS regulator who booked (origin SAS, reached from a slot's address with <c>origin=sas</c>), else null.</summary>
    public Guid? RegulatorId { get; set; }

    /// <summary>When rescheduled, the booking it replaces.</summary>
    public Guid? RescheduledFromId { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public string? CancelledBy { get; set; }

    public string? CancelReason { get; set; }

    public BookingOutcome? Outcome { get; set; }

    /// <summary>Where the patient was sent, for <see cref="BookingOutcome.Redirected"/>.</summary>
    public string? RedirectedTo { get; set; }

    public DateTimeOffset? OutcomeAt { get; set; }

    public int Version { get; set; }

    public bool Live => CancelledAt is null;

    // Names, birth date, phone and NIR are personal data: keep them out of logs and exception messages.
    public override string ToString() => $"booking {Id}";
}

/// <summary>
/// A registrar of the CPTS: an adhérent (pharmacist, nurse, platform operator) the coordinator allows to book slots for patients, with the
/// origin its bookings carry by default. The coordinator books without being enrolled.
/// </summary>
public sealed class Registrar : ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Guid MemberId { get; set; }

    public BookingOrigin Origin { get; set; }

    public bool Active { get; set; } = true;
}
