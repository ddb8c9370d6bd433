using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled;

/// <summary>
/// What a registrar looks for: a window (default: from now, the next 48 hours), near a commune or an EPCI (INSEE or SIREN code), a
/// profession (TRE_G15) and a kind of consultation.
/// </summary>
public sealed record SlotQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Near = null, string? Profession = null, string? Kind = null);

/// <summary>How close a slot's place is to where the patient is: same commune, same EPCI, same département, further.</summary>
public enum Proximity
{
    SameCommune,
    SameEpci,
    SameDepartement,
    Further,
}

/// <summary>A free slot as a registrar sees it (no patient in it).</summary>
public sealed record FreeSlot(Guid SlotId, DateTimeOffset Start, DateTimeOffset End, SlotKind Kind, Guid EffectorId, string EffectorName, string ProfessionCode,
    Guid PlaceId, string PlaceName, string PlaceAddress, string CommuneCode, string CommuneName, Proximity Proximity);

/// <summary>
/// The free slots of a CPTS a registrar may book: offered to its registrars, to come, not booked. With a place to be near, the nearest come
/// first (same commune, then EPCI, then département), each band by start; otherwise by start.
/// </summary>
public sealed class SearchSlots(MaillageDbContext db, SnpAccess access, GeoCatalog geo, TimeProvider clock)
{
    public const int MaxResults = 200;

    public async Task<Result<IReadOnlyList<FreeSlot>>> RunAsync(Guid cptsId, SlotQuery query, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Books || s.IsEffector, ct);
        if (!scope.Succeeded)
        {
            return Result<IReadOnlyList<FreeSlot>>.Fail(scope.Errors);
        }

        var errors = new List<Error>();
        var now = clock.GetUtcNow();
        var from = query.From is { } f && f > now ? f : now;
        var to = query.To ?? from + SnpRules.DefaultWindow;
        if (to <= from)
        {
            errors.Add(new Error("window_reversed", "La fin de la période doit venir après son début.", "to"));
        }

        SlotKind? kind = null;
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            var parsed = SnpInput.Kind(query.Kind, "kind");
            errors.AddRange(parsed.Errors);
            kind = parsed.Succeeded ? parsed.Value : null;
        }

        var near = query.Near?.Trim().ToUpperInvariant();
        GeoUnit? nearCommune = null;
        GeoEpci? nearEpci = null;
        if (!string.IsNullOrEmpty(near))
        {
            nearCommune = geo.Find(near);
            nearEpci = nearCommune is null ? geo.Epcis.GetValueOrDefault(near) : null;
            if (nearCommune is null && nearEpci is null)
            {
                errors.Add(new Error("unknown_place", $"« {query.Near} » n'est ni le code INSEE d'une commune ni le code SIREN d'un EPCI.", "near"));
            }
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<FreeSlot>>.Fail(errors);
        }

        var slots = db.Slots().AsNoTracking().Where(s => s.WithdrawnAt == null && s.Start >= from && s.Start <= to
            && !db.Bookings().Any(b => b.SlotId == s.Id && b.CancelledAt == null));
        slots = slots.Where(s => ((int)s.Audience & (int)SlotAudience.Registrars) != 0);
        if (kind is { } k)
        {
            slots = slots.Where(s => s.Kind == k);
        }

        var rows = await (from s in slots
                          join e in db.Effectors().AsNoTracking() on s.EffectorId equals e.Id
                          join p in db.SnpPlaces().AsNoTracking() on s.PlaceId equals p.Id
                          where e.Active && (query.Profession == null || query.Profession == "" || e.ProfessionCode == query.Profession)
                          orderby s.Start
                          select new { s.Id, s.Start, s.End, s.Kind, EffectorId = e.Id, e.GivenName, e.FamilyName, e.ProfessionCode, PlaceId = p.Id, p.Name, p.Address, p.CommuneCode })
            .Take(MaxResults).ToListAsync(ct);
        var epciOfNear = nearCommune?.Epci ?? nearEpci?.Code;
        var departementOfNear = nearCommune?.Departement ?? (nearEpci is null ? null : nearEpci.Members.Select(geo.Find).OfType<GeoUnit>().FirstOrDefault()?.Departement);
        var found = rows.Select(r =>
        {
            var commune = geo.Find(r.CommuneCode);
            var proximity = near is null ? Proximity.Further
                : nearCommune is not null && r.CommuneCode == nearCommune.Code ? Proximity.SameCommune
                : epciOfNear is not null && commune?.Epci == epciOfNear ? Proximity.SameEpci
                : departementOfNear is not null && commune?.Departement == departementOfNear ? Proximity.SameDepartement
                : Proximity.Further;
            return new FreeSlot(r.Id, r.Start, r.End, r.Kind, r.EffectorId, $"{r.GivenName} {r.FamilyName}".Trim(), r.ProfessionCode, r.PlaceId, r.Name, r.Address,
                r.CommuneCode, commune?.Name ?? r.CommuneCode, proximity);
        });
        return Result<IReadOnlyList<FreeSlot>>.Ok([.. near is null ? found : found.OrderBy(x => x.Proximity).ThenBy(x => x.Start)]);
    }
}

