using Maillage.Lifecycle.Published;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Maillage.Unscheduled.Sas;

/// <summary>Wires the sending of appointments to the SAS (INT_R03): the outbox, the typed client with its resilience, the worker.</summary>
public static class SasOutbox
{
    /// <summary>
    /// Registers the outbox and the sender; <see cref="SasSetting.None"/> unless the host registers its own <see cref="SasSetting"/> (the web
    /// host reads <c>Maillage:Sas:*</c>). The client: the SAS base, the client certificate when configured, and the standard resilience handler
    /// — each try bounded by <see cref="SasSetting.AttemptTimeout"/>; up to two more tries of a PUT on 5xx, 408, 429, a timeout or a network
    /// error, after <see cref="SasSetting.RetryDelay"/> then twice that (with jitter); a POST is never tried twice within an attempt, since an
    /// answer lost on the way could leave two appointments at the SAS; the whole bounded too. Longer outages are the outbox's: the row waits.
    /// </summary>
    public static IServiceCollection AddSasOutbox(this IServiceCollection services)
    {
        services.TryAddSingleton(SasSetting.None);
        services.AddScoped<SasAppointments>();
        services.AddScoped<SendPendingSasAppointments>();
        services.AddScoped<ReadSasSend>();
        services.AddScoped<ResendSasAppointment>();
        services.AddScoped<IToDoSource, SasToDo>();
        services.AddHostedService<SasAppointmentWorker>();
        services.AddHttpClient<SasAppointmentClient>((sp, http) =>
            {
                var setting = sp.GetRequiredService<SasSetting>();
                http.BaseAddress = setting.BaseUrl ?? new Uri("http://sas.invalid/");
                // The resilience pipeline bounds each try and the whole; the client's own timeout only backs it up.
                http.Timeout = Total(setting) + TimeSpan.FromSeconds(5);
            })
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
                if (sp.GetRequiredService<SasSetting>().LoadCertificate() is { } certificate)
                {
                    handler.SslOptions.ClientCertificates = [certificate];
                }

                return handler;
            })
            .AddStandardResilienceHandler()
            .Configure((o, sp) =>
            {
                var setting = sp.GetRequiredService<SasSetting>();
                o.AttemptTimeout.Timeout = setting.AttemptTimeout;
                o.Retry.MaxRetryAttempts = 2;
                o.Retry.Delay = setting.RetryDelay;
                o.Retry.DisableFor(HttpMethod.Post);
                o.TotalRequestTimeout.Timeout = Total(setting);
                // The breaker samples at least twice a try (the handler's own rule); with a few sends an hour it seldom opens.
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(30).Ticks, setting.AttemptTimeout.Ticks * 2));
            });
        return services;
    }

    /// <summary>Three tries and the pauses between them (d, then 2d, jitter included).</summary>
    private static TimeSpan Total(SasSetting setting) => setting.AttemptTimeout * 3 + setting.RetryDelay * 4;
}

/// <summary>Where a booking's appointment stands with the SAS, for the coordinator.</summary>
/// <param name="Sent">The SAS has the current state.</param>
/// <param name="Attempts">Failed attempts since the last success.</param>
/// <param name="Held">Refused by the SAS: not tried again until the appointment changes.</param>
/// <param name="Configured">Whether this platform sends to the SAS at all.</param>
public sealed record SasSendState(bool Sent, int Attempts, bool Held, string? LastError, DateTimeOffset? LastSentAt, bool Configured);

/// <summary>The SAS state of one booking's appointment, for the coordinator of its CPTS (null for anyone else, or a booking no regulator took).</summary>
public sealed class ReadSasSend(MaillageDbContext db, SnpAccess access, SasSetting setting)
{
    public async Task<SasSendState?> RunAsync(Guid cptsId, Guid bookingId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.ResolveAsync(cptsId, actor, ct);
        if (!scope.Succeeded || !scope.Value!.Manages)
        {
            return null;
        }

        var row = await db.SasAppointments().AsNoTracking().FirstOrDefaultAsync(a => a.BookingId == bookingId, ct);
        return row is null ? null
            : new SasSendState(row.PendingSince is null, row.Attempts, row.PendingSince is not null && row.NextAttemptAt is null, row.LastError, row.LastSentAt, setting.Sends);
    }
}

/// <summary>
/// « Renvoyer au SAS »: the coordinator sends again an appointment the SAS refused (held: pending, no next attempt), once the cause is fixed
/// on the SAS's side (an effector unknown to it, an id corrected) — without waiting for the appointment's next change. Due at once, audited
/// (<c>sas.appointment-resend</c>); only the coordinator of the booking's CPTS, only a held appointment.
/// </summary>
public sealed class ResendSasAppointment(MaillageDbContext db, SnpAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<SasAppointment>> RunAsync(Guid cptsId, Guid bookingId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.ResolveAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<SasAppointment>.Fail(scope.Errors);
        }

        if (!scope.Value!.Manages)
        {
            return Error.Forbidden();
        }

        var row = await db.SasAppointments().FirstOrDefaultAsync(a => a.BookingId == bookingId, ct);
        if (row is null)
        {
            return Error.NotFound("Rendez-vous SAS");
        }

        if (row.PendingSince is null || row.NextAttemptAt is not null)
        {
            return new Error("sas_not_held", row.PendingSince is null ? "Le SAS a déjà ce rendez-vous : rien à renvoyer."
                : "Ce rendez-vous est déjà en attente d'envoi : il part au prochain passage.", null, ErrorKind.Conflict);
        }

        row.NextAttemptAt = clock.GetUtcNow();
        audit.Record(actor, cptsId, "sas.appointment-resend", $"Rendez-vous SAS {row.Id} (réservation {bookingId}) renvoyé au SAS après refus : {row.LastError}");
        return await db.SaveAsync(row, ct);
    }
}

/// <summary>
/// The coordinator's line when appointments do not reach the SAS: sends failing for <see cref="SendPendingSasAppointments.FailingAfter"/>
/// attempts or more, refused by the SAS, or waiting because the platform is not connected to the SAS; the link opens the first such booking.
/// </summary>
public sealed class SasToDo(MaillageDbContext db, SasSetting setting) : IToDoSource
{
    public async Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.Manages)
        {
            return [];
        }

        var stuck = db.SasAppointments().AsNoTracking().Where(a => a.PendingSince != null
            && (!setting.Sends || a.Attempts >= SendPendingSasAppointments.FailingAfter || a.NextAttemptAt == null));
        var count = await stuck.CountAsync(ct);
        if (count == 0)
        {
            return [];
        }

        var first = await stuck.OrderBy(a => a.PendingSince).Select(a => a.BookingId).FirstAsync(ct);
        var what = French.Count(count, "rendez-vous pris par la régulation du SAS n'est pas parvenu au SAS", "rendez-vous pris par la régulation du SAS ne sont pas parvenus au SAS");
        var why = setting.Sends ? " : envois en échec, voyez l'erreur sur la réservation" : " : la plateforme n'est pas raccordée au SAS (adresse du SAS non configurée), prévenez l'administrateur";
        return [new ToDo("sas.appointments-unsent", what + why, $"/cpts/{tenant.Id}/snp/reservations/{first}", count)];
    }
}
