using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Maillage.IntegrationTests.Sas;

/// <summary>
/// Throw-away certificates for the SAS's mutual TLS, made once per test run: a CA standing for IGC-Santé, the server's certificate for
/// 127.0.0.1/localhost (PEM and PFX files), and client certificates — the SAS's, one with another CN, one with another OU, one of another
/// CA with the right names, one expired.
/// </summary>
public sealed class TestPki
{
    public const string Cn = "sas-test.sante.example";
    public const string Ou = "SAS-TEST-OU";
    public const string PfxPassword = "essai";

    private static readonly Lazy<TestPki> Instance = new(() => new TestPki());

    private TestPki()
    {
        Folder = Path.Combine(Path.GetTempPath(), "maillage-pki-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Folder);
        var now = DateTimeOffset.UtcNow;
        using var ca = Authority("Maillage Test IGC-Santé", now);
        using var other = Authority("Autre autorité", now);
        File.WriteAllText(CaPem, ca.ExportCertificatePem());

        using var server = Issue(ca, "CN=localhost", now.AddDays(-1), now.AddDays(30), serverAuth: true);
        File.WriteAllText(ServerPem, server.ExportCertificatePem() + "\n" + ca.ExportCertificatePem());
        File.WriteAllText(ServerKey, server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(ServerPfx, server.Export(X509ContentType.Pkcs12, PfxPassword));
        ServerThumbprint = server.Thumbprint;

        Good = Issue(ca, Subject(Cn, Ou), now.AddDays(-1), now.AddDays(30));
        WrongCn = Issue(ca, Subject("autre.sante.example", Ou), now.AddDays(-1), now.AddDays(30));
        WrongOu = Issue(ca, Subject(Cn, "AUTRE-OU"), now.AddDays(-1), now.AddDays(30));
        OtherCa = Issue(other, Subject(Cn, Ou), now.AddDays(-1), now.AddDays(30));
        Expired = Issue(ca, Subject(Cn, Ou), now.AddDays(-30), now.AddDays(-1));
    }

    public static TestPki Shared => Instance.Value;

    public string Folder { get; }

    public string CaPem => Path.Combine(Folder, "ca.pem");

    public string ServerPem => Path.Combine(Folder, "server.pem");

    public string ServerKey => Path.Combine(Folder, "server.key");

    public string ServerPfx => Path.Combine(Folder, "server.pfx");

    public string ServerThumbprint { get; }

    public X509Certificate2 Good { get; }

    public X509Certificate2 WrongCn { get; }

    public X509Certificate2 WrongOu { get; }

    public X509Certificate2 OtherCa { get; }

    public X509Certificate2 Expired { get; }

    private static string Subject(string cn, string ou) => $"CN={cn}, OU={ou}, O=Test, C=FR";

    private static X509Certificate2 Authority(string name, DateTimeOffset now)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);   // kept alive with the certificate that uses it
        var request = new CertificateRequest($"CN={name}, O=Test, C=FR", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-60), now.AddYears(1));
    }

    private static X509Certificate2 Issue(X509Certificate2 issuer, string subject, DateTimeOffset from, DateTimeOffset to, bool serverAuth = false)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);   // kept alive with the certificate that uses it
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(System.Net.IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var issued = request.Create(issuer, from, to, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
