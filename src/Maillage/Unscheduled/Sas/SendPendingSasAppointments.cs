using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Hl7.Fhir.Serialization;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Audit;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Appointment = Hl7.Fhir.Model.Appointment;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace Maillage.Unscheduled.Sas;

/// <summary>What the SAS answered to one request: its status, its <c>Location</c>, the diagnostics of its OperationOutcome.</summary>
public sealed record SasAnswer(HttpStatusCode Status, string? Location, string? Diagnostics);

/// <summary>
/// The HTTP client of the SAS platform's Appointment endpoint (typed <see cref="HttpClient"/>: base address, client certificate, and the
/// standard resilience handler — retries of transient failures within one attempt, a timeout per try and in all — set up in
/// <see cref="SasOutbox.AddSasOutbox"/>).
/// </summary>
public sealed class SasAppointmentClient(HttpClient http)
{
    public const string FhirJson = "application/fhir+json";

    private static readonly FhirJsonSerializer Serializer = new();

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings { AcceptUnknownMembers = true });

    /// <summary><c>POST [base]/Appointment</c>.</summary>
    public Task<SasAnswer> CreateAsync(Appointment appointment, CancellationToken ct) => SendAsync(HttpMethod.Post, "Appointment", appointment, ct);

    /// <summary><c>PUT [base]/Appointment?identifier=&lt;system&gt;|&lt;value&gt;</c> (conditional update, sas-guide reading 10).</summary>
    public Task<SasAnswer> UpdateAsync(Appointment appointment, string system, string value, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, ConditionalPath(system, value), appointment, ct);

    /// <summary>The relative address of a conditional update, system and value escaped apart, the pipe between them kept.</summary>
    public static string ConditionalPath(string system, string value) => $"Appointment?identifier={Uri.EscapeDataString(system)}|{Uri.EscapeDataString(value)}";

    private async Task<SasAnswer> SendAsync(HttpMethod method, string path, Appointment appointment, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(Serializer.SerializeToString(appointment), Encoding.UTF8, FhirJson),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));
        using var response = await http.SendAsync(request, ct);
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l : new Uri(http.BaseAddress!, l)).ToString() : null;
        var diagnostics = response.IsSuccessStatusCode ? null : Diagnostics(await response.Content.ReadAsStringAsync(ct));
        return new SasAnswer(response.StatusCode, location, diagnostics);
    }

    /// <summary>The diagnostics (else the text) of the issues of an OperationOutcome body; null when the body is none.</summary>
    private static string? Diagnostics(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            var outcome = Deserializer.Deserialize<OperationOutcome>(body);
            var texts = outcome.Issue.Select(i => i.Diagnostics ?? i.Details?.Text).Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
            return texts.Count == 0 ? null : string.Join(" ; ", texts);
        }
        catch (DeserializationFailedException)
        {
            return null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>What one run of the sender did.</summary>
public sealed record SasSendReport(int Sent, int Failed, int Refused)
{
    public static SasSendReport Nothing { get; } = new(0, 0, 0);
}

/// <summary>
/// Sends to the SAS every appointment whose state it lacks and whose turn has come, across every CPTS (docs/sas.md « Sending appointments »):
/// a POST while the SAS has not created it, then conditional PUTs of the whole resource. A success clears the pending state only if the row
/// did not change during the send (its version): a change made meanwhile goes next round. A failure is counted and retried later, the pause
/// doubling from one minute up to six hours; a refusal of the content (400, 409, 412, 422) is not retried until the appointment changes again.
/// Each row is claimed before it is sent (its next attempt moved past the send), so two senders never send it at once.
/// </summary>
public sealed partial class SendPendingSasAppointments(MaillageDbContext db, SasSetting setting, SasAppointmentClient client, CptsLookup registry, AuditTrail audit,
    TimeProvider clock, ILogger<SendPendingSasAppointments> logger)
{
    /// <summary>At most this many rows a run.</summary>
    public const int BatchSize = 100;

    /// <summary>After this many failed attempts in a row, the coordinator is told and the failure is audited.</summary>
    public const int FailingAfter = 3;

    public static readonly TimeSpan FirstBackoff = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(6);

    /// <summary>The pause before attempt <paramref name="attempts"/> + 1: one minute, doubled each failure, six hours at most.</summary>
    public static TimeSpan Backoff(int attempts) =>
        attempts >= 10 ? MaxBackoff : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Max(0, attempts - 1)));

    /// <summary>Whether the SAS refused the content itself (sending it again unchanged would be refused again).</summary>
    public static bool IsRefusal(HttpStatusCode status) =>
        status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed or HttpStatusCode.UnprocessableEntity;

    public async Task<SasSendReport> RunAsync(CancellationToken ct = default)
    {
        if (!setting.Sends)
        {
            return SasSendReport.Nothing;
        }

        var now = clock.GetUtcNow();
        var due = await Rows().AsNoTracking()
            .Where(a => a.PendingSince != null && a.NextAttemptAt != null && a.NextAttemptAt <= now)
            .OrderBy(a => a.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
        var zones = due.Count == 0 ? new Dictionary<Guid, CptsInfo>() : await registry.DescribeAsync(due.Select(a => a.CptsId).Distinct(), ct);
        var (sent, failed, refused) = (0, 0, 0);
        foreach (var row in due)
        {
            var zone = zones.TryGetValue(row.CptsId, out var info) ? info.TimeZone : Maillage.Territories.Published.TimeZones.Of([]);
            switch (await SendAsync(row, zone, ct))
            {
                case Sent.Yes:
                    sent++;
                    break;
                case Sent.Failed:
                    failed++;
                    break;
                case Sent.Refused:
                    refused++;
                    break;
            }
        }

        return new SasSendReport(sent, failed, refused);
    }

    private enum Sent
    {
        Skipped,
        Yes,
        Failed,
        Refused,
    }

    private IQueryable<SasAppointment> Rows() => db.SasAppointments().EveryCpts();

    private async Task<Sent> SendAsync(SasAppointment row, TimeZoneInfo zone, CancellationToken ct)
    {
        // The claim: the next attempt moved past the longest a send may take (whole milliseconds, stored exactly by both engines).
        var now = clock.GetUtcNow();
        var lease = now + setting.AttemptTimeout * 4 + setting.RetryDelay * 4 + TimeSpan.FromMinutes(1);
        lease = lease.AddTicks(-(lease.Ticks % TimeSpan.TicksPerMillisecond));
        var claimed = await Rows().Where(a => a.Id == row.Id && a.Version == row.Version && a.NextAttemptAt == row.NextAttemptAt)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.NextAttemptAt, lease), ct);
        if (claimed == 0)
        {
            return Sent.Skipped;
        }

        var what = await (from b in db.Bookings().EveryCpts().AsNoTracking()
                          join s in db.Slots().EveryCpts().AsNoTracking() on b.SlotId equals s.Id
                          join e in db.Effectors().EveryCpts().AsNoTracking() on s.EffectorId equals e.Id
                          where b.Id == row.BookingId
                          select new { s.Start, s.End, e.Rpps }).FirstOrDefaultAsync(ct);
        if (what is null)
        {
            return await FailedAsync(row, lease, null, "Réservation introuvable : rien à envoyer.", refusal: true, ct);
        }

        var system = setting.AppointmentSystem!;
        var resource = SasAppointmentResource.Build(row, system, what.Start, what.End, what.Rpps, zone);
        var create = row.SasLocation is null;
        SasAnswer answer;
        try
        {
            answer = create ? await client.CreateAsync(resource, ct) : await client.UpdateAsync(resource, system, row.Id.ToString(), ct);
        }
