using Maillage.Lifecycle.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maillage.Unscheduled;

/// <summary>One slot as typed: its local day and hour, length, place, kind and audience.</summary>
public sealed record SlotInput(Guid? EffectorId, Guid? PlaceId, DateOnly? Day, string? StartTime, int? Minutes, string? Kind, IEnumerable<string?>? Audience);

/// <summary>A weekly pattern as typed (weekdays 1 = Monday … 7 = Sunday), with its exceptions.</summary>
public sealed record PatternInput(Guid? EffectorId, Guid? PlaceId, IEnumerable<int>? Weekdays, string? StartTime, string? EndTime, int? SlotMinutes,
    string? Kind, IEnumerable<string?>? Audience, DateOnly? ValidFrom, DateOnly? ValidTo, IReadOnlyList<AbsenceInput>? Absences, int? Version = null);

/// <summary>Days a pattern does not apply, as typed.</summary>
public sealed record AbsenceInput(DateOnly? From, DateOnly? To, string? Reason);

/// <summary>What saving a pattern did: the slots it opened and withdrew.</summary>
public sealed record PatternSaved(SlotPattern Pattern, int Opened, int Withdrawn);

/// <summary>The effector (or the coordinator for it) opens one slot, or withdraws a free one.</summary>
public sealed class OpenSlot(MaillageDbContext db, SnpAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<Slot>> RunAsync(Guid cptsId, SlotInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Slot>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var effectorId = input.EffectorId ?? scope.Effector?.Id;
        if (effectorId is not { } eid || !scope.KeepsAgendaOf(eid))
        {
            return scope.Manages ? new Error("effector_required", "Choisissez l'effecteur.", "effectorId") : Error.Forbidden();
        }

        var errors = new List<Error>();
        var effector = await db.Effectors().FirstOrDefaultAsync(e => e.Id == eid && e.Active, ct);
        if (effector is null)
        {
            errors.Add(new Error("unknown_effector", "Cet effecteur n'est pas (ou plus) inscrit dans la CPTS.", "effectorId"));
        }

        var place = await SlotChecks.PlaceAsync(db, input.PlaceId, errors, ct);
        var kind = SnpInput.Kind(input.Kind, "kind");
        var audience = SnpInput.Audience(input.Audience, "audience");
        errors.AddRange(kind.Errors);
        errors.AddRange(audience.Errors);
        var time = SnpInput.Time(input.StartTime);
        if (input.Day is null)
        {
            errors.Add(new Error("day_required", "Indiquez le jour du créneau.", "day"));
        }

        if (time is null)
        {
            errors.Add(new Error("start_required", "Indiquez l'heure du créneau (par exemple 08:30).", "startTime"));
        }

        if (SnpRules.CheckLength(input.Minutes, "minutes") is { } length)
        {
            errors.Add(length);
        }

        var here = scope.Tenant.Clock;
        DateTimeOffset start = default;
        if (input.Day is { } day && time is { } t)
        {
            if (here.IsSkipped(day.ToDateTime(t)))
            {
                errors.Add(new Error("skipped_hour", $"{SnpRules.Hour(t)} n'existe pas le {Maillage.Platform.French.Date(day)} : on avance l'heure cette nuit-là.", "startTime"));
            }
            else
            {
                start = here.At(day, t);
                if (start <= clock.GetUtcNow())
                {
                    errors.Add(new Error("slot_past", "Ce créneau est déjà passé : ouvrez un créneau à venir.", "startTime"));
                }
            }
        }

        if (errors.Count > 0)
        {
            return Result<Slot>.Fail(errors);
        }

        var end = start.AddMinutes(input.Minutes!.Value);
        if (await SlotChecks.OverlappingAsync(db, eid, start, end, null, ct) is { } other)
        {
            return new Error("slot_overlap", $"Ce créneau chevauche celui du {SlotText.When(other.Start, here)}.", "startTime", ErrorKind.Conflict);
        }

        var slot = new Slot
        {
            Id = Guid.NewGuid(), CptsId = cptsId, EffectorId = eid, PlaceId = place!.Id, Start = start, End = end, Kind = kind.Value, Audience = audience.Value,
        };
        db.Slots().Add(slot);
        audit.Record(actor, cptsId, "snp.slot-opened", $"Créneau {slot.Id} : effecteur {eid}, {SlotText.When(start, here)}, {input.Minutes} min.");
        return await db.SaveAsync(slot, ct, taken: new Error("slot_overlap", "Un créneau commence déjà à cette heure.", "startTime", ErrorKind.Conflict));
    }

    /// <summary>Withdraws a free slot to come; a booked one is refused (the booking is cancelled or moved first).</summary>
    public async Task<Result<Slot>> WithdrawAsync(Guid cptsId, Guid slotId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Slot>.Fail(found.Errors);
        }

        var slot = await db.Slots().FirstOrDefaultAsync(s => s.Id == slotId && s.WithdrawnAt == null, ct);
        if (slot is null || !found.Value!.KeepsAgendaOf(slot.EffectorId))
        {
            return slot is null ? Error.NotFound("Créneau") : Error.Forbidden();
        }

        if (await db.Bookings().AnyAsync(b => b.SlotId == slotId && b.CancelledAt == null, ct))
        {
            return new Error("slot_booked", "Ce créneau est réservé : annulez ou déplacez la réservation avant de le retirer.", null, ErrorKind.Conflict);
        }

        slot.WithdrawnAt = clock.GetUtcNow();
        audit.Record(actor, cptsId, "snp.slot-withdrawn", $"Créneau {slot.Id} retiré.");
        return await db.SaveAsync(slot, ct);
    }
}

