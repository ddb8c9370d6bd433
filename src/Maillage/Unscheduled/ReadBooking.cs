using Maillage.Lifecycle.Published;
using Maillage.Membership.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled;

/// <summary>A booking with its slot, effector and place, read at the CPTS's hour.</summary>
public sealed record BookingView(Booking Booking, Slot Slot, Effector Effector, SnpPlace Place, LocalClock Clock, string CptsName)
{
    public override string ToString() => $"view of {Booking}";
}

/// <summary>
/// One booking with the patient's identity, for the registrar who booked it, the effector of its slot and the coordinator only. Every read
/// is audited (<c>snp.booking-read</c>, the booking's id and nothing of the patient).
/// </summary>
public sealed class ReadBooking(MaillageDbContext db, SnpAccess access, AuditTrail audit)
{
    public async Task<Result<BookingView>> RunAsync(Guid cptsId, Guid bookingId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<BookingView>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var booking = await db.Bookings().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        var slot = booking is null ? null : await db.Slots().AsNoTracking().FirstOrDefaultAsync(s => s.Id == booking.SlotId, ct);
        if (booking is null || slot is null)
        {
            return Error.NotFound("Réservation");
        }

        if (!MayRead(scope, booking, slot, actor))
        {
            return Error.Forbidden();
        }

        var effector = await db.Effectors().AsNoTracking().FirstAsync(e => e.Id == slot.EffectorId, ct);
        var place = await db.SnpPlaces().AsNoTracking().FirstAsync(p => p.Id == slot.PlaceId, ct);
        audit.Record(actor, cptsId, "snp.booking-read", $"Réservation {booking.Id} consultée.");
        await db.SaveChangesAsync(ct);
        return Result<BookingView>.Ok(new BookingView(booking, slot, effector, place, scope.Tenant.Clock, scope.Tenant.Name));
    }

    /// <summary>The registrar who booked, the effector of the slot, the coordinator.</summary>
    public static bool MayRead(SnpScope scope, Booking booking, Slot slot, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(booking);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(actor);
        return scope.Manages || booking.BookedById == actor.UserId || (scope.Effector is { Active: true } e && e.Id == slot.EffectorId);
    }
}

/// <summary>A slot of an agenda with its live booking, if any (the patient shown only to the effector and the coordinator).</summary>
public sealed record AgendaSlot(Slot Slot, SnpPlace Place, Booking? Booking);

/// <summary>An effector's week: its slots by day, its patterns, its places, the day's bookings, and the effectors a coordinator may choose.</summary>
public sealed record AgendaView(SnpScope Scope, Effector Effector, DateOnly WeekStart, IReadOnlyList<AgendaSlot> Slots, IReadOnlyList<SlotPattern> Patterns,
    IReadOnlyList<SnpPlace> Places, IReadOnlyList<AgendaSlot> Today, IReadOnlyList<AgendaSlot> WithoutOutcome, IReadOnlyList<Effector> Effectors);

/// <summary>What the coordinator runs: places, effectors with their patterns, registrars, and the adhérents who may be enrolled.</summary>
public sealed record SnpOverview(SnpScope Scope, IReadOnlyList<SnpPlace> Places, IReadOnlyList<(Effector Effector, IReadOnlyList<SlotPattern> Patterns)> Effectors,
    IReadOnlyList<(Registrar Registrar, string Name)> Registrars, IReadOnlyList<MemberRef> Members);

/// <summary>A booking in a list (registrar's, effector's, coordinator's), with its slot, effector and place.</summary>
public sealed record BookingLine(Booking Booking, Slot Slot, string EffectorName, SnpPlace Place);

