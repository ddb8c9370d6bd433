using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Web.Fhir;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Sas;

/// <summary>
/// The SAS's mutual TLS through real sockets (docs/sas.md, « Authentication »): the real host on Kestrel, plain HTTP for the platform and
/// an HTTPS endpoint for <c>/fhir</c> with the throw-away certificates of <see cref="TestPki"/>. The SAS's certificate reads; no
/// certificate, another CA, an expired certificate (401) and another CN or OU (403) are refused with an OperationOutcome; other routes
/// need no certificate; a bearer token and a certificate forwarded by a proxy count only where they are allowed.
/// </summary>
public sealed class SasMutualTls(StrictMtlsApp strict, LenientMtlsApp lenient)
    : IntegrationTest(strict), IClassFixture<StrictMtlsApp>, IClassFixture<LenientMtlsApp>
{
    private const string Search = "/fhir/Slot?start=ge2030-01-01T00:00:00.000+01:00&start=le2030-01-03T00:00:00.000+01:00"
        + "&schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|800000000001&status=free";

    private static TestPki Pki => TestPki.Shared;

    [Fact]
    public async Task The_sas_certificate_reads_the_metadata_and_searches_slots()
    {
        foreach (var app in new MtlsApp[] { strict, lenient })
        {
            using var sas = Client(app, Pki.Good);
            var metadata = await FhirAsync(sas, "/fhir/metadata", HttpStatusCode.OK);
            Assert.Equal("CapabilityStatement", metadata.GetProperty("resourceType").GetString());
            Assert.StartsWith("TLS mutuel", metadata.GetProperty("rest")[0].GetProperty("security").GetProperty("description").GetString(), StringComparison.Ordinal);
            var bundle = await FhirAsync(sas, Search, HttpStatusCode.OK);
            Assert.Equal("searchset", bundle.GetProperty("type").GetString());
            Assert.Equal(0, bundle.GetProperty("total").GetInt32());
        }
    }

    [Fact]
    public async Task No_certificate_another_ca_or_an_expired_one_is_a_401_and_another_cn_or_ou_a_403()
    {
        var cases = new (X509Certificate2? Certificate, HttpStatusCode Status, string Says)[]
        {
            (null, HttpStatusCode.Unauthorized, "absent"),
            (Pki.OtherCa, HttpStatusCode.Unauthorized, "autorité"),
            (Pki.Expired, HttpStatusCode.Unauthorized, "validité"),
            (Pki.WrongCn, HttpStatusCode.Forbidden, "autre.sante.example"),
            (Pki.WrongOu, HttpStatusCode.Forbidden, "AUTRE-OU"),
        };
        foreach (var (certificate, status, says) in cases)
        {
            using var client = Client(strict, certificate);
            foreach (var path in new[] { "/fhir/metadata", Search })
            {
                var outcome = await FhirAsync(client, path, status);
                Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
                Assert.Contains(says, outcome.GetProperty("issue")[0].GetProperty("diagnostics").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_bearer_token_counts_only_where_allowed_and_other_routes_need_no_certificate()
    {
        foreach (var (app, status) in new (MtlsApp App, HttpStatusCode Status)[] { (strict, HttpStatusCode.Unauthorized), (lenient, HttpStatusCode.OK) })
        {
            var token = await SasTokenAsync(app);
            foreach (var https in new[] { true, false })
            {
                using var client = Client(app, null, https);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                await FhirAsync(client, "/fhir/metadata", status);
            }
        }

        using var plain = Client(strict, null, https: false);
        using var health = await plain.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var login = await plain.GetAsync("/connexion", Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        using var secure = Client(strict, null);
        using var secureHealth = await secure.GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.OK, secureHealth.StatusCode);
    }

    [Fact]
    public async Task A_certificate_forwarded_by_a_proxy_counts_only_where_forwarding_is_configured()
    {
        var cases = new (MtlsApp App, string Header, HttpStatusCode Status)[]
        {
            (lenient, Convert.ToBase64String(Pki.Good.RawData), HttpStatusCode.OK),
            (lenient, Uri.EscapeDataString(Pki.Good.ExportCertificatePem()), HttpStatusCode.OK),
            (lenient, Convert.ToBase64String(Pki.OtherCa.RawData), HttpStatusCode.Unauthorized),
            (lenient, Uri.EscapeDataString(Pki.WrongOu.ExportCertificatePem()), HttpStatusCode.Forbidden),
            (lenient, "pas un certificat", HttpStatusCode.Unauthorized),
            (strict, Convert.ToBase64String(Pki.Good.RawData), HttpStatusCode.Unauthorized),
        };
        foreach (var (app, header, status) in cases)
        {
            using var proxy = Client(app, null, https: false);
            proxy.DefaultRequestHeaders.TryAddWithoutValidation(LenientMtlsApp.Header, header);
            await FhirAsync(proxy, "/fhir/metadata", status);
        }
    }

    /// <summary>A client of the app's HTTPS endpoint (trusting only the test server's certificate) presenting <paramref name="certificate"/>,
    /// or of its plain HTTP address.</summary>
    private static HttpClient Client(MtlsApp app, X509Certificate2? certificate, bool https = true)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, _) => server?.GetCertHashString() == Pki.ServerThumbprint;
        if (certificate is not null)
        {
            X509Certificate2 chosen = certificate;
            handler.SslOptions.ClientCertificates = [chosen];
            // Always this one, even when the server names the CAs it prefers: the refusal is what is tested.
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => chosen;
        }

        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri(https ? $"https://127.0.0.1:{app.HttpsPort}" : $"http://127.0.0.1:{app.HttpPort}") };
    }

    private static async Task<JsonElement> FhirAsync(HttpClient client, string path, HttpStatusCode status)
    {
        using var response = await client.GetAsync(path, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == status, $"{client.BaseAddress}{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The bearer token of an account marked for the SAS platform on that host.</summary>
    private static async Task<string> SasTokenAsync(MtlsApp app)
    {
        var user = await app.CreateUserAsync(Role.Member);
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        Assert.True((await users.AddClaimAsync((await users.FindByIdAsync(user.Id))!, new Claim(FhirWeb.SasClaim, FhirWeb.SasClaimValue))).Succeeded);
        return user.Token;
    }
}

/// <summary>The host on Kestrel with mTLS on /fhir: plain HTTP on one free loopback port, HTTPS on another.</summary>
public abstract class MtlsApp : MaillageApp
{
    protected MtlsApp()
        : base(DatabaseKind.Sqlite)
    {
        // Both listeners held at once, so the two ports differ.
        using var first = new TcpListener(IPAddress.Loopback, 0);
        using var second = new TcpListener(IPAddress.Loopback, 0);
        first.Start();
        second.Start();
        HttpPort = ((IPEndPoint)first.LocalEndpoint).Port;
        HttpsPort = ((IPEndPoint)second.LocalEndpoint).Port;
        first.Stop();
        second.Stop();
    }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    /// <summary>The settings of this host beyond the addresses, the CA and the names.</summary>
    protected abstract Dictionary<string, string?> Settings(TestPki pki);

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        var pki = TestPki.Shared;
        var settings = new Dictionary<string, string?>(Settings(pki))
        {
            ["Maillage:Urls"] = $"http://127.0.0.1:{HttpPort}",
            ["Maillage:Sas:Mtls:Enabled"] = "true",
            ["Maillage:Sas:Mtls:Url"] = $"https://127.0.0.1:{HttpsPort}",
            ["Maillage:Sas:Mtls:TrustedCa"] = pki.CaPem,
            ["Maillage:Sas:Mtls:ClientCn"] = TestPki.Cn,
            ["Maillage:Sas:Mtls:ClientOu"] = "UNE-AUTRE-OU; " + TestPki.Ou,
            // The throw-away CA publishes no revocation list.
            ["Maillage:Sas:Mtls:Revocation"] = "NoCheck",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override MaillageAppFactory CreateFactory(TestDatabase database, TimeProvider? clock)
    {
        var factory = base.CreateFactory(database, clock);
        factory.UseKestrel();
        return factory;
    }
}

/// <summary>mTLS only (the default with mTLS: no bearer token), the server's certificate and key as PEM files, no forwarding.</summary>
public sealed class StrictMtlsApp : MtlsApp
{
    protected override Dictionary<string, string?> Settings(TestPki pki) => new()
    {
        ["Maillage:Sas:Mtls:Certificate"] = pki.ServerPem,
        ["Maillage:Sas:Mtls:CertificateKey"] = pki.ServerKey,
    };
}

/// <summary>mTLS with bearer tokens allowed, the server's certificate as a PFX, and a certificate forwarded by a proxy on loopback.</summary>
public sealed class LenientMtlsApp : MtlsApp
{
    public const string Header = "X-Client-Cert";

    protected override Dictionary<string, string?> Settings(TestPki pki) => new()
    {
        ["Maillage:Sas:AllowBearer"] = "true",
        ["Maillage:Sas:Mtls:Certificate"] = pki.ServerPfx,
        ["Maillage:Sas:Mtls:CertificatePassword"] = TestPki.PfxPassword,
        ["Maillage:Sas:Mtls:ForwardedHeader"] = Header,
    };
}
