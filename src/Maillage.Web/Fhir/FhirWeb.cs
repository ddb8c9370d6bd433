using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Maillage.Accounts;
using Maillage.Platform.Identity;
using Maillage.Unscheduled.Sas;
using Maillage.Web.Membership;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Authorization;

namespace Maillage.Web.Fhir;

/// <summary>
/// The FHIR R4 server of the SAS interface (docs/sas.md): the slot search and the reads of slots, schedules and practitioners, in
/// <c>application/fhir+json</c>, every refusal an OperationOutcome. Called by the SAS platform (its client certificate, or a bearer token of an account marked
/// for it: claim <see cref="SasClaim"/>; <see cref="SasAccess"/>), or by an admin.
/// </summary>
public static class FhirWeb
{
    public const string SasClaim = SasPlatformAccount.ClaimType;
    public const string SasClaimValue = SasPlatformAccount.ClaimValue;
    public const string FhirJson = "application/fhir+json";

    /// <summary>The SAS platform, by its client certificate or the bearer token of its account (<see cref="SasAccess"/>), or an admin's
    /// token probing the interface; never a cookie.</summary>
    public static AuthorizationPolicy SasPolicy { get; } = new AuthorizationPolicyBuilder(SasAccess.SchemeName)
        .RequireAuthenticatedUser()
        .RequireAssertion(c => c.User.HasClaim(SasClaim, SasClaimValue) || c.User.HasClaim(ActorClaimsFactory.RoleClaim, nameof(Role.Admin)))
        .Build();

    /// <summary>
    /// The SDK's System.Text.Json converters: the same text as <c>FhirJsonSerializer.SerializeToString</c> (checked on the SAS bundles by the
    /// sas-load bench), written straight to the response in UTF-8 instead of building the whole answer as a string first — a slot search of
    /// 25 practitioners over 48 hours is ~400 KB of JSON, which as a string and then its bytes cost ~1.2 MB of large-object heap per request.
    /// </summary>
    private static readonly JsonSerializerOptions FhirJsonOptions = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    private static readonly string[] Includes = ["Slot:schedule", "Schedule:actor", "Slot:service-type-reference", "HealthcareService:organization"];

    private static readonly string[] SlotStatuses = ["busy", "busy-unavailable", "busy-tentative", "entered-in-error"];

    private const string ActorParameter = "schedule.actor:Practitioner.identifier";

    public static WebApplication MapFhir(this WebApplication app)
    {
        var fhir = app.MapGroup("/fhir").RequireAuthorization(SasPolicy).WithTags("FHIR (SAS)").AddEndpointFilter(Guard);
        fhir.MapGet("/metadata", (HttpContext http) => Write(Capabilities(http))).WithName("FhirMetadata")
            .WithSummary("CapabilityStatement of what this FHIR server implements");
        fhir.MapGet("/Slot", SearchSlotsAsync).WithName("FhirSlotSearch")
            .WithSummary("SAS slot search (INT_R01, INT_R04): start=ge…&start=le…&schedule.actor:Practitioner.identifier=…&status=free");
        fhir.MapGet("/Slot/{id}", ReadSlotAsync).WithName("FhirSlotRead").WithSummary("A slot offered to the SAS, while it is free and to come");
        fhir.MapGet("/Schedule", SearchSchedulesAsync).WithName("FhirScheduleSearch").WithSummary("Schedules of a practitioner: actor=Practitioner/8<RPPS>");
        fhir.MapGet("/Schedule/{id}", ReadScheduleAsync).WithName("FhirScheduleRead").WithSummary("A schedule: one effector at one place");
        fhir.MapGet("/Practitioner", SearchPractitionersAsync).WithName("FhirPractitionerSearch")
            .WithSummary("Practitioners by identifier=urn:oid:1.2.250.1.71.4.2.1|8<RPPS>, or every effector, by pages (_count, _offset)");
        fhir.MapGet("/Practitioner/{id}", ReadPractitionerAsync).WithName("FhirPractitionerRead")
            .WithSummary("A practitioner by its IDNPS (8 + RPPS), or a regulator at the Location its creation answered");
        fhir.MapPost("/Practitioner", RegulatorAccounts.CreateAsync).WithName("FhirRegulatorCreate")
            .WithSummary("The SAS creates a regulator account (INT_R02, FrPractitionerRegul): 201 + Location");
        fhir.MapPut("/Practitioner", RegulatorAccounts.UpdateAsync).WithName("FhirRegulatorUpdate")
            .WithSummary("The SAS updates, deactivates or creates a regulator account: identifier=<system>|<value> (national or technical id)");
        return app;
    }

