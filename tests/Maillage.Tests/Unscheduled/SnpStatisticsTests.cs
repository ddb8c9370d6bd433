using Maillage.Unscheduled;
using Maillage.Unscheduled.Statistics;

namespace Maillage.Tests.Unscheduled;

/// <summary>The arithmetic of the unscheduled-care statistics (issue 12): rates, lead time, ISO weeks, breakdowns and the SAS supplement's cap.</summary>
public sealed class SnpStatisticsTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly SasSupplement Supplement = SasSupplement.LoadEmbedded();

    private static SlotFact Fact(Guid effector, DateOnly day, int hour, int minutes = 30, BookingOrigin? origin = null, double hoursBefore = 0,
        BookingOutcome? outcome = null, string commune = "35236")
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
        return new SlotFact(effector, effector == A ? "Anne A" : "Bruno B", commune, commune == "35236" ? "Redon" : "Pipriac", day, start, start.AddMinutes(minutes),
            origin is { } o ? new BookingFact(o, start.AddHours(-hoursBefore), outcome) : null);
    }

    [Fact]
    public void Fill_rate_is_booked_over_offered_no_show_rate_over_outcomes_recorded_and_lead_time_the_mean_from_booking_to_start()
    {
        var day = new DateOnly(2026, 3, 10);
        var figures = SnpStatisticsMath.Figures(
        [
            Fact(A, day, 8, origin: BookingOrigin.Pharmacy, hoursBefore: 2, outcome: BookingOutcome.Seen),
            Fact(A, day, 9, origin: BookingOrigin.Nurse, hoursBefore: 4, outcome: BookingOutcome.NoShow),
            Fact(A, day, 10, origin: BookingOrigin.Sas, hoursBefore: 6),
            Fact(A, day, 11),
        ]);

        Assert.Equal((4, 2m, 3, 1, 0, 1, 1), (figures.Offered, figures.OfferedHours, figures.Booked, figures.Seen, figures.Redirected, figures.NoShows, figures.AwaitingOutcome));
        Assert.Equal(0.75m, figures.FillRate);
        Assert.Equal(0.5m, figures.NoShowRate);   // 1 no-show of 2 outcomes recorded: the booking still awaiting its outcome does not count
        Assert.Equal(4m, figures.MeanLeadHours);
        Assert.Equal(1, figures.Consultations);
    }

    [Fact]
    public void A_redirected_patient_is_a_consultation_and_no_slot_gives_no_rate_rather_than_zero()
    {
        var figures = SnpStatisticsMath.Figures([Fact(A, new DateOnly(2026, 3, 10), 8, origin: BookingOrigin.Sas, hoursBefore: 1, outcome: BookingOutcome.Redirected)]);
        Assert.Equal((1, 0m), (figures.Consultations, figures.NoShowRate!.Value));

        var none = SnpStatisticsMath.Figures([]);
        Assert.Equal((0, 0m), (none.Offered, none.OfferedHours));
        Assert.Null(none.FillRate);
        Assert.Null(none.NoShowRate);
        Assert.Null(none.MeanLeadHours);
    }

    [Fact]
    public void Weeks_are_iso_weeks_whose_year_may_differ_from_the_calendar_year()
    {
        Assert.Equal("2026-W53", SnpStatisticsMath.Week(new DateOnly(2027, 1, 1)));
        Assert.Equal("2026-W01", SnpStatisticsMath.Week(new DateOnly(2025, 12, 29)));
        Assert.Equal(new DateOnly(2026, 3, 2), SnpStatisticsMath.Monday(new DateOnly(2026, 3, 8)));
        Assert.Equal(new DateOnly(2026, 3, 2), SnpStatisticsMath.Monday(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void The_sas_supplement_pays_fifteen_euros_a_consultation_up_to_twenty_a_week_per_effector_and_no_show_is_not_paid()
    {
        var monday = new DateOnly(2026, 3, 9);
        var facts = new List<SlotFact>();
        for (var i = 0; i < 23; i++)
        {
            facts.Add(Fact(A, monday.AddDays(i % 6), 8 + (i / 6), origin: BookingOrigin.Sas, hoursBefore: 1, outcome: i % 2 == 0 ? BookingOutcome.Seen : BookingOutcome.Redirected));
        }

        facts.Add(Fact(A, monday, 18, origin: BookingOrigin.Sas, hoursBefore: 1, outcome: BookingOutcome.NoShow));
        facts.Add(Fact(A, monday, 19, origin: BookingOrigin.Pharmacy, hoursBefore: 1, outcome: BookingOutcome.Seen));
        facts.Add(Fact(A, monday.AddDays(7), 8, origin: BookingOrigin.Sas, hoursBefore: 1, outcome: BookingOutcome.Seen));
        facts.Add(Fact(B, monday.AddDays(6), 8, origin: BookingOrigin.Sas, hoursBefore: 1, outcome: BookingOutcome.Seen));
        facts.Add(Fact(B, monday.AddDays(1), 8, origin: BookingOrigin.Sas, hoursBefore: 1));   // outcome not recorded yet: not due yet

        var lines = SnpStatisticsMath.Sas(facts, Supplement);

        Assert.Equal(
        [
            (A, "2026-W11", 23, 20, 3, 300m),
            (B, "2026-W11", 1, 1, 0, 15m),
            (A, "2026-W12", 1, 1, 0, 15m),
        ], lines.Select(l => (l.EffectorId, l.Week, l.Referred, l.Counted, l.OverCap, l.Due)));
        Assert.All(lines, l => Assert.Equal((20, 15m), (l.Cap, l.UnitAmount)));
    }

    [Fact]
    public void Before_the_first_rate_the_file_knows_nothing_is_due()
    {
        var line = Assert.Single(SnpStatisticsMath.Sas([Fact(A, new DateOnly(2022, 9, 5), 8, origin: BookingOrigin.Sas, hoursBefore: 1, outcome: BookingOutcome.Seen)], Supplement));
        Assert.Equal((1, 0, 1, 0m), (line.Referred, line.Counted, line.OverCap, line.Due));
    }

    [Fact]
    public void Breakdowns_by_week_effector_commune_and_origin_add_up_to_the_total_and_origins_offer_nothing()
    {
        var monday = new DateOnly(2026, 3, 9);
        SlotFact[] facts =
        [
            Fact(A, monday, 8, origin: BookingOrigin.Sas, hoursBefore: 1, outcome: BookingOutcome.Seen),
            Fact(A, monday.AddDays(7), 8),
            Fact(B, monday.AddDays(8), 8, minutes: 60, origin: BookingOrigin.Pharmacy, hoursBefore: 3, outcome: BookingOutcome.Seen, commune: "35219"),
        ];
        var stats = SnpStatisticsMath.Compute(Guid.NewGuid(), monday, monday.AddDays(13), null, facts, Supplement);

        Assert.Equal((3, 2m, 2), (stats.Total.Offered, stats.Total.OfferedHours, stats.Total.Booked));
        Assert.Equal(["2026-W11", "2026-W12"], stats.ByWeek.Select(l => l.Key));
        Assert.Equal("Semaine du 09/03/2026", stats.ByWeek[0].Label);
        Assert.Equal([("Anne A", 2, 1), ("Bruno B", 1, 1)], stats.ByEffector.Select(l => (l.Label, l.Figures.Offered, l.Figures.Booked)));
        Assert.Equal([("Pipriac", 1), ("Redon", 2)], stats.ByCommune.Select(l => (l.Label, l.Figures.Offered)));
        Assert.Equal([("pharmacy", 0, 1), ("sas", 0, 1)], stats.ByOrigin.Select(l => (l.Key, l.Figures.Offered, l.Figures.Booked)).OrderBy(x => x.Key));
        Assert.Equal(15m, stats.SasDue);
    }

    [Fact]
    public void A_period_needs_both_days_in_order_and_a_year_at_most()
    {
        Assert.Equal(["from_required", "to_required"], ReadSnpStatistics.Check(null, null).Select(e => e.Code));
        Assert.Equal("period_reversed", Assert.Single(ReadSnpStatistics.Check(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1))).Code);
        Assert.Equal("period_too_long", Assert.Single(ReadSnpStatistics.Check(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 2))).Code);
        Assert.Empty(ReadSnpStatistics.Check(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public void The_supplement_file_refuses_rates_out_of_order_or_without_source()
    {
        static SasSupplement Load(string json) => SasSupplement.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Equal((15m, 20), (Supplement.RateOn(new DateOnly(2026, 1, 1))!.Amount, Supplement.RateOn(new DateOnly(2026, 1, 1))!.WeeklyCap));
        Assert.Throws<InvalidDataException>(() => Load("""{"source":"s","rates":[{"effectiveFrom":"2024-01-01","amount":15,"weeklyCap":20,"source":"a"},{"effectiveFrom":"2023-01-01","amount":15,"weeklyCap":20,"source":"b"}]}"""));
        Assert.Throws<InvalidDataException>(() => Load("""{"source":"s","rates":[{"effectiveFrom":"2024-01-01","amount":15,"weeklyCap":20,"source":" "}]}"""));
        Assert.Throws<InvalidDataException>(() => Load("""{"source":"s","rates":[]}"""));
    }
}