/// <summary>
/// The effector (or the coordinator) saves a weekly pattern: its slots are opened up to <see cref="SnpRules.HorizonDays"/> ahead. Editing
/// it re-plans the slots to come: free ones that no longer fit are withdrawn, new ones opened; a booked slot that would no longer fit is
/// never dropped — the save is refused and each booking in the way is named.
/// </summary>
public sealed class SavePattern(MaillageDbContext db, SnpAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<PatternSaved>> RunAsync(Guid cptsId, Guid? patternId, PatternInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<PatternSaved>.Fail(found.Errors);
        }

        var scope = found.Value!;
        SlotPattern? pattern = null;
        if (patternId is { } pid)
        {
            pattern = await db.SlotPatterns().Include(p => p.Absences).FirstOrDefaultAsync(p => p.Id == pid, ct);
            if (pattern is null)
            {
                return Error.NotFound("Semaine type");
            }

            if (!scope.KeepsAgendaOf(pattern.EffectorId))
            {
                return Error.Forbidden();
            }

            if (input.Version is { } v && v != pattern.Version)
            {
                return Error.Stale();
            }
        }

        var effectorId = pattern?.EffectorId ?? input.EffectorId ?? scope.Effector?.Id;
        if (effectorId is not { } eid || !scope.KeepsAgendaOf(eid))
        {
            return scope.Manages ? new Error("effector_required", "Choisissez l'effecteur.", "effectorId") : Error.Forbidden();
        }

        var here = scope.Tenant.Clock;
        var errors = new List<Error>();
        if (!await db.Effectors().AnyAsync(e => e.Id == eid && e.Active, ct))
        {
            errors.Add(new Error("unknown_effector", "Cet effecteur n'est pas (ou plus) inscrit dans la CPTS.", "effectorId"));
        }

        var place = await SlotChecks.PlaceAsync(db, input.PlaceId, errors, ct);
        var kind = SnpInput.Kind(input.Kind, "kind");
        var audience = SnpInput.Audience(input.Audience, "audience");
        errors.AddRange(kind.Errors);
        errors.AddRange(audience.Errors);
        var (start, end) = (SnpInput.Time(input.StartTime), SnpInput.Time(input.EndTime));
        var weekdays = SnpInput.Weekdays(input.Weekdays);
        errors.AddRange(SnpRules.Check(weekdays, start, end, input.SlotMinutes, input.ValidFrom, input.ValidTo,
            audience.Succeeded ? audience.Value : SlotAudience.Registrars, pattern is null ? scope.Today : DateOnly.MinValue));
        var exceptions = CheckAbsences(input.Absences ?? [], errors);
        if (errors.Count > 0)
        {
            return Result<PatternSaved>.Fail(errors);
        }

        if (pattern is null)
        {
            pattern = new SlotPattern { Id = Guid.NewGuid(), CptsId = cptsId, EffectorId = eid };
            db.SlotPatterns().Add(pattern);
        }
        else
        {
            db.RemoveRange(pattern.Absences);
            pattern.Absences.Clear();
            db.Entry(pattern).State = EntityState.Modified; // its version moves even when only its exceptions changed
        }

        (pattern.PlaceId, pattern.Weekdays, pattern.StartTime, pattern.EndTime, pattern.SlotMinutes, pattern.Kind, pattern.Audience, pattern.ValidFrom,
            pattern.ValidTo) = (place!.Id, weekdays, start!.Value, end!.Value, input.SlotMinutes!.Value, kind.Value, audience.Value, input.ValidFrom!.Value, input.ValidTo);
        pattern.Absences.AddRange(exceptions.Select(e => new PatternAbsence { Id = Guid.NewGuid(), PatternId = pattern.Id, From = e.From, To = e.To, Reason = e.Reason }));

        var plan = await SlotPlanning.PlanAsync(db, pattern, here, clock.GetUtcNow(), ct);
        if (plan.InTheWay.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Result<PatternSaved>.Fail(plan.InTheWay.Select(s => new Error("slot_booked",
                $"Le créneau du {SlotText.When(s.Start, here)} est réservé et ne tiendrait plus dans cette semaine type : annulez ou déplacez la réservation d'abord.",
                "pattern", ErrorKind.Conflict)));
        }

        plan.Apply(db, clock.GetUtcNow());
        audit.Record(actor, cptsId, patternId is null ? "snp.pattern-added" : "snp.pattern-changed",
            $"Semaine type {pattern.Id} : effecteur {eid}, {plan.Opened.Count} créneaux ouverts, {plan.Withdrawn.Count} retirés.");
        var refused = await db.SaveOrConflictAsync(ct);
        return refused is null ? Result<PatternSaved>.Ok(new PatternSaved(pattern, plan.Opened.Count, plan.Withdrawn.Count)) : refused;
    }

    /// <summary>Deletes a pattern: its free slots to come are withdrawn; refused while some of them are booked (named).</summary>
    public async Task<Result<int>> DeleteAsync(Guid cptsId, Guid patternId, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ResolveAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<int>.Fail(found.Errors);
        }

        var pattern = await db.SlotPatterns().FirstOrDefaultAsync(p => p.Id == patternId, ct);
        if (pattern is null || !found.Value!.KeepsAgendaOf(pattern.EffectorId))
        {
            return pattern is null ? Error.NotFound("Semaine type") : Error.Forbidden();
        }

        var now = clock.GetUtcNow();
        var here = found.Value.Tenant.Clock;
        var future = await db.Slots().Where(s => s.PatternId == patternId && s.WithdrawnAt == null && s.Start > now).ToListAsync(ct);
        var ids = future.Select(s => s.Id).ToList();
        var booked = await db.Bookings().Where(b => ids.Contains(b.SlotId) && b.CancelledAt == null).Select(b => b.SlotId).ToListAsync(ct);
        if (booked.Count > 0)
        {
            return Result<int>.Fail(future.Where(s => booked.Contains(s.Id)).OrderBy(s => s.Start).Select(s => new Error("slot_booked",
                $"Le créneau du {SlotText.When(s.Start, here)} est réservé : annulez ou déplacez la réservation d'abord.", "pattern", ErrorKind.Conflict)));
        }

        foreach (var slot in future)
        {
            slot.WithdrawnAt = now;
        }

        db.SlotPatterns().Remove(pattern);
        audit.Record(actor, cptsId, "snp.pattern-deleted", $"Semaine type {pattern.Id} supprimée ; {future.Count} créneaux libres retirés.");
        return await db.SaveOrConflictAsync(ct) is { } refused ? refused : Result<int>.Ok(future.Count);
    }

    private static List<(DateOnly From, DateOnly To, string Reason)> CheckAbsences(IReadOnlyList<AbsenceInput> exceptions, List<Error> errors)
    {
        var list = new List<(DateOnly, DateOnly, string)>();
        foreach (var (e, i) in exceptions.Select((e, i) => (e, i)))
        {
            if (e.From is null && e.To is null && string.IsNullOrWhiteSpace(e.Reason))
            {
                continue;
            }

            if (e.From is not { } from || (e.To ?? e.From) is not { } to || to < from)
            {
                errors.Add(new Error("invalid_exception", $"Absence n° {i + 1} : indiquez le premier et le dernier jour, le dernier après le premier.", "exceptions"));
                continue;
            }

            list.Add((from, to, string.IsNullOrWhiteSpace(e.Reason) ? "Absence" : e.Reason.Trim()[..Math.Min(200, e.Reason.Trim().Length)]));
        }

        return list;
    }
}

