using Hl7.Fhir.Model;
using SlotKindCodes = Maillage.Unscheduled.SnpRules;
using Maillage.Unscheduled.Sas;

namespace Maillage.Web.Fhir;

/// <summary>The SAS guide's resources built from the domain's <see cref="SasAgenda"/> (docs/sas-guide.md §4, docs/sas.md).</summary>
public sealed class SasResources(string baseUrl, string fhirBase)
{
    public const string Sas = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/";
    public const string BundleCpts = Sas + "sas-cpts-bundle-aggregator";
    public const string BundleIndividual = "http://sas.fr/fhir/StructureDefinition/BundleAgregateur";
    public const string SlotCpts = Sas + "sas-cpts-slot-aggregator";
    public const string SlotIndividual = "http://sas.fr/fhir/StructureDefinition/FrSlotAgregateur";
    public const string ScheduleProfile = "http://sas.fr/fhir/StructureDefinition/FrScheduleAgregateur";
    public const string PractitionerProfile = "http://sas.fr/fhir/StructureDefinition/FrPractitionerAgregateur";
    public const string RoleProfile = "http://sas.fr/fhir/StructureDefinition/FrPractitionerRoleExerciceAgregateur";
    public const string LocationProfile = "http://sas.fr/fhir/StructureDefinition/FrLocationAgregateur";
    public const string ServiceProfile = Sas + "sas-cpts-healthcareservice-aggregator";
    public const string OrganizationProfile = Sas + "sas-cpts-organization-aggregator";
    public const string TypeCreneau = "https://mos.esante.gouv.fr/NOS/TRE_R314-TypeCreneau/FHIR/TRE-R314-TypeCreneau";
    public const string CategorieEtablissement = "https://mos.esante.gouv.fr/NOS/TRE_R66-CategorieEtablissement/FHIR/TRE-R66-CategorieEtablissement";
    public const string SlotServiceType = "http://hl7.org/fhir/5.0/StructureDefinition/extension-Slot.serviceType";
    public const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public const string Specialite = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
    public const string V20276 = "http://terminology.hl7.org/CodeSystem/v2-0276";
    public const string FrV20203 = "http://interopsante.org/fhir/CodeSystem/fr-v2-0203";
    public const string FrCoreV20203 = "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203";
    public const string LocationIdType = "http://interopsante.org/fhir/CodeSystem/fr-location-identifier-type";

    /// <summary>The system of our places' ids (a URL of ours, as the guide's examples use).</summary>
    public string PlaceSystem => fhirBase + "/Location";

    public string FullUrl(Resource r) => $"{fhirBase}/{r.TypeName}/{r.Id}";

    /// <summary>The searchset of a slot search: matched slots, then each schedule with its practitioner and role, then the CPTS.</summary>
    public Bundle SlotBundle(SasAgenda agenda, bool cptsCase, string selfUrl)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var bundle = Searchset(agenda.Slots.Count == 0 ? BundleIndividual : cptsCase ? BundleCpts : BundleIndividual, agenda.Slots.Count, selfUrl);
        Add(bundle, agenda.Slots.Select(s => Slot(s, cptsCase)), Bundle.SearchEntryMode.Match);
        foreach (var schedule in agenda.Schedules)
        {
            Add(bundle, [Schedule(schedule)], Bundle.SearchEntryMode.Include);
        }

