using Hl7.Fhir.Model;

namespace Maillage.Unscheduled.Sas;

/// <summary>
/// The <c>FrAppointmentSAS</c> sent to the SAS (docs/sas-guide.md §7.2): the operator (the regulator's id as the SAS gave it), our identifier,
/// the status, the slot's start and end and the booking's creation at the CPTS's hour, the effector as sole participant (IDNPS, accepted).
/// No patient datum: the profile has none. No <c>id</c>: the SAS gives its own (ours is the identifier).
/// </summary>
public static class SasAppointmentResource
{
    public const string Profile = "http://sas.fr/fhir/StructureDefinition/FrAppointmentSAS";
    public const string OperatorExtension = "http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator";
    public const string FrV20203 = "http://interopsante.org/fhir/CodeSystem/fr-v2-0203";

    /// <param name="appointment">The outbox row: identifier, operator, status, creation.</param>
    /// <param name="system">Our identifier system (<see cref="SasSetting.AppointmentSystem"/>).</param>
    /// <param name="start">The start of the current booking's slot.</param>
    /// <param name="end">Its end.</param>
    /// <param name="effectorRpps">The RPPS of the slot's effector (11 digits; sent as IDNPS <c>8</c> + RPPS).</param>
    /// <param name="zone">The CPTS's time zone, in which the instants are written.</param>
    public static Appointment Build(SasAppointment appointment, string system, DateTimeOffset start, DateTimeOffset end, string effectorRpps, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        ArgumentNullException.ThrowIfNull(zone);
        return new Appointment
        {
            Meta = new Meta { Profile = [Profile] },
            Extension =
            [
                new Extension(OperatorExtension, new ResourceReference
                {
                    Identifier = Identifier(appointment.OperatorType, appointment.OperatorSystem, appointment.OperatorValue),
                }),
            ],
            Identifier = [new Identifier(system, appointment.Id.ToString())],
            Status = Status(appointment.Status),
            Start = Local(start, zone),
            End = Local(end, zone),
            CreatedElement = new FhirDateTime(Local(appointment.Created, zone)),
            Participant =
            [
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference { Identifier = Identifier(SasAppointments.Idnps, SasIds.IdnpsSystem, SasIds.Idnps(effectorRpps)) },
                    Status = ParticipationStatus.Accepted,
                },
            ],
        };
    }

    public static Appointment.AppointmentStatus Status(SasAppointmentStatus status) => status switch
    {
        SasAppointmentStatus.Booked => Appointment.AppointmentStatus.Booked,
        SasAppointmentStatus.Fulfilled => Appointment.AppointmentStatus.Fulfilled,
        SasAppointmentStatus.Noshow => Appointment.AppointmentStatus.Noshow,
        SasAppointmentStatus.Cancelled => Appointment.AppointmentStatus.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static Identifier Identifier(string type, string system, string value) => new(system, value)
    {
        Type = new CodeableConcept(FrV20203, type),
    };

    /// <summary>The instant at the CPTS's hour, to the second (« 2022-09-04T14:00:00+01:00 », as the guide writes them).</summary>
    private static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond));
    }
}
