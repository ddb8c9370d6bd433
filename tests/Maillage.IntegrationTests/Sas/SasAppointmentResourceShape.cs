using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Hl7.Fhir.Serialization;
using Maillage.Unscheduled.Sas;
using Microsoft.Extensions.Configuration;

namespace Maillage.IntegrationTests.Sas;

/// <summary>
/// The FrAppointmentSAS we send, element by element against the guide's examples (Appointment-1.json booked, Appointment-2.json cancelled),
/// and the reading of the SAS settings (base, identifier system, client certificate as PKCS#12 or PEM pair).
/// </summary>
public sealed class SasAppointmentResourceShape
{
    [Theory]
    [InlineData("Appointment-1.json", SasAppointmentStatus.Booked)]
    [InlineData("Appointment-2.json", SasAppointmentStatus.Cancelled)]
    public void The_appointment_is_the_guides_example_but_for_its_id(string fixture, SasAppointmentStatus status)
    {
        var row = new SasAppointment
        {
            Id = Guid.Parse("b6e39355-8a61-4556-b340-36f7b95fec6a"), OperatorType = "IDNPS", OperatorSystem = "urn:oid:1.2.250.1.71.4.2.1",
            OperatorValue = "3456780581/11242343", Status = status, Created = DateTimeOffset.Parse("2022-09-04T09:00:00.1234567Z", System.Globalization.CultureInfo.InvariantCulture),
        };
        var zone = TimeZoneInfo.CreateCustomTimeZone("UTC+1", TimeSpan.FromHours(1), "UTC+1", "UTC+1");
        var resource = SasAppointmentResource.Build(row, "urn:oid:1.1.111.1.11.1.1.1", new DateTimeOffset(2022, 9, 4, 13, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2022, 9, 4, 13, 15, 0, TimeSpan.Zero), "10100050075", zone);
        var sent = JsonNode.Parse(new FhirJsonSerializer().SerializeToString(resource))!.AsObject();
        var expected = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Sas", "Fixtures", fixture)))!.AsObject();
        expected.Remove("id");
        foreach (var (name, value) in expected)
        {
            Assert.True(JsonNode.DeepEquals(value, sent[name]), $"{name}: expected {value?.ToJsonString()}, sent {sent[name]?.ToJsonString()}");
        }

        Assert.Equal(expected.Select(p => p.Key).Order(), sent.Select(p => p.Key).Order());
    }

    [Fact]
    public void The_settings_default_the_identifier_system_to_our_public_address_and_load_the_client_certificate()
    {
        Assert.False(SasSetting.From(Config([])).Sends);
        var setting = SasSetting.From(Config(new() { ["Maillage:Sas:BaseUrl"] = "https://sas.example/fhir", ["Maillage:PublicUrl"] = "https://cpts.example/" }));
        Assert.Equal(("https://sas.example/fhir/", "https://cpts.example/fhir/Appointment", true), (setting.BaseUrl!.ToString(), setting.AppointmentSystem, setting.Sends));
        Assert.Equal((SasSetting.DefaultTimeout, SasSetting.DefaultRetryDelay), (setting.AttemptTimeout, setting.RetryDelay));
        Assert.Throws<InvalidOperationException>(() => SasSetting.From(Config(new() { ["Maillage:Sas:BaseUrl"] = "ftp://sas.example" })));
        Assert.Throws<InvalidOperationException>(() => SasSetting.From(Config(new() { ["Maillage:Sas:Timeout"] = "bientôt" })));

        var folder = System.IO.Directory.CreateTempSubdirectory("maillage-sas-cert-").FullName;
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=maillage-test, OU=tests", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllBytes(Path.Combine(folder, "client.p12"), certificate.Export(X509ContentType.Pkcs12, "secret"));
            File.WriteAllText(Path.Combine(folder, "client.pem"), certificate.ExportCertificatePem());
            File.WriteAllText(Path.Combine(folder, "client.key"), key.ExportPkcs8PrivateKeyPem());
            using var fromP12 = SasSetting.From(Config(new() { ["Maillage:Sas:ClientCertificate"] = Path.Combine(folder, "client.p12"), ["Maillage:Sas:ClientCertificatePassword"] = "secret" }))
                .LoadCertificate();
            using var fromPem = SasSetting.From(Config(new() { ["Maillage:Sas:ClientCertificate"] = Path.Combine(folder, "client.pem"), ["Maillage:Sas:ClientCertificateKey"] = Path.Combine(folder, "client.key") }))
                .LoadCertificate();
            Assert.All([fromP12!, fromPem!], c => Assert.True(c.HasPrivateKey && c.Thumbprint == certificate.Thumbprint));
            Assert.Null(SasSetting.None.LoadCertificate());
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
