using Maillage.Platform.Persistence;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled.Sas;

/// <summary>
/// Keeps the outbox of the appointments the SAS must know (<see cref="SasAppointment"/>) in step with the bookings, in the unit of work of the
/// booking's change: called before its <c>SaveChanges</c>, so the change and the send to come land together or not at all, and a crash never
/// loses a send. Only bookings of a SAS regulator are tracked (docs/sas-guide.md §7.1: only what a regulator took is sent).
/// </summary>
/// <remarks>
/// Status (docs/sas.md): live → <c>booked</c>; cancelled → <c>cancelled</c>; outcome seen → <c>fulfilled</c>, not seen → <c>noshow</c>,
/// redirected → <c>fulfilled</c> (the patient came and was seen, then sent elsewhere: the appointment was honoured). A rescheduled booking
/// carries its appointment over: same identifier for the SAS, new times (and maybe effector), <c>booked</c>.
/// </remarks>
public sealed class SasAppointments(MaillageDbContext db, TimeProvider clock)
{
    public const string Idnps = "IDNPS";
    public const string Intrn = "INTRN";

    /// <summary>The system of the SAS's technical ids of regulators.</summary>
    public const string SasTechnicalSystem = "urn:oid:1.2.250.1.213.3.6";

    /// <summary>
    /// Records in the unit of work what the SAS must now know of <paramref name="booking"/> (new, moved from the booking it replaces,
    /// cancelled, outcome), pending to be sent; nothing for a booking no regulator took, nothing when the SAS already has this state.
    /// </summary>
    public async Task TrackAsync(Booking booking, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(booking);
        var now = clock.GetUtcNow();
        SasAppointment? row;
        if (booking.RescheduledFromId is { } from)
        {
            row = await db.SasAppointments().FirstOrDefaultAsync(a => a.BookingId == from, ct);
            if (row is not null)
            {
                row.BookingId = booking.Id;
                row.Status = StatusOf(booking);
                MarkPending(row, now);
                return;
            }
        }

        if (db.Entry(booking).State == EntityState.Added)
        {
            if (booking.RegulatorId is { } regulatorId && await db.SasRegulators().AsNoTracking().FirstOrDefaultAsync(r => r.Id == regulatorId, ct) is { } regulator)
            {
                var (type, system, value) = Operator(regulator);
                db.SasAppointments().Add(new SasAppointment
                {
                    Id = Guid.NewGuid(), CptsId = booking.CptsId, BookingId = booking.Id, RegulatorId = regulatorId, OperatorType = type, OperatorSystem = system,
                    OperatorValue = value, Created = booking.BookedAt, Status = StatusOf(booking), PendingSince = now, NextAttemptAt = now,
                });
            }

            return;
        }

        row = await db.SasAppointments().FirstOrDefaultAsync(a => a.BookingId == booking.Id, ct);
        if (row is not null && row.Status != StatusOf(booking))
        {
            row.Status = StatusOf(booking);
            MarkPending(row, now);
        }
    }

    /// <summary>The status the SAS must show for the booking as it is now.</summary>
    public static SasAppointmentStatus StatusOf(Booking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return booking.CancelledAt is not null ? SasAppointmentStatus.Cancelled
            : booking.Outcome switch
            {
                BookingOutcome.NoShow => SasAppointmentStatus.Noshow,
                BookingOutcome.Seen or BookingOutcome.Redirected => SasAppointmentStatus.Fulfilled,
                _ => SasAppointmentStatus.Booked,
            };
    }

    /// <summary>The regulator's id as the SAS gave it: the national one (IDNPS) when known, else the SAS's technical id (INTRN).</summary>
    public static (string Type, string System, string Value) Operator(SasRegulator regulator)
    {
        ArgumentNullException.ThrowIfNull(regulator);
        return regulator.NationalId is { Length: > 0 } national ? (Idnps, SasIds.IdnpsSystem, national) : (Intrn, SasTechnicalSystem, regulator.TechnicalId ?? "");
    }

    /// <summary>
    /// Due now, whatever the backoff or a refusal said: a new state is worth a new try. Both columns are written even when their value does not
    /// change, so that a send that ended meanwhile (and cleared them without moving the version) cannot leave this change unsent.
    /// </summary>
    private void MarkPending(SasAppointment row, DateTimeOffset now)
    {
        row.PendingSince ??= now;
        row.NextAttemptAt = now;
        var entry = db.Entry(row);
        entry.Property(a => a.PendingSince).IsModified = true;
        entry.Property(a => a.NextAttemptAt).IsModified = true;
    }
}
