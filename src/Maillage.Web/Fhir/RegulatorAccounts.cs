using System.Net.Mail;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Maillage.Platform.Errors;
using Maillage.Unscheduled.Sas;
using Maillage.Web.Platform;

namespace Maillage.Web.Fhir;

/// <summary>
/// Regulator accounts pushed by the SAS platform (INT_R02, docs/sas.md): <c>POST /fhir/Practitioner</c> creates one, the conditional
/// <c>PUT /fhir/Practitioner?identifier=&lt;system&gt;|&lt;value&gt;</c> updates it (or creates it, reading 11). The body is a
/// <c>FrPractitionerRegul</c>: a malformed one is a 400 OperationOutcome naming the element, a business refusal a 422, an ambiguous key a
/// 412; a client <c>id</c> is ignored (reading 12).
/// </summary>
public static class RegulatorAccounts
{
    public const string Profile = "https://interop.esante.gouv.fr/ig/fhir/sas/StructureDefinition/FrPractitionerRegul";
    public const string NationalSystem = "urn:oid:1.2.250.1.71.4.2.1";
    public const string SasSystem = "urn:oid:1.2.250.1.213.3.6";

    private const int MaxBody = 64 * 1024;

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings { AcceptUnknownMembers = true });

    public static async Task<IResult> CreateAsync(HttpContext http, SaveSasRegulator save, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(save);
        var (input, refusal) = await ReadAsync(http, ct);
        return refusal ?? Answer(http, await save.CreateAsync(input!, http.GetActor(), ct));
    }

    public static async Task<IResult> UpdateAsync(HttpContext http, SaveSasRegulator save, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(save);
        var identifiers = FhirQuery.Parse(http.Request.QueryString.Value).All("identifier");
        if (identifiers.Count != 1 || identifiers[0].Split('|', 2) is not [var system, var value] || string.IsNullOrWhiteSpace(value)
            || system.Trim() is not (NationalSystem or SasSystem))
        {
            return Invalid("identifier", $"Mise à jour conditionnelle : un seul paramètre identifier=<système>|<valeur>, de système {NationalSystem} (identifiant national) "
                + $"ou {SasSystem} (identifiant technique du SAS).");
        }

        var (input, refusal) = await ReadAsync(http, ct);
        return refusal ?? Answer(http, await save.UpdateAsync(new RegulatorKey(system.Trim() == NationalSystem, value.Trim()), input!, http.GetActor(), ct));
    }

    /// <summary><c>GET /fhir/Practitioner/&lt;id&gt;</c> of a regulator: the resource at the <c>Location</c> its creation answered; null when
    /// the id is no regulator's (the caller then reads it as an effector's IDNPS).</summary>
    public static async Task<IResult?> ReadAsync(string id, SaveSasRegulator save, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(save);
        return Guid.TryParse(id, out var regulatorId) && await save.FindAsync(regulatorId, ct) is { } regulator ? FhirWeb.Write(Resource(regulator)) : null;
    }

    private static IResult Answer(HttpContext http, Result<RegulatorSaved> saved)
    {
        if (!saved.Succeeded)
        {
            var error = saved.Errors[0];
            var (status, type) = error.Code switch
            {
                "ambiguous_regulator" => (StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.MultipleMatches),
                "not_found" => (StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound),
                "forbidden" => (StatusCodes.Status403Forbidden, OperationOutcome.IssueType.Forbidden),
                _ => (StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.BusinessRule),
            };
            return FhirWeb.Outcome(status, type, error.Field is { } f ? "Practitioner." + f : null, error.Message);
        }

        var (regulator, created) = (saved.Value!.Regulator, saved.Value.Created);
        var location = $"{FhirWeb.FhirBase(http)}/Practitioner/{regulator.Id}";
        http.Response.Headers.Location = location;
        return FhirWeb.Write(Resource(regulator), created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>The regulator as we now hold it, in the SAS's profile.</summary>
    private static Practitioner Resource(SasRegulator r)
    {
        var practitioner = new Practitioner
        {
            Id = r.Id.ToString(),
            Meta = new Meta { Profile = [Profile], LastUpdated = r.UpdatedAt, VersionId = (r.Version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Active = r.Active,
            Name = [new HumanName { Family = r.FamilyName, Given = [r.GivenName] }],
            Telecom = [new ContactPoint(ContactPoint.ContactPointSystem.Email, null, r.Email)],
        };
        if (r.NationalId is { } national)
        {
            practitioner.Identifier.Add(Identifier(NationalSystem, "IDNPS", national));
        }

        if (r.TechnicalId is { } technical)
        {
            practitioner.Identifier.Add(Identifier(SasSystem, "INTRN", technical));
        }

        return practitioner;
    }

    private static Identifier Identifier(string system, string type, string value) => new(system, value)
    {
        Type = new CodeableConcept("http://interopsante.org/fhir/CodeSystem/fr-v2-0203", type),
    };

    /// <summary>The body read and checked for form; or the refusal (400, or 422 for another <c>meta.source</c>).</summary>
    private static async Task<(RegulatorInput? Input, IResult? Refusal)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var body = new byte[MaxBody + 1];
        var length = 0;
        int read;
        while (length <= MaxBody && (read = await http.Request.Body.ReadAsync(body.AsMemory(length, body.Length - length), ct)) > 0)
        {
            length += read;
        }

        if (length > MaxBody)
        {
            return (null, Outcome(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooLong, "Practitioner", "Corps de requête trop long (64 Kio au plus)."));
        }

        string? resourceType;
        try
        {
            using var document = JsonDocument.Parse(body.AsMemory(0, length));
            resourceType = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("resourceType", out var t)
                && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        catch (JsonException)
        {
            return (null, Invalid("Practitioner", "Le corps de la requête n'est pas du JSON lisible : une ressource Practitioner (FrPractitionerRegul) est attendue."));
        }

        if (resourceType != "Practitioner")
        {
            return (null, Invalid("resourceType", $"Une ressource Practitioner (FrPractitionerRegul) est attendue, pas « {resourceType ?? "(aucune)"} »."));
        }

        var reader = new Utf8JsonReader(body.AsSpan(0, length));
        Deserializer.TryDeserializeResource(ref reader, out var resource, out var issues);
        if (resource is not Practitioner practitioner || issues.FirstOrDefault() is { } issue)
        {
            var where = issues.OfType<Hl7.Fhir.Utility.ExtendedCodedException>().Select(x => x.InstancePath).FirstOrDefault(p => !string.IsNullOrEmpty(p));
            return (null, Invalid(where ?? "Practitioner", $"Ressource Practitioner mal formée ({(issues.FirstOrDefault()?.ErrorCode ?? "illisible")})."));
        }

        return Check(practitioner);
    }

    /// <summary>The FrPractitionerRegul rules we rely on, element by element (docs/sas-guide.md §6.2).</summary>
    private static (RegulatorInput? Input, IResult? Refusal) Check(Practitioner p)
    {
        if (p.Meta?.Source is { Length: > 0 } source && source != SasSystem)
        {
            return (null, Outcome(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.BusinessRule, "Practitioner.meta.source",
                $"Seule la plateforme SAS ({SasSystem}) gère les comptes de régulateur : meta.source « {source} » refusé."));
        }

        if (p.Identifier.Count == 0)
        {
            return (null, Invalid("Practitioner.identifier", "Au moins un identifiant est obligatoire : national (IDNPS, " + NationalSystem + ") ou technique du SAS (" + SasSystem + ")."));
        }

        string? national = null, technical = null;
        foreach (var id in p.Identifier)
        {
            if (id.System is not (NationalSystem or SasSystem))
            {
                return (null, Invalid("Practitioner.identifier.system", $"Système d'identifiant inconnu : « {id.System ?? "(aucun)"} » (attendu {NationalSystem} ou {SasSystem})."));
            }

            var value = id.Value?.Trim();
            if (string.IsNullOrEmpty(value) || value.Length > 64)
            {
                return (null, Invalid("Practitioner.identifier.value", "Chaque identifiant doit porter une valeur (64 caractères au plus)."));
            }

            if ((id.System == NationalSystem ? national : technical) is not null)
            {
                return (null, Invalid("Practitioner.identifier", $"Deux identifiants du système {id.System} : un seul est attendu."));
            }

            if (id.System == NationalSystem)
            {
                national = value;
            }
            else
            {
                technical = value;
            }
        }

        if (p.Active is not { } active)
        {
            return (null, Invalid("Practitioner.active", "active est obligatoire : true (compte actif et habilité) ou false (habilitation retirée)."));
        }

        var name = p.Name.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n.Family)) ?? p.Name.FirstOrDefault();
        var family = name?.Family?.Trim();
        if (string.IsNullOrEmpty(family) || family.Length > 100)
        {
            return (null, Invalid("Practitioner.name.family", "Le nom de famille (name.family) est obligatoire (100 caractères au plus)."));
        }

        var given = string.Join(" ", name!.Given.Where(g => !string.IsNullOrWhiteSpace(g)).Select(g => g!.Trim()));
        if (given.Length is 0 or > 100)
        {
            return (null, Invalid("Practitioner.name.given", "Le prénom (name.given) est obligatoire (100 caractères au plus)."));
        }

        if (p.Telecom.FirstOrDefault(t => t.System != ContactPoint.ContactPointSystem.Email) is { } other)
        {
            return (null, Invalid("Practitioner.telecom.system", $"Seul un e-mail est attendu dans telecom (system = email), pas « {other.System?.ToString() ?? "(aucun)"} »."));
        }

        var email = p.Telecom.Select(t => t.Value?.Trim()).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        if (email is null || email.Length > 256 || !MailAddress.TryCreate(email, out var address) || address?.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            return (null, Invalid("Practitioner.telecom.value", email is null
                ? "L'adresse e-mail du régulateur (telecom, system = email) est obligatoire : elle sert à se connecter."
                : "L'adresse e-mail du régulateur (telecom.value) n'est pas valide."));
        }

        return (new RegulatorInput(national, technical, family, given, email, active), null);
    }

    private static IResult Invalid(string element, string message) =>
        Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, element, message);

    private static IResult Outcome(int status, OperationOutcome.IssueType type, string element, string message) => FhirWeb.Outcome(status, type, element, message);
}
