using System.Text;
using Maillage.Indemnities;

namespace Maillage.Tests.Indemnities;

/// <summary>The rules of mission time (domain-rules §5): amounts from the scale, the officers' 3/4-SMIC cap, concentration, the SMIC table.</summary>
public sealed class IndemnityRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Theory]
    [InlineData("2.5", "60", "150.00")]
    [InlineData("0.25", "33.33", "8.33")]
    [InlineData("0.75", "12.34", "9.26")] // 9.255 rounds half away from zero
    [InlineData("24", "1000", "24000.00")]
    public void The_amount_is_hours_times_the_rate_rounded_to_the_cent(string hours, string rate, string amount)
    {
        Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            IndemnityRules.Amount(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Hours_go_by_quarter_hours_from_a_quarter_to_a_whole_day()
    {
        Assert.Null(IndemnityRules.CheckHours(0.25m));
        Assert.Null(IndemnityRules.CheckHours(7.75m));
        Assert.Null(IndemnityRules.CheckHours(24m));
        Assert.Equal("invalid_hours", IndemnityRules.CheckHours(0m)?.Code);
        Assert.Equal("invalid_hours", IndemnityRules.CheckHours(24.25m)?.Code);
        Assert.Equal("invalid_hours", IndemnityRules.CheckHours(1.1m)?.Code);
        Assert.Equal("hours_required", IndemnityRules.CheckHours(null)?.Code);
    }

    [Fact]
    public void A_mission_is_neither_in_the_future_nor_older_than_twelve_months()
    {
        Assert.Null(IndemnityRules.CheckMissionDate(Today, Today));
        Assert.Null(IndemnityRules.CheckMissionDate(Today.AddMonths(-12), Today));
        Assert.Equal("date_in_future", IndemnityRules.CheckMissionDate(Today.AddDays(1), Today)?.Code);
        Assert.Equal("date_too_old", IndemnityRules.CheckMissionDate(Today.AddMonths(-12).AddDays(-1), Today)?.Code);
        Assert.Equal("date_required", IndemnityRules.CheckMissionDate(null, Today)?.Code);
    }

    [Fact]
    public void The_scale_in_force_is_the_latest_version_started_on_the_mission_date_and_a_profession_rate_overrides_the_general_one()
    {
        var first = Scale(new DateOnly(2025, 1, 1), (Activity.Meeting, null, 50m));
        var second = Scale(new DateOnly(2026, 1, 1), (Activity.Meeting, null, 60m), (Activity.Meeting, "10", 80m), (Activity.Action, null, 45m));
        Scale[] scales = [second, first];

        Assert.Null(IndemnityRules.InForce(scales, new DateOnly(2024, 12, 31)));
        Assert.Same(first, IndemnityRules.InForce(scales, new DateOnly(2025, 12, 31)));
        Assert.Same(second, IndemnityRules.InForce(scales, new DateOnly(2026, 1, 1)));

        Assert.Equal(80m, IndemnityRules.RateFor(second, Activity.Meeting, "10")?.HourlyRate);
        Assert.Equal(60m, IndemnityRules.RateFor(second, Activity.Meeting, "60")?.HourlyRate);
        Assert.Equal(45m, IndemnityRules.RateFor(second, Activity.Action, "10")?.HourlyRate);
        Assert.Null(IndemnityRules.RateFor(second, Activity.Training, "10"));
    }

    [Fact]
    public void The_officers_cap_is_three_quarters_of_the_monthly_smic_rounded_down_and_says_what_remains()
    {
        // 0.75 × 1 823,03 = 1 367,2725.
        Assert.Equal(1367.27m, IndemnityRules.OfficerCap(1823.03m));
        Assert.Equal(1351.35m, IndemnityRules.OfficerCap(1801.80m));

        var fits = IndemnityRules.CheckCap(1367.27m, 1200m, 167.27m);
        Assert.True(fits.Allowed);
        var over = IndemnityRules.CheckCap(1367.27m, 1200m, 167.28m);
        Assert.False(over.Allowed);
        Assert.Equal((1367.27m, 1200m, 167.27m), (over.Cap, over.AlreadyValidated, over.Remaining));
        Assert.Equal(0m, IndemnityRules.CheckCap(1367.27m, 1400m, 10m).Remaining);
    }

    [Fact]
    public void Concentration_warns_when_one_person_gets_over_a_quarter_among_four_or_more()
    {
        var (a, b, c, d) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var even = IndemnityRules.Concentration([(a, 100m), (b, 100m), (c, 100m), (d, 100m)]);
        Assert.Equal((4, 400m, 0.25m), (even.People, even.Total, even.TopShare));
        Assert.Empty(even.Warnings);

        var skewed = IndemnityRules.Concentration([(a, 60m), (a, 50m), (b, 100m), (c, 100m), (d, 90m)]);
        Assert.Equal(a, skewed.Largest[0].Person);
        Assert.Equal(110m, skewed.Largest[0].Amount);
        Assert.Contains(skewed.Warnings, w => w.StartsWith("Une seule personne reçoit 27,5", StringComparison.Ordinal));
    }

    [Fact]
    public void Concentration_warns_when_the_three_largest_get_over_half_among_six_or_more_and_is_silent_with_too_few_people()
    {
        var people = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        var even = IndemnityRules.Concentration(people.Select(p => (p, 100m)));
        Assert.Empty(even.Warnings);

        // 3 × 150 over 3 × 150 + 4 × 100 = 450 / 850 = 52,9 %; none over 25 %.
        var top = IndemnityRules.Concentration(people.Select((p, i) => (p, i < 3 ? 150m : 100m)));
        var warning = Assert.Single(top.Warnings);
        Assert.StartsWith("Les trois premiers bénéficiaires reçoivent 52,9", warning, StringComparison.Ordinal);

        var few = IndemnityRules.Concentration([(people[0], 900m), (people[1], 10m), (people[2], 10m)]);
        Assert.True(few.TooFewPeople);
        Assert.Empty(few.Warnings);
        Assert.Equal(0, IndemnityRules.Concentration([]).People);
    }

    [Fact]
    public void The_smic_table_gives_the_monthly_amount_in_force_on_a_day()
    {
        var smic = Smic.LoadEmbedded();
        Assert.Null(smic.MonthlyOn(new DateOnly(2023, 12, 31)));
        Assert.Equal(1766.92m, smic.MonthlyOn(new DateOnly(2024, 1, 1)));
        Assert.Equal(1766.92m, smic.MonthlyOn(new DateOnly(2024, 10, 31)));
        Assert.Equal(1801.80m, smic.MonthlyOn(new DateOnly(2024, 11, 1)));
        Assert.Equal(1801.80m, smic.MonthlyOn(new DateOnly(2025, 12, 31)));
        Assert.Equal(1823.03m, smic.MonthlyOn(new DateOnly(2026, 1, 1)));
        Assert.Equal(12.02m, smic.RateOn(new DateOnly(2026, 6, 1))!.Hourly);
        Assert.Equal(1415.05m, smic.MonthlyOn(new DateOnly(2026, 6, 1), mayotte: true));
        Assert.All(smic.Rates, r => Assert.Contains("écret", r.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void A_smic_file_whose_monthly_amount_is_not_the_hourly_one_times_151_67_hours_is_refused()
    {
        const string json = """
            {"source":"test","rates":[{"effectiveFrom":"2026-01-01","hourly":12.02,"monthly":1800.00,"mayotte":{"hourly":9.33,"monthly":1415.05},"source":"décret"}]}
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        Assert.Throws<InvalidDataException>(() => Smic.Load(stream));
    }

    private static Scale Scale(DateOnly from, params (Activity Activity, string? Profession, decimal Rate)[] rates) => new()
    {
        Id = Guid.NewGuid(), EffectiveFrom = from,
        Rates = [.. rates.Select(r => new ScaleRate { Id = Guid.NewGuid(), Activity = r.Activity, ProfessionCode = r.Profession, HourlyRate = r.Rate })],
    };
}