/// <summary>Keeps every pattern's slots opened up to the horizon; <see cref="SlotRollForwardWorker"/> runs it soon after start-up and then
/// every few hours.</summary>
public sealed class RollSlotsForward(MaillageDbContext db, Tenancy tenancy, TimeProvider clock)
{
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var patterns = await db.SlotPatterns().EveryCpts().Include(p => p.Absences).ToListAsync(ct);
        var opened = 0;
        foreach (var group in patterns.GroupBy(p => p.CptsId))
        {
            var tenant = await tenancy.ForPlatformAsync(group.Key, ct);
            if (!tenant.Succeeded)
            {
                continue;
            }

            foreach (var pattern in group)
            {
                var plan = await SlotPlanning.PlanAsync(db, pattern, tenant.Value!.Clock, now, ct, onlyOpen: true);
                if (plan.Opened.Count > 0)
                {
                    plan.Apply(db, now);
                    // The pattern's version moves with what it opened: an edit saved meanwhile (read before this) is refused as stale rather
                    // than leaving slots opened from the pattern it replaced, and this run is refused if the edit came first.
                    db.Entry(pattern).State = EntityState.Modified;
                    opened += plan.Opened.Count;
                }
            }

            // Another save of the same pattern may have opened the same slots meanwhile: the unique index refuses the duplicates, and the
            // next night tries again.
            if (await db.SaveOrConflictAsync(ct) is not null)
            {
                db.ChangeTracker.Clear();
            }
        }