#pragma warning disable CA1031 // Whatever the network or the resilience pipeline throws, the row records it and is tried again later.
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
        {
            await UncertainAsync(row, create, ct);
            return await FailedAsync(row, lease, null, $"Pas de réponse exploitable du SAS ({e.GetType().Name}).", refusal: false, ct);
        }

        var ok = create ? answer.Status is HttpStatusCode.Created or HttpStatusCode.OK : answer.Status is HttpStatusCode.OK or HttpStatusCode.Created;
        if (!ok)
        {
            if (answer.Status is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
            {
                await UncertainAsync(row, create, ct);
            }

            var text = $"Le SAS a répondu {(int)answer.Status} ({answer.Status})" + (answer.Diagnostics is { } d ? $" : {d}" : ".");
            return await FailedAsync(row, lease, answer.Status, text, IsRefusal(answer.Status), ct);
        }

        // Created without a Location: the SAS has it all the same; later sends are conditional PUTs, which need only our identifier.
        var location = row.SasLocation ?? answer.Location ?? new Uri(setting.BaseUrl!, SasAppointmentClient.ConditionalPath(system, row.Id.ToString())).ToString();
        var sentAt = clock.GetUtcNow();
        var cleared = await Rows().Where(a => a.Id == row.Id && a.Version == row.Version).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.PendingSince, (DateTimeOffset?)null)
            .SetProperty(a => a.NextAttemptAt, (DateTimeOffset?)null)
            .SetProperty(a => a.Attempts, 0)
            .SetProperty(a => a.LastError, (string?)null)
            .SetProperty(a => a.LastSentAt, sentAt)
            .SetProperty(a => a.SasLocation, location), ct);
        if (cleared == 0)
        {
            // Changed while it was on its way: the SAS has the older state; the newer one stays pending (due already) and goes next round.
            await Rows().Where(a => a.Id == row.Id).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.SasLocation, a => a.SasLocation ?? location)
                .SetProperty(a => a.Attempts, 0)
                .SetProperty(a => a.LastError, (string?)null)
                .SetProperty(a => a.LastSentAt, sentAt), ct);
        }

        SentOne(logger, create ? "POST" : "PUT", (int)answer.Status, row.Id);
        return Sent.Yes;
    }

    /// <summary>
    /// A POST whose fate is unknown (no answer, a timeout, a gateway's 502 or 504: the SAS may have created the appointment and its answer
    /// been lost) is never POSTed again: from then on the appointment is addressed by our identifier, whose conditional PUT updates it if
    /// the SAS has it and creates it if not (the SAS declares <c>updateCreate</c>) — one appointment at the SAS either way.
    /// </summary>
    private async Task UncertainAsync(SasAppointment row, bool create, CancellationToken ct)
    {
        if (create)
        {
            var conditional = new Uri(setting.BaseUrl!, SasAppointmentClient.ConditionalPath(setting.AppointmentSystem!, row.Id.ToString())).ToString();
            await Rows().Where(a => a.Id == row.Id && a.SasLocation == null).ExecuteUpdateAsync(u => u.SetProperty(a => a.SasLocation, conditional), ct);
        }
    }

    private async Task<Sent> FailedAsync(SasAppointment row, DateTimeOffset lease, HttpStatusCode? status, string error, bool refusal, CancellationToken ct)
    {
        var attempts = row.Attempts + 1;
        var text = error.Length > 1000 ? error[..1000] : error;
        DateTimeOffset? next = refusal ? null : clock.GetUtcNow() + Backoff(attempts);
        // The next attempt is set only if the row was not changed meanwhile (a change makes it due at once, whatever failed before).
        var set = await Rows().Where(a => a.Id == row.Id && a.NextAttemptAt == lease).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.Attempts, a => a.Attempts + 1)
            .SetProperty(a => a.LastError, text)
            .SetProperty(a => a.NextAttemptAt, next), ct);
        if (set == 0)
        {
            await Rows().Where(a => a.Id == row.Id).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Attempts, a => a.Attempts + 1)
                .SetProperty(a => a.LastError, text), ct);
        }

        if (refusal)
        {
            Refused(logger, status is { } s ? (int)s : 0, row.Id);
            audit.Record(Actor.System, row.CptsId, "sas.appointment-refused",
                $"Rendez-vous SAS {row.Id} (réservation {row.BookingId}) refusé, il ne sera renvoyé qu'à sa prochaine modification : {text}");
            await db.SaveChangesAsync(ct);
            return Sent.Refused;
        }

        Failed(logger, status is { } code ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no-answer", attempts, row.Id);
        if (attempts == FailingAfter)
        {
            audit.Record(Actor.System, row.CptsId, "sas.appointment-failing",
                $"Rendez-vous SAS {row.Id} (réservation {row.BookingId}) : {attempts} envois échoués de suite, dernier : {text}");
            await db.SaveChangesAsync(ct);
        }

        return Sent.Failed;
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "SAS appointment {AppointmentId} sent ({Method}, {Status})")]
    private static partial void SentOne(ILogger logger, string method, int status, Guid appointmentId);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Warning, Message = "SAS appointment {AppointmentId} not sent ({Status}), attempt {Attempts}")]
    private static partial void Failed(ILogger logger, string status, int attempts, Guid appointmentId);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "SAS appointment {AppointmentId} refused by the SAS ({Status}); held until it changes")]
    private static partial void Refused(ILogger logger, int status, Guid appointmentId);
}

