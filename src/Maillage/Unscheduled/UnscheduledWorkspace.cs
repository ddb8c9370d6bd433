using Maillage.Lifecycle.Published;
using Maillage.Platform;
using Maillage.Platform.Persistence;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Unscheduled;

/// <summary>
/// Unscheduled care waiting for someone: for the coordinator, bookings past without an outcome and too few free slots in the next 48 hours
/// (to relaunch the effectors); for an effector, its own bookings past without an outcome. A registrar has nothing waiting.
/// </summary>
public sealed class SnpToDo(MaillageDbContext db, SnpStanding standing, TimeProvider clock) : IToDoSource
{
    /// <summary>Below this many free slots offered to registrars in the next 48 hours, the coordinator is told to relaunch the effectors.</summary>
    public const int FewFreeSlots = 5;

    public async Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.Belongs && !tenant.Manages)
        {
            return [];
        }

        var scope = await standing.OfAsync(tenant, ct);
        var now = clock.GetUtcNow();
        var lines = new List<ToDo>();
        if (scope.Manages)
        {
            if (!await db.Effectors().AnyAsync(e => e.Active, ct))
            {
                return [];
            }

            var missing = await (from b in db.Bookings() join s in db.Slots() on b.SlotId equals s.Id
                                 where b.CancelledAt == null && b.Outcome == null && s.End < now select b.Id).CountAsync(ct);
            if (missing > 0)
            {
                lines.Add(new("snp.outcome-missing", French.Count(missing, "consultation non programmée passée sans issue enregistrée",
                    "consultations non programmées passées sans issue enregistrée"), $"/cpts/{tenant.Id}/snp/agenda", missing));
            }

            var free = await FreeSoonAsync(db, now, ct);
            if (free < FewFreeSlots)
            {
                lines.Add(new("snp.few-slots", $"Seulement {French.Count(free, "créneau libre", "créneaux libres")} de soins non programmés dans les 48 heures : "
                    + "relancez les effecteurs", $"/cpts/{tenant.Id}/snp", Math.Max(free, 1)));
            }
        }
        else if (scope.IsEffector)
        {
            var effectorId = scope.Effector!.Id;
            var mine = await (from b in db.Bookings() join s in db.Slots() on b.SlotId equals s.Id
                              where s.EffectorId == effectorId && b.CancelledAt == null && b.Outcome == null && s.End < now select b.Id).CountAsync(ct);
            if (mine > 0)
            {
                lines.Add(new("snp.my-outcome-missing", French.Count(mine, "de vos consultations non programmées attend son issue (vu, non venu, réorienté)",
                    "de vos consultations non programmées attendent leur issue (vu, non venu, réorienté)"), $"/cpts/{tenant.Id}/snp/agenda", mine));
            }
        }

        return lines;
    }

    /// <summary>Free slots offered to registrars starting in the next 48 hours.</summary>
    internal static Task<int> FreeSoonAsync(MaillageDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + SnpRules.DefaultWindow;
        return db.Slots().Where(s => s.WithdrawnAt == null && s.Start > now && s.Start <= until && ((int)s.Audience & (int)SlotAudience.Registrars) != 0
            && !db.Bookings().Any(b => b.SlotId == s.Id && b.CancelledAt == null)).CountAsync(ct);
    }
}

/// <summary>Free slots in the next 48 hours and bookings this week, for the coordinator, the effectors and the registrars of the CPTS.</summary>
public sealed class SnpFigures(MaillageDbContext db, SnpStanding standing, TimeProvider clock) : IKeyFigureSource
{
    public async Task<IReadOnlyList<KeyFigure>> OfAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.Belongs && !tenant.Manages)
        {
            return [];
        }

        var scope = await standing.OfAsync(tenant, ct);
        if (!scope.Books && !scope.IsEffector)
        {
            return [];
        }

        if (scope.Manages && !await db.Effectors().AnyAsync(e => e.Active, ct))
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var free = await SnpToDo.FreeSoonAsync(db, now, ct);
        var here = tenant.Clock;
        var monday = tenant.Today.AddDays(-(((int)tenant.Today.DayOfWeek + 6) % 7));
        var (weekFrom, weekTo) = (here.StartOf(monday), here.StartOf(monday.AddDays(7)));
        var booked = await (from b in db.Bookings() join s in db.Slots() on b.SlotId equals s.Id
                            where b.CancelledAt == null && s.Start >= weekFrom && s.Start < weekTo select b.Id).CountAsync(ct);
        var href = scope.Books ? $"/cpts/{tenant.Id}/snp/reserver" : $"/cpts/{tenant.Id}/snp/agenda";
        var figures = new List<KeyFigure>
        {
            new("snp.free-48h", "Créneaux libres sous 48 h", French.Number(free), "soins non programmés", href),
            new("snp.booked-week", "Réservations cette semaine", French.Number(booked), "soins non programmés", href),
        };
        var (dayFrom, dayTo) = (here.StartOf(tenant.Today), here.StartOf(tenant.Today.AddDays(1)));
        if (scope.IsEffector)
        {
            // The effector's day: its patients today and the next one's hour, from its home to « Ma journée ».
            var effectorId = scope.Effector!.Id;
            var starts = await (from b in db.Bookings() join s in db.Slots() on b.SlotId equals s.Id
                                where b.CancelledAt == null && s.EffectorId == effectorId && s.Start >= dayFrom && s.Start < dayTo select s.Start).ToListAsync(ct);
            var next = starts.Where(t => t > now).Order().Select(t => (DateTimeOffset?)t).FirstOrDefault();
            figures.Add(new("snp.my-day", "Vos patients SNP aujourd'hui", French.Number(starts.Count),
                next is { } at ? $"prochain à {here.Local(at):HH'h'mm}" : starts.Count > 0 ? "tous passés" : "aucun rendez-vous", $"/cpts/{tenant.Id}/snp/agenda"));
        }

        if (scope.Registrar is { Active: true })
        {
            // The registrar's day: what it booked today, from its home to « Mes réservations ».
            var userId = tenant.Actor.UserId;
            var mine = await db.Bookings().CountAsync(b => b.BookedById == userId && b.BookedAt >= dayFrom && b.BookedAt < dayTo, ct);
            figures.Add(new("snp.my-bookings-today", "Vos réservations du jour", French.Number(mine), "soins non programmés", $"/cpts/{tenant.Id}/snp/reservations"));
        }

        return figures;
    }
}
