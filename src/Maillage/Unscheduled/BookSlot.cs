using System.Net.Mail;
using System.Text.RegularExpressions;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Identifiers;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled.Sas;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled;

/// <summary>The patient and the reason, as the registrar types them.</summary>
public sealed record PatientInput(string? FamilyName, string? GivenName, DateOnly? BirthDate, string? Phone, string? Email, string? Nir, string? Reason, string? Origin)
{
    // Personal data: never in logs.
    public override string ToString() => "patient";
}

/// <summary>
/// A registrar books a free slot for a patient. Two registrars racing for the same slot: the database lets exactly one booking live per slot,
/// the other gets a French refusal naming the next free slots.
/// </summary>
public sealed partial class BookSlot(MaillageDbContext db, SnpAccess access, Tenancy tenancy, SearchSlots search, AuditTrail audit, TimeProvider clock,
    SnpNotifications notify, Sas.SasAppointments sas)
{
    public async Task<Result<Booking>> RunAsync(Guid cptsId, Guid slotId, PatientInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Books, ct);
        if (!scope.Succeeded)
        {
            return Result<Booking>.Fail(scope.Errors);
        }

        var slot = await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null || slot.WithdrawnAt is not null || !slot.Audience.HasFlag(SlotAudience.Registrars))
        {
            return slot is null ? Error.NotFound("Créneau")
                : new Error("slot_unavailable", "Ce créneau n'est plus proposé : choisissez-en un autre.", "slotId", ErrorKind.Conflict);
        }

        var errors = CheckPatient(input, scope.Value!.Today, out var patient);
        var origin = SnpInput.Origin(input.Origin, "origin", scope.Value.DefaultOrigin);
        errors.AddRange(origin.Errors);
        if (slot.Start <= clock.GetUtcNow())
        {
            errors.Add(new Error("slot_past", "Ce créneau est déjà commencé ou passé : choisissez-en un à venir.", "slotId"));
        }

        if (errors.Count > 0)
        {
            return Result<Booking>.Fail(errors);
        }

        (patient.Id, patient.CptsId, patient.SlotId, patient.Origin, patient.BookedById, patient.BookedBy, patient.BookedAt) =
            (Guid.NewGuid(), cptsId, slotId, origin.Value, actor.UserId, actor.Name, clock.GetUtcNow());
        return await SaveAsync(scope.Value, slot, patient, actor, ct);
    }

    /// <summary>
    /// A SAS regulator, arrived from a slot's address with <c>origin=sas</c>, books it for a patient (docs/sas-guide.md §6.3): only an active
    /// regulator account, only a slot offered to the SAS; the booking's origin is SAS and it carries the regulator (whose id the appointment
    /// sent to the SAS names). The regulator is no member of the CPTS: the platform resolves the CPTS for it.
    /// </summary>
    public async Task<Result<Booking>> RunForRegulatorAsync(Guid cptsId, Guid slotId, PatientInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var regulator = await db.SasRegulators().AsNoTracking().ActiveOf(actor).FirstOrDefaultAsync(ct);
        if (regulator is null)
        {
            return Error.Forbidden();
        }

        var tenant = await tenancy.ForPlatformAsync(cptsId, ct);
        if (!tenant.Succeeded)
        {
            return Result<Booking>.Fail(tenant.Errors);
        }

        var scope = new SnpScope(tenant.Value!, null, null);
        var slot = await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null || !Sas.SasAudience.Offered(slot))
        {
            return slot is null ? Error.NotFound("Créneau")
                : new Error("slot_unavailable", "Ce créneau n'est plus proposé au SAS : choisissez-en un autre.", "slotId", ErrorKind.Conflict);
        }

        var errors = CheckPatient(input, scope.Today, out var patient);
        if (slot.Start <= clock.GetUtcNow())
        {
            errors.Add(new Error("slot_past", "Ce créneau est déjà commencé ou passé : choisissez-en un à venir.", "slotId"));
        }

        if (errors.Count > 0)
        {
            return Result<Booking>.Fail(errors);
        }

        (patient.Id, patient.CptsId, patient.SlotId, patient.Origin, patient.RegulatorId, patient.BookedById, patient.BookedBy, patient.BookedAt) =
            (Guid.NewGuid(), cptsId, slotId, BookingOrigin.Sas, regulator.Id, actor.UserId, actor.Name, clock.GetUtcNow());
        return await SaveAsync(scope, slot, patient, actor, ct);
    }

    /// <summary>Moves a live booking to another free slot in one step: the old slot is freed only if the new one is won.</summary>
    public async Task<Result<Booking>> RescheduleAsync(Guid cptsId, Guid bookingId, Guid toSlotId, int? version, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Booking>.Fail(found.Errors);
        }

        var old = await db.Bookings().FirstOrDefaultAsync(b => b.Id == bookingId && b.CancelledAt == null, ct);
        var oldSlot = old is null ? null : await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == old.SlotId, ct);
        if (old is null || oldSlot is null)
        {
            return Error.NotFound("Réservation");
        }

        if (!BookingRights.MayChange(found.Value!, old, oldSlot, actor))
        {
            return Error.Forbidden();
        }

        if (version is { } v && v != old.Version)
        {
            return Error.Stale();
        }

        var slot = await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == toSlotId && s.WithdrawnAt == null, ct);
        if (slot is null || slot.Start <= clock.GetUtcNow() || toSlotId == old.SlotId)
        {
            return new Error("slot_unavailable", "Choisissez un autre créneau libre à venir.", "slotId");
        }

        var now = clock.GetUtcNow();
        (old.CancelledAt, old.CancelledBy, old.CancelReason) = (now, actor.Name, "Déplacée");
        var moved = new Booking
        {
            Id = Guid.NewGuid(), CptsId = old.CptsId, SlotId = toSlotId, RescheduledFromId = old.Id, BookedAt = now, BookedById = actor.UserId, BookedBy = actor.Name,
            Origin = old.Origin, RegulatorId = old.RegulatorId, Reason = old.Reason, PatientFamilyName = old.PatientFamilyName, PatientGivenName = old.PatientGivenName,
            PatientBirthDate = old.PatientBirthDate, PatientPhone = old.PatientPhone, PatientEmail = old.PatientEmail, PatientNir = old.PatientNir,
        };
        var saved = await SaveAsync(found.Value!, slot, moved, actor, ct);
        if (saved.Succeeded)
        {
            await notify.CancelledAsync(found.Value!, old, oldSlot, actor, ct);
        }

        return saved;
    }

    private async Task<Result<Booking>> SaveAsync(SnpScope scope, Slot slot, Booking booking, Actor actor, CancellationToken ct)
    {
        db.Bookings().Add(booking);
        audit.Record(actor, scope.CptsId, booking.RescheduledFromId is null ? "snp.booked" : "snp.rescheduled",
            $"Réservation {booking.Id} : créneau {slot.Id} du {SlotText.When(slot.Start, scope.Tenant.Clock)}, origine {booking.Origin}"
            + (booking.RescheduledFromId is { } from ? $", remplace la réservation {from}." : "."));
        await sas.TrackAsync(booking, ct);
        var refused = await db.SaveOrConflictAsync(async c => await TakenAsync(scope, slot, booking.RegulatorId is null ? actor : scope.Tenant.Actor, c), ct);
        if (refused is not null)
        {
            return refused;
        }

        await notify.BookedAsync(scope, booking, slot, actor, ct);
        return Result<Booking>.Ok(booking);
    }

    /// <summary>After a <c>slot_taken</c> refusal, the next free slots of the CPTS from the lost slot's hour on, which its message names the
    /// first three of: the API lists them (<c>nextSlots</c>) without searching again. Empty otherwise.</summary>
    public IReadOnlyList<FreeSlot> TakenOffers { get; private set; } = [];

    /// <summary>The refusal of a slot someone else just won, with the next free slots of the CPTS to offer instead (looked for by the platform
    /// on a regulator's behalf: a regulator is no member of the CPTS).</summary>
    private async Task<Error> TakenAsync(SnpScope scope, Slot slot, Actor actor, CancellationToken ct)
    {
        var next = await search.RunAsync(scope.CptsId, new SlotQuery(From: slot.Start.AddTicks(-1)), actor, ct);
        TakenOffers = next.Succeeded ? next.Value! : [];
        var offers = next.Succeeded ? next.Value!.Take(3).Select(s => SlotText.When(s.Start, scope.Tenant.Clock) + $" ({s.EffectorName}, {s.PlaceName})").ToList() : [];
        return new Error("slot_taken", "Ce créneau vient d'être réservé par quelqu'un d'autre. "
            + (offers.Count == 0 ? "Aucun autre créneau libre pour l'instant." : "Créneaux libres suivants : " + string.Join(" ; ", offers) + "."), "slotId", ErrorKind.Conflict);
    }

    /// <summary>The patient's fields checked; the booking carries them (without ids yet).</summary>
    public static List<Error> CheckPatient(PatientInput input, DateOnly today, out Booking patient)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<Error>();
        var family = input.FamilyName?.Trim() ?? "";
        var given = input.GivenName?.Trim() ?? "";
        if (family.Length is 0 or > 100)
        {
            errors.Add(new Error("family_name_required", "Indiquez le nom du patient.", "familyName"));
        }

        if (given.Length is 0 or > 100)
        {
            errors.Add(new Error("given_name_required", "Indiquez le prénom du patient.", "givenName"));
        }

        if (input.BirthDate is not { } birth)
        {
            errors.Add(new Error("birth_date_required", "Indiquez la date de naissance du patient.", "birthDate"));
        }
        else if (birth > today || birth < today.AddYears(-125))
        {
            errors.Add(new Error("invalid_birth_date", "La date de naissance doit être passée et réaliste.", "birthDate"));
        }

        var phone = Phone(input.Phone);
        if (phone is null)
        {
            errors.Add(new Error("invalid_phone", "Indiquez un numéro de téléphone joignable : 10 chiffres (06 12 34 56 78) ou au format international (+262…).", "phone"));
        }

        var email = string.IsNullOrWhiteSpace(input.Email) ? null : input.Email.Trim();
        if (email is not null && (email.Length > 256 || !MailAddress.TryCreate(email, out _)))
        {
            errors.Add(new Error("invalid_email", "L'adresse e-mail du patient n'est pas valide (elle est facultative).", "email"));
        }

        string? nir = null;
        if (!string.IsNullOrWhiteSpace(input.Nir))
        {
            if (Identifiers.CheckNir(input.Nir) is { } nirError)
            {
                errors.Add(nirError);
            }
            else
            {
                nir = Identifiers.NormalizeNir(input.Nir);
            }
        }

        var reason = input.Reason?.Trim().ToLowerInvariant() ?? "";
        if (!SnpRules.Reasons.Any(r => r.Code == reason))
        {
            errors.Add(new Error("reason_required", "Choisissez le motif de la consultation dans la liste.", "reason"));
        }

        patient = new Booking
        {
            PatientFamilyName = family, PatientGivenName = given, PatientBirthDate = input.BirthDate ?? default, PatientPhone = phone ?? "", PatientEmail = email,
            PatientNir = nir, Reason = reason,
        };
        return errors;
    }

    /// <summary>A phone number kept as typed digits: 10 French digits starting with 0, or + and 8 to 15 digits.</summary>
    public static string? Phone(string? value)
    {
        var digits = new string([.. (value ?? "").Where(c => char.IsAsciiDigit(c) || c == '+')]);
        return FrenchPhone().IsMatch(digits) || InternationalPhone().IsMatch(digits) ? digits : null;
    }

    [GeneratedRegex("^0[1-9][0-9]{8}$")]
    private static partial Regex FrenchPhone();

    [GeneratedRegex("^\\+[1-9][0-9]{7,14}$")]
    private static partial Regex InternationalPhone();
}

/// <summary>Who may change a booking: the registrar who made it, the effector of its slot, the coordinator.</summary>
internal static class BookingRights
{
    public static bool MayChange(SnpScope scope, Booking booking, Slot slot, Actor actor) =>
        scope.Manages || (scope.Books && booking.BookedById == actor.UserId) || (scope.Effector is { Active: true } e && e.Id == slot.EffectorId);
}
