using System.Globalization;
using System.IO.Pipelines;
using System.Text.Encodings.Web;
using System.Text.Json;
using Maillage.Unscheduled.Sas;
using SlotKindCodes = Maillage.Unscheduled.SnpRules;

namespace Maillage.Web.Fhir;

/// <summary>
/// The slot search's searchset written straight as UTF-8 JSON (docs/sas.md, « Speed »): the same text as Firely's serializer gives for
/// <see cref="SasResources.SlotBundle"/> — element for element, in the same order (a test compares the two on every shape of answer, and
/// the Firely validation test reads what the host serves) — without building the FHIR object model of a few hundred slots and then
/// walking it by reflection, which was half of a search's cost. Written into the response's pipe as it goes, flushed every 16 KB.
/// </summary>
public sealed class SasSlotBundleWriter(string baseUrl, string fhirBase)
{
    private const int FlushEvery = 16 * 1024;

    /// <summary>Firely's options: its own escaping (it leaves « é » and « + » as they are) and no indentation.</summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>The bundle as a result: <c>application/fhir+json; charset=utf-8</c>, 200.</summary>
    public IResult Result(SasAgenda agenda, bool cptsCase, string selfUrl) => new BundleResult(this, agenda, cptsCase, selfUrl);

    /// <summary>The whole bundle into a buffer (tests, the bench).</summary>
    public byte[] ToUtf8(SasAgenda agenda, bool cptsCase, string selfUrl, string bundleId)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            foreach (var _ in Write(w, agenda, cptsCase, selfUrl, bundleId))
            {
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the bundle, yielding after each entry so that the caller may flush.</summary>
    public IEnumerable<int> Write(Utf8JsonWriter w, SasAgenda agenda, bool cptsCase, string selfUrl, string bundleId)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(agenda);
        w.WriteStartObject();
        w.WriteString("resourceType", "Bundle");
        w.WriteString("id", bundleId);
        var profile = agenda.Slots.Count == 0 ? SasResources.BundleIndividual : cptsCase ? SasResources.BundleCpts : SasResources.BundleIndividual;
        Profile(w, profile);
        w.WriteEndObject();
        w.WriteString("type", "searchset");
        w.WriteNumber("total", agenda.Slots.Count);
        w.WriteStartArray("link");
        w.WriteStartObject();
        w.WriteString("relation", "self");
        w.WriteString("url", selfUrl);
        w.WriteEndObject();
        w.WriteEndArray();
        if (agenda.Slots.Count + agenda.Schedules.Count + agenda.Practitioners.Count + agenda.Cpts.Count > 0)
        {
            w.WriteStartArray("entry");
            foreach (var slot in agenda.Slots)
            {
                Entry(w, "Slot", slot.Id.ToString());
                Slot(w, slot, cptsCase);
                EndEntry(w, "match");
                yield return 0;
            }

            Included(w, agenda.Schedules, "Schedule", s => s.Id, Schedule);
            Included(w, agenda.Practitioners, "Practitioner", p => p.Id, Practitioner);
            yield return 0;
            Included(w, agenda.Schedules, "PractitionerRole", s => s.Id, Role);
            Included(w, agenda.Cpts, "HealthcareService", c => c.Id.ToString(), Service);
            Included(w, agenda.Cpts, "Organization", c => c.Id.ToString(), Organization);
            w.WriteEndArray();
        }

        w.WriteEndObject();
        yield return 0;
    }

    /// <summary>An <c>include</c> entry per item, in order.</summary>
    private void Included<T>(Utf8JsonWriter w, IEnumerable<T> items, string type, Func<T, string> id, Action<Utf8JsonWriter, T> write)
    {
        foreach (var item in items)
        {
            Entry(w, type, id(item));
            write(w, item);
            EndEntry(w, "include");
        }
    }