        return opened;
    }
}

/// <summary>Checks shared by the slot use cases.</summary>
internal static class SlotChecks
{
    public static async Task<SnpPlace?> PlaceAsync(MaillageDbContext db, Guid? placeId, List<Error> errors, CancellationToken ct)
    {
        var place = placeId is { } id ? await db.SnpPlaces().FirstOrDefaultAsync(p => p.Id == id && p.Active, ct) : null;
        if (place is null)
        {
            errors.Add(new Error("place_required", "Choisissez le lieu de consultation.", "placeId"));
        }

        return place;
    }

    /// <summary>An offered slot of the effector that overlaps the interval, other than <paramref name="except"/>.</summary>
    public static Task<Slot?> OverlappingAsync(MaillageDbContext db, Guid effectorId, DateTimeOffset start, DateTimeOffset end, Guid? except, CancellationToken ct) =>
        db.Slots().Where(s => s.EffectorId == effectorId && s.WithdrawnAt == null && s.Start < end && s.End > start && s.Id != except)
            .OrderBy(s => s.Start).FirstOrDefaultAsync(ct);
}

/// <summary>
/// What a pattern's slots to come should be, against what is opened: slots to open, free slots to withdraw, slots at the same start to
/// change (place, kind, audience or length), and the booked slots in the way (withdrawn or changed by the new pattern).
/// </summary>
internal sealed class SlotPlanning
{
    private SlotPlanning(SlotPattern pattern, List<PlannedSlot> opened, List<Slot> withdrawn, List<(Slot Slot, PlannedSlot To)> changed, List<Slot> inTheWay)
    {
        Pattern = pattern;
        (Opened, Withdrawn, Changed, InTheWay) = (opened, withdrawn, changed, inTheWay);
    }

    public SlotPattern Pattern { get; }

    public List<PlannedSlot> Opened { get; }

    public List<Slot> Withdrawn { get; }

