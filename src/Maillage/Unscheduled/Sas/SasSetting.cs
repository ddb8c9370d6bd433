using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;

namespace Maillage.Unscheduled.Sas;

/// <summary>
/// Where and how the appointments taken by SAS regulators are sent to the SAS platform (INT_R03, docs/sas.md « Sending appointments »).
/// Without <see cref="BaseUrl"/> nothing is sent: the appointments wait, pending, and the coordinator's « À faire » says why.
/// </summary>
/// <param name="BaseUrl">The SAS's FHIR base (<c>Maillage:Sas:BaseUrl</c>); <c>Appointment</c> is appended.</param>
/// <param name="AppointmentSystem">The <c>identifier.system</c> of our appointments (<c>Maillage:Sas:AppointmentSystem</c>, else
/// <c>{Maillage:PublicUrl}/fhir/Appointment</c>); the SAS keys every later PUT on it, so it must never change once sends began.</param>
/// <param name="AttemptTimeout">How long one HTTP try may take (<c>Maillage:Sas:Timeout</c>, default 10 s).</param>
/// <param name="RetryDelay">The first pause between the tries of one attempt, doubled each time (<c>Maillage:Sas:RetryDelay</c>, default 2 s).</param>
/// <param name="Every">How often the worker looks for appointments to send (<c>Maillage:Sas:Every</c>, default 30 s).</param>
/// <param name="CertificatePath">The client certificate for mTLS (<c>Maillage:Sas:ClientCertificate</c>): a PKCS#12 file (.p12/.pfx), or a
/// PEM certificate with its key in <paramref name="KeyPath"/>.</param>
/// <param name="CertificatePassword">The PKCS#12 password, or the password of an encrypted PEM key (<c>Maillage:Sas:ClientCertificatePassword</c>).</param>
/// <param name="KeyPath">The PEM private key of a PEM certificate (<c>Maillage:Sas:ClientCertificateKey</c>).</param>
public sealed record SasSetting(Uri? BaseUrl, string? AppointmentSystem, TimeSpan AttemptTimeout, TimeSpan RetryDelay, TimeSpan Every,
    string? CertificatePath = null, string? CertificatePassword = null, string? KeyPath = null)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultEvery = TimeSpan.FromSeconds(30);

    /// <summary>Nothing configured: nothing is sent (the command line, a platform not connected to the SAS).</summary>
    public static SasSetting None { get; } = new(null, null, DefaultTimeout, DefaultRetryDelay, DefaultEvery);

    /// <summary>Whether appointments can be sent at all: a base and a system for our identifiers.</summary>
    public bool Sends => BaseUrl is not null && !string.IsNullOrEmpty(AppointmentSystem);

    /// <summary>The setting read from the configuration (<c>Maillage:Sas:*</c>, <c>Maillage:PublicUrl</c>); a malformed value is refused at start.</summary>
    public static SasSetting From(IConfiguration config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string? Value(string key) => config[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        Uri? baseUrl = null;
        if (Value("Maillage:Sas:BaseUrl") is { } b)
        {
            if (!Uri.TryCreate(b.TrimEnd('/') + "/", UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"Maillage:Sas:BaseUrl n'est pas une adresse http(s) : « {b} ».");
            }
        }

        var system = Value("Maillage:Sas:AppointmentSystem")
            ?? (Value("Maillage:PublicUrl") is { } publicUrl ? publicUrl.TrimEnd('/') + "/fhir/Appointment" : null);
        return new SasSetting(baseUrl, system, Duration(Value("Maillage:Sas:Timeout"), "Timeout", DefaultTimeout),
            Duration(Value("Maillage:Sas:RetryDelay"), "RetryDelay", DefaultRetryDelay), Duration(Value("Maillage:Sas:Every"), "Every", DefaultEvery),
            Value("Maillage:Sas:ClientCertificate"), config["Maillage:Sas:ClientCertificatePassword"], Value("Maillage:Sas:ClientCertificateKey"));
    }

    /// <summary>A number of seconds (« 10 », « 0.5 ») or a TimeSpan (« 00:00:10 »).</summary>
    private static TimeSpan Duration(string? value, string name, TimeSpan fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero ? span
            : throw new InvalidOperationException($"Maillage:Sas:{name} doit être une durée positive en secondes : « {value} ».");
    }

    /// <summary>The client certificate with its private key, or null when none is configured.</summary>
    public X509Certificate2? LoadCertificate()
    {
        if (CertificatePath is null)
        {
            return null;
        }

        if (KeyPath is null)
        {
            return X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword);
        }

        using var pem = string.IsNullOrEmpty(CertificatePassword)
            ? X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(CertificatePath, CertificatePassword, KeyPath);
        // A key read from PEM is ephemeral; TLS stacks want it in a store-backed form: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    public override string ToString() => $"SAS {BaseUrl?.ToString() ?? "(non configuré)"}";
}
