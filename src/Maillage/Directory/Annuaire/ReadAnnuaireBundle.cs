using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Hl7.Fhir.Serialization;
using Fm = Hl7.Fhir.Model;
using Maillage.Territories.Published;
using Maillage.Directory.Published;

namespace Maillage.Directory.Annuaire;

/// <summary>
/// Reads a FHIR R4 JSON Bundle (searchset or collection) of Practitioner, PractitionerRole and Organization as the
/// national Annuaire Santé API returns them (ANS IG-fhir-annuaire) into directory records, for
/// <see cref="MergeDirectory"/> to check and merge. Each resource is parsed with the Firely SDK, leniently: the
/// Annuaire's French extensions and any element the SDK does not know are kept aside, never an error. What cannot be
/// read is reported, resource by resource, in French; bad input never throws. Identifier keys, nomenclature codes and
/// communes are checked by the merge, which names the record: this reader keeps the values as the source gives them.
/// The mapping is described in README.md beside this file. One instance per import: it caches the communes it
/// resolves and is not thread-safe.
/// </summary>
public sealed class ReadAnnuaireBundle(GeoCatalog geo)
{
    private const string Document = "Fichier";

    /// <summary>
    /// Unknown elements are accepted (kept aside by the SDK); other issues are collected, not thrown: a value the SDK
    /// could not convert only matters if the mapping reads it, and then the rejection names where it is.
    /// </summary>
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings { AcceptUnknownMembers = true });

    private static readonly HashSet<string> ReadTypes = ["Practitioner", "PractitionerRole", "Organization", "Location"];

    private readonly AnnuaireCommunes communes = new(geo);

    public DirectoryBatch Read(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (ligne {line + 1})" : "";
            return Refused($"Le fichier n'est pas du JSON valide{where} : un Bundle FHIR au format JSON, encodé en UTF-8, est attendu.");
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    private static DirectoryBatch Refused(string reason) => new([], [], [new RejectedRecord(Document, reason)]);

    private DirectoryBatch Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || Text(type) is not { } resourceType)
        {
            return Refused("Le document JSON n'est pas une ressource FHIR (pas de « resourceType ») : un Bundle de Practitioner, PractitionerRole et Organization est attendu.");
        }

        if (resourceType != "Bundle")
        {
            return Refused($"Le document est une ressource FHIR « {resourceType} », pas un Bundle : un Bundle de Practitioner, PractitionerRole et Organization est attendu.");
        }

        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind == JsonValueKind.Null)
        {
            return new DirectoryBatch([], [], []);
        }

        if (entries.ValueKind != JsonValueKind.Array)
        {
            return Refused("Le Bundle est mal formé : « entry » n'est pas une liste.");
        }

        // Each resource is parsed once, in this order, and only what the records need is kept from it: a national
        // Bundle holds hundreds of thousands of resources, the SDK's objects are not kept alive all together.
        var unreadable = new List<RejectedRecord>();
        var bundle = Index(entries, unreadable);
        var structures = new List<StructureRecord>();
        var places = new Dictionary<int, Place>();
        foreach (var (at, entry) in bundle.Of("Organization"))
        {
            Map<Fm.Organization>(entry, unreadable, organization =>
            {
                var (record, place) = ToStructure(organization, entry.Origin);
                places[at] = place;
                if (organization.Active == false)
                {
                    unreadable.Add(new RejectedRecord(record.Label, "Structure fermée ou supprimée dans l'Annuaire Santé (active = false)."));
                }
                else
                {
                    structures.Add(record);
                }
            });
        }

        foreach (var (at, entry) in bundle.Of("Location"))
        {
            Map<Fm.Location>(entry, unreadable, location =>
            {
                if (location.Address is { } address)
                {
                    places[at] = new Place(null, communes.Resolve(address), AddressText(address));
                }
            });
        }

        var roles = new Dictionary<int, List<Role>>();
        foreach (var (_, entry) in bundle.Of("PractitionerRole"))
        {
            Map<Fm.PractitionerRole>(entry, unreadable, role =>
            {
                if (ToRole(role, entry.Origin, bundle, places, unreadable) is { } read)
                {
                    if (!roles.TryGetValue(read.Practitioner, out var list))
                    {
                        roles[read.Practitioner] = list = [];
                    }

                    list.Add(read);
                }
            });
        }

        var professionals = new List<ProfessionalRecord>();
        foreach (var (at, entry) in bundle.Of("Practitioner"))
        {
            Map<Fm.Practitioner>(entry, unreadable, practitioner =>
            {
                if (ToProfessional(practitioner, entry.Origin, roles.GetValueOrDefault(at, []), unreadable) is { } record)
                {
                    professionals.Add(record);
                }
            });
        }

        return new DirectoryBatch(structures, professionals, unreadable);
    }

    /// <summary>The entries whose resource can be parsed, by position; the others are refused here, one by one.</summary>
    private static Resources Index(JsonElement entries, List<RejectedRecord> unreadable)
    {
        var bundle = new Resources();
        var position = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            position++;
            var at = $"Bundle.entry[{position}]";
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
            {
                unreadable.Add(new RejectedRecord(at, "Entrée sans ressource."));
                continue;
            }

            var type = resource.TryGetProperty("resourceType", out var t) ? Text(t) : null;
            var id = resource.TryGetProperty("id", out var i) ? Text(i) : null;
            var origin = type is not null && !string.IsNullOrEmpty(id) ? $"{type}/{id}" : $"{at} ({type ?? "type inconnu"})";
            if (type == "OperationOutcome")
            {
                continue; // the server's messages about the search (entry.search.mode = outcome), not a record
            }

            if (type is null || !ReadTypes.Contains(type))
            {
                unreadable.Add(new RejectedRecord(origin, type is null
                    ? "Ressource sans « resourceType » : elle ne peut pas être lue."
                    : $"Type de ressource « {type} » non pris en charge : l'import lit Practitioner, PractitionerRole, Organization (et Location)."));
                continue;
            }

            if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(resource)))
            {
                // JSON must be UTF-8; a file saved as Latin-1 or Windows-1252 breaks on its accented letters.
                unreadable.Add(new RejectedRecord(origin, "Ressource mal encodée : son texte n'est pas de l'UTF-8 (fichier enregistré en Latin-1 ou Windows-1252 ?)."));
                continue;
            }

            bundle.Add(new Entry(type, id, origin, resource), entry.TryGetProperty("fullUrl", out var u) ? Text(u) : null);
        }

        return bundle;
    }

    /// <summary>
    /// Parses one resource with the Firely SDK and maps it; a resource the SDK cannot read, or whose mapping fails on
    /// a value the SDK kept but cannot convert, is refused naming where the issues are.
    /// </summary>
    private static void Map<T>(Entry entry, List<RejectedRecord> unreadable, Action<T> map)
        where T : Fm.Resource
    {
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(entry.Resource));
        Fm.Resource? parsed;
        IEnumerable<Hl7.Fhir.Utility.CodedException> issues;
        try
        {
            // Lenient: whatever the issues, the SDK returns what it read; they are named only if the mapping then fails.
            Deserializer.TryDeserializeResource(ref reader, out parsed, out issues);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            unreadable.Add(new RejectedRecord(entry.Origin, $"Ressource FHIR illisible ({e.GetType().Name})."));
            return;
        }

        // Where, not what: the SDK's messages may quote the values, which can be names.
        string Where() => string.Join(", ", issues
            .Select(x => x is Hl7.Fhir.Utility.ExtendedCodedException { InstancePath: { Length: > 0 } path } ? $"{path} ({x.ErrorCode})" : x.ErrorCode)
            .Distinct().Take(5));
        if (parsed is not T resource)
        {
            unreadable.Add(new RejectedRecord(entry.Origin, $"Ressource FHIR non conforme, illisible : {Where()}."));
            return;
        }

        try
        {
            map(resource);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var where = Where();
            unreadable.Add(new RejectedRecord(entry.Origin, where.Length == 0
                ? $"Ressource illisible ({e.GetType().Name})."
                : $"Ressource FHIR non conforme, illisible : {where}."));
        }
    }

    /// <summary>A JSON string's text; null for anything else, or for bytes that are not UTF-8.</summary>
    private static string? Text(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>What a role gives its professional; null (and a rejection) when its references cannot be followed.</summary>
    private static Role? ToRole(Fm.PractitionerRole role, string origin, Resources bundle, Dictionary<int, Place> places, List<RejectedRecord> unreadable)
    {
        if (role.Active == false)
        {
            return null; // a situation d'exercice deleted in the Annuaire: the professional no longer practises there
        }

        var practitionerRef = role.Practitioner?.Reference ?? "";
        var organizationRef = role.Organization?.Reference ?? "";
        var practitioner = practitionerRef.Length > 0 ? bundle.Find(practitionerRef) : null;
        var organization = organizationRef.Length > 0 ? bundle.Find(organizationRef) : null;
        var reason = practitionerRef.Length == 0 ? "La situation d'exercice ne désigne aucun professionnel (« practitioner » absent)."
            : practitioner is null ? $"Le professionnel référencé « {practitionerRef} » est absent du Bundle."
            : bundle[practitioner.Value].Type != "Practitioner" ? $"La référence « {practitionerRef} » ne désigne pas un Practitioner."
            : organizationRef.Length > 0 && organization is null ? $"La structure référencée « {organizationRef} » est absente du Bundle."
            : organization is { } o && bundle[o].Type != "Organization" ? $"La référence « {organizationRef} » ne désigne pas une Organization."
            : null;
        if (reason is not null)
        {
            unreadable.Add(new RejectedRecord(origin, reason));
            return null;
        }

        // The place: the role's Location when the Bundle has it with an address, else its Organization's address.
        var location = role.Location.Select(l => l.Reference is { Length: > 0 } r ? bundle.Find(r) : null)
            .FirstOrDefault(l => l is { } at && bundle[at].Type == "Location" && places.ContainsKey(at));
        var structure = organization is { } org ? places.GetValueOrDefault(org) : null;
        var place = location is { } loc ? places[loc] with { Structure = structure?.Structure } : structure;
        return new Role(
            role.Id,
            practitioner!.Value,
            place,
            Code(role.Code, AnnuaireCodes.Profession),
            Code(role.Specialty, AnnuaireCodes.Specialty),
            Code(role.Code, AnnuaireCodes.PracticeMode),
            Telecom(role.Telecom, Fm.ContactPoint.ContactPointSystem.Email, mssante: true),
            Telecom(role.Telecom, Fm.ContactPoint.ContactPointSystem.Email, mssante: false),
            Telecom(role.Telecom, Fm.ContactPoint.ContactPointSystem.Phone));
    }

    private (StructureRecord Record, Place Place) ToStructure(Fm.Organization organization, string origin)
    {
        string? finess = null, siret = null;
        foreach (var identifier in organization.Identifier)
        {
            var value = identifier.Value?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (identifier.System == AnnuaireCodes.Finess || HasType(identifier, "FINEG", "FINEJ"))
            {
                finess ??= value.ToUpperInvariant();
            }
            else if ((identifier.System is AnnuaireCodes.Sirene or "http://sirene.fr" || HasType(identifier, "SIRET")) && value.Length == 14)
            {
                siret ??= value;
            }
            else if (identifier.System == AnnuaireCodes.Idnst && value.StartsWith('1') && value.Length == 10)
            {
                finess ??= value[1..].ToUpperInvariant(); // IDNST "1" + FINESS
            }
            else if (identifier.System == AnnuaireCodes.Idnst && value.StartsWith('3') && value.Length == 15)
            {
                siret ??= value[1..]; // IDNST "3" + SIRET; other prefixes ("4" + RPPS rang…) are neither
            }
        }

        var address = Current(organization.Address);
        var record = new StructureRecord(
            Kind(organization),
            organization.Name?.Trim() is { Length: > 0 } name ? name : organization.Alias.FirstOrDefault()?.Trim() ?? "",
            finess,
            siret,
            communes.Resolve(address),
            AddressText(address),
            Telecom(organization.Telecom, Fm.ContactPoint.ContactPointSystem.Phone),
            Telecom(organization.Telecom, Fm.ContactPoint.ContactPointSystem.Email, mssante: false),
            organization.Id,
            origin);
        return (record, new Place(record.Key, record.CommuneCode, record.Address));
    }

    /// <summary>The kind from the FINESS category (TRE_R66) first, else from the sector (TRE_R02); Autre otherwise.</summary>
    private static StructureKind Kind(Fm.Organization organization)
    {
        var codings = organization.Type.SelectMany(t => t.Coding).Where(c => !string.IsNullOrWhiteSpace(c.Code)).ToList();
        StructureKind? From(string system, IReadOnlyDictionary<string, StructureKind> kinds) =>
            codings.Where(c => c.System == system).Select(c => kinds.TryGetValue(c.Code!.Trim(), out var k) ? k : (StructureKind?)null)
                .FirstOrDefault(k => k is not null);
        return From(AnnuaireCodes.CategorieEtablissement, AnnuaireCodes.ByCategory) ?? From(AnnuaireCodes.SecteurActivite, AnnuaireCodes.BySector) ?? StructureKind.Autre;
    }

    private static ProfessionalRecord? ToProfessional(Fm.Practitioner practitioner, string origin, List<Role> roles, List<RejectedRecord> unreadable)
    {
        if (Rpps(practitioner) is not { } rpps)
        {
            unreadable.Add(new RejectedRecord(origin, "Aucun RPPS : ni identifiant « https://rpps.esante.gouv.fr » (ou « http://rpps.fr ») ni IDNPS « 8 » + RPPS."));
            return null;
        }

        var label = $"{origin} : RPPS {rpps}";
        if (practitioner.Active == false)
        {
            unreadable.Add(new RejectedRecord(label, "Professionnel inactif ou supprimé dans l'Annuaire Santé (active = false)."));
            return null;
        }

        // The current guide puts profession and specialty in Practitioner.qualification; older exports in the roles.
        var profession = Code(practitioner.Qualification.Select(q => q.Code), AnnuaireCodes.Profession)
            ?? roles.Select(r => r.Profession).FirstOrDefault(p => p is not null);
        if (profession is null)
        {
            unreadable.Add(new RejectedRecord(label, "Aucune profession : pas de code TRE_G15 ProfessionSante dans Practitioner.qualification ni dans PractitionerRole.code."));
            return null;
        }

        var name = practitioner.Name.FirstOrDefault(n => n.Use == Fm.HumanName.NameUse.Official)
            ?? practitioner.Name.FirstOrDefault(n => n.Use == Fm.HumanName.NameUse.Usual)
            ?? practitioner.Name.FirstOrDefault(n => n.Use != Fm.HumanName.NameUse.Old);
        return new ProfessionalRecord(
            rpps,
            name?.Family?.Trim() ?? "",
            string.Join(' ', name?.Given.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim()) ?? []),
            profession,
            Code(practitioner.Qualification.Select(q => q.Code), AnnuaireCodes.Specialty) ?? roles.Select(r => r.Specialty).FirstOrDefault(s => s is not null),
            Mode(roles.Select(r => r.Mode).OfType<string>().ToHashSet(StringComparer.Ordinal)),
            // A role without any place (no Organization, no Location) adds none: the merge refuses a professional without one.
            [.. roles.Where(r => r.Place is not null).Select(r => new PracticeRecord(r.Place!.Commune, r.Place.Structure, r.Place.Address, r.Id))],
            MssanteAddress: Telecom(practitioner.Telecom, Fm.ContactPoint.ContactPointSystem.Email, mssante: true) ?? roles.Select(r => r.Mssante).FirstOrDefault(m => m is not null),
            WorkEmail: roles.Select(r => r.Email).FirstOrDefault(e => e is not null),
            WorkPhone: roles.Select(r => r.Phone).FirstOrDefault(p => p is not null),
            Origin: origin);
    }

    /// <summary>RPPS from its own identifier, else from the IDNPS "8" + RPPS; the value is kept as given (the merge checks its key).</summary>
    private static string? Rpps(Fm.Practitioner practitioner)
    {
        var direct = practitioner.Identifier.FirstOrDefault(i => i.System is AnnuaireCodes.Rpps or AnnuaireCodes.RppsOld && !string.IsNullOrWhiteSpace(i.Value))
            ?? practitioner.Identifier.FirstOrDefault(i => HasType(i, "RPPS") && !string.IsNullOrWhiteSpace(i.Value));
        if (direct is not null)
        {
            return direct.Value!.Trim();
        }

        var idnps = practitioner.Identifier.Select(i => i.System == AnnuaireCodes.Idnps || HasType(i, "IDNPS") ? i.Value?.Trim() : null)
            .FirstOrDefault(v => v is { Length: > 1 } && v[0] == '8');
        return idnps?[1..];
    }

    private static bool HasType(Fm.Identifier identifier, params string[] codes) =>
        identifier.Type?.Coding.Any(c => c.Code is not null && codes.Contains(c.Code)) == true;

    /// <summary>The first code of that system among the concepts.</summary>
    private static string? Code(IEnumerable<Fm.CodeableConcept?> concepts, string system) =>
        concepts.OfType<Fm.CodeableConcept>().SelectMany(c => c.Coding)
            .FirstOrDefault(c => c.System == system && !string.IsNullOrWhiteSpace(c.Code))?.Code!.Trim();

    /// <summary>TRE_R23 modes of the roles: L and S → mixte; else L, S, B; none → libéral (documented in README.md).</summary>
    private static PracticeMode Mode(HashSet<string> modes) =>
        modes.Contains("L") && modes.Contains("S") ? PracticeMode.Mixed
        : modes.Contains("L") ? PracticeMode.Liberal
        : modes.Contains("S") ? PracticeMode.Salaried
        : modes.Contains("B") ? PracticeMode.Volunteer
        : PracticeMode.Liberal;

    /// <summary>The first contact of that system still in use; for e-mail, MSSanté boxes or the others.</summary>
    private static string? Telecom(IEnumerable<Fm.ContactPoint> telecom, Fm.ContactPoint.ContactPointSystem system, bool? mssante = null) =>
        telecom.Where(c => c.System == system && c.Use != Fm.ContactPoint.ContactPointUse.Old && !string.IsNullOrWhiteSpace(c.Value))
            .Where(c => mssante is null || IsMssante(c) == mssante)
            .OrderBy(c => c.Rank ?? int.MaxValue)
            .Select(c => c.Value!.Trim())
            .FirstOrDefault();

    /// <summary>An MSSanté box: FR Core email-type extension MSSANTE; failing it, an address of the mssante.fr domain.</summary>
    private static bool IsMssante(Fm.ContactPoint contact) =>
        contact.Extension.Any(e => (e.Url ?? "").EndsWith("email-type", StringComparison.OrdinalIgnoreCase)
            && e.Value is Fm.Coding { Code: AnnuaireCodes.Mssante })
        || (contact.Value ?? "").Trim().EndsWith(".mssante.fr", StringComparison.OrdinalIgnoreCase)
        || (contact.Value ?? "").Trim().EndsWith("@mssante.fr", StringComparison.OrdinalIgnoreCase);

    /// <summary>The address in use: not "old", work first.</summary>
    private static Fm.Address? Current(List<Fm.Address> addresses) =>
        addresses.Where(a => a.Use != Fm.Address.AddressUse.Old)
            .OrderBy(a => a.Use == Fm.Address.AddressUse.Work ? 0 : 1)
            .FirstOrDefault();

    /// <summary>
    /// The address as a line of text: Address.text, else its lines (from the iso21090-ADXP extensions when a line
    /// carries only them, as the Annuaire writes it), then postal code and city unless a line already has them.
    /// </summary>
    private static string? AddressText(Fm.Address? address)
    {
        if (address is null)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(address.Text))
        {
            return address.Text.Trim();
        }

        var lines = address.LineElement.Select(Line).Where(l => l.Length > 0).ToList();
        var postal = address.PostalCode?.Trim() ?? "";
        var city = address.City?.Trim() ?? "";
        var locality = city.StartsWith(postal, StringComparison.Ordinal) ? city : $"{postal} {city}".Trim();
        if (locality.Length > 0 && !lines.Any(l => l.Contains(locality, StringComparison.OrdinalIgnoreCase)))
        {
            lines.Add(locality);
        }

        return lines.Count == 0 ? null : string.Join(", ", lines);
    }

    private static string Line(Fm.FhirString line)
    {
        if (!string.IsNullOrWhiteSpace(line.Value))
        {
            return line.Value.Trim();
        }

        string Part(string name) =>
            line.Extension.FirstOrDefault(e => (e.Url ?? "").EndsWith("ADXP-" + name, StringComparison.Ordinal))?.Value is Fm.FhirString { Value: { } s }
                ? s.Trim() : "";
        var street = string.Join(' ', new[] { Part("houseNumber"), Part("buildingNumberSuffix"), Part("streetNameType"), Part("streetNameBase") }.Where(p => p.Length > 0));
        return street.Length > 0 ? street : Part("additionalLocator");
    }

    private sealed record Entry(string Type, string? Id, string Origin, JsonElement Resource);

    /// <summary>A place of practice: the structure's key (FINESS, SIRET or the Annuaire's id), the commune, the address.</summary>
    private sealed record Place(string? Structure, string Commune, string? Address);

    private sealed record Role(string? Id, int Practitioner, Place? Place, string? Profession, string? Specialty, string? Mode, string? Mssante, string? Email, string? Phone);

    /// <summary>The Bundle's entries in order, found by "Type/id", by absolute URL or by fullUrl (urn:uuid:…).</summary>
    private sealed class Resources
    {
        private readonly List<Entry> all = [];
        private readonly Dictionary<string, int> byKey = new(StringComparer.Ordinal);
        private readonly HashSet<int> repeated = [];

        public Entry this[int at] => all[at];

        public void Add(Entry entry, string? fullUrl)
        {
            var at = all.Count;
            all.Add(entry);
            if (entry.Id is { Length: > 0 } id && !byKey.TryAdd($"{entry.Type}/{id}", at))
            {
                repeated.Add(at); // pages glued together: a resource repeated is read once
            }

            if (fullUrl is { Length: > 0 })
            {
                byKey.TryAdd(fullUrl, at);
            }
        }

        public IEnumerable<(int At, Entry Entry)> Of(string type)
        {
            for (var at = 0; at < all.Count; at++)
            {
                if (all[at].Type == type && !repeated.Contains(at))
                {
                    yield return (at, all[at]);
                }
            }
        }

        public int? Find(string reference)
        {
            if (byKey.TryGetValue(reference, out var at))
            {
                return at;
            }

            var parts = reference.Split("/_history/")[0].TrimEnd('/').Split('/');
            return parts.Length >= 2 && byKey.TryGetValue($"{parts[^2]}/{parts[^1]}", out at) ? at : null;
        }
    }
}
