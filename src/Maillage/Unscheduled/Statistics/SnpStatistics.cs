using System.Globalization;

namespace Maillage.Unscheduled.Statistics;

/// <summary>One offered slot as the statistics read it (no patient): who, where, when, and its live booking if any.</summary>
public sealed record SlotFact(Guid EffectorId, string EffectorName, string CommuneCode, string CommuneName, DateOnly LocalDay, DateTimeOffset Start,
    DateTimeOffset End, BookingFact? Booking);

/// <summary>The live booking of a slot: who sent the patient, when it was booked, what happened.</summary>
public sealed record BookingFact(BookingOrigin Origin, DateTimeOffset BookedAt, BookingOutcome? Outcome);

/// <summary>
/// The figures of a set of slots: offered (count and hours), booked, fill rate (booked / offered), consultations (seen or redirected),
/// no-shows, no-show rate (no-shows / bookings whose outcome is recorded), bookings still without an outcome, mean lead time (hours from
/// booking to the slot's start). Rates are fractions (0.25 = 25 %), null when their denominator is 0. By origin, offered is 0: an origin
/// belongs to a booking, not to a slot.
/// </summary>
public sealed record SnpFigures(int Offered, decimal OfferedHours, int Booked, int Seen, int Redirected, int NoShows, int AwaitingOutcome,
    decimal? FillRate, decimal? NoShowRate, decimal? MeanLeadHours)
{
    /// <summary>Patients seen, redirected ones included (they were seen before being sent elsewhere).</summary>
    public int Consultations => Seen + Redirected;
}

/// <summary>One line of a breakdown: its key (ISO week « 2026-W11 », effector id, INSEE code, origin), its French label, its figures.</summary>
public sealed record SnpLine(string Key, string Label, SnpFigures Figures);

/// <summary>
/// SAS-referred consultations of one effector in one ISO week against the SAS supplement in force that week: counted up to the cap, the
/// amount due is counted × the unit amount; those over the cap are not paid. No rate (a week before the file's first): nothing due.
/// </summary>
public sealed record SasSupplementLine(Guid EffectorId, string EffectorName, string Week, DateOnly Monday, int Referred, int Cap, int Counted,
    int OverCap, decimal UnitAmount, decimal Due);

/// <summary>The unscheduled-care statistics of a CPTS over local days <see cref="From"/> to <see cref="To"/> (both included).</summary>
public sealed record SnpStatistics(Guid CptsId, DateOnly From, DateOnly To, Guid? EffectorOnly, SnpFigures Total, IReadOnlyList<SnpLine> ByWeek,
    IReadOnlyList<SnpLine> ByEffector, IReadOnlyList<SnpLine> ByCommune, IReadOnlyList<SnpLine> ByOrigin, IReadOnlyList<SasSupplementLine> Sas,
    string SasSource)
{
    /// <summary>What the SAS supplement brings over the period, every effector together.</summary>
    public decimal SasDue => Sas.Sum(s => s.Due);
}

