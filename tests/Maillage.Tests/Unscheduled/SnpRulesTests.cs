using Maillage.Platform.Identifiers;
using Maillage.Platform.Time;
using Maillage.Territories.Published;
using Maillage.Unscheduled;
using Microsoft.Extensions.Time.Testing;

namespace Maillage.Tests.Unscheduled;

/// <summary>A weekly pattern opened at the CPTS's local hours (domain-rules §7, issue 12), and the NIR of a booking (domain-rules §6).</summary>
public sealed class SnpRulesTests
{
    private static readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    private static SlotPattern Pattern(string from, string to, int minutes, params DayOfWeek[] days) => new()
    {
        Weekdays = days.Aggregate(0, (bits, d) => bits | (1 << (int)d)), StartTime = TimeOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        EndTime = TimeOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), SlotMinutes = minutes, ValidFrom = new DateOnly(2026, 1, 1),
    };

    [Fact]
    public void A_morning_of_twenty_minute_slots_opens_every_whole_slot_that_fits_before_its_end()
    {
        var slots = SnpRules.Expand(Pattern("08:00", "09:10", 20, DayOfWeek.Tuesday), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), LocalClock.InParis(Now));

        Assert.Equal([new TimeOnly(8, 0), new TimeOnly(8, 20), new TimeOnly(8, 40)], slots.Select(s => s.LocalStart));
        Assert.All(slots, s => Assert.Equal(new DateOnly(2026, 3, 3), s.Day));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 7, 0, 0, TimeSpan.Zero), slots[0].Start);   // winter: Paris is UTC+1
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(20), s.End - s.Start));
    }

    [Fact]
    public void A_slot_keeps_its_local_hour_across_the_change_of_clocks_and_the_skipped_hour_opens_nothing()
    {
        // 29 March 2026: Paris goes from 02:00 to 03:00.
        var paris = LocalClock.InParis(Now);
        var night = SnpRules.Expand(Pattern("01:00", "04:00", 30, DayOfWeek.Sunday), new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29), paris);
        Assert.Equal([new TimeOnly(1, 0), new TimeOnly(1, 30), new TimeOnly(3, 0), new TimeOnly(3, 30)], night.Select(s => s.LocalStart));

        var mornings = SnpRules.Expand(Pattern("08:00", "08:30", 30, DayOfWeek.Saturday, DayOfWeek.Monday), new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 30), paris);
        Assert.Equal([new DateTimeOffset(2026, 3, 28, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero)], mornings.Select(s => s.Start));

        // 25 October 2026: 02:00–03:00 happens twice; the slot is opened once, in winter time.
        var autumn = SnpRules.Expand(Pattern("02:00", "03:00", 60, DayOfWeek.Sunday), new DateOnly(2026, 10, 25), new DateOnly(2026, 10, 25), paris);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 0, 0, TimeSpan.Zero), Assert.Single(autumn).Start);
    }

    [Fact]
    public void In_la_reunion_the_same_hour_is_four_hours_ahead_of_utc_all_year()
    {
        var reunion = new LocalClock(Now, TimeZones.OfDepartement("974"));
        var slots = SnpRules.Expand(Pattern("08:00", "08:15", 15, DayOfWeek.Monday), new DateOnly(2026, 3, 23), new DateOnly(2026, 4, 5), reunion);

        Assert.Equal([new DateTimeOffset(2026, 3, 23, 4, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 4, 0, 0, TimeSpan.Zero)], slots.Select(s => s.Start));
    }

    [Fact]
    public void Absences_and_the_validity_of_the_pattern_leave_their_days_empty()
    {
        var pattern = Pattern("14:00", "15:00", 60, DayOfWeek.Monday, DayOfWeek.Wednesday);
        pattern.ValidFrom = new DateOnly(2026, 3, 4);
        pattern.ValidTo = new DateOnly(2026, 3, 25);
        pattern.Absences.Add(new PatternAbsence { From = new DateOnly(2026, 3, 9), To = new DateOnly(2026, 3, 13), Reason = "Congés" });

        var days = SnpRules.Expand(pattern, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), LocalClock.InParis(Now)).Select(s => s.Day.Day);

        Assert.Equal([4, 16, 18, 23, 25], days);
    }

    [Theory]
    [InlineData("08:00", "12:00", 15, 0)]
    [InlineData("12:00", "08:00", 15, 1)]
    [InlineData("08:00", "08:10", 15, 1)]
    [InlineData("08:00", "12:00", 3, 1)]
    [InlineData("08:00", "12:00", 121, 1)]
    public void A_pattern_is_refused_when_its_end_leaves_no_whole_slot_or_its_length_is_out_of_bounds(string start, string end, int minutes, int errors)
    {
        var today = new DateOnly(2026, 3, 1);
        var found = SnpRules.Check(1 << 1, SnpInput.Time(start), SnpInput.Time(end), minutes, today, null, SlotAudience.Registrars, today);
        Assert.Equal(errors, found.Count);
    }

    [Fact]
    public void Weekdays_are_read_monday_first_and_hours_the_french_way()
    {
        Assert.Equal((1 << (int)DayOfWeek.Monday) | (1 << (int)DayOfWeek.Sunday), SnpInput.Weekdays([1, 7]));
        Assert.Equal(new TimeOnly(8, 30), SnpInput.Time("8h30"));
        Assert.Equal(new TimeOnly(14, 0), SnpInput.Time("14h"));
        Assert.Null(SnpInput.Time("midi"));
        Assert.Equal(SlotAudience.Registrars | SlotAudience.SasSnp, SnpInput.Audience(["registrars, sas-snp"], "audience").Value);
        Assert.Equal("invalid_audience", SnpInput.Audience(["tout le monde"], "audience").Errors.Single().Code);
    }

    [Theory]
    [InlineData("185067505612307", null)]
    [InlineData("1 85 06 75 056 123 07", null)]
    [InlineData("290012A00401202", null)]
    [InlineData("290012B00401229", null)]
    [InlineData("185067505612308", "invalid_nir_key")]
    [InlineData("2900119004012 02", null)]
    [InlineData("18506750561", "invalid_nir")]
    [InlineData("585067505612307", "invalid_nir")]
    public void A_nir_is_checked_by_its_key_with_corsica_read_as_19_and_18(string nir, string? error)
    {
        Assert.Equal(error, Identifiers.CheckNir(nir)?.Code);
        Assert.DoesNotContain("0561", Identifiers.CheckNir(nir)?.Message ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("06 12 34 56 78", "0612345678")]
    [InlineData("+262 692 12 34 56", "+262692123456")]
    [InlineData("12 34", null)]
    [InlineData("", null)]
    public void A_phone_is_kept_as_digits_when_it_can_be_called(string typed, string? kept) => Assert.Equal(kept, BookSlot.Phone(typed));
}