/// <summary>The registrar who booked, the effector or the coordinator cancels a live booking; the slot is free again if it is to come.</summary>
public sealed class CancelBooking(MaillageDbContext db, SnpAccess access, AuditTrail audit, TimeProvider clock, SnpNotifications notify, Sas.SasAppointments sas)
{
    public async Task<Result<Booking>> RunAsync(Guid cptsId, Guid bookingId, string? reason, int? version, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Booking>.Fail(found.Errors);
        }

        var booking = await db.Bookings().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        var slot = booking is null ? null : await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == booking.SlotId, ct);
        if (booking is null || slot is null || !BookingRights.MayChange(found.Value!, booking, slot, actor))
        {
            return booking is null || slot is null ? Error.NotFound("Réservation") : Error.Forbidden();
        }

        if (!booking.Live)
        {
            return new Error("already_cancelled", "Cette réservation est déjà annulée.", null, ErrorKind.Conflict);
        }

        if (booking.Outcome is not null)
        {
            return new Error("outcome_recorded", "La consultation a eu lieu (son issue est enregistrée) : elle ne s'annule plus.", null, ErrorKind.Conflict);
        }

        if (version is { } v && v != booking.Version)
        {
            return Error.Stale();
        }

        var text = string.IsNullOrWhiteSpace(reason) ? "Annulée" : reason.Trim()[..Math.Min(300, reason.Trim().Length)];
        (booking.CancelledAt, booking.CancelledBy, booking.CancelReason) = (clock.GetUtcNow(), actor.Name, text);
        audit.Record(actor, cptsId, "snp.cancelled", $"Réservation {booking.Id} annulée (créneau {slot.Id}).");
        await sas.TrackAsync(booking, ct);
        var saved = await db.SaveAsync(booking, ct);
        if (saved.Succeeded)
        {
            await notify.CancelledAsync(found.Value!, booking, slot, actor, ct);
        }

        return saved;
    }
}

/// <summary>After the slot, the effector (or the coordinator) records what happened: seen, no-show, or redirected and where.</summary>
public sealed class RecordOutcome(MaillageDbContext db, SnpAccess access, AuditTrail audit, TimeProvider clock, Sas.SasAppointments sas)
{
    public async Task<Result<Booking>> RunAsync(Guid cptsId, Guid bookingId, string? outcome, string? redirectedTo, int? version, Actor actor,
        CancellationToken ct = default)
    {
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Booking>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var booking = await db.Bookings().FirstOrDefaultAsync(b => b.Id == bookingId && b.CancelledAt == null, ct);
        var slot = booking is null ? null : await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == booking.SlotId, ct);
        if (booking is null || slot is null)
        {
            return Error.NotFound("Réservation");
        }

        if (!scope.KeepsAgendaOf(slot.EffectorId))
        {
            return Error.Forbidden();
        }

        var errors = new List<Error>();
        var parsed = SnpInput.Outcome(outcome, "outcome");
        errors.AddRange(parsed.Errors);
        var where = string.IsNullOrWhiteSpace(redirectedTo) ? null : redirectedTo.Trim();
        if (parsed.Succeeded && parsed.Value == BookingOutcome.Redirected && where is null)
        {
            errors.Add(new Error("redirected_to_required", "Dites vers qui ou où le patient a été réorienté (urgences, spécialiste…).", "redirectedTo"));
        }

        if (where is { Length: > 200 })
        {
            errors.Add(new Error("redirected_to_too_long", "200 caractères au plus pour la réorientation.", "redirectedTo"));
        }

        if (slot.Start > clock.GetUtcNow())
        {
            errors.Add(new Error("slot_to_come", $"Le créneau n'a pas encore commencé ({SlotText.When(slot.Start, scope.Tenant.Clock)}) : l'issue se note après.", "outcome"));
        }

        if (errors.Count > 0)
        {
            return Result<Booking>.Fail(errors);
        }

        if (version is { } v && v != booking.Version)
        {
            return Error.Stale();
        }

        (booking.Outcome, booking.RedirectedTo, booking.OutcomeAt) = (parsed.Value, parsed.Value == BookingOutcome.Redirected ? where : null, clock.GetUtcNow());
        audit.Record(actor, cptsId, "snp.outcome", $"Réservation {booking.Id} : {parsed.Value}.");
        await sas.TrackAsync(booking, ct);
        return await db.SaveAsync(booking, ct);
    }
}
