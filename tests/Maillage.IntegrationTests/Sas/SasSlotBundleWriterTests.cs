using System.Text;
using Hl7.Fhir.Serialization;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Sas;
using Maillage.Web.Fhir;

namespace Maillage.IntegrationTests.Sas;

/// <summary>
/// The hand-written searchset of the slot search (<see cref="SasSlotBundleWriter"/>) is, byte for byte, what Firely's serializer writes for
/// the FHIR objects <see cref="SasResources.SlotBundle"/> builds from the same agenda — on every shape an answer takes: both flows, CPTS
/// slots and not, with and without specialty, phone, postal code, address, names, FINESS or SIRET, overseas zones, accents and quotes,
/// and the empty answer. The Firely validation test (<see cref="SasBundleConformance"/>) then holds the served text to the guide's profiles.
/// </summary>
public sealed class SasSlotBundleWriterTests
{
    private const string Base = "https://maillage.example.fr";
    private const string Fhir = Base + "/fhir";

    private static readonly FhirJsonSerializer Firely = new();

    public static TheoryData<string> Shapes => ["cpts", "individual", "empty-cpts", "empty-individual", "sparse"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_written_bundle_is_firelys_text(string shape)
    {
        var (agenda, cptsCase) = Agenda(shape);
        var resources = new SasResources(Base, Fhir);
        var bundle = resources.SlotBundle(agenda, cptsCase, Fhir + "/Slot?start=ge2026-12-07T08:00:00.000+01:00&status=free");
        var expected = Firely.SerializeToString(bundle);

        var written = new SasSlotBundleWriter(Base, Fhir).ToUtf8(agenda, cptsCase, bundle.Link[0].Url!, bundle.Id!);

        Assert.Equal(expected, Encoding.UTF8.GetString(written));
    }

    private static (SasAgenda Agenda, bool CptsCase) Agenda(string shape)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var reunion = TimeZoneInfo.FindSystemTimeZoneById("Indian/Reunion");
        var (cpts1, cpts2) = (Guid.Parse("6f1d2c3b-0000-4000-8000-000000000001"), Guid.Parse("6f1d2c3b-0000-4000-8000-000000000002"));
        var (e1, e2, p1, p2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var start = new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero);
        var schedules = new[]
        {
            new SasSchedule(e1, p1, cpts1, "10002909371", "Maison de santé « Les Korrigans »", "3 rue de l'Hôpital", "35236", "Redon", "35600", "+33299710000"),
            new SasSchedule(e2, p2, cpts2, "10003000001", "Cabinet \"Océan\"", "", "97411", "Saint-Denis", null, null),
        };
        var practitioners = new[] { new SasPractitioner("10002909371", "LE GOFF", "Anne-Sophie", "SM54"), new SasPractitioner("10003000001", "", "Hélène", null) };
        var cpts = new[]
        {
            new SasCpts(cpts1, "CPTS du Pays de Redon & Vilaine", "12345678900011", "+33299000000", "350999017"),
            new SasCpts(cpts2, "CPTS Nord Réunion", "12345678900029", null),
        };
        var slots = new[]
        {
            new SasSlot(Guid.NewGuid(), cpts1, schedules[0].Id, start, start.AddMinutes(20), SlotKind.InPerson,
                SlotAudience.SasSnp | SlotAudience.SasPublic | SlotAudience.SasCpts, "SM54", cpts1, paris),
            new SasSlot(Guid.NewGuid(), cpts1, schedules[0].Id, start.AddMinutes(20).AddSeconds(30).AddMilliseconds(250), start.AddHours(1), SlotKind.HomeVisit,
                SlotAudience.SasPro, null, null, paris),
            new SasSlot(Guid.NewGuid(), cpts2, schedules[1].Id, start.AddDays(1), start.AddDays(1).AddMinutes(15), SlotKind.Teleconsultation,
                SlotAudience.SasCpts | SlotAudience.SasSnp, "", cpts2, reunion),
            new SasSlot(Guid.NewGuid(), cpts2, schedules[1].Id, start.AddDays(2), start.AddDays(2).AddMinutes(15), SlotKind.InPerson,
                SlotAudience.SasCpts, null, cpts2, TimeZoneInfo.Utc),
        };
        return shape switch
        {
            "cpts" => (new SasAgenda(slots, schedules, practitioners, cpts), true),
            "individual" => (new SasAgenda(slots[..3], schedules, practitioners, []), false),
            "empty-cpts" => (SasAgenda.Empty, true),
            "empty-individual" => (SasAgenda.Empty, false),
            _ => (new SasAgenda([slots[3]], [schedules[1]], [practitioners[1]], [cpts[1] with { Siret = null, Phone = null }]), true),
        };
    }
}
