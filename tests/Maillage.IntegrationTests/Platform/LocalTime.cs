using System.Globalization;
using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Platform;

/// <summary>
/// Every CPTS lives on the clock of its territory (docs/architecture.md, « Heure locale »). The host's clock starts at 21:30 UTC on
/// Tuesday 10 March 2026 and runs: it is then 22:30 on the 10th in Paris (winter time) and 01:30 on Wednesday the 11th in Saint-Denis
/// de La Réunion, so « today » differs for a CPTS of Loir-et-Cher and one of La Réunion, and so do the dates the rules check.
/// </summary>
public abstract class LocalTime(MaillageApp app) : IntegrationTest(app)
{
    /// <summary>The instant the host's clock starts at.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 21, 30, 0, TimeSpan.Zero);

    private static readonly DateOnly ParisToday = new(2026, 3, 10);
    private static readonly DateOnly ReunionToday = new(2026, 3, 11);

    [Fact]
    public async Task Today_is_the_day_where_the_cpts_is_for_its_creation_and_the_dates_of_its_stages()
    {
        var admin = await App.AdminAsync();
        var reunion = await admin.CreateCptsAsync(Http.Unique("CPTS Nord Réunion"), App.Communes.Take("974", 2));
        var vendome = await admin.CreateCptsAsync(Http.Unique("CPTS du Vendômois"), App.Communes.Take("41", 2));
        Assert.Equal(ReunionToday, StageDate(reunion, 0));
        Assert.Equal(ParisToday, StageDate(vendome, 0));

        // The 11th is today in La Réunion: the stage is recorded on that date.
        var moved = await (await admin.PostJsonAsync($"/api/cpts/{reunion.Id()}/stage", new { stage = "letter-validated", date = ReunionToday }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(ReunionToday, StageDate(moved, 1));

        // The same date is tomorrow in Loir-et-Cher: refused on the date field, nothing recorded.
        var refused = await (await admin.PostJsonAsync($"/api/cpts/{vendome.Id()}/stage", new { stage = "letter-validated", date = ReunionToday }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("La date du 11/03/2026 est dans le futur.", refused.FieldErrors("date"));
        Assert.Equal("pre-project", (await admin.GetJsonAsync($"/api/cpts/{vendome.Id()}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_change_of_membership_is_dated_today_where_the_cpts_is()
    {
        var reunion = await CommunityWorld.CreateAsync(App, professionals: 1, departement: "974");
        var vendome = await CommunityWorld.CreateAsync(App, professionals: 1);

        // The 11th is tomorrow in Loir-et-Cher: refused on the date field.
        var future = await ChangeAsync(vendome, ReunionToday, HttpStatusCode.BadRequest);
        Assert.Contains("La date du 11/03/2026 est dans le futur.", future.FieldErrors("from"));

        // With no date, the change is dated today on the CPTS's clock.
        Assert.Equal(ReunionToday, Since(await ChangeAsync(reunion, null, HttpStatusCode.OK)));
        Assert.Equal(ParisToday, Since(await ChangeAsync(vendome, null, HttpStatusCode.OK)));

        static async Task<JsonElement> ChangeAsync(CommunityWorld world, DateOnly? from, HttpStatusCode status) =>
            await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}/status", new { status = "former", from, reason = "Départ" }))
                .ExpectAsync(status);

        static DateOnly Since(JsonElement member) => DateOnly.Parse(member.GetProperty("since").GetString()!, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_meeting_is_typed_convened_and_sent_in_the_local_time_of_la_reunion()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2, departement: "974");
        var meeting = await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/meetings", new
        {
            body = "general-assembly", title = Http.Unique("AG"), startsAt = "2026-03-27T18:00", endsAt = "2026-03-27T20:00", location = "Saint-Denis",
        })).ExpectAsync(HttpStatusCode.Created);
        var url = $"/api/cpts/{world.Cpts}/meetings/{meeting.GetProperty("id").GetGuid()}";

        // 18:00 in La Réunion (UTC+4) is 14:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 14, 0, 0, TimeSpan.Zero), meeting.GetProperty("startsAt").GetDateTimeOffset());

        // 15 jours francs counted from the local today (the 11th): the 27th at the earliest, not the 26th as in Paris.
        Assert.Equal(new DateOnly(2026, 3, 27), DateOnly.Parse(meeting.GetProperty("earliestConvocableDay").GetString()!, CultureInfo.InvariantCulture));
        meeting = await (await world.Coordinator.PostJsonAsync(url + "/agenda", new { title = "Rapport moral", version = Version(meeting) })).ExpectAsync(HttpStatusCode.OK);
        meeting = await (await world.Coordinator.PostJsonAsync(url + "/convene", new { version = Version(meeting) })).ExpectAsync(HttpStatusCode.OK);

        // The invitation carries the zone, so a calendar elsewhere shows the right hour.
        using (var response = await world[0].Client.GetAsync(url + "/invitation.ics", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync(Ct);
            var invitation = Ical.Net.Calendar.Load(text)!;
            var start = Assert.Single(invitation.Events).DtStart!;
            Assert.Equal("Indian/Reunion", start.TzId);
            Assert.Equal((18, 0), (start.Hour, start.Minute));
            Assert.Equal(new DateTime(2026, 3, 27, 14, 0, 0, DateTimeKind.Utc), start.AsUtc);
            Assert.Contains("TZID:Indian/Reunion", text, StringComparison.Ordinal);
        }

        // The convocation says the hour of the place and which time it is.
        await (await world.Coordinator.PostJsonAsync(url + "/convocation", new { })).ExpectAsync(HttpStatusCode.OK);
        var subject = $"Convocation : {meeting.GetProperty("title").GetString()} — {world.CptsName}";
        var mail = App.Factory.Mails().First(m => m.Subject == subject);
        Assert.Contains("vendredi 27 mars 2026 à 18h00 (heure de La Réunion)", mail.TextBody, StringComparison.Ordinal);

        // The page shows and takes the same local hour, and says so.
        var page = await world.Coordinator.GetStringAsync($"/cpts/{world.Cpts}/reunions/{meeting.GetProperty("id").GetGuid()}", Ct);
        Assert.Contains("à 18:00", page, StringComparison.Ordinal);
        Assert.Contains("(heure de La Réunion)", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-27T18:00\"", page, StringComparison.Ordinal);
    }

    private static DateOnly StageDate(JsonElement cpts, int index) =>
        DateOnly.Parse(cpts.GetProperty("stages")[index].GetProperty("date").GetString()!, CultureInfo.InvariantCulture);

    private static int Version(JsonElement meeting) => meeting.GetProperty("version").GetInt32();
}

/// <summary>The host on SQLite, its clock started at <see cref="LocalTime.Start"/>.</summary>
public sealed class SqliteAppAtNight() : MaillageApp(DatabaseKind.Sqlite, new RunningClock(LocalTime.Start));

/// <summary>The host on PostgreSQL, its clock started at <see cref="LocalTime.Start"/>.</summary>
public sealed class PostgresAppAtNight() : MaillageApp(DatabaseKind.Postgres, new RunningClock(LocalTime.Start));

public sealed class LocalTime_on_sqlite(SqliteAppAtNight app) : LocalTime(app), IClassFixture<SqliteAppAtNight>;

public sealed class LocalTime_on_postgres(PostgresAppAtNight app) : LocalTime(app), IClassFixture<PostgresAppAtNight>;

/// <summary>
/// A clock that starts at a chosen instant and then runs at the real pace, so timers, tokens and delays behave as on the real clock.
/// </summary>
public sealed class RunningClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan shift = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