        Add(bundle, agenda.Practitioners.Select(Practitioner), Bundle.SearchEntryMode.Include);
        Add(bundle, agenda.Schedules.Select(Role), Bundle.SearchEntryMode.Include);
        Add(bundle, agenda.Cpts.Select(Service), Bundle.SearchEntryMode.Include);
        Add(bundle, agenda.Cpts.Select(Organization), Bundle.SearchEntryMode.Include);
        return bundle;
    }

    public Bundle Searchset(string? profile, int total, string selfUrl)
    {
        var bundle = new Bundle { Id = Guid.NewGuid().ToString(), Type = Bundle.BundleType.Searchset, Total = total };
        if (profile is not null)
        {
            bundle.Meta = new Meta { Profile = [profile] };
        }

        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = selfUrl });
        return bundle;
    }

    public void Add(Bundle bundle, IEnumerable<Resource> resources, Bundle.SearchEntryMode mode)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        foreach (var r in resources)
        {
            bundle.Entry.Add(new Bundle.EntryComponent { FullUrl = FullUrl(r), Resource = r, Search = new Bundle.SearchComponent { Mode = mode } });
        }
    }

    public Slot Slot(SasSlot s, bool cptsCase)
    {
        ArgumentNullException.ThrowIfNull(s);
        var slot = new Slot
        {
            Id = s.Id.ToString(),
            Meta = new Meta
            {
                Profile = [cptsCase ? SlotCpts : SlotIndividual],
                Security = [.. SasAudience.Codes(s.Audience, cptsCase).Select(c => new Coding(TypeCreneau, c))],
            },
            ServiceType = [new CodeableConcept(ActCode, SlotKindCodes.ActCode(s.Kind))],
            AppointmentType = new CodeableConcept(V20276, "ROUTINE"),
            Schedule = new ResourceReference($"Schedule/{s.ScheduleId}"),
            Status = Hl7.Fhir.Model.Slot.SlotStatus.Free,
            Start = TimeZoneInfo.ConvertTime(s.Start, s.Zone),
            End = TimeZoneInfo.ConvertTime(s.End, s.Zone),
            Comment = SasLinks.Booking(baseUrl, s.CptsId, s.Id),
        };
        if (cptsCase && s.Cpts is { } cpts)
        {
            var entry = new CodeableConcept(CategorieEtablissement, "604");
            entry.Extension.Add(new Extension(SlotServiceType, new ResourceReference($"HealthcareService/{cpts}")));
            slot.ServiceType.Add(entry);
        }

        if (s.SpecialtyCode is { Length: > 0 } specialty)
        {
            slot.Specialty.Add(new CodeableConcept(Specialite, specialty));
        }

        return slot;
    }

    public Schedule Schedule(SasSchedule s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new Schedule
        {
            Id = s.Id,
            Meta = new Meta { Profile = [ScheduleProfile] },
            Actor = [new ResourceReference($"Practitioner/{SasIds.Idnps(s.Rpps)}"), new ResourceReference($"PractitionerRole/{s.Id}")],
        };
    }

    public Practitioner Practitioner(SasPractitioner p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var practitioner = new Practitioner
        {
            Id = p.Id,
            Meta = new Meta { Profile = [PractitionerProfile] },
            Identifier = [new Identifier(SasIds.IdnpsSystem, p.Id) { Type = new CodeableConcept(FrV20203, "IDNPS") }],
        };
        var name = new HumanName();
        if (p.FamilyName.Length > 0)
        {
            name.Family = p.FamilyName;
        }

        if (p.GivenName.Length > 0)
        {
            name.Given = [p.GivenName];
        }

        if (name.Family is not null || name.Given.Any())
        {
            practitioner.Name.Add(name);
        }

        return practitioner;
    }

    public PractitionerRole Role(SasSchedule s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var address = new Address { Line = [s.Address.Length > 0 ? s.Address : s.PlaceName], City = s.City };
        if (s.PostalCode is { } postal)
        {
            address.PostalCode = postal;
        }

        var location = new Location
        {
            Id = "lieu",
            Meta = new Meta { Profile = [LocationProfile] },
            Identifier = [new Identifier(PlaceSystem, s.PlaceId.ToString()) { Type = new CodeableConcept(LocationIdType, "INTRN") }],
            Name = s.PlaceName,
            Address = address,
        };
        var role = new PractitionerRole
        {
            Id = s.Id,
            Meta = new Meta { Profile = [RoleProfile] },
            Contained = [location],
            Practitioner = new ResourceReference($"Practitioner/{SasIds.Idnps(s.Rpps)}"),
            Location = [new ResourceReference("#lieu")],
        };
        if (s.Phone is { } phone)
        {
            role.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone));
        }

        return role;
    }

    public HealthcareService Service(SasCpts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new HealthcareService
        {
            Id = c.Id.ToString(),
            Meta = new Meta { Profile = [ServiceProfile] },
            ProvidedBy = new ResourceReference($"Organization/{c.Id}"),
            Name = c.Name,
        };
    }

    /// <summary>The CPTS: named, with its IDNST <c>1</c> + FINESS as the profile requires, else <c>3</c> + SIRET (the FAQ's second choice,
    /// not conformant to the CPTS profile: docs/sas.md), else none.</summary>
    public Organization Organization(SasCpts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var organization = new Organization { Id = c.Id.ToString(), Meta = new Meta { Profile = [OrganizationProfile] }, Name = c.Name };
        if (c.Finess is { Length: > 0 } finess)
        {
            organization.Identifier.Add(new Identifier(SasIds.IdnstSystem, "1" + finess) { Type = new CodeableConcept(FrCoreV20203, "IDNST") });
        }
        else if (c.Siret is { Length: > 0 } siret)
        {
            organization.Identifier.Add(new Identifier(SasIds.IdnstSystem, "3" + siret) { Type = new CodeableConcept(FrCoreV20203, "IDNST") });
        }

        if (c.Phone is { } phone)
        {
            organization.Telecom.Add(new ContactPoint(ContactPoint.ContactPointSystem.Phone, null, phone));
        }

        return organization;
    }
}
