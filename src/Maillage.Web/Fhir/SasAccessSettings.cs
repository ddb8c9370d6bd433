using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Maillage.Web.Fhir;

/// <summary>
/// How the SAS platform proves who it is on <c>/fhir</c> (docs/sas.md, « Authentication »), read once at start-up from
/// <c>Maillage:Sas</c>: mutual TLS with IGC-Santé certificates (<see cref="Mtls"/>), a bearer token (<see cref="AllowBearer"/>), or both.
/// </summary>
public sealed record SasAccessSettings(SasMtls? Mtls, bool AllowBearer)
{
    public const string Section = "Maillage:Sas";

    /// <summary>The settings as configured; a setting that cannot work (a missing file, an unreadable certificate, no CN or OU) stops
    /// the start with a message naming the key, rather than an interface that refuses everything or accepts too much.</summary>
    public static SasAccessSettings Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var sas = configuration.GetSection(Section);
        var mtls = sas.GetValue("Mtls:Enabled", false) ? SasMtls.Read(sas.GetSection("Mtls"), contentRoot) : null;
        // Without mTLS a token is the only way in (development, and the platform before its certificates arrive); with mTLS a token alone
        // would be a way round the certificate that the ANS asks for, so it is off unless asked for.
        return new SasAccessSettings(mtls, sas.GetValue("AllowBearer", mtls is null));
    }

    /// <summary>The CapabilityStatement's words for the means of authentication accepted.</summary>
    public string Describe() => (Mtls, AllowBearer) switch
    {
        (not null, true) => "TLS mutuel : certificat client IGC-Santé (CN et OU vérifiés) ; ou jeton porteur (Authorization: Bearer) d'un compte marqué pour la plateforme SAS.",
        (not null, false) => "TLS mutuel : certificat client IGC-Santé, CN et OU vérifiés.",
        (null, true) => "Jeton porteur (Authorization: Bearer) d'un compte marqué pour la plateforme SAS.",
        _ => "Interface fermée : aucun moyen d'authentification n'est configuré.",
    };
}

/// <summary>
/// The mutual-TLS half of <see cref="SasAccessSettings"/>: where the HTTPS endpoint listens and with which server certificate, which CA
/// the client certificate must chain to (its own trust store, never the machine's), and which CN and OU it must carry. The client
/// certificate comes from the TLS handshake on <see cref="Url"/>, or, behind a reverse proxy that ends TLS, from
/// <see cref="ForwardedHeader"/> when the request comes from one of <see cref="Proxies"/>.
/// </summary>
public sealed record SasMtls(
    string? Url,
    X509Certificate2? ServerCertificate,
    X509Certificate2Collection ServerChain,
    X509Certificate2Collection TrustedCa,
    IReadOnlySet<string> ClientCn,
    IReadOnlySet<string> ClientOu,
    X509RevocationMode Revocation,
    string? ForwardedHeader,
    IReadOnlyList<IPAddress> Proxies)
{
    public const string DefaultUrl = "https://127.0.0.1:5443";

    /// <summary>The port of <see cref="Url"/>, or null when the platform opens no HTTPS endpoint (TLS ended by a proxy).</summary>
    public int? Port => Url is null ? null : new Uri(Url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal)).Port;

    internal static SasMtls Read(IConfigurationSection mtls, string contentRoot)
    {
        string? Value(string key) => mtls[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string File(string key)
        {
            var path = Path.GetFullPath(Value(key)!, contentRoot);
            return System.IO.File.Exists(path) ? path : throw Invalid(key, $"file not found: {path}");
        }

        var certificate = Value("Certificate") is null ? null : LoadServerCertificate(File("Certificate"),
            Value("CertificateKey") is null ? null : File("CertificateKey"), Value("CertificatePassword"));
        var header = Value("ForwardedHeader");
        if (certificate is null && header is null)
        {
            throw Invalid("Certificate", "mTLS needs a server certificate for its HTTPS endpoint, or ForwardedHeader when a reverse proxy ends TLS");
        }

        var url = certificate is null ? null : Value("Url") ?? DefaultUrl;
        if (url is not null && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("Url", $"an https:// address is expected, not {url}");
        }

        if (Value("TrustedCa") is null)
        {
            throw Invalid("TrustedCa", "the PEM file of the certificate authorities the SAS's certificate chains to (IGC-Santé) is required");
        }

        var trusted = new X509Certificate2Collection();
        trusted.ImportFromPemFile(File("TrustedCa"));
        if (trusted.Count == 0)
        {
            throw Invalid("TrustedCa", "no certificate in the file");
        }

        var cn = List(mtls, "ClientCn");
        var ou = List(mtls, "ClientOu");
        if (cn.Count == 0 || ou.Count == 0)
        {
            throw Invalid(cn.Count == 0 ? "ClientCn" : "ClientOu", "the CN and the OU of the SAS's certificate are both required (from the ANS)");
        }

        if (!Enum.TryParse<X509RevocationMode>(Value("Revocation") ?? nameof(X509RevocationMode.Online), ignoreCase: true, out var revocation))
        {
            throw Invalid("Revocation", "Online, Offline or NoCheck");
        }

        var proxies = new List<IPAddress>();
        foreach (var proxy in List(mtls, "Proxies") is { Count: > 0 } given ? given : ["127.0.0.1", "::1"])
        {
            proxies.Add(IPAddress.TryParse(proxy, out var ip) ? ip : throw Invalid("Proxies", $"not an IP address: {proxy}"));
        }

        var chain = new X509Certificate2Collection();
        if (certificate is not null)
        {
            chain.AddRange(ServerChainOf(File("Certificate"), certificate, Value("CertificatePassword")));
        }

        return new SasMtls(url, certificate, chain, trusted, cn, ou, revocation, header, proxies);
    }

    /// <summary>Several values: a configuration array (<c>ClientCn:0</c>, <c>ClientCn:1</c>) or one value separated by semicolons.</summary>
    private static HashSet<string> List(IConfigurationSection section, string key)
    {
        var values = section.GetSection(key).GetChildren().Select(c => c.Value).Append(section[key])
            .SelectMany(v => (v ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new HashSet<string>(values, StringComparer.Ordinal);
    }

    private static bool IsPkcs12(string path) => Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12";

    private static X509Certificate2 LoadServerCertificate(string path, string? keyPath, string? password)
    {
        try
        {
            if (IsPkcs12(path))
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }

            return password is null ? X509Certificate2.CreateFromPemFile(path, keyPath) : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw Invalid("Certificate", $"unreadable certificate or key ({e.Message})");
        }
    }

    /// <summary>The intermediate certificates written after the server's own in its file, sent with it in the handshake.</summary>
    private static X509Certificate2Collection ServerChainOf(string path, X509Certificate2 leaf, string? password)
    {
        var all = IsPkcs12(path) ? X509CertificateLoader.LoadPkcs12CollectionFromFile(path, password) : new X509Certificate2Collection();
        if (!IsPkcs12(path))
        {
            all.ImportFromPemFile(path);
        }

        return [.. all.Where(c => c.Thumbprint != leaf.Thumbprint)];
    }

    private static InvalidOperationException Invalid(string key, string why) => new($"{SasAccessSettings.Section}:Mtls:{key}: {why}.");
}
