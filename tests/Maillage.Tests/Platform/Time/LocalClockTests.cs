using Maillage.Platform.Time;
using Maillage.Territories.Published;
using Microsoft.Extensions.Time.Testing;

namespace Maillage.Tests.Platform.Time;

/// <summary>The clock of a place: its today, its local hours, and the instants of hours typed there, on both sides of a change of day.</summary>
public sealed class LocalClockTests
{
    private static readonly FakeTimeProvider LateEvening = new(new DateTimeOffset(2026, 3, 10, 21, 30, 0, TimeSpan.Zero));

    [Fact]
    public void At_21_30_utc_it_is_still_the_10th_in_paris_and_already_the_11th_in_la_reunion()
    {
        var paris = LocalClock.InParis(LateEvening);
        var reunion = new LocalClock(LateEvening, TimeZones.OfDepartement("974"));
        Assert.Equal((new DateOnly(2026, 3, 10), 22), (paris.Today, paris.Now.Hour));
        Assert.Equal((new DateOnly(2026, 3, 11), 1), (reunion.Today, reunion.Now.Hour));
        Assert.Equal("Indian/Reunion", reunion.ZoneId);
    }

    [Fact]
    public void An_hour_typed_in_la_reunion_is_four_hours_ahead_of_utc_all_year()
    {
        var reunion = new LocalClock(LateEvening, TimeZones.OfDepartement("974"));
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 14, 0, 0, TimeSpan.Zero), reunion.At(new DateOnly(2026, 3, 27), new TimeOnly(18, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 14, 0, 0, TimeSpan.Zero), reunion.At(new DateOnly(2026, 7, 1), new TimeOnly(18, 0)));
        Assert.Equal(new DateTimeOffset(2026, 3, 26, 20, 0, 0, TimeSpan.Zero), reunion.StartOf(new DateOnly(2026, 3, 27)));
    }

    [Fact]
    public void Paris_follows_summer_time_skips_the_spring_hour_and_reads_the_autumn_one_as_winter_time()
    {
        var paris = LocalClock.InParis(LateEvening);
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.Zero), paris.At(new DateOnly(2026, 3, 27), new TimeOnly(18, 0)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 16, 0, 0, TimeSpan.Zero), paris.At(new DateOnly(2026, 7, 1), new TimeOnly(18, 0)));
        Assert.True(paris.IsSkipped(new DateTime(2026, 3, 29, 2, 30, 0)));
        Assert.False(paris.IsSkipped(new DateTime(2026, 3, 29, 3, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero), paris.At(new DateTime(2026, 10, 25, 2, 30, 0)));
        Assert.Equal(new DateOnly(2026, 7, 1), paris.DateOf(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("41", "Europe/Paris", "heure de Paris")]
    [InlineData("2A", "Europe/Paris", "heure de Paris")]
    [InlineData("971", "America/Guadeloupe", "heure de la Guadeloupe")]
    [InlineData("972", "America/Martinique", "heure de la Martinique")]
    [InlineData("973", "America/Cayenne", "heure de la Guyane")]
    [InlineData("974", "Indian/Reunion", "heure de La Réunion")]
    [InlineData("976", "Indian/Mayotte", "heure de Mayotte")]
    public void Each_departement_has_its_zone_and_a_french_label(string departement, string zone, string label)
    {
        var found = TimeZones.OfDepartement(departement);
        Assert.Equal((zone, label), (found.Id, TimeZones.Label(found)));
    }

    [Fact]
    public void A_territory_takes_the_zone_of_its_overseas_departement()
    {
        Assert.Equal("Indian/Reunion", TimeZones.Of(["974"]).Id);
        Assert.Equal("Europe/Paris", TimeZones.Of(["41", "37"]).Id);
        Assert.Equal("Europe/Paris", TimeZones.Of([]).Id);
    }
}
