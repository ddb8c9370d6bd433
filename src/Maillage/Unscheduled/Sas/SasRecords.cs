using Maillage.Platform.Persistence;

namespace Maillage.Unscheduled.Sas;

/// <summary>
/// A regulator of the SAS given an account on this platform by the SAS platform (INT_R02, docs/sas-guide.md §6): created by
/// <c>POST /fhir/Practitioner</c>, updated or deactivated by a conditional <c>PUT</c>. Known by the national id (IDNPS, any form, as
/// received) and/or the SAS's technical id (a UUID); both stay keys, so a late call with the technical id still finds the account after
/// a national id was linked. The account (<see cref="UserId"/>) books only when it arrives from the SAS (<c>origin=sas</c>).
/// </summary>
public sealed class SasRegulator : IVersioned
{
    public Guid Id { get; set; }

    /// <summary>The platform account (Identity user id) the regulator signs in with.</summary>
    public string UserId { get; set; } = "";

    /// <summary>IDNPS (<c>urn:oid:1.2.250.1.71.4.2.1</c>) as the SAS sent it, e.g. <c>810002673899</c> or <c>3456780581/11242343</c>.</summary>
    public string? NationalId { get; set; }

    /// <summary>The SAS's technical id (<c>urn:oid:1.2.250.1.213.3.6</c>), a UUID.</summary>
    public string? TechnicalId { get; set; }

    public string FamilyName { get; set; } = "";

    public string GivenName { get; set; } = "";

    public string Email { get; set; } = "";

    /// <summary><c>Practitioner.active</c>: false = account disabled, habilitation withdrawn.</summary>
    public bool Active { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the regulator accepted the platform's terms (CGU), at the first sign-in.</summary>
    public DateTimeOffset? TermsAcceptedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>Status of an appointment as the SAS knows it (<c>http://hl7.org/fhir/appointmentstatus</c>).</summary>
public enum SasAppointmentStatus
{
    Booked,
    Fulfilled,
    Noshow,
    Cancelled,
}

/// <summary>
/// An appointment taken by a SAS regulator, to be sent to the SAS platform (INT_R03, docs/sas-guide.md §7) — and the durable outbox of
/// its sends: the row holds the state the SAS must end up with; <see cref="PendingSince"/> says the SAS does not have it yet. The sender
/// POSTs it once (<see cref="SasLocation"/> null), then PUTs the whole current resource; it clears <see cref="PendingSince"/> only if the
/// row's <see cref="Version"/> did not move while it was sending, so a change made meanwhile is sent too.
/// </summary>
public sealed class SasAppointment : ICptsOwned, IVersioned
{
    /// <summary>Our identifier of the appointment for the SAS (the key of every conditional PUT).</summary>
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    /// <summary>The booking it stands for now (moves to the new booking when rescheduled).</summary>
    public Guid BookingId { get; set; }

    /// <summary>The regulator who booked; the operator extension carries its id as the SAS sent it.</summary>
    public Guid RegulatorId { get; set; }

    /// <summary><c>IDNPS</c> (national id) or <c>INTRN</c> (technical id).</summary>
    public string OperatorType { get; set; } = "";

    public string OperatorSystem { get; set; } = "";

    public string OperatorValue { get; set; } = "";

    /// <summary>When the appointment was taken (<c>Appointment.created</c>).</summary>
    public DateTimeOffset Created { get; set; }

    public SasAppointmentStatus Status { get; set; }

    /// <summary>The <c>Location</c> the SAS answered to the POST; null while a POST is due. After a POST whose answer was lost (no answer,
    /// timeout, 502/504), the conditional address by our identifier: the next sends are PUTs, which create it if the SAS does not have it.</summary>
    public string? SasLocation { get; set; }

    /// <summary>Since when the SAS lacks the current state; null when it is up to date.</summary>
    public DateTimeOffset? PendingSince { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>The last failure, in French, without personal data (status code and OperationOutcome diagnostics).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset? LastSentAt { get; set; }

    public int Version { get; set; }
}
