using Maillage.Directory.Published;
using Maillage.Territories.Published;
using Maillage.Membership.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled;

/// <summary>A place of consultation as typed.</summary>
public sealed record PlaceInput(string? Name, string? Kind, string? Address, string? CommuneCode, string? Phone, int? Version = null);

/// <summary>
/// The coordinator enrols a professional adhérent as an effector (its name, RPPS and profession copied from the directory, so the SAS finds
/// it by its IDNPS) or withdraws it; and enrols an adhérent as a registrar with the origin its bookings carry.
/// </summary>
public sealed class EnrollEffector(MaillageDbContext db, SnpAccess access, MemberRoll roll, DirectoryLookup directory, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<Effector>> RunAsync(Guid cptsId, Guid? memberId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<Effector>.Fail(scope.Errors);
        }

        var member = await roll.EligibleAsync(cptsId, memberId, "memberId", ct);
        if (!member.Succeeded)
        {
            return Result<Effector>.Fail(member.Errors);
        }

        var m = member.Value!;
        var card = m.Rpps is { } rpps && await directory.ProfessionalIdAsync(rpps, ct) is { } professionalId
            ? (await directory.ProfessionalsAsync([professionalId], ct)).GetValueOrDefault(professionalId) : null;
        if (card is null)
        {
            return new Error("not_a_professional", "Seul un professionnel de santé adhérent, avec son RPPS dans l'annuaire, peut ouvrir des créneaux.", "memberId");
        }

        var existing = await db.Effectors().FirstOrDefaultAsync(e => e.MemberId == m.Id, ct);
        if (existing is { Active: true })
        {
            return new Error("already_effector", $"{card.FirstName} {card.LastName} est déjà effecteur de la CPTS.", "memberId", ErrorKind.Conflict);
        }

        var effector = existing ?? new Effector { Id = Guid.NewGuid(), CptsId = cptsId, MemberId = m.Id };
        (effector.Rpps, effector.FamilyName, effector.GivenName, effector.ProfessionCode, effector.SpecialtyCode, effector.Active, effector.EnrolledAt) =
            (card.Rpps, card.LastName, card.FirstName, card.ProfessionCode, card.SpecialtyCode, true, clock.GetUtcNow());
        if (existing is null)
        {
            db.Effectors().Add(effector);
        }

        audit.Record(actor, cptsId, "snp.effector-enrolled", $"Effecteur {effector.Id} : adhérent {m.Id}, profession {card.ProfessionCode}.");
        return await db.SaveAsync(effector, ct, taken: new Error("already_effector", "Cet adhérent vient d'être inscrit comme effecteur.", "memberId", ErrorKind.Conflict));
    }

    /// <summary>Withdraws an effector: its future free slots are withdrawn; refused while it has booked slots to come (listed).</summary>
    public async Task<Result<Effector>> WithdrawAsync(Guid cptsId, Guid effectorId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<Effector>.Fail(scope.Errors);
        }

        var effector = await db.Effectors().FirstOrDefaultAsync(e => e.Id == effectorId, ct);
        if (effector is null)
        {
            return Error.NotFound("Effecteur");
        }

        var now = clock.GetUtcNow();
        var future = await db.Slots().Where(s => s.EffectorId == effectorId && s.WithdrawnAt == null && s.Start > now).ToListAsync(ct);
        var ids = future.Select(s => s.Id).ToList();
        var booked = await db.Bookings().Where(b => ids.Contains(b.SlotId) && b.CancelledAt == null).Select(b => b.SlotId).ToListAsync(ct);
        if (booked.Count > 0)
        {
            var clockHere = scope.Value!.Tenant.Clock;
            return Result<Effector>.Fail(future.Where(s => booked.Contains(s.Id)).OrderBy(s => s.Start).Select(s => new Error("slot_booked",
                $"Le créneau du {SlotText.When(s.Start, clockHere)} est réservé : annulez ou déplacez la réservation d'abord.", "effectorId", ErrorKind.Conflict)));
        }

        foreach (var slot in future)
        {
            slot.WithdrawnAt = now;
        }

        effector.Active = false;
        audit.Record(actor, cptsId, "snp.effector-withdrawn", $"Effecteur {effector.Id} retiré ; {future.Count} créneaux libres retirés.");
        return await db.SaveAsync(effector, ct);
    }
}

