using System.Threading.RateLimiting;
using Maillage.Lifecycle.Published;
using Microsoft.AspNetCore.DataProtection;
using Maillage.Web.Platform.Workspace;

namespace Maillage.Web.TreatingDoctor;

/// <summary>
/// The TreatingDoctor module on the web: its API (<see cref="TreatingDoctorEndpoints"/>), the desk's pages under <c>/cpts/{id}/medecin-traitant</c>,
/// the patient's public form and the doctor's answer link under <c>/medecin-traitant</c> (no account).
/// </summary>
public static class TreatingDoctorWeb
{
    /// <summary>What the module's web edge holds for the process: the public form's gate.</summary>
    public static WebApplicationBuilder AddTreatingDoctorWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<PublicFormGate>();
        return builder;
    }

    public static WebApplication MapTreatingDoctor(this WebApplication app)
    {
        app.MapTreatingDoctorApi();
        app.AddToWorkspace(Missions.AccessToCare, "Médecin traitant", "medecin-traitant", Sees)
            .AddToWorkspace(Missions.AccessToCare, "Attribution des patients", "medecin-traitant/attribution", t => t.Manages)
            .AddToWorkspace(Missions.AccessToCare, "Médecins volontaires", "medecin-traitant/volontaires", t => t.Manages)
            .AddToWorkspace(Missions.AccessToCare, "Suivi médecin traitant", "medecin-traitant/statistiques", t => t.Manages || t.Steers);
        return app;
    }

    /// <summary>Who opens the desk: its team, the members' accounts (to file, and the volunteers among them), the officers steering it (figures).</summary>
    public static bool Sees(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return tenant.Manages || tenant.IsMemberAccount || tenant.Steers;
    }

    /// <summary>The path of an answer link (the host is added by the page that sends).</summary>
    public static string AnswerPath(Guid proposalId, string secret) => $"/medecin-traitant/reponse/{proposalId}?jeton={Uri.EscapeDataString(secret)}";

    /// <summary>An answer link as mailed: absolute, on the host the coordinator uses.</summary>
    public static Func<Guid, string, string> AnswerLink(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return (id, secret) => root + AnswerPath(id, secret);
    }
}

/// <summary>
/// The anti-abuse of the public form, without any third-party service: a hidden field people do not see (a robot that fills it is answered
/// as if stored, and nothing is), a signed time stamp in the form (posted faster than <see cref="MinSeconds"/> after display, or after two
/// hours, it is refused), and a limit of posts per connection (<see cref="PermitsPerWindow"/> per <see cref="Window"/>, then 429 with
/// « réessayez dans quelques minutes »): a flood is slowed down, not stored.
/// </summary>
public sealed class PublicFormGate : IDisposable
{
    public const string HoneypotField = "site";

    public const string StampField = "horodatage";

    private readonly PartitionedRateLimiter<string> limiter;

    private readonly ITimeLimitedDataProtector protector;

    private readonly TimeProvider clock;

    public PublicFormGate(IDataProtectionProvider protection, IConfiguration config, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(config);
        this.clock = clock;
        protector = protection.CreateProtector("treating.public-form").ToTimeLimitedDataProtector();
        PermitsPerWindow = config.GetValue("Maillage:TreatingDoctor:PublicFormPermits", 5);
        Window = TimeSpan.FromMinutes(config.GetValue("Maillage:TreatingDoctor:PublicFormWindowMinutes", 10));
        MinSeconds = config.GetValue("Maillage:TreatingDoctor:PublicFormMinSeconds", 3);
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerWindow, Window = Window, QueueLimit = 0, AutoReplenishment = true,
        }));
    }

    public int PermitsPerWindow { get; }

    public TimeSpan Window { get; }

    public int MinSeconds { get; }

    /// <summary>The stamp a form carries from its display.</summary>
    public string Stamp() => protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan.FromHours(2));

    /// <summary>Takes one post of this connection from its allowance; false when it is spent for now.</summary>
    public bool Admit(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "?");
        return lease.IsAcquired;
    }

    /// <summary>Why a stamp is refused (in French), or null when the form was displayed long enough ago, and not too long.</summary>
    public string? Check(string? stamp)
    {
        long shown;
        try
        {
            shown = long.Parse(protector.Unprotect(stamp ?? ""), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return "Le formulaire a expiré ou est incomplet : rechargez la page et recommencez.";
        }

        return clock.GetUtcNow().ToUnixTimeMilliseconds() - shown < MinSeconds * 1000L
            ? "Le formulaire a été envoyé trop vite : relisez-le puis envoyez-le de nouveau."
            : null;
    }

    public void Dispose() => limiter.Dispose();
}
