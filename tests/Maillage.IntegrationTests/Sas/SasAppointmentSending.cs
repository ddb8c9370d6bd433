using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Sas;
using Maillage.Unscheduled.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Maillage.IntegrationTests.Sas;

/// <summary>The host connected to a <see cref="FakeSas"/> on loopback, its worker off (the tests run the sender themselves).</summary>
public abstract class SasOutboxApp(DatabaseKind kind) : MaillageApp(kind)
{
    public const string System = "https://maillage.test/fhir/Appointment";

    private FakeSas? sas;

    public FakeSas Sas => sas ??= FakeSas.StartAsync().GetAwaiter().GetResult();

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Maillage:Sas:BaseUrl", Sas.BaseUrl.ToString());
        builder.UseSetting("Maillage:Sas:AppointmentSystem", System);
        // Short enough for the test of an answer too late, long enough for a loaded machine.
        builder.UseSetting("Maillage:Sas:Timeout", "5");
        builder.UseSetting("Maillage:Sas:RetryDelay", "0.05");
        builder.ConfigureTestServices(s =>
        {
            foreach (var worker in s.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(SasAppointmentWorker)).ToList())
            {
                s.Remove(worker);
            }
        });
    }

    /// <summary>Another host on the same database, as after a restart.</summary>
    public MaillageAppFactory Restarted() => new(Database, null, ConfigureHost);

    protected override async ValueTask DisposeMoreAsync()
    {
        if (sas is not null)
        {
            await sas.DisposeAsync();
        }
    }
}

public sealed class SasOutboxSqliteApp() : SasOutboxApp(DatabaseKind.Sqlite);

public sealed class SasOutboxPostgresApp() : SasOutboxApp(DatabaseKind.Postgres);

/// <summary>
/// Appointments taken by SAS regulators reach a real SAS platform on loopback (docs/sas.md « Sending appointments »): POST of the guide's
/// resource, conditional PUTs for the outcome, the cancellation and the move, nothing lost while the SAS is down nor across a restart, no
/// second creation, a change made during a send sent afterwards, refusals held and shown to the coordinator, nothing for other bookings.
/// </summary>
public abstract class SasAppointmentSending(SasOutboxApp app) : IntegrationTest(app)
{
    private sealed record World(CommunityWorld Community, Actor Coordinator, Actor Regulator, SasRegulator Row, string Rpps, List<Slot> Slots);

    private FakeSas Sas => ((SasOutboxApp)App).Sas;

