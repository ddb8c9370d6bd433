using System.Net;
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
        _ = PublicFormGate.ReadProxies(builder.Configuration);   // a wrong address stops the start, not a patient's post
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

    /// <summary>An answer link as mailed: absolute, on the host the coordinator uses.</summary>
    public static Func<Guid, string, string> AnswerLink(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return (id, secret) => root + Maillage.TreatingDoctor.Proposals.AnswerPath(id, secret);
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
        Proxies = ReadProxies(config);
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerWindow, Window = Window, QueueLimit = 0, AutoReplenishment = true,
        }));
    }

    public int PermitsPerWindow { get; }

    public TimeSpan Window { get; }

    public int MinSeconds { get; }

    /// <summary>The reverse proxies in front of the platform (<c>Maillage:TreatingDoctor:PublicFormProxies</c>, none by default): a post
    /// arriving from one of them is counted against the client it forwards (<c>X-Forwarded-For</c>), not against the proxy — else every
    /// patient behind it would share one allowance.</summary>
    public IReadOnlyList<IPAddress> Proxies { get; }

    /// <summary>The stamp a form carries from its display.</summary>
    public string Stamp() => protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        TimeSpan.FromHours(2));

    /// <summary>Takes one post of this connection from its allowance; false when it is spent for now.</summary>
    public bool Admit(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var lease = limiter.AttemptAcquire(ClientOf(http, Proxies));
        return lease.IsAcquired;
    }

    /// <summary>The proxies of the configuration: a list, or one value of addresses separated by commas; a wrong address stops the start.</summary>
    public static IReadOnlyList<IPAddress> ReadProxies(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.GetSection("Maillage:TreatingDoctor:PublicFormProxies");
        var values = section.Value is { } one ? [one] : section.Get<string[]>() ?? [];
        return [.. values.SelectMany(v => v.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => IPAddress.TryParse(v, out var ip) ? ip.MapToIPv6()
                : throw new InvalidOperationException($"Maillage:TreatingDoctor:PublicFormProxies: « {v} » is not an IP address"))];
    }

    /// <summary>Whose allowance a post takes: the connection's address, or, when it comes from one of <paramref name="proxies"/>, the
    /// nearest address of <c>X-Forwarded-For</c> (read from the right) that is not itself a proxy — the left ones are the client's to write.</summary>
    public static string ClientOf(HttpContext http, IReadOnlyList<IPAddress> proxies)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(proxies);
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null)
        {
            return "?";
        }

        bool IsProxy(IPAddress ip) => proxies.Contains(ip.MapToIPv6());
        if (!IsProxy(remote))
        {
            return remote.ToString();
        }

        var chain = http.Request.Headers["X-Forwarded-For"].SelectMany(h => (h ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        foreach (var hop in chain.Reverse())
        {
            if (!IPAddress.TryParse(hop, out var ip))
            {
                break;   // a forged or broken entry: stop at what the proxies vouch for
            }

            if (!IsProxy(ip))
            {
                return ip.ToString();
            }
        }

        return remote.ToString();
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
