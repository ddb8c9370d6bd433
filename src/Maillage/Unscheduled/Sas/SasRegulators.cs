using System.Security.Cryptography;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled.Sas;

/// <summary>
/// A regulator as the SAS describes it (<c>FrPractitionerRegul</c>, docs/sas-guide.md §6.2), already checked for form: at least one of the
/// two ids, names, an e-mail address, whether the habilitation is active.
/// </summary>
public sealed record RegulatorInput(string? NationalId, string? TechnicalId, string FamilyName, string GivenName, string Email, bool Active)
{
    // Personal data: never in logs.
    public override string ToString() => "regulator";
}

/// <summary>The id a conditional update addresses the regulator by: the national one (IDNPS) or the SAS's technical one.</summary>
public sealed record RegulatorKey(bool National, string Value);

/// <summary>The regulator saved, and whether this request created it (201) or updated it (200).</summary>
public sealed record RegulatorSaved(SasRegulator Regulator, bool Created);

/// <summary>
/// Creates and updates the accounts of SAS regulators (INT_R02, docs/sas.md). A creation opens a platform account — a member of no CPTS,
/// whose e-mail is its user name, with a generated password the regulator replaces through « mot de passe oublié », no confirmation mail —
/// and the <see cref="SasRegulator"/> row, in one transaction. An update finds the regulator by the id the SAS addresses it with (or, when
/// unknown there, by the body's ids; unknown everywhere, it creates it), replaces names, e-mail and ids by the body's (an id the body leaves
/// out is kept: the old technical id stays a key once a national id arrives, reading 13), and <c>active</c> = false disables the account
/// (the platform's far-future lockout, as an administrator's disabling) and withdraws the habilitation; true gives both back. Two
/// concurrent creations of one regulator end as one account: the unique keys refuse the second, which is then run again as an update.
/// Every change is audited without personal data.
/// </summary>
public sealed class SaveSasRegulator(MaillageDbContext db, UserManager<MaillageUser> users, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The regulator at the address the SAS was given (<c>Location: /fhir/Practitioner/&lt;id&gt;</c>), active or not; null when unknown.</summary>
    public Task<SasRegulator?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.SasRegulators().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    /// <summary>The platform's <c>POST /fhir/Practitioner</c>: a regulator already known by one of the body's ids is updated instead.</summary>
    public Task<Result<RegulatorSaved>> CreateAsync(RegulatorInput input, Actor actor, CancellationToken ct = default) => RunAsync(null, input, actor, ct);

    /// <summary>The platform's conditional <c>PUT /fhir/Practitioner?identifier=…</c>: update, or create when nobody has that id.</summary>
    public Task<Result<RegulatorSaved>> UpdateAsync(RegulatorKey key, RegulatorInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return RunAsync(key, input, actor, ct);
    }

    private async Task<Result<RegulatorSaved>> RunAsync(RegulatorKey? key, RegulatorInput input, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (input.NationalId is null && input.TechnicalId is null)
        {
            return new Error("identifier_required", "Le régulateur doit porter un identifiant national ou l'identifiant technique du SAS.", "identifier");
        }

        try
        {
            var first = await OnceAsync(key, input, actor, ct);
            if (first.Succeeded || first.Errors[0].Code != "email_taken")
            {
                return first;
            }
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The unique keys refused the second of two concurrent creations: retried below.
        }

        // Another request created the same regulator meanwhile (its account or its keys were refused, or its e-mail appeared between our
        // reads): run again, it now finds what the other wrote — or the e-mail is really another account's, and says so.
        db.ChangeTracker.Clear();
        return await OnceAsync(key, input, actor, ct);
    }

    private async Task<Result<RegulatorSaved>> OnceAsync(RegulatorKey? key, RegulatorInput input, Actor actor, CancellationToken ct)
    {
        // On SQLite the transaction takes the write lock at once, so two creations run one after the other; on PostgreSQL the unique keys
        // refuse the second (see RunAsync).
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var found = key is null ? [] : await db.SasRegulators()
            .Where(r => key.National ? r.NationalId == key.Value : r.TechnicalId == key.Value).ToListAsync(ct);
        if (found.Count == 0)
        {
            found = await db.SasRegulators()
                .Where(r => (input.NationalId != null && r.NationalId == input.NationalId) || (input.TechnicalId != null && r.TechnicalId == input.TechnicalId))
                .ToListAsync(ct);
        }

        if (found.Count > 1)
        {
            return new Error("ambiguous_regulator", "Plusieurs comptes de régulateur répondent à ces identifiants : précisez-en un seul.", "identifier", ErrorKind.Conflict);
        }

        var saved = found.Count == 0 ? await OpenAsync(input, actor, ct) : await ChangeAsync(found[0], input, actor, ct);
        if (saved.Succeeded)
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return saved;
    }

    private async Task<Result<RegulatorSaved>> OpenAsync(RegulatorInput input, Actor actor, CancellationToken ct)
    {
        if (await EmailTakenAsync(input.Email, null) is { } taken)
        {
            return taken;
        }

        var user = new MaillageUser
        {
            UserName = input.Email, Email = input.Email, EmailConfirmed = true, DisplayName = Name(input), Role = Role.Member,
        };
        var created = await users.CreateAsync(user, GeneratedPassword());
        if (!created.Succeeded)
        {
            return Refused(created);
        }

        var now = clock.GetUtcNow();
        var regulator = new SasRegulator
        {
            Id = Guid.NewGuid(), UserId = user.Id, NationalId = input.NationalId, TechnicalId = input.TechnicalId, FamilyName = input.FamilyName,
            GivenName = input.GivenName, Email = input.Email, Active = true, CreatedAt = now, UpdatedAt = now,
        };
        db.SasRegulators().Add(regulator);
        audit.Record(actor, null, "sas.regulator-created", $"Régulateur SAS {regulator.Id} créé (compte {user.Id}).");
        if (!input.Active)
        {
            await SetActiveAsync(regulator, user, false, actor);
        }

        return Result<RegulatorSaved>.Ok(new RegulatorSaved(regulator, true));
    }

    private async Task<Result<RegulatorSaved>> ChangeAsync(SasRegulator regulator, RegulatorInput input, Actor actor, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(regulator.UserId);
        if (user is null)
        {
            return Error.NotFound("Compte du régulateur");
        }

        var nationalId = input.NationalId ?? regulator.NationalId;
        var technicalId = input.TechnicalId ?? regulator.TechnicalId;
        var clash = await db.SasRegulators().AnyAsync(r => r.Id != regulator.Id
            && ((nationalId != null && r.NationalId == nationalId) || (technicalId != null && r.TechnicalId == technicalId)), ct);
        if (clash)
        {
            return new Error("identifier_taken", "Un autre compte de régulateur porte déjà cet identifiant.", "identifier", ErrorKind.Conflict);
        }

        if (!string.Equals(user.Email, input.Email, StringComparison.OrdinalIgnoreCase) || user.DisplayName != Name(input))
        {
            if (await EmailTakenAsync(input.Email, user.Id) is { } taken)
            {
                return taken;
            }

            (user.Email, user.UserName, user.DisplayName) = (input.Email, input.Email, Name(input));
            var changed = await users.UpdateAsync(user);
            if (!changed.Succeeded)
            {
                return Refused(changed);
            }
        }

        var idsChanged = nationalId != regulator.NationalId || technicalId != regulator.TechnicalId;
        (regulator.NationalId, regulator.TechnicalId, regulator.FamilyName, regulator.GivenName, regulator.Email, regulator.UpdatedAt) =
            (nationalId, technicalId, input.FamilyName, input.GivenName, input.Email, clock.GetUtcNow());
        audit.Record(actor, null, "sas.regulator-updated", $"Régulateur SAS {regulator.Id} mis à jour" + (idsChanged ? " (identifiants changés)." : "."));
        if (input.Active != regulator.Active || input.Active == user.IsDisabled())
        {
            await SetActiveAsync(regulator, user, input.Active, actor);
        }

        return Result<RegulatorSaved>.Ok(new RegulatorSaved(regulator, false));
    }

    /// <summary>Withdraws or gives back the habilitation, and disables or enables the account as an administrator would.</summary>
    private async Task SetActiveAsync(SasRegulator regulator, MaillageUser user, bool active, Actor actor)
    {
        regulator.Active = active;
        if (active)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
        }
        else
        {
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, AccountLocks.Forever);
            await users.UpdateSecurityStampAsync(user);
        }

        audit.Record(actor, null, active ? "sas.regulator-enabled" : "sas.regulator-disabled",
            (active ? "Régulateur SAS réactivé : " : "Régulateur SAS désactivé : ") + $"{regulator.Id} (compte {user.Id}).");
    }

    /// <summary>A refusal when another account already signs in with this address (422).</summary>
    private async Task<Error?> EmailTakenAsync(string email, string? ownUserId)
    {
        var other = await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);
        if (other is null || other.Id == ownUserId)
        {
            return null;
        }

        var ofRegulator = await db.SasRegulators().AnyAsync(r => r.UserId == other.Id);
        return new Error("email_taken", ofRegulator
            ? "Cette adresse e-mail est déjà celle d'un autre régulateur de la plateforme."
            : "Cette adresse e-mail est déjà celle d'un autre compte de la plateforme : le régulateur ne peut pas la reprendre.", "telecom", ErrorKind.Conflict);
    }

    private static Error Refused(IdentityResult result)
    {
        var first = result.Errors.First();
        return first.Code.StartsWith("Duplicate", StringComparison.Ordinal)
            ? new Error("email_taken", "Cette adresse e-mail est déjà celle d'un autre compte de la plateforme.", "telecom", ErrorKind.Conflict)
            : new Error(first.Code, first.Description, first.Code.Contains("Email", StringComparison.Ordinal) || first.Code.Contains("UserName", StringComparison.Ordinal) ? "telecom" : null);
    }

    private static string Name(RegulatorInput input) => $"{input.GivenName} {input.FamilyName}".Trim();

    /// <summary>A password nobody knows (the regulator sets its own through « mot de passe oublié »), meeting the platform's rules.</summary>
    private static string GeneratedPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)) + "aZ9!";
}