/// <summary>The coordinator enrols an adhérent as a registrar (pharmacist, nurse, platform operator), or withdraws it.</summary>
public sealed class EnrollRegistrar(MaillageDbContext db, SnpAccess access, MemberRoll roll, AuditTrail audit)
{
    public async Task<Result<Registrar>> RunAsync(Guid cptsId, Guid? memberId, string? origin, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!scope.Succeeded)
        {
            return Result<Registrar>.Fail(scope.Errors);
        }

        var member = await roll.EligibleAsync(cptsId, memberId, "memberId", ct);
        var parsed = SnpInput.Origin(origin, "origin");
        if (!member.Succeeded || !parsed.Succeeded)
        {
            return Result<Registrar>.Fail([.. member.Errors, .. parsed.Errors]);
        }

        var registrar = await db.Registrars().FirstOrDefaultAsync(r => r.MemberId == member.Value!.Id, ct);
        if (registrar is null)
        {
            registrar = new Registrar { Id = Guid.NewGuid(), CptsId = cptsId, MemberId = member.Value!.Id };
            db.Registrars().Add(registrar);
        }

        (registrar.Origin, registrar.Active) = (parsed.Value, true);
        audit.Record(actor, cptsId, "snp.registrar-enrolled", $"Régulateur {registrar.Id} : adhérent {registrar.MemberId}, origine {parsed.Value}.");
        return await db.SaveAsync(registrar, ct);
    }
}

/// <summary>The coordinator records the places of consultation (a practice, an MSP, the CPTS's unscheduled-care centre).</summary>
public sealed class SavePlace(MaillageDbContext db, SnpAccess access, GeoCatalog geo, AuditTrail audit)
{
    public async Task<Result<SnpPlace>> RunAsync(Guid cptsId, Guid? placeId, PlaceInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.RequireAsync(cptsId, actor, s => s.Manages || s.IsEffector, ct);
        if (!scope.Succeeded)
        {
            return Result<SnpPlace>.Fail(scope.Errors);
        }

        var errors = new List<Error>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add(new Error("name_required", "Nommez le lieu (par exemple « Cabinet du Dr Martin » ou « Centre de soins non programmés »).", "name"));
        }

        var kind = SnpInput.PlaceKind(input.Kind, "kind");
        errors.AddRange(kind.Errors);
        var address = input.Address?.Trim() ?? "";
        if (address.Length is 0 or > 300)
        {
            errors.Add(new Error("address_required", "Indiquez l'adresse du lieu, imprimée sur la confirmation du patient.", "address"));
        }

        var commune = input.CommuneCode?.Trim().ToUpperInvariant() ?? "";
        if (geo.Find(commune) is not { IsTerritoryUnit: true })
        {
            errors.Add(new Error("unknown_commune", $"« {input.CommuneCode} » n'est pas le code INSEE d'une commune.", "communeCode"));
        }

        if (errors.Count > 0)
        {
            return Result<SnpPlace>.Fail(errors);
        }

        var place = placeId is { } id ? await db.SnpPlaces().FirstOrDefaultAsync(p => p.Id == id, ct) : new SnpPlace { Id = Guid.NewGuid(), CptsId = cptsId };
        if (place is null)
        {
            return Error.NotFound("Lieu");
        }

        if (placeId is not null)
        {
            if (input.Version is { } v && v != place.Version)
            {
                return Error.Stale();
            }
        }
        else
        {
            db.SnpPlaces().Add(place);
        }

        (place.Name, place.Kind, place.Address, place.CommuneCode, place.Phone) =
            (name, kind.Value, address, commune, string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim());
        audit.Record(actor, cptsId, placeId is null ? "snp.place-added" : "snp.place-changed", $"Lieu {place.Id} : « {name} », commune {commune}.");
        return await db.SaveAsync(place, ct, taken: new Error("place_taken", $"Un lieu s'appelle déjà « {name} ».", "name", ErrorKind.Conflict));
    }
}