    /// <summary>The format (json only: <c>application/fhir+json</c>, <c>application/json+fhir</c>, <c>application/json</c>), and never a
    /// 500 without an OperationOutcome.</summary>
    private static async ValueTask<object?> Guard(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var format = FhirQuery.Parse(http.Request.QueryString.Value).One("_format");
        if ((format is { Length: > 0 } f && !IsJson(f)) || !AcceptsJson(http.Request.Headers.Accept.ToString()))
        {
            return Outcome(StatusCodes.Status406NotAcceptable, OperationOutcome.IssueType.NotSupported, "_format",
                "Ce serveur ne répond qu'en JSON (application/fhir+json).");
        }

        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Maillage.Fhir").LogError(e, "FHIR request failed: {Path}", http.Request.Path);
            return Outcome(StatusCodes.Status500InternalServerError, OperationOutcome.IssueType.Exception, null, "Erreur interne du serveur.");
        }
    }

    private static bool IsJson(string format) => format.Trim().ToLowerInvariant() is "json" or FhirJson or "application/json+fhir" or "application/json";

    private static bool AcceptsJson(string accept) => string.IsNullOrWhiteSpace(accept)
        || accept.Split(',').Select(a => a.Split(';')[0].Trim().ToLowerInvariant()).Any(a => a is "*/*" or "application/*" || IsJson(a));

    private static async Task<IResult> SearchSlotsAsync(HttpContext http, SearchSasSlots search, CancellationToken ct)
    {
        var q = FhirQuery.Parse(http.Request.QueryString.Value);
        var starts = q.All("start");
        DateTimeOffset? ge = null, le = null;
        foreach (var start in starts)
        {
            var prefix = start.Length >= 2 ? start[..2] : "";
            if (prefix is not ("ge" or "le") || !FhirQuery.TryParseDate(start[2..], prefix == "le", out var when))
            {
                return Invalid("start", $"Valeur de start illisible : « {start} » (attendu ge<dateTime> et le<dateTime>, par exemple ge2024-06-12T16:20:00.000+02:00).");
            }

            if ((prefix == "ge" ? ge : le) is not null)
            {
                return Invalid("start", $"Borne « {prefix} » de start donnée deux fois.");
            }

            if (prefix == "ge")
            {
                ge = when;
            }
            else
            {
                le = when;
            }
        }

        if (ge is null || le is null)
        {
            return Invalid("start", "Les deux bornes de start sont obligatoires : start=ge<dateTime>&start=le<dateTime>.");
        }

        if (le < ge)
        {
            return Invalid("start", "La borne start=le vient avant la borne start=ge.");
        }

        var (rpps, problem) = FhirQuery.Identifiers(q.All(ActorParameter), ActorParameter);
        if (problem is not null)
        {
            return Invalid(problem.Parameter, problem.Message);
        }

        var status = q.All("status");
        if (status.Count == 0 || string.IsNullOrWhiteSpace(status[0]))
        {
            return Invalid("status", "Paramètre status obligatoire (status=free).");
        }

        var statuses = status.SelectMany(s => s.Split(',')).Select(s => s.Trim()).ToList();
        if (statuses.FirstOrDefault(s => s != "free" && !SlotStatuses.Contains(s)) is { } unknown)
        {
            return Invalid("status", $"Statut de créneau inconnu : « {unknown} ».");
        }

        var includes = q.All("_include").Concat(q.All("_include:iterate")).ToList();
        if (includes.FirstOrDefault(i => !Includes.Contains(i.Trim())) is { } badInclude)
        {
            return Invalid("_include", $"_include non servi : « {badInclude} » (servis : {string.Join(", ", Includes)}).");
        }

        var cptsCase = includes.Any(i => i.Trim() == "Slot:service-type-reference");
        var writer = new SasSlotBundleWriter(CampaignEndpoints.PublicBase(http), FhirBase(http));
        var self = SelfUrl(http);
        if (!statuses.Contains("free") || rpps.Count == 0)
        {
            return writer.Result(SasAgenda.Empty, cptsCase, self);
        }

        var found = await search.RunAsync(new SasSlotQuery(ge.Value, le.Value, rpps, cptsCase), ct);
        return found.Succeeded ? writer.Result(found.Value!, cptsCase, self)
            : Invalid(found.Errors[0].Field ?? "start", found.Errors[0].Message);
    }

    private static async Task<IResult> ReadSlotAsync(string id, HttpContext http, ReadSasAgenda read, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var slotId))
        {
            return NotFound("Slot", id);
        }

        var found = await read.SlotAsync(slotId, ct);
        if (!found.Succeeded)
        {
            return NotFound("Slot", id);
        }

        var slot = found.Value!.Slots[0];
        return Write(Resources(http).Slot(slot, cptsCase: slot.Cpts is not null));
    }

    private static async Task<IResult> ReadScheduleAsync(string id, HttpContext http, ReadSasAgenda read, CancellationToken ct)
    {
        var found = await read.SchedulesAsync(id, null, ct);
        return found.Schedules.Count == 0 ? NotFound("Schedule", id) : Write(Resources(http).Schedule(found.Schedules[0]));
    }

    private static async Task<IResult> SearchSchedulesAsync(HttpContext http, ReadSasAgenda read, CancellationToken ct)
    {
        var q = FhirQuery.Parse(http.Request.QueryString.Value);
        var actor = q.One("actor")?.Trim();
        if (string.IsNullOrEmpty(actor))
        {
            return Invalid("actor", "Paramètre actor obligatoire : actor=Practitioner/8<RPPS> ou actor=PractitionerRole/<id>.");
        }

        SasAgenda found;
        if (actor.StartsWith("Practitioner/", StringComparison.Ordinal))
        {
            var rpps = SasIds.Rpps(actor["Practitioner/".Length..]);
            found = rpps is null ? SasAgenda.Empty : await read.SchedulesAsync(null, rpps, ct);
        }
        else if (actor.StartsWith("PractitionerRole/", StringComparison.Ordinal))
        {
            found = await read.SchedulesAsync(actor["PractitionerRole/".Length..], null, ct);
        }
        else
        {
            return Invalid("actor", $"actor doit désigner Practitioner/<id> ou PractitionerRole/<id> : « {actor} ».");
        }

        var resources = Resources(http);
        var bundle = resources.Searchset(null, found.Schedules.Count, SelfUrl(http));
        resources.Add(bundle, found.Schedules.Select(resources.Schedule), Bundle.SearchEntryMode.Match);
        if (q.All("_include").Any(i => i.Trim() == "Schedule:actor"))
        {
            resources.Add(bundle, found.Practitioners.Select(resources.Practitioner), Bundle.SearchEntryMode.Include);
            resources.Add(bundle, found.Schedules.Select(resources.Role), Bundle.SearchEntryMode.Include);
        }

        return Write(bundle);
    }

    private static async Task<IResult> SearchPractitionersAsync(HttpContext http, ReadSasAgenda read, CancellationToken ct)
    {
        var q = FhirQuery.Parse(http.Request.QueryString.Value);
        var count = 50;
        var offset = 0;
        if (q.One("_count") is { } c && (!int.TryParse(c, out count) || count < 0))
        {
            return Invalid("_count", $"_count doit être un entier positif : « {c} ».");
        }

        if (q.One("_offset") is { } o && (!int.TryParse(o, out offset) || offset < 0))
        {
            return Invalid("_offset", $"_offset doit être un entier positif : « {o} ».");
        }

        count = Math.Min(count, ReadSasAgenda.MaxPage);
        IReadOnlyList<string>? rpps = null;
        if (q.Has("identifier"))
        {
            var (parsed, problem) = FhirQuery.Identifiers(q.All("identifier"), "identifier");
            if (problem is not null)
            {
                return Invalid(problem.Parameter, problem.Message);
            }

            rpps = parsed;
        }

        var (page, total) = rpps is { Count: 0 } ? ([], 0) : await read.PractitionersAsync(rpps, offset, count, ct);
        var resources = Resources(http);
        var bundle = resources.Searchset(null, total, SelfUrl(http));
        resources.Add(bundle, page.Select(resources.Practitioner), Bundle.SearchEntryMode.Match);
        if (rpps is null && offset + count < total)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = $"{FhirBase(http)}/Practitioner?_count={count}&_offset={offset + count}" });
        }

        if (rpps is null && offset > 0)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "previous", Url = $"{FhirBase(http)}/Practitioner?_count={count}&_offset={Math.Max(0, offset - count)}" });
        }

        return Write(bundle);
    }

    private static async Task<IResult> ReadPractitionerAsync(string id, HttpContext http, ReadSasAgenda read, SaveSasRegulator regulators, CancellationToken ct)
    {
        if (await RegulatorAccounts.ReadAsync(id, regulators, ct) is { } regulator)
        {
            return regulator;
        }

        var rpps = SasIds.Rpps(id);
        var found = rpps is null ? [] : (await read.PractitionersAsync([rpps], 0, 1, ct)).Page;
        return found.Count == 0 ? NotFound("Practitioner", id) : Write(Resources(http).Practitioner(found[0]));
    }

    private static CapabilityStatement Capabilities(HttpContext http)
    {
        const string Guide = "https://interop.esante.gouv.fr/ig/fhir/sas/CapabilityStatement/";
        var slot = new CapabilityStatement.ResourceComponent
        {
            Type = "Slot",
            Profile = SasResources.SlotCpts,
            SupportedProfile = [SasResources.SlotIndividual],
            Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.Read), Interaction(CapabilityStatement.TypeRestfulInteraction.SearchType)],
            SearchInclude = [.. Includes],
            SearchParam =
            [
                Param("start", "https://interop.esante.gouv.fr/ig/fhir/sas/SearchParameter/slot-sp-start", SearchParamType.Date,
                    "Obligatoire, deux fois : ge<dateTime> et le<dateTime> (sur Slot.start). Sans décalage horaire : heure de Paris."),
                Param("status", "http://hl7.org/fhir/SearchParameter/Slot-status", SearchParamType.Token, "Obligatoire : free."),
                Param(ActorParameter, "http://hl7.org/fhir/SearchParameter/Schedule-actor", SearchParamType.Token,
                    "Obligatoire : 1 à 25 IDNPS urn:oid:1.2.250.1.71.4.2.1|8<RPPS> séparés par des virgules (avec ou sans le préfixe 8)."),
            ],
        };
        var schedule = new CapabilityStatement.ResourceComponent
        {
            Type = "Schedule",
            Profile = SasResources.ScheduleProfile,
            Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.Read), Interaction(CapabilityStatement.TypeRestfulInteraction.SearchType)],
            SearchInclude = ["Schedule:actor"],
            SearchParam = [Param("actor", "http://hl7.org/fhir/SearchParameter/Schedule-actor", SearchParamType.Reference, "Practitioner/<id> ou PractitionerRole/<id>.")],
        };
        var practitioner = new CapabilityStatement.ResourceComponent
        {
            Type = "Practitioner",
            Profile = SasResources.PractitionerProfile,
            SupportedProfile = [RegulatorAccounts.Profile],
            Interaction =
            [
                Interaction(CapabilityStatement.TypeRestfulInteraction.Read), Interaction(CapabilityStatement.TypeRestfulInteraction.SearchType),
                Interaction(CapabilityStatement.TypeRestfulInteraction.Create), Interaction(CapabilityStatement.TypeRestfulInteraction.Update),
            ],
            UpdateCreate = true,
            ConditionalUpdate = true,
            SearchParam =
            [
                Param("identifier", "http://hl7.org/fhir/SearchParameter/Practitioner-identifier", SearchParamType.Token,
                    "IDNPS urn:oid:1.2.250.1.71.4.2.1|8<RPPS> ; pour la mise à jour conditionnelle d'un régulateur (PUT), son identifiant national ou technique (urn:oid:1.2.250.1.213.3.6|<uuid>)."),
                Param("_count", null, SearchParamType.Number, "Taille de page de la liste (50 par défaut, 200 au plus)."),
                Param("_offset", null, SearchParamType.Number, "Rang du premier de la page."),
            ],
        };
        return new CapabilityStatement
        {
            Id = "maillage-sas",
            Url = FhirBase(http) + "/metadata",
            Name = "MaillageSas",
            Title = "Maillage : gestionnaire d'agenda du SAS",
            Status = PublicationStatus.Active,
            Date = "2026-07-01",
            Kind = CapabilityStatementKind.Instance,
            Instantiates = [Guide + "SAS-GestionnaireAgenda-CPTS", Guide + "SAS-GestionnaireAgenda-PsIndiv", Guide + "SAS-GestionnaireStructure"],
            Software = new CapabilityStatement.SoftwareComponent { Name = "Maillage" },
            Implementation = new CapabilityStatement.ImplementationComponent { Description = "Maillage, plateforme des CPTS", Url = FhirBase(http) },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = [FhirJson],
            Rest =
            [
                new CapabilityStatement.RestComponent
                {
                    Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                    Security = new CapabilityStatement.SecurityComponent
                    {
                        Cors = false,
                        Description = http.RequestServices.GetRequiredService<SasAccessSettings>().Describe(),
                    },
                    Resource = [slot, schedule, practitioner],
                },
            ],
        };
    }

    private static CapabilityStatement.ResourceInteractionComponent Interaction(CapabilityStatement.TypeRestfulInteraction code) => new() { Code = code };

    private static CapabilityStatement.SearchParamComponent Param(string name, string? definition, SearchParamType type, string documentation) =>
        new() { Name = name, Definition = definition, Type = type, Documentation = new Markdown(documentation) };

    private static SasResources Resources(HttpContext http) => new(CampaignEndpoints.PublicBase(http), FhirBase(http));

    internal static string FhirBase(HttpContext http) => CampaignEndpoints.PublicBase(http) + "/fhir";

    /// <summary>The request as it came (raw query: the SAS's own <c>+</c> and <c>|</c> kept).</summary>
    private static string SelfUrl(HttpContext http) => FhirBase(http) + http.Request.Path.Value![(http.Request.PathBase.Value?.Length ?? 0)..]["/fhir".Length..]
        + http.Request.QueryString.Value;

    /// <summary>A resource as <c>application/fhir+json; charset=utf-8</c>: a 200 serialised into the response body as it goes (a slot search's
    /// answer is large); the small refusals as one text with their status.</summary>
    internal static IResult Write(Resource resource, int status = StatusCodes.Status200OK) => status == StatusCodes.Status200OK
        ? Results.Stream(body => JsonSerializer.SerializeAsync(body, resource, resource.GetType(), FhirJsonOptions), FhirJson + "; charset=utf-8")
        : Results.Text(JsonSerializer.Serialize(resource, resource.GetType(), FhirJsonOptions), FhirJson + "; charset=utf-8", Encoding.UTF8, status);

    private static IResult Invalid(string parameter, string message) =>
        Outcome(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, parameter, message);

    private static IResult NotFound(string type, string id) =>
        Outcome(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, null, $"{type}/{id} introuvable.");

    internal static IResult Outcome(int status, OperationOutcome.IssueType type, string? parameter, string message)
    {
        var issue = new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Error,
            Code = type,
            Diagnostics = parameter is null ? message : $"{parameter} : {message}",
        };
        if (parameter is not null)
        {
            issue.Expression = [parameter];
        }

        return Write(new OperationOutcome { Issue = [issue] }, status);
    }
}
