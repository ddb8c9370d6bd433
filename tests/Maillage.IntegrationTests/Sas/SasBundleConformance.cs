using System.Net;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Lifecycle.Storage;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Maillage.IntegrationTests.Sas;

/// <summary>
/// The slot search's Bundles as the host serves them (CPTS flow with every include, individual flow), validated with Firely's validator
/// against the ANS guide's profiles (Sas/Profiles/, CC0) over the core R4 specification (Hl7.Fhir.Specification.Data.R4): the Bundle
/// and each entry. Only what cannot be checked offline is let through (<see cref="Offline"/>); any other error fails. The CPTS carries a
/// FINESS, as the CPTS Organization profile requires.
/// </summary>
public sealed class SasBundleConformance(SqliteApp app) : IntegrationTest(app), IClassFixture<SqliteApp>
{
    private const string Idnps = "urn:oid:1.2.250.1.71.4.2.1";

    private static readonly Lazy<Validator> Firely = new(() =>
    {
        var profiles = Path.Combine(AppContext.BaseDirectory, "Sas", "Profiles");
        var core = ZipSource.CreateValidationSource();
        var resolver = new CachedResolver(new MultiResolver(new DirectorySource(profiles), core, new FrCoreStandIns(core, FrCoreTypes(profiles))));
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    [Fact]
    public async Task The_cpts_bundle_and_each_of_its_entries_conform_to_the_guides_profiles()
    {
        var bundle = await SearchAsync("_include=Slot:schedule&_include:iterate=Schedule:actor&_include=Slot:service-type-reference"
            + "&_include:iterate=HealthcareService:organization&");
        Assert.Equal(["HealthcareService", "Organization", "Practitioner", "PractitionerRole", "Schedule", "Slot"],
            bundle.Entry.Select(e => e.Resource!.TypeName).Distinct().Order());
        AssertConforms(bundle);
    }

    [Fact]
    public async Task The_individual_bundle_and_each_of_its_entries_conform_to_the_guides_profiles()
    {
        var bundle = await SearchAsync("_include=Slot:schedule&_include:iterate=Schedule:actor&");
        Assert.Equal(["Practitioner", "PractitionerRole", "Schedule", "Slot"], bundle.Entry.Select(e => e.Resource!.TypeName).Distinct().Order());
        AssertConforms(bundle);
    }

    private async Task<Bundle> SearchAsync(string includes)
    {
        var (community, rpps, sas) = await new SasSlotSearch_on_sqlite((SqliteApp)App).SasWorldAsync();
        // The CPTS profile names the CPTS by its FINESS (docs/sas.md): a CPTS that offers slots to the SAS records it.
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().Cpts().Where(c => c.Id == community.Cpts)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Finess, "350999017"), Ct);
        }