/// <summary>
/// The lists of unscheduled care, each for those who may read it: the coordinator's overview, an effector's agenda (its own; the
/// coordinator's choice), the bookings a reader may see. Lists carrying patients are audited (<c>snp.agenda-read</c>, <c>snp.bookings-read</c>).
/// </summary>
public sealed class ReadSnp(MaillageDbContext db, SnpAccess access, MemberRoll roll, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<SnpOverview>> OverviewAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.RequireAsync(cptsId, actor, s => s.Manages, ct);
        if (!found.Succeeded)
        {
            return Result<SnpOverview>.Fail(found.Errors);
        }

        var places = await db.SnpPlaces().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        var effectors = await db.Effectors().AsNoTracking().OrderBy(e => e.FamilyName).ThenBy(e => e.GivenName).ToListAsync(ct);
        var patterns = await db.SlotPatterns().AsNoTracking().Include(p => p.Absences).ToListAsync(ct);
        var registrars = await db.Registrars().AsNoTracking().ToListAsync(ct);
        var members = await roll.AllAsync(cptsId, ct);
        return Result<SnpOverview>.Ok(new SnpOverview(found.Value!, places,
            [.. effectors.Select(e => (e, (IReadOnlyList<SlotPattern>)[.. patterns.Where(p => p.EffectorId == e.Id).OrderBy(p => p.ValidFrom)]))],
            [.. registrars.Select(r => (r, members.GetValueOrDefault(r.MemberId)?.Name ?? "—")).OrderBy(r => r.Item2, StringComparer.Ordinal)],
            [.. members.Values.Where(m => m.Eligible).OrderBy(m => m.Name, StringComparer.Ordinal)]));
    }

    /// <summary>The week (from its Monday) of an effector: the actor's own, or the one the coordinator chooses (the first when none).</summary>
    public async Task<Result<AgendaView>> AgendaAsync(Guid cptsId, Guid? effectorId, DateOnly? week, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.RequireAsync(cptsId, actor, s => s.Manages || s.IsEffector, ct);
        if (!found.Succeeded)
        {
            return Result<AgendaView>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var effectors = scope.Manages
            ? await db.Effectors().AsNoTracking().Where(e => e.Active).OrderBy(e => e.FamilyName).ThenBy(e => e.GivenName).ToListAsync(ct)
            : [scope.Effector!];
        var effector = effectorId is { } id ? effectors.FirstOrDefault(e => e.Id == id) : scope.Effector is { Active: true } own ? own : effectors.FirstOrDefault();
        if (effector is null)
        {
            return effectorId is null ? new Error("no_effector", "Aucun effecteur n'est encore inscrit : inscrivez-en un sur la page « Soins non programmés ».", "effectorId")
                : scope.Manages ? Error.NotFound("Effecteur") : Error.Forbidden();
        }

        var here = scope.Tenant.Clock;
        var day = week ?? scope.Today;
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var (weekFrom, weekTo) = (here.StartOf(monday), here.StartOf(monday.AddDays(7)));
        var (todayFrom, todayTo) = (here.StartOf(scope.Today), here.StartOf(scope.Today.AddDays(1)));
        var now = clock.GetUtcNow();
        var places = await db.SnpPlaces().AsNoTracking().ToListAsync(ct);
        var rows = await (from s in db.Slots().AsNoTracking()
                          where s.EffectorId == effector.Id && s.WithdrawnAt == null && ((s.Start >= weekFrom && s.Start < weekTo) || (s.Start >= todayFrom && s.Start < todayTo))
                          orderby s.Start
                          select s).ToListAsync(ct);
        var ids = rows.Select(s => s.Id).ToList();
        var bookings = await db.Bookings().AsNoTracking().Where(b => ids.Contains(b.SlotId) && b.CancelledAt == null).ToListAsync(ct);
        // Past bookings still waiting for their outcome, whatever their week.
        var pending = await (from b in db.Bookings().AsNoTracking()
                             join s in db.Slots().AsNoTracking() on b.SlotId equals s.Id
                             where s.EffectorId == effector.Id && b.CancelledAt == null && b.Outcome == null && s.Start < now
                             orderby s.Start
                             select new { b, s }).Take(100).ToListAsync(ct);
        AgendaSlot Of(Slot s, Booking? b) => new(s, places.First(p => p.Id == s.PlaceId), b);
        var all = rows.Select(s => Of(s, bookings.FirstOrDefault(b => b.SlotId == s.Id))).ToList();
        var patterns = await db.SlotPatterns().AsNoTracking().Include(p => p.Absences).Where(p => p.EffectorId == effector.Id).OrderBy(p => p.ValidFrom).ToListAsync(ct);
        var view = new AgendaView(scope, effector, monday, [.. all.Where(a => a.Slot.Start >= weekFrom && a.Slot.Start < weekTo)], patterns,
            [.. places.Where(p => p.Active).OrderBy(p => p.Name)], [.. all.Where(a => a.Booking is not null && a.Slot.Start >= todayFrom && a.Slot.Start < todayTo)],
            [.. pending.Select(x => Of(x.s, x.b))], effectors);
        if (all.Any(a => a.Booking is not null) || pending.Count > 0)
        {
            audit.Record(actor, cptsId, "snp.agenda-read", $"Agenda de l'effecteur {effector.Id}, semaine du {Maillage.Platform.French.Date(monday)}.");
            await db.SaveChangesAsync(ct);
        }

        return Result<AgendaView>.Ok(view);
    }

    /// <summary>
    /// Bookings the reader may see, newest slot first: the coordinator all of the CPTS, an effector those of its slots, a registrar those it
    /// made; from <paramref name="since"/> (default: 30 days ago).
    /// </summary>
    public async Task<Result<IReadOnlyList<BookingLine>>> BookingsAsync(Guid cptsId, Actor actor, DateTimeOffset? since = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.RequireAsync(cptsId, actor, s => s.Books || s.IsEffector, ct);
        if (!found.Succeeded)
        {
            return Result<IReadOnlyList<BookingLine>>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var earliest = since ?? clock.GetUtcNow().AddDays(-30);
        var effectorId = scope.Effector is { Active: true } e ? e.Id : (Guid?)null;
        var rows = await (from b in db.Bookings().AsNoTracking()
                          join s in db.Slots().AsNoTracking() on b.SlotId equals s.Id
                          join f in db.Effectors().AsNoTracking() on s.EffectorId equals f.Id
                          join p in db.SnpPlaces().AsNoTracking() on s.PlaceId equals p.Id
                          where s.Start >= earliest && (scope.Manages || b.BookedById == actor.UserId || s.EffectorId == effectorId)
                          orderby s.Start descending
                          select new { b, s, f.GivenName, f.FamilyName, p }).Take(500).ToListAsync(ct);
        if (rows.Count > 0)
        {
            audit.Record(actor, cptsId, "snp.bookings-read", $"{rows.Count} réservations listées.");
            await db.SaveChangesAsync(ct);
        }

        return Result<IReadOnlyList<BookingLine>>.Ok([.. rows.Select(r => new BookingLine(r.b, r.s, $"{r.GivenName} {r.FamilyName}".Trim(), r.p))]);
    }

    /// <summary>The reader's standing (effector, registrar, coordinator) in a CPTS it may read.</summary>
    public Task<Result<SnpScope>> ScopeAsync(Guid cptsId, Actor actor, CancellationToken ct = default) => access.ResolveAsync(cptsId, actor, ct);
}

/// <summary>The standing of a reader already resolved as a tenant (the workspace's homes and navigation), without resolving the CPTS again.</summary>
public sealed class SnpStanding(MaillageDbContext db)
{
    public async Task<SnpScope> OfAsync(Tenant tenant, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        Effector? effector = null;
        Registrar? registrar = null;
        if (tenant.ClaimedMemberId is { } memberId)
        {
            effector = await db.Effectors().AsNoTracking().FirstOrDefaultAsync(e => e.CptsId == tenant.Id && e.MemberId == memberId, ct);
            registrar = await db.Registrars().AsNoTracking().FirstOrDefaultAsync(r => r.CptsId == tenant.Id && r.MemberId == memberId, ct);
        }

        return new SnpScope(tenant, effector, registrar);
    }
}