/// <summary>The arithmetic of the statistics, on facts already read: nothing stored, nothing of the clock.</summary>
public static class SnpStatisticsMath
{
    /// <summary>« 2026-W03 »: the ISO 8601 week of a day.</summary>
    public static string Week(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue)).ToString(CultureInfo.InvariantCulture)}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    /// <summary>The Monday of a day's ISO week.</summary>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static SnpFigures Figures(IReadOnlyCollection<SlotFact> slots, bool countOffered = true)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var booked = slots.Where(s => s.Booking is not null).Select(s => (Slot: s, Booking: s.Booking!)).ToList();
        var offered = countOffered ? slots.Count : 0;
        var hours = countOffered ? decimal.Round((decimal)slots.Sum(s => (s.End - s.Start).TotalMinutes) / 60m, 2) : 0m;
        var seen = booked.Count(b => b.Booking.Outcome == BookingOutcome.Seen);
        var redirected = booked.Count(b => b.Booking.Outcome == BookingOutcome.Redirected);
        var noShows = booked.Count(b => b.Booking.Outcome == BookingOutcome.NoShow);
        var recorded = seen + redirected + noShows;
        decimal? lead = booked.Count == 0 ? null
            : decimal.Round((decimal)booked.Average(b => Math.Max(0, (b.Slot.Start - b.Booking.BookedAt).TotalMinutes)) / 60m, 1);
        return new SnpFigures(offered, hours, booked.Count, seen, redirected, noShows, booked.Count - recorded,
            countOffered ? Rate(booked.Count, offered) : null, Rate(noShows, recorded), lead);
    }

    public static SnpStatistics Compute(Guid cptsId, DateOnly from, DateOnly to, Guid? effectorOnly, IReadOnlyList<SlotFact> slots, SasSupplement supplement)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(supplement);
        var byWeek = slots.GroupBy(s => Week(s.LocalDay)).OrderBy(g => g.Key)
            .Select(g => new SnpLine(g.Key, $"Semaine du {Platform.French.Date(Monday(g.First().LocalDay))}", Figures([.. g]))).ToList();
        var byEffector = slots.GroupBy(s => s.EffectorId).Select(g => new SnpLine(g.Key.ToString(), g.First().EffectorName, Figures([.. g])))
            .OrderBy(l => l.Label, StringComparer.Create(Platform.French.Culture, CompareOptions.IgnoreCase)).ToList();
        var byCommune = slots.GroupBy(s => s.CommuneCode).Select(g => new SnpLine(g.Key, g.First().CommuneName, Figures([.. g])))
            .OrderBy(l => l.Label, StringComparer.Create(Platform.French.Culture, CompareOptions.IgnoreCase)).ToList();
        var byOrigin = slots.Where(s => s.Booking is not null).GroupBy(s => s.Booking!.Origin).OrderBy(g => g.Key)
            .Select(g => new SnpLine(OriginKey(g.Key), g.Key.French(), Figures([.. g], countOffered: false))).ToList();
        return new SnpStatistics(cptsId, from, to, effectorOnly, Figures(slots), byWeek, byEffector, byCommune, byOrigin, Sas(slots, supplement),
            supplement.Source);
    }

    /// <summary>Per effector and ISO week: consultations (seen or redirected) of patients the SAS referred, against the cap in force that week.</summary>
    public static IReadOnlyList<SasSupplementLine> Sas(IEnumerable<SlotFact> slots, SasSupplement supplement)
    {
        ArgumentNullException.ThrowIfNull(supplement);
        return [.. slots.Where(s => s.Booking is { Origin: BookingOrigin.Sas, Outcome: BookingOutcome.Seen or BookingOutcome.Redirected })
            .GroupBy(s => (s.EffectorId, Monday: Monday(s.LocalDay)))
            .Select(g =>
            {
                var rate = supplement.RateOn(g.Key.Monday);
                var referred = g.Count();
                var cap = rate?.WeeklyCap ?? 0;
                var counted = Math.Min(referred, cap);
                var unit = rate?.Amount ?? 0m;
                return new SasSupplementLine(g.Key.EffectorId, g.First().EffectorName, Week(g.Key.Monday), g.Key.Monday, referred, cap, counted,
                    referred - counted, unit, counted * unit);
            })
            .OrderBy(l => l.Monday).ThenBy(l => l.EffectorName, StringComparer.Ordinal)];
    }

    /// <summary>The word of an origin, as the API and the CSV use it.</summary>
    public static string OriginKey(BookingOrigin origin) => origin switch
    {
        BookingOrigin.Pharmacy => "pharmacy",
        BookingOrigin.Nurse => "nurse",
        BookingOrigin.Sas => "sas",
        BookingOrigin.EmergencyDepartment => "emergency-department",
        _ => "platform",
    };

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : decimal.Round((decimal)part / whole, 4);
}