    private void Entry(Utf8JsonWriter w, string type, string id)
    {
        w.WriteStartObject();
        w.WriteString("fullUrl", $"{fhirBase}/{type}/{id}");
        w.WriteStartObject("resource");
        w.WriteString("resourceType", type);
        w.WriteString("id", id);
    }

    private static void EndEntry(Utf8JsonWriter w, string mode)
    {
        w.WriteEndObject();
        w.WriteStartObject("search");
        w.WriteString("mode", mode);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Opens <c>meta</c> with its one profile; the caller closes it.</summary>
    private static void Profile(Utf8JsonWriter w, string profile)
    {
        w.WriteStartObject("meta");
        w.WriteStartArray("profile");
        w.WriteStringValue(profile);
        w.WriteEndArray();
    }

    private static void Coding(Utf8JsonWriter w, string system, string code)
    {
        w.WriteStartObject();
        w.WriteString("system", system);
        w.WriteString("code", code);
        w.WriteEndObject();
    }

    private static void Concept(Utf8JsonWriter w, string system, string code)
    {
        w.WriteStartObject();
        w.WriteStartArray("coding");
        Coding(w, system, code);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Reference(Utf8JsonWriter w, string reference)
    {
        w.WriteStartObject();
        w.WriteString("reference", reference);
        w.WriteEndObject();
    }

    private void Slot(Utf8JsonWriter w, SasSlot s, bool cptsCase)
    {
        Profile(w, cptsCase ? SasResources.SlotCpts : SasResources.SlotIndividual);
        var codes = SasAudience.Codes(s.Audience, cptsCase);
        if (codes.Count > 0)
        {
            w.WriteStartArray("security");
            foreach (var code in codes)
            {
                Coding(w, SasResources.TypeCreneau, code);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteStartArray("serviceType");
        Concept(w, SasResources.ActCode, SlotKindCodes.ActCode(s.Kind));
        if (cptsCase && s.Cpts is { } cpts)
        {
            w.WriteStartObject();
            w.WriteStartArray("extension");
            w.WriteStartObject();
            w.WriteString("url", SasResources.SlotServiceType);
            w.WriteStartObject("valueReference");
            w.WriteString("reference", $"HealthcareService/{cpts}");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartArray("coding");
            Coding(w, SasResources.CategorieEtablissement, "604");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (s.SpecialtyCode is { Length: > 0 } specialty)
        {
            w.WriteStartArray("specialty");
            Concept(w, SasResources.Specialite, specialty);
            w.WriteEndArray();
        }

        w.WritePropertyName("appointmentType");
        Concept(w, SasResources.V20276, "ROUTINE");
        w.WritePropertyName("schedule");
        Reference(w, $"Schedule/{s.ScheduleId}");
        w.WriteString("status", "free");
        w.WriteString("start", Instant(TimeZoneInfo.ConvertTime(s.Start, s.Zone)));
        w.WriteString("end", Instant(TimeZoneInfo.ConvertTime(s.End, s.Zone)));
        w.WriteString("comment", SasLinks.Booking(baseUrl, s.CptsId, s.Id));
    }

    private static void Schedule(Utf8JsonWriter w, SasSchedule s)
    {
        Profile(w, SasResources.ScheduleProfile);
        w.WriteEndObject();
        w.WriteStartArray("actor");
        Reference(w, $"Practitioner/{SasIds.Idnps(s.Rpps)}");
        Reference(w, $"PractitionerRole/{s.Id}");
        w.WriteEndArray();
    }

    private static void Practitioner(Utf8JsonWriter w, SasPractitioner p)
    {
        Profile(w, SasResources.PractitionerProfile);
        w.WriteEndObject();
        w.WriteStartArray("identifier");
        w.WriteStartObject();
        w.WritePropertyName("type");
        Concept(w, SasResources.FrV20203, "IDNPS");
        w.WriteString("system", SasIds.IdnpsSystem);
        w.WriteString("value", p.Id);
        w.WriteEndObject();
        w.WriteEndArray();
        if (p.FamilyName.Length > 0 || p.GivenName.Length > 0)
        {
            w.WriteStartArray("name");
            w.WriteStartObject();
            if (p.FamilyName.Length > 0)
            {
                w.WriteString("family", p.FamilyName);
            }

            if (p.GivenName.Length > 0)
            {
                w.WriteStartArray("given");
                w.WriteStringValue(p.GivenName);
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndArray();
        }
    }

    private void Role(Utf8JsonWriter w, SasSchedule s)
    {
        Profile(w, SasResources.RoleProfile);
        w.WriteEndObject();
        w.WriteStartArray("contained");
        w.WriteStartObject();
        w.WriteString("resourceType", "Location");
        w.WriteString("id", "lieu");
        Profile(w, SasResources.LocationProfile);
        w.WriteEndObject();
        w.WriteStartArray("identifier");
        w.WriteStartObject();
        w.WritePropertyName("type");
        Concept(w, SasResources.LocationIdType, "INTRN");
        w.WriteString("system", fhirBase + "/Location");
        w.WriteString("value", s.PlaceId.ToString());
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("name", s.PlaceName);
        w.WriteStartObject("address");
        w.WriteStartArray("line");
        w.WriteStringValue(s.Address.Length > 0 ? s.Address : s.PlaceName);
        w.WriteEndArray();
        w.WriteString("city", s.City);
        if (s.PostalCode is { } postal)
        {
            w.WriteString("postalCode", postal);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WritePropertyName("practitioner");
        Reference(w, $"Practitioner/{SasIds.Idnps(s.Rpps)}");
        w.WriteStartArray("location");
        Reference(w, "#lieu");
        w.WriteEndArray();
        Telecom(w, s.Phone);
    }

    private static void Telecom(Utf8JsonWriter w, string? phone)
    {
        if (phone is null)
        {
            return;
        }

        w.WriteStartArray("telecom");
        w.WriteStartObject();
        w.WriteString("system", "phone");
        w.WriteString("value", phone);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Service(Utf8JsonWriter w, SasCpts c)
    {
        Profile(w, SasResources.ServiceProfile);
        w.WriteEndObject();
        w.WritePropertyName("providedBy");
        Reference(w, $"Organization/{c.Id}");
        w.WriteString("name", c.Name);
    }

    private static void Organization(Utf8JsonWriter w, SasCpts c)
    {
        Profile(w, SasResources.OrganizationProfile);
        w.WriteEndObject();
        var idnst = c.Finess is { Length: > 0 } finess ? "1" + finess : c.Siret is { Length: > 0 } siret ? "3" + siret : null;
        if (idnst is not null)
        {
            w.WriteStartArray("identifier");
            w.WriteStartObject();
            w.WritePropertyName("type");
            Concept(w, SasResources.FrCoreV20203, "IDNST");
            w.WriteString("system", SasIds.IdnstSystem);
            w.WriteString("value", idnst);
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("name", c.Name);
        Telecom(w, c.Phone);
    }

    /// <summary>An instant as Firely writes it: seconds, the fraction only when there is one, the offset (« +00:00 » at UTC too).</summary>
    private static string Instant(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private sealed class BundleResult(SasSlotBundleWriter writer, SasAgenda agenda, bool cptsCase, string selfUrl) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = FhirWeb.FhirJson + "; charset=utf-8";
            PipeWriter pipe = response.BodyWriter;
            await using var w = new Utf8JsonWriter(pipe, Options);
            foreach (var _ in writer.Write(w, agenda, cptsCase, selfUrl, Guid.NewGuid().ToString()))
            {
                if (w.BytesPending >= FlushEvery)
                {
                    w.Flush();
                    await pipe.FlushAsync(httpContext.RequestAborted);
                }
            }

            w.Flush();
            await pipe.FlushAsync(httpContext.RequestAborted);
        }
    }
}