    public List<(Slot Slot, PlannedSlot To)> Changed { get; }

    public List<Slot> InTheWay { get; }

    public static async Task<SlotPlanning> PlanAsync(MaillageDbContext db, SlotPattern pattern, LocalClock here, DateTimeOffset now, CancellationToken ct,
        bool onlyOpen = false)
    {
        var today = here.DateOf(now);
        var wanted = SnpRules.Expand(pattern, today, today.AddDays(SnpRules.HorizonDays), here).Where(p => p.Start > now).ToList();
        var horizonEnd = here.StartOf(today.AddDays(SnpRules.HorizonDays + 1));
        var existing = await db.Slots().Where(s => s.PatternId == pattern.Id && s.WithdrawnAt == null && s.Start > now).ToListAsync(ct);
        var byStart = existing.ToDictionary(s => s.Start);
        // Other slots of the effector in the period (one by one, or from another pattern): a planned slot that overlaps one is not opened.
        var others = await db.Slots().Where(s => s.EffectorId == pattern.EffectorId && s.WithdrawnAt == null && s.Start > now && s.Start < horizonEnd
            && s.PatternId != pattern.Id).Select(s => new { s.Start, s.End }).ToListAsync(ct);
        var kept = new HashSet<Guid>();
        var opened = new List<PlannedSlot>();
        var changed = new List<(Slot, PlannedSlot)>();
        foreach (var p in wanted)
        {
            if (byStart.TryGetValue(p.Start, out var same))
            {
                kept.Add(same.Id);
                if (same.End != p.End || same.PlaceId != pattern.PlaceId || same.Kind != pattern.Kind || same.Audience != pattern.Audience)
                {
                    changed.Add((same, p));
                }
            }
            else if (!others.Any(o => o.Start < p.End && o.End > p.Start))
            {
                opened.Add(p);
            }
        }

        var gone = onlyOpen ? [] : existing.Where(s => !kept.Contains(s.Id)).ToList();
        if (onlyOpen)
        {
            changed.Clear();
        }

        var touched = gone.Select(s => s.Id).Concat(changed.Select(c => c.Item1.Id)).ToList();
        var booked = touched.Count == 0 ? []
            : (await db.Bookings().Where(b => touched.Contains(b.SlotId) && b.CancelledAt == null).Select(b => b.SlotId).ToListAsync(ct)).ToHashSet();
        return new SlotPlanning(pattern, opened, [.. gone.Where(s => !booked.Contains(s.Id))], [.. changed.Where(c => !booked.Contains(c.Item1.Id))],
            [.. gone.Concat(changed.Select(c => c.Item1)).Where(s => booked.Contains(s.Id)).OrderBy(s => s.Start)]);
    }

    public void Apply(MaillageDbContext db, DateTimeOffset now)
    {
        foreach (var slot in Withdrawn)
        {
            slot.WithdrawnAt = now;
        }

        foreach (var (slot, to) in Changed)
        {
            (slot.End, slot.PlaceId, slot.Kind, slot.Audience) = (to.End, Pattern.PlaceId, Pattern.Kind, Pattern.Audience);
        }

        foreach (var p in Opened)
        {
            db.Slots().Add(new Slot
            {
                Id = Guid.NewGuid(), CptsId = Pattern.CptsId, EffectorId = Pattern.EffectorId, PlaceId = Pattern.PlaceId, Start = p.Start, End = p.End,
                Kind = Pattern.Kind, Audience = Pattern.Audience, PatternId = Pattern.Id,
            });
        }
    }
}

/// <summary>Runs <see cref="RollSlotsForward"/> a minute after start-up, then every six hours, so patterns keep four weeks ahead open.</summary>
public sealed class SlotRollForwardWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SlotRollForwardWorker> logger)
    : Maillage.Platform.Workers.PeriodicWorker(scopes, clock, logger)
{
    protected override TimeSpan FirstRun => TimeSpan.FromMinutes(1);

    protected override TimeSpan Every => TimeSpan.FromHours(6);

    protected override string Name => "Slot roll-forward";

    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken ct) => services.GetRequiredService<RollSlotsForward>().RunAsync(ct);
}