    [Fact]
    public async Task A_regulator_booking_is_posted_to_the_sas_as_the_guides_appointment_once()
    {
        var w = await WorldAsync();
        var booking = await BookAsync(w, w.Slots[0]);
        var row = await RowAsync(booking.Id);
        Assert.Equal((SasAppointmentStatus.Booked, w.Row.Id, Seconds(booking.BookedAt)), (row.Status, row.RegulatorId, Seconds(row.Created)));
        Assert.NotNull(row.PendingSince);
        Assert.Null(row.SasLocation);

        Assert.True((await RunAsync()).Sent >= 1);
        var post = Assert.Single(Sas.About(row.Id));
        Assert.Equal(("POST", "/fhir/Appointment", "", 201), (post.Method, post.Path, post.Query, post.Answered));
        Assert.StartsWith("application/fhir+json", post.ContentType, StringComparison.Ordinal);
        var sent = post.Json;
        var fixture = Fixture("Appointment-1.json");
        Assert.False(sent.TryGetProperty("id", out _));
        Assert.Equal(fixture.EnumerateObject().Select(p => p.Name).Where(n => n != "id").Order(), sent.EnumerateObject().Select(p => p.Name).Order());
        Same(fixture.GetProperty("meta"), sent.GetProperty("meta"));
        var op = sent.GetProperty("extension")[0];
        Assert.Equal(fixture.GetProperty("extension")[0].GetProperty("url").GetString(), op.GetProperty("url").GetString());
        var opId = op.GetProperty("valueReference").GetProperty("identifier");
        Same(fixture.GetProperty("extension")[0].GetProperty("valueReference").GetProperty("identifier").GetProperty("type"), opId.GetProperty("type"));
        Assert.Equal(("urn:oid:1.2.250.1.71.4.2.1", w.Row.NationalId), (opId.GetProperty("system").GetString(), opId.GetProperty("value").GetString()));
        var identifier = Assert.Single(sent.GetProperty("identifier").EnumerateArray());
        Assert.Equal((SasOutboxApp.System, row.Id.ToString()), (identifier.GetProperty("system").GetString(), identifier.GetProperty("value").GetString()));
        Assert.Equal("booked", sent.GetProperty("status").GetString());
        Assert.Equal(w.Slots[0].Start, DateTimeOffset.Parse(sent.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(w.Slots[0].End, DateTimeOffset.Parse(sent.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0[12]:00$", sent.GetProperty("start").GetString());
        Assert.Equal(Seconds(booking.BookedAt), DateTimeOffset.Parse(sent.GetProperty("created").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var participant = Assert.Single(sent.GetProperty("participant").EnumerateArray());
        var model = fixture.GetProperty("participant")[0];
        Same(model.GetProperty("actor").GetProperty("identifier").GetProperty("type"), participant.GetProperty("actor").GetProperty("identifier").GetProperty("type"));
        Assert.Equal("8" + w.Rpps, participant.GetProperty("actor").GetProperty("identifier").GetProperty("value").GetString());
        Assert.Equal("accepted", participant.GetProperty("status").GetString());
        Assert.DoesNotContain("Camille", post.Body, StringComparison.Ordinal);

        row = await RowAsync(booking.Id);
        Assert.Null(row.PendingSince);
        Assert.Equal((0, (string?)null), (row.Attempts, row.LastError));
        Assert.StartsWith(Sas.BaseUrl + "Appointment/", row.SasLocation, StringComparison.Ordinal);
        await RunAsync();
        Assert.Single(Sas.About(row.Id));

        // A regulator known only by the SAS's technical id is named by it (INTRN).
        var technical = await RegulatorAsync(national: false);
        var second = await BookAsync(w, w.Slots[1], technical);
        var secondRow = await RowAsync(second.Id);
        await RunAsync();
        var other = Assert.Single(Sas.About(secondRow.Id)).Json.GetProperty("extension")[0].GetProperty("valueReference").GetProperty("identifier");
        Assert.Equal(("INTRN", "urn:oid:1.2.250.1.213.3.6", technical.Row.TechnicalId),
            (other.GetProperty("type").GetProperty("coding")[0].GetProperty("code").GetString(), other.GetProperty("system").GetString(), other.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task The_outcome_the_cancellation_and_the_move_are_conditional_puts_of_the_same_identifier()
    {
        var w = await WorldAsync();
        var seen = await BookAsync(w, w.Slots[0]);
        var cancelled = await BookAsync(w, w.Slots[1]);
        var moved = await BookAsync(w, w.Slots[2]);
        await RunAsync();

        // Outcome: no-show, then corrected to redirected (seen, then sent elsewhere: fulfilled).
        await PastAsync(w.Slots[0]);
        Assert.True((await Use(s => s.GetRequiredService<RecordOutcome>().RunAsync(w.Community.Cpts, seen.Id, "no-show", null, null, w.Coordinator, Ct))).Succeeded);
        Assert.Equal(SasAppointmentStatus.Noshow, (await RowAsync(seen.Id)).Status);
        await RunAsync();
        var seenRow = await RowAsync(seen.Id);
        var put = Sas.About(seenRow.Id)[^1];
        Assert.Equal(("PUT", "/fhir/Appointment", $"{SasOutboxApp.System}|{seenRow.Id}", 200), (put.Method, put.Path, put.IdentifierQuery, put.Answered));
        Assert.Equal("noshow", put.Json.GetProperty("status").GetString());
        Assert.Equal(seenRow.Id.ToString(), put.Json.GetProperty("identifier")[0].GetProperty("value").GetString());
        Assert.True((await Use(s => s.GetRequiredService<RecordOutcome>().RunAsync(w.Community.Cpts, seen.Id, "redirected", "Urgences de Blois", null, w.Coordinator, Ct))).Succeeded);
        await RunAsync();
        Assert.Equal("fulfilled", Sas.About(seenRow.Id)[^1].Json.GetProperty("status").GetString());
        Assert.Null((await RowAsync(seen.Id)).PendingSince);

        // Cancellation.
        Assert.True((await Use(s => s.GetRequiredService<CancelBooking>().RunAsync(w.Community.Cpts, cancelled.Id, "Le patient va mieux", null, w.Coordinator, Ct))).Succeeded);
        await RunAsync();
        var cancelledRow = await RowAsync(cancelled.Id);
        var cancel = Sas.About(cancelledRow.Id)[^1];
        Assert.Equal(("PUT", "cancelled"), (cancel.Method, cancel.Json.GetProperty("status").GetString()));
        Assert.Null(cancelledRow.PendingSince);

        // The move: the same appointment (identifier) now stands for the new booking, with the new slot's hours.
        var movedRow = await RowAsync(moved.Id);
        var to = w.Slots[4];
        var result = await Use(s => s.GetRequiredService<BookSlot>().RescheduleAsync(w.Community.Cpts, moved.Id, to.Id, null, w.Coordinator, Ct));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        var after = await RowAsync(result.Value!.Id);
        Assert.Equal((movedRow.Id, SasAppointmentStatus.Booked), (after.Id, after.Status));
        await RunAsync();
        var move = Sas.About(movedRow.Id);
        Assert.Equal(["POST", "PUT"], move.Select(r => r.Method));
        Assert.Equal(to.Start, DateTimeOffset.Parse(move[^1].Json.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(to.End, DateTimeOffset.Parse(move[^1].Json.GetProperty("end").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("booked", move[^1].Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task While_the_sas_is_down_nothing_is_lost_and_once_back_the_appointment_is_created_once()
    {
        var w = await WorldAsync();
        var booking = await BookAsync(w, w.Slots[0]);
        var row = await RowAsync(booking.Id);
        Sas.Answer(row.Id, HttpStatusCode.ServiceUnavailable, "Maintenance programmée");
        await RunAsync();
        var down = await RowAsync(booking.Id);
        Assert.NotNull(down.PendingSince);
        Assert.Equal(1, down.Attempts);
        Assert.True(down.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.Contains("503", down.LastError, StringComparison.Ordinal);
        Assert.Contains("Maintenance programmée", down.LastError, StringComparison.Ordinal);
        Assert.Single(Sas.About(row.Id));   // a POST is not tried twice within an attempt

        await RunAsync();   // not due yet: the backoff holds it
        Assert.Single(Sas.About(row.Id));

        Sas.Answer(row.Id, null);
        await DueAsync(row.Id);
        await RunAsync();
        Assert.Equal(["POST", "POST"], Sas.About(row.Id).Select(r => r.Method));
        Assert.Single(Sas.About(row.Id), r => r.Answered == 201);
        var up = await RowAsync(booking.Id);
        Assert.Equal((null, 0, null), (up.PendingSince, up.Attempts, up.LastError));
        await RunAsync();
        Assert.Equal(2, Sas.About(row.Id).Count);
    }

    [Fact]
    public async Task A_post_whose_answer_is_lost_is_never_posted_again_but_put_by_our_identifier()
    {
        var w = await WorldAsync();
        var booking = await BookAsync(w, w.Slots[0]);
        var row = await RowAsync(booking.Id);
        Sas.Answer(row.Id, HttpStatusCode.GatewayTimeout, "Délai dépassé en amont");
        await RunAsync();
        var uncertain = await RowAsync(booking.Id);
        Assert.Equal(1, uncertain.Attempts);
        Assert.NotNull(uncertain.PendingSince);
        Assert.Equal(new Uri(Sas.BaseUrl, SasAppointmentClient.ConditionalPath(SasOutboxApp.System, row.Id.ToString())).ToString(), uncertain.SasLocation);

        Sas.Answer(row.Id, null);
        await DueAsync(row.Id);
        await RunAsync();
        Assert.Equal(["POST", "PUT"], Sas.About(row.Id).Select(r => r.Method));
        var put = Sas.About(row.Id)[^1];
        Assert.Equal(($"{SasOutboxApp.System}|{row.Id}", "booked"), (put.IdentifierQuery, put.Json.GetProperty("status").GetString()));
        Assert.Null((await RowAsync(booking.Id)).PendingSince);
    }

    [Fact]
    public async Task A_put_that_fails_for_a_moment_is_tried_again_within_the_attempt()
    {
        var w = await WorldAsync();
        var booking = await BookAsync(w, w.Slots[0]);
        var row = await RowAsync(booking.Id);
        await RunAsync();
        Assert.NotNull((await RowAsync(booking.Id)).SasLocation);
        Assert.True((await Use(s => s.GetRequiredService<CancelBooking>().RunAsync(w.Community.Cpts, booking.Id, null, null, w.Coordinator, Ct))).Succeeded);
        Sas.Answer(row.Id, HttpStatusCode.InternalServerError);
        await RunAsync();
        var puts = Sas.About(row.Id).Where(r => r.Method == "PUT").ToList();
        Assert.Equal(3, puts.Count);   // the try and two more
        Assert.Equal(1, (await RowAsync(booking.Id)).Attempts);
        Sas.Answer(row.Id, null);
        await DueAsync(row.Id);
        await RunAsync();
        Assert.Null((await RowAsync(booking.Id)).PendingSince);
        Assert.Equal("cancelled", Sas.About(row.Id)[^1].Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_restarted_platform_sends_what_was_pending()
    {
        var w = await WorldAsync();
        var booking = await BookAsync(w, w.Slots[0]);
        var row = await RowAsync(booking.Id);
        Assert.Empty(Sas.About(row.Id));

        await using (var restarted = ((SasOutboxApp)App).Restarted())
        {
            restarted.StartServer();
            await using var scope = restarted.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendPendingSasAppointments>().RunAsync(Ct);
        }

        Assert.Equal("POST", Assert.Single(Sas.About(row.Id)).Method);
        Assert.Null((await RowAsync(booking.Id)).PendingSince);
        await RunAsync();
        Assert.Single(Sas.About(row.Id));
    }

    [Fact]
    public async Task A_change_made_while_a_send_is_on_its_way_is_sent_afterwards()
    {
        var w = await WorldAsync();
        var booking = await BookAsync(w, w.Slots[0]);
        var row = await RowAsync(booking.Id);
        var hold = Sas.HoldNext(row.Id);
        var sending = RunAsync();
        await hold.Arrived.WaitAsync(Ct);
        var cancelled = await Use(s => s.GetRequiredService<CancelBooking>().RunAsync(w.Community.Cpts, booking.Id, "Annulé pendant l'envoi", null, w.Coordinator, Ct));
        Assert.True(cancelled.Succeeded, string.Join(" ", cancelled.Errors.Select(e => e.Message)));
        hold.Release();
        await sending;

        var between = await RowAsync(booking.Id);
        Assert.NotNull(between.PendingSince);   // the SAS has « booked », not « cancelled »
        Assert.NotNull(between.SasLocation);    // but it has created it: no second POST
        await RunAsync();
        var requests = Sas.About(row.Id);
        Assert.Equal(["POST", "PUT"], requests.Select(r => r.Method));
        Assert.Equal(("booked", "cancelled"), (requests[0].Json.GetProperty("status").GetString(), requests[1].Json.GetProperty("status").GetString()));
        Assert.Null((await RowAsync(booking.Id)).PendingSince);
    }

    [Fact]
    public async Task Repeated_failures_and_refusals_reach_the_coordinators_to_do_and_the_booking_page()
    {
        var w = await WorldAsync();
        var failing = await BookAsync(w, w.Slots[0]);
        var failingRow = await RowAsync(failing.Id);
        Assert.Empty(await ToDoAsync(w));

        // Down, then an error, then an answer too late: three failed attempts.
        Sas.Answer(failingRow.Id, HttpStatusCode.ServiceUnavailable);
        await RunAsync();
        Sas.Answer(failingRow.Id, HttpStatusCode.InternalServerError, "Erreur interne");
        await DueAsync(failingRow.Id);
        await RunAsync();
        Assert.Empty(await ToDoAsync(w));
        Sas.Answer(failingRow.Id, null, delay: TimeSpan.FromSeconds(30));
        await DueAsync(failingRow.Id);
        await RunAsync();
        var stuck = await RowAsync(failing.Id);
        Assert.Equal(3, stuck.Attempts);
        Assert.NotNull(stuck.PendingSince);
        Assert.Contains("Pas de réponse", stuck.LastError, StringComparison.Ordinal);
        var line = Assert.Single(await ToDoAsync(w));
        Assert.Equal(("sas.appointments-unsent", 1), (line.Key, line.Count));
        Assert.Contains("1 rendez-vous pris par la régulation du SAS n'est pas parvenu au SAS", line.Text, StringComparison.Ordinal);
        Assert.Equal($"/cpts/{w.Community.Cpts}/snp/reservations/{failing.Id}", line.Href);
        Assert.True(await Use(s => s.GetRequiredService<MaillageDbContext>().AuditEntries.AnyAsync(a => a.Action == "sas.appointment-failing" && a.CptsId == w.Community.Cpts, Ct)));
        var page = WebUtility.HtmlDecode(await w.Community.Coordinator.PageAsync(line.Href));
        Assert.Contains("En attente d'envoi au SAS (3 tentatives)", page, StringComparison.Ordinal);

        // A refusal (422 and its OperationOutcome) is held, not retried, and counted at once.
        var refused = await BookAsync(w, w.Slots[1]);
        var refusedRow = await RowAsync(refused.Id);
        Sas.Answer(refusedRow.Id, HttpStatusCode.UnprocessableEntity, "Le professionnel effecteur est inconnu du SAS");
        await RunAsync();
        var held = await RowAsync(refused.Id);
        Assert.Null(held.NextAttemptAt);
        Assert.Contains("422", held.LastError, StringComparison.Ordinal);
        Assert.Contains("Le professionnel effecteur est inconnu du SAS", held.LastError, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(await ToDoAsync(w)).Count);
        Assert.Contains("Refusé par le SAS", await w.Community.Coordinator.PageAsync($"/cpts/{w.Community.Cpts}/snp/reservations/{refused.Id}"), StringComparison.Ordinal);
        Assert.True(await Use(s => s.GetRequiredService<MaillageDbContext>().AuditEntries.AnyAsync(a => a.Action == "sas.appointment-refused" && a.CptsId == w.Community.Cpts, Ct)));

        // Back to normal: the delayed one is sent when due; the refused one when it changes (cancelled here).
        Sas.Answer(failingRow.Id, null);
        Sas.Answer(refusedRow.Id, null);
        await DueAsync(failingRow.Id);
        await RunAsync();
        Assert.Null((await RowAsync(refused.Id)).NextAttemptAt);
        Assert.True((await Use(s => s.GetRequiredService<CancelBooking>().RunAsync(w.Community.Cpts, refused.Id, null, null, w.Coordinator, Ct))).Succeeded);
        await RunAsync();
        Assert.Null((await RowAsync(failing.Id)).PendingSince);
        Assert.Null((await RowAsync(refused.Id)).PendingSince);

        // Or, the cause fixed at the SAS, when the coordinator sends it again (« Renvoyer au SAS », audited); nobody else may.
        var again = await BookAsync(w, w.Slots[2]);
        var againRow = await RowAsync(again.Id);
        Sas.Answer(againRow.Id, HttpStatusCode.UnprocessableEntity, "Le professionnel effecteur est inconnu du SAS");
        await RunAsync();
        Assert.Null((await RowAsync(again.Id)).NextAttemptAt);
        Sas.Answer(againRow.Id, null);
        var againPage = $"/cpts/{w.Community.Cpts}/snp/reservations/{again.Id}";
        Assert.Contains("Renvoyer au SAS", await w.Community.Coordinator.PageAsync(againPage), StringComparison.Ordinal);
        var forbidden = await Use(s => s.GetRequiredService<ResendSasAppointment>().RunAsync(w.Community.Cpts, again.Id,
            new Actor($"user-doctor-{w.Community[0].Id:N}", "doctor", Role.Member, w.Community.Cpts, null, null, w.Community[0].Id), Ct));
        Assert.False(forbidden.Succeeded);
        var (status, html) = await w.Community.Coordinator.PostFormAsync(againPage, againPage + "?handler=ResendSas", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("repart vers le SAS", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.NotNull((await RowAsync(again.Id)).NextAttemptAt);
        await RunAsync();
        Assert.Null((await RowAsync(again.Id)).PendingSince);
        Assert.Equal(["POST", "POST"], Sas.About(againRow.Id).Select(r => r.Method));
        Assert.True(await Use(s => s.GetRequiredService<MaillageDbContext>().AuditEntries.AnyAsync(a => a.Action == "sas.appointment-resend" && a.CptsId == w.Community.Cpts, Ct)));
        Assert.Empty(await ToDoAsync(w));
        Assert.Contains("Envoyé au SAS", await w.Community.Coordinator.PageAsync($"/cpts/{w.Community.Cpts}/snp/reservations/{failing.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bookings_by_registrars_send_nothing()
    {
        var w = await WorldAsync();
        var booked = await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, w.Slots[0].Id, Patient(), w.Coordinator, Ct));
        Assert.True(booked.Succeeded, string.Join(" ", booked.Errors.Select(e => e.Message)));
        Assert.True((await Use(s => s.GetRequiredService<CancelBooking>().RunAsync(w.Community.Cpts, booked.Value!.Id, null, null, w.Coordinator, Ct))).Succeeded);
        Assert.False(await Use(s => s.GetRequiredService<MaillageDbContext>().SasAppointments().EveryCpts().AnyAsync(a => a.CptsId == w.Community.Cpts, Ct)));
        Assert.DoesNotContain("booking-sas", await w.Community.Coordinator.PageAsync($"/cpts/{w.Community.Cpts}/snp/reservations/{booked.Value!.Id}"), StringComparison.Ordinal);
    }

    private static void Same(JsonElement expected, JsonElement actual) =>
        Assert.True(JsonElement.DeepEquals(expected, actual), $"expected {expected.GetRawText()}, sent {actual.GetRawText()}");

    private static DateTimeOffset Seconds(DateTimeOffset t) => t.AddTicks(-(t.Ticks % TimeSpan.TicksPerSecond));

    private static JsonElement Fixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sas", "Fixtures", name))).RootElement;

    private Task<SasSendReport> RunAsync() => Use(s => s.GetRequiredService<SendPendingSasAppointments>().RunAsync(Ct));

    private Task<SasAppointment> RowAsync(Guid bookingId) =>
        Use(s => s.GetRequiredService<MaillageDbContext>().SasAppointments().EveryCpts().AsNoTracking().SingleAsync(a => a.BookingId == bookingId, Ct));

    /// <summary>As if the pause after a failure had passed.</summary>
    private Task<int> DueAsync(Guid appointmentId) =>
        Use(s => s.GetRequiredService<MaillageDbContext>().SasAppointments().EveryCpts().Where(a => a.Id == appointmentId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)), Ct));

    private Task<int> PastAsync(Slot slot) =>
        Use(s => s.GetRequiredService<MaillageDbContext>().Set<Slot>().Where(x => x.Id == slot.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Start, DateTimeOffset.UtcNow.AddHours(-2)).SetProperty(x => x.End, DateTimeOffset.UtcNow.AddHours(-1)), Ct));

    private async Task<IReadOnlyList<ToDo>> ToDoAsync(World w)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<Tenancy>().ResolveAsync(w.Community.Cpts, w.Coordinator, Ct);
        var source = scope.ServiceProvider.GetServices<IToDoSource>().OfType<SasToDo>().Single();
        return await source.InCptsAsync(tenant.Value!, Ct);
    }

    private async Task<Booking> BookAsync(World w, Slot slot, (Actor Actor, SasRegulator Row)? regulator = null)
    {
        var booked = await Use(s => s.GetRequiredService<BookSlot>().RunForRegulatorAsync(w.Community.Cpts, slot.Id, Patient(), regulator?.Actor ?? w.Regulator, Ct));
        Assert.True(booked.Succeeded, string.Join(" ", booked.Errors.Select(e => e.Message)));
        return booked.Value!;
    }

    private static PatientInput Patient() => new("Régulé", "Camille", new DateOnly(1958, 4, 12), "06 12 34 56 78", null, null, "fever", null);

    private async Task<(Actor Actor, SasRegulator Row)> RegulatorAsync(bool national)
    {
        var digits = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Concat("0123456789")).Substring(0, 10);
        var row = new SasRegulator
        {
            Id = Guid.NewGuid(), UserId = "regulator-" + Guid.NewGuid().ToString("N"), NationalId = national ? "3456780581/" + digits : null,
            TechnicalId = Guid.NewGuid().ToString(), FamilyName = "Régulateur", GivenName = "Sam", Email = $"{Guid.NewGuid():N}@sas.example", Active = true,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await Use(async s => { var db = s.GetRequiredService<MaillageDbContext>(); db.Add(row); return await db.SaveChangesAsync(Ct); });
        return (new Actor(row.UserId, "Régulateur SAS", Role.Member, null, null, null), row);
    }

    private async Task<World> WorldAsync()
    {
        var c = await CommunityWorld.CreateAsync(App);
        var coordinator = new Actor("coord", "coordination", Role.Coordinator, c.Cpts, null, null);
        var effector = await Use(s => s.GetRequiredService<EnrollEffector>().RunAsync(c.Cpts, c[0].Id, coordinator, Ct));
        Assert.True(effector.Succeeded, string.Join(" ", effector.Errors.Select(e => e.Message)));
        var doctor = new Actor($"user-doctor-{c[0].Id:N}", "doctor", Role.Member, c.Cpts, null, null, c[0].Id);
        var place = await Use(s => s.GetRequiredService<SavePlace>().RunAsync(c.Cpts, null,
            new PlaceInput("Cabinet du Dr Durand", "practice", "1 rue de la Gare", c.Communes[0], null), coordinator, Ct));
        Assert.True(place.Succeeded, string.Join(" ", place.Errors.Select(e => e.Message)));
        var slots = new List<Slot>();
        for (var i = 0; i < 6; i++)
        {
            var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1 + i / 3));
            var opened = await Use(s => s.GetRequiredService<OpenSlot>().RunAsync(c.Cpts,
                new SlotInput(null, place.Value!.Id, day, $"{9 + i % 3:00}:00", 20, "AMB", ["registrars", "sas-snp"]), doctor, Ct));
            Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Select(e => e.Message)));
            slots.Add(opened.Value!);
        }

        var (regulator, row) = await RegulatorAsync(national: true);
        return new World(c, coordinator, regulator, row, c[0].Rpps, slots);
    }

    private async Task<T> Use<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

public sealed class SasAppointmentSending_on_sqlite(SasOutboxSqliteApp app) : SasAppointmentSending(app), IClassFixture<SasOutboxSqliteApp>;

public sealed class SasAppointmentSending_on_postgres(SasOutboxPostgresApp app) : SasAppointmentSending(app), IClassFixture<SasOutboxPostgresApp>;
