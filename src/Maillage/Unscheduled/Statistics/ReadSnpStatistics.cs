using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled.Statistics;

/// <summary>
/// The statistics of a CPTS's unscheduled care over local days (both included, a year at most): slots offered (not withdrawn) whose start
/// falls in the period, their live bookings and outcomes; by ISO week, effector, commune of the place and origin; SAS-referred consultations
/// per effector and week against the SAS supplement. The coordinator and the officers steering the CPTS read every effector; an effector
/// reads its own only. No patient in them.
/// </summary>
public sealed class ReadSnpStatistics(MaillageDbContext db, SnpAccess access, GeoCatalog geo, SasSupplement supplement)
{
    /// <summary>The longest period read at once.</summary>
    public const int MaxDays = 366;

    public async Task<Result<SnpStatistics>> RunAsync(Guid cptsId, DateOnly? from, DateOnly? to, Actor actor, CancellationToken ct = default)
    {
        var found = await access.RequireAsync(cptsId, actor, s => s.ReadsStatistics, ct);
        if (!found.Succeeded)
        {
            return Result<SnpStatistics>.Fail(found.Errors);
        }

        var scope = found.Value!;
        var errors = Check(from, to);
        if (errors.Count > 0)
        {
            return Result<SnpStatistics>.Fail(errors);
        }

        var (first, last) = (from!.Value, to!.Value);
        Guid? only = scope.Manages || scope.Tenant.Steers ? null : scope.Effector!.Id;
        var here = scope.Tenant.Clock;
        var (start, end) = (here.StartOf(first), here.StartOf(last.AddDays(1)));
        var slots = db.Slots().AsNoTracking().Where(s => s.CptsId == cptsId && s.WithdrawnAt == null && s.Start >= start && s.Start < end);
        if (only is { } effectorId)
        {
            slots = slots.Where(s => s.EffectorId == effectorId);
        }

        var rows = await (from s in slots
                          join e in db.Effectors().AsNoTracking() on s.EffectorId equals e.Id
                          join p in db.SnpPlaces().AsNoTracking() on s.PlaceId equals p.Id
                          select new { s.Id, s.EffectorId, e.GivenName, e.FamilyName, p.CommuneCode, s.Start, s.End }).ToListAsync(ct);
        var bookings = await (from b in db.Bookings().AsNoTracking()
                              join s in slots on b.SlotId equals s.Id
                              where b.CancelledAt == null
                              select new { b.SlotId, b.Origin, b.BookedAt, b.Outcome }).ToListAsync(ct);
        var bySlot = bookings.ToDictionary(b => b.SlotId, b => new BookingFact(b.Origin, b.BookedAt, b.Outcome));
        var facts = rows.Select(r => new SlotFact(r.EffectorId, $"{r.GivenName} {r.FamilyName}".Trim(), r.CommuneCode, geo.Find(r.CommuneCode)?.Name ?? r.CommuneCode,
            here.DateOf(r.Start), r.Start, r.End, bySlot.GetValueOrDefault(r.Id))).OrderBy(f => f.Start).ToList();
        return Result<SnpStatistics>.Ok(SnpStatisticsMath.Compute(cptsId, first, last, only, facts, supplement));
    }

    /// <summary>The period's checks: both days given, the end not before the start, a year at most.</summary>
    public static List<Error> Check(DateOnly? from, DateOnly? to)
    {
        var errors = new List<Error>();
        if (from is null)
        {
            errors.Add(new Error("from_required", "Indiquez le premier jour de la période.", "from"));
        }

        if (to is null)
        {
            errors.Add(new Error("to_required", "Indiquez le dernier jour de la période.", "to"));
        }

        if (from is { } f && to is { } t)
        {
            if (t < f)
            {
                errors.Add(new Error("period_reversed", "Le dernier jour doit venir après le premier.", "to"));
            }
            else if (t.DayNumber - f.DayNumber + 1 > MaxDays)
            {
                errors.Add(new Error("period_too_long", $"Une période de {MaxDays} jours au plus : choisissez une année ou moins.", "to"));
            }
        }

        return errors;
    }
}