/// <summary>Runs <see cref="SendPendingSasAppointments"/> every <see cref="SasSetting.Every"/> when the SAS is configured.</summary>
public sealed partial class SasAppointmentWorker(IServiceScopeFactory scopes, SasSetting setting, TimeProvider clock, ILogger<SasAppointmentWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!setting.Sends)
        {
            NotConfigured(logger);
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(setting.Every, clock, stoppingToken);
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var report = await scope.ServiceProvider.GetRequiredService<SendPendingSasAppointments>().RunAsync(stoppingToken);
                    if (report != SasSendReport.Nothing && report.Sent + report.Failed + report.Refused > 0)
                    {
                        Ran(logger, report.Sent, report.Failed, report.Refused);
                    }
                }
#pragma warning disable CA1031 // Any failure (the database away…) skips this run only; the rows wait, pending, for the next one.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    // The type only, as everywhere in the logs.
                    RunFailed(logger, e.GetType().Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(EventId = 3304, Level = LogLevel.Information, Message = "SAS appointments: {Sent} sent, {Failed} failed, {Refused} refused")]
    private static partial void Ran(ILogger logger, int sent, int failed, int refused);

    [LoggerMessage(EventId = 3305, Level = LogLevel.Warning, Message = "SAS appointment run failed: {ErrorType}")]
    private static partial void RunFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 3306, Level = LogLevel.Information, Message = "SAS appointments are not sent: Maillage:Sas:BaseUrl (or the identifier system) is not configured")]
    private static partial void NotConfigured(ILogger logger);
}