/// <summary>A slot offered to the SAS, as the regulator who opened its address sees it before booking.</summary>
public sealed record RegulatorSlot(Slot Slot, Effector Effector, SnpPlace Place, Maillage.Platform.Time.LocalClock Clock, DateOnly Today, bool Free);

/// <summary>
/// What a SAS regulator does on the platform, and nothing more (docs/sas-guide.md §6.3): accept the terms at the first sign-in, see the slot
/// it opened from the SAS, and read the confirmation of the bookings it made (audited, <c>snp.booking-read</c>). The regulator is no member
/// of the CPTS: the platform resolves the CPTS for it.
/// </summary>
public sealed class SasRegulatorDesk(MaillageDbContext db, Maillage.Lifecycle.Published.Tenancy tenancy, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The regulator whose account this is, or null (any other account).</summary>
    public async Task<SasRegulator?> OfAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.Role == Role.Member && actor.CptsId is null
            ? await db.SasRegulators().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == actor.UserId, ct)
            : null;
    }

    /// <summary>Records that the regulator accepted the platform's terms (once; audited).</summary>
    public async Task<Result<SasRegulator>> AcceptTermsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var regulator = await db.SasRegulators().ActiveOf(actor).FirstOrDefaultAsync(ct);
        if (regulator is null)
        {
            return Error.Forbidden();
        }

        if (regulator.TermsAcceptedAt is not null)
        {
            return Result<SasRegulator>.Ok(regulator);
        }

        regulator.TermsAcceptedAt = clock.GetUtcNow();
        audit.Record(actor, null, "sas.terms-accepted", $"Conditions d'utilisation acceptées par le régulateur SAS {regulator.Id}.");
        return await db.SaveAsync(regulator, ct);
    }

    /// <summary>The slot the regulator opened: offered to the SAS and not withdrawn (free or not: a slot just won is told apart).</summary>
    public async Task<Result<RegulatorSlot>> SlotAsync(Guid cptsId, Guid slotId, Actor actor, CancellationToken ct = default)
    {
        var tenant = await TenantAsync(cptsId, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<RegulatorSlot>.Fail(tenant.Errors);
        }

        var slot = await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct);
        if (slot is null || !SasAudience.Offered(slot))
        {
            return Error.NotFound("Créneau");
        }

        var effector = await db.Effectors().AsNoTracking().FirstAsync(e => e.Id == slot.EffectorId, ct);
        var place = await db.SnpPlaces().AsNoTracking().FirstAsync(p => p.Id == slot.PlaceId, ct);
        var booked = await db.Bookings().AnyAsync(b => b.SlotId == slot.Id && b.CancelledAt == null, ct);
        var here = tenant.Value!;
        return Result<RegulatorSlot>.Ok(new RegulatorSlot(slot, effector, place, here.Clock, here.Today, !booked && slot.Start > clock.GetUtcNow()));
    }

    /// <summary>The confirmation of a booking this regulator made; every read audited.</summary>
    public async Task<Result<BookingView>> ReadBookingAsync(Guid cptsId, Guid bookingId, Actor actor, CancellationToken ct = default)
    {
        var regulator = await db.SasRegulators().AsNoTracking().ActiveOf(actor).FirstOrDefaultAsync(ct);
        var tenant = await TenantAsync(regulator, cptsId, ct);
        if (!tenant.Succeeded)
        {
            return Result<BookingView>.Fail(tenant.Errors);
        }

        var booking = await db.Bookings().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        var slot = booking is null ? null : await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == booking.SlotId, ct);
        if (booking is null || slot is null)
        {
            return Error.NotFound("Réservation");
        }

        if (booking.RegulatorId != regulator!.Id)
        {
            return Error.Forbidden();
        }

        var effector = await db.Effectors().AsNoTracking().FirstAsync(e => e.Id == slot.EffectorId, ct);
        var place = await db.SnpPlaces().AsNoTracking().FirstAsync(p => p.Id == slot.PlaceId, ct);
        audit.Record(actor, cptsId, "snp.booking-read", $"Réservation {booking.Id} consultée.");
        await db.SaveChangesAsync(ct);
        return Result<BookingView>.Ok(new BookingView(booking, slot, effector, place, tenant.Value!.Clock, tenant.Value.Name));
    }

    /// <summary>The CPTS resolved by the platform for an active regulator; forbidden to anyone else.</summary>
    private async Task<Result<Maillage.Lifecycle.Published.Tenant>> TenantAsync(Guid cptsId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await TenantAsync(await db.SasRegulators().AsNoTracking().ActiveOf(actor).FirstOrDefaultAsync(ct), cptsId, ct);
    }

    private async Task<Result<Maillage.Lifecycle.Published.Tenant>> TenantAsync(SasRegulator? active, Guid cptsId, CancellationToken ct) =>
        active is null ? Error.Forbidden() : await tenancy.ForPlatformAsync(cptsId, ct);
}

/// <summary>The one way to find the regulator an account stands for while it may act (<c>Practitioner.active</c>).</summary>
public static class SasRegulatorQueries
{
    public static IQueryable<SasRegulator> ActiveOf(this IQueryable<SasRegulator> regulators, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return regulators.Where(r => r.UserId == actor.UserId && r.Active);
    }
}