        var window = $"start=ge{DateTime.UtcNow.AddHours(2):yyyy-MM-ddTHH:mm:ss}.000+02:00&start=le{DateTime.UtcNow.AddDays(4):yyyy-MM-ddTHH:mm:ss}.000+02:00";
        using var response = await sas.GetAsync($"/fhir/Slot?{includes}{window}&schedule.actor:Practitioner.identifier={Idnps}|8{rpps}&status=free", Ct);
        var json = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, json);
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(json);
        Assert.True(bundle.Total > 0, json);
        return bundle;
    }

    /// <summary>The Bundle against its declared profile, then each entry against its own; every error but the tolerated ones fails, all
    /// of them listed.</summary>
    private static void AssertConforms(Bundle bundle)
    {
        var errors = new List<string>();
        var tolerated = new List<string>();
        foreach (var resource in bundle.Entry.Select(e => e.Resource!).Prepend(bundle))
        {
            var profile = Assert.Single(resource.Meta!.Profile);
            var outcome = Firely.Value.Validate(resource, profile);
            foreach (var issue in outcome.Issue.Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal))
            {
                var line = $"{resource.TypeName}/{resource.Id} ({profile}): {issue.Details?.Text ?? issue.Diagnostics} @ {string.Join(", ", issue.Expression)}";
                (Offline(issue) ? tolerated : errors).Add(line);
            }
        }

        Assert.True(errors.Count == 0, string.Join("\n", errors.Distinct()) + "\n-- tolerated:\n" + string.Join("\n", tolerated.Distinct()));
    }

    /// <summary>
    /// What cannot be checked without the network, named: the terminologies of FR Core 1.1.0 (<c>hl7.fhir.fr.core</c>, value sets and code
    /// systems under <c>http://interopsante.org/fhir/</c>: fr-practitioner-specialty, fr-v2-0203…) and of the MOS
    /// (<c>https://mos.esante.gouv.fr/NOS/…</c>: TRE_R314, TRE_R66, TRE_R38, JDV_J165), in no FHIR package (Profiles/README.md). Only when
    /// the validator says it could not resolve one of them. A profile that cannot be resolved is never tolerated: that would validate
    /// nothing (FR Core's StructureDefinitions are stood in for by <see cref="FrCoreStandIns"/> instead).
    /// </summary>
    private static bool Offline(OperationOutcome.IssueComponent issue)
    {
        var text = issue.Details?.Text ?? issue.Diagnostics ?? "";
        if (text.Contains("StructureDefinition", StringComparison.Ordinal) || text.Contains("profile", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var unresolved = text.Contains("resolve", StringComparison.OrdinalIgnoreCase) || text.Contains("not found", StringComparison.OrdinalIgnoreCase)
            || text.Contains("unknown", StringComparison.OrdinalIgnoreCase) || text.Contains("expand", StringComparison.OrdinalIgnoreCase);
        return unresolved && (text.Contains("http://interopsante.org/fhir/", StringComparison.Ordinal)
            || text.Contains("https://mos.esante.gouv.fr/", StringComparison.Ordinal));
    }

    /// <summary>The FR Core StructureDefinitions the guide's profiles name, each with the core type it constrains: as a profile's base
    /// (FrSlot → Slot), as the profile of an element's type (FrServiceTypeDuration → Extension, FrAddress → Address), or as a reference's
    /// target (FrOrganization → Organization).</summary>
    private static Dictionary<string, string> FrCoreTypes(string profiles)
    {
        const string FrCore = "http://interopsante.org/fhir/StructureDefinition/";
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(profiles, "StructureDefinition-*.json"))
        {
            var sd = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement;
            if (sd.TryGetProperty("baseDefinition", out var b) && b.GetString() is { } parent && parent.StartsWith(FrCore, StringComparison.Ordinal))
            {
                types[parent] = sd.GetProperty("type").GetString()!;
            }

            foreach (var type in sd.GetProperty("snapshot").GetProperty("element").EnumerateArray()
                .SelectMany(e => e.TryGetProperty("type", out var t) ? t.EnumerateArray() : Enumerable.Empty<System.Text.Json.JsonElement>()))
            {
                foreach (var kind in new[] { "profile", "targetProfile" })
                {
                    if (!type.TryGetProperty(kind, out var urls))
                    {
                        continue;
                    }

                    foreach (var url in urls.EnumerateArray().Select(u => u.GetString()!).Where(u => u.StartsWith(FrCore, StringComparison.Ordinal)))
                    {
                        var name = url[FrCore.Length..];
                        types[url] = kind == "profile" ? type.GetProperty("code").GetString()! : name.StartsWith("Fr", StringComparison.Ordinal) ? name[2..] : name;
                    }
                }
            }
        }

        return types;
    }

    /// <summary>
    /// FR Core 1.1.0 is not available offline, and Firely compiles no profile whose base or element types it cannot resolve — which would
    /// leave every guide profile unchecked. So each FR Core StructureDefinition the guide names is answered with the core R4 definition of
    /// its type under the FR Core URL: the guide's own snapshots (which already carry what FR Core constrains on the profiled elements) are
    /// then checked in full; only FR Core's constraints inside its own extensions and datatypes are not (we send none of its extensions).
    /// </summary>
    private sealed class FrCoreStandIns(IResourceResolver core, Dictionary<string, string> types) : IResourceResolver, IAsyncResourceResolver
    {
        public Resource? ResolveByCanonicalUri(string uri)
        {
            var url = uri.Split('|')[0];
#pragma warning disable CS0618 // the member this class implements; a miss is simply null here
            if (!types.TryGetValue(url, out var type)
                || core.ResolveByCanonicalUri("http://hl7.org/fhir/StructureDefinition/" + type) is not StructureDefinition definition)
#pragma warning restore CS0618
            {
                return null;
            }

            var standIn = (StructureDefinition)definition.DeepCopy();
            standIn.Url = url;
            standIn.Name = "StandIn" + type;
            standIn.Derivation = StructureDefinition.TypeDerivationRule.Constraint;
            standIn.BaseDefinition = definition.Url;
            if (type == "Extension")
            {
                // Profiles slice extensions by url: an extension's definition fixes it.
                standIn.Snapshot!.Element.Single(e => e.Path == "Extension.url").Fixed = new FhirUri(url);
            }

            return standIn;
        }

        public Resource? ResolveByUri(string uri) => null;

        public Task<Resource?> ResolveByCanonicalUriAsync(string uri) => Task.FromResult(ResolveByCanonicalUri(uri));

        public Task<Resource?> ResolveByUriAsync(string uri) => Task.FromResult<Resource?>(null);
    }
}
