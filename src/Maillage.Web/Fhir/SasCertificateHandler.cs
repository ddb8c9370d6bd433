using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Encodings.Web;
using Maillage.Platform.Identity;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Maillage.Web.Fhir;

/// <summary>
/// Authenticates the SAS platform by its client certificate (<see cref="SasMtls"/>): it must chain to the configured CA (custom trust
/// store, client-authentication use, validity period, revocation as configured), then its CN and OU decide: both configured → the
/// principal of the SAS platform (claim <see cref="FhirWeb.SasClaim"/>, a member of no CPTS, as the SAS account); otherwise an
/// authenticated principal without that claim, which the SAS policy refuses with a 403.
/// </summary>
public sealed partial class SasCertificateHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SasAccessSettings settings,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "SasCertificate";

    /// <summary>Where the reason of a refusal is left for the OperationOutcome (<see cref="SasRefusals"/>), in French.</summary>
    internal const string RefusalKey = "maillage:sas-refusal";

    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (settings.Mtls is not { } mtls)
        {
            return Refuse("L'interface SAS n'accepte aucun moyen d'authentification (ni mTLS, ni jeton porteur).");
        }

        var (certificate, forwarded) = await ClientCertificateAsync(Context, mtls);
        if (certificate is null)
        {
            return Refuse(forwarded ? "Certificat client transmis par le mandataire illisible." : "Certificat client absent : l'interface SAS exige un certificat IGC-Santé (TLS mutuel).");
        }

        try
        {
            if (Untrusted(certificate, mtls) is { } why)
            {
                LogRefused(Logger, certificate.Subject, why);
                return Refuse($"Certificat client refusé : {why}.");
            }

            var cn = Names(certificate, "2.5.4.3");
            var ou = Names(certificate, "2.5.4.11");
            var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ActorClaimsFactory.RoleClaim);
            identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, "certificat:" + Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256))));
            identity.AddClaim(new Claim(ClaimTypes.Name, cn.FirstOrDefault() ?? certificate.Subject));
            identity.AddClaim(new Claim(ActorClaimsFactory.RoleClaim, nameof(Role.Member)));
            if (cn.Count == 1 && mtls.ClientCn.Contains(cn[0]) && ou.Any(mtls.ClientOu.Contains))
            {
                identity.AddClaim(new Claim(FhirWeb.SasClaim, FhirWeb.SasClaimValue));
            }
            else
            {
                LogRefused(Logger, certificate.Subject, "CN or OU not configured");
                Context.Items[RefusalKey] = $"Certificat client IGC-Santé valide, mais son CN (« {string.Join(", ", cn)} ») ou son OU (« {string.Join(", ", ou)} ») " +
                    "n'est pas celui de la plateforme SAS configuré.";
            }

            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }
        finally
        {
            if (forwarded)
            {
                certificate.Dispose();
            }
        }
    }

    /// <summary>Whether the request carries a client certificate this scheme would read (the TLS one, or a header from a proxy).</summary>
    internal static bool HasCertificate(HttpContext http, SasMtls mtls) =>
        http.Connection.ClientCertificate is not null || ForwardedValue(http, mtls) is not null;

    /// <summary>The certificate of the TLS handshake, else the one a trusted proxy forwarded (the proxy checked the private key;
    /// from anyone else the header is ignored, since a certificate is public and proves nothing alone).</summary>
    private static async Task<(X509Certificate2? Certificate, bool Forwarded)> ClientCertificateAsync(HttpContext http, SasMtls mtls)
    {
        if (await http.Connection.GetClientCertificateAsync(http.RequestAborted) is { } tls)
        {
            return (tls, false);
        }

        if (ForwardedValue(http, mtls) is not { } value)
        {
            return (null, false);
        }

        try
        {
            var text = value.Trim();
            if (text.StartsWith('%') || text.StartsWith("-----", StringComparison.Ordinal))
            {
                // nginx's $ssl_client_escaped_cert: PEM, percent-encoded.
                return (X509Certificate2.CreateFromPem(Uri.UnescapeDataString(text)), true);
            }

            // ASP.NET Core's certificate forwarding convention: the DER certificate in base 64.
            return (X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text)), true);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return (null, true);
        }
    }

    private static string? ForwardedValue(HttpContext http, SasMtls mtls) =>
        mtls.ForwardedHeader is { } header && http.Connection.RemoteIpAddress is { } remote
        && mtls.Proxies.Any(p => p.Equals(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        && http.Request.Headers[header].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>Why the certificate does not chain to the configured CA for client authentication, now; null when it does.</summary>
    private string? Untrusted(X509Certificate2 certificate, SasMtls mtls)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(mtls.TrustedCa);
        chain.ChainPolicy.ExtraStore.AddRange(mtls.TrustedCa);
        chain.ChainPolicy.RevocationMode = mtls.Revocation;
        chain.ChainPolicy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(ClientAuthentication));
        if (chain.Build(certificate))
        {
            return null;
        }

        var flags = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        return flags switch
        {
            _ when flags.HasFlag(X509ChainStatusFlags.NotTimeValid) => "hors de sa période de validité",
            _ when flags.HasFlag(X509ChainStatusFlags.Revoked) => "révoqué",
            _ when flags.HasFlag(X509ChainStatusFlags.UntrustedRoot) || flags.HasFlag(X509ChainStatusFlags.PartialChain)
                => "il n'est pas émis par une autorité de certification reconnue pour l'interface SAS",
            _ when flags.HasFlag(X509ChainStatusFlags.NotValidForUsage) => "il n'est pas un certificat d'authentification client",
            _ when flags.HasFlag(X509ChainStatusFlags.RevocationStatusUnknown) || flags.HasFlag(X509ChainStatusFlags.OfflineRevocation)
                => "sa révocation n'a pas pu être vérifiée",
            _ => "chaîne de certification invalide (" + string.Join(", ", chain.ChainStatus.Select(s => s.Status)) + ")",
        };
    }

    /// <summary>The values of one attribute of the subject (CN, OU), each single-valued RDN in order.</summary>
    private static List<string> Names(X509Certificate2 certificate, string oid) =>
        [.. certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(r => !r.HasMultipleElements && r.GetSingleElementType().Value == oid)
            .Select(r => r.GetSingleElementValue() ?? "")];

    private AuthenticateResult Refuse(string message)
    {
        Context.Items[RefusalKey] = message;
        return AuthenticateResult.Fail(message);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SAS client certificate refused ({Subject}): {Reason}")]
    private static partial void LogRefused(ILogger logger, string subject, string reason);
}
