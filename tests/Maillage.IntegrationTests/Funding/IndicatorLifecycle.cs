using System.Net;
using System.Text.Json;
using Maillage.Association;
using Maillage.Indemnities;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.IntegrationTests.Directory;
using Maillage.Lifecycle.Storage;
using Maillage.Indemnities.Storage;
using Maillage.Association.Storage;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// Indicators through the year, through the real host: the treasurer records values with their evidence, targets are adjusted with their
/// history, an indicator with values cannot be deleted but is marked obsolete (and back), computed indicators take their values from the
/// platform's data; refusals are precise and French.
/// </summary>
public abstract class IndicatorLifecycle(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_treasurer_records_values_with_evidence_and_adjusts_a_target_while_members_and_officers_are_refused()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var treasurer = await FundingTreasurer.CreateAsync(App, w.A, w.Coordinator);
        var indicator = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 1m, null, (1, 10m), (2, 20m)));
        var url = $"/api/cpts/{w.A}/contract/indicators/{indicator.Id()}";

        var recorded = await (await treasurer.PutJsonAsync($"{url}/values/1", new { achieved = 8, justification = "Bilan annuel", evidence = "https://drive.example/bilan.pdf" }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("https://drive.example/bilan.pdf", recorded.GetProperty("values")[0].GetProperty("evidence").GetString());
        foreach (var refused in new[] { w.Member, w.Officer })
        {
            await (await refused.PutJsonAsync($"{url}/values/1", new { achieved = 3 })).ExpectAsync(HttpStatusCode.Forbidden);
            await (await refused.PostJsonAsync($"{url}/adjustments", Adjustment(2, 15m, 0))).ExpectAsync(HttpStatusCode.Forbidden);
        }

        // Defining indicators stays with the coordinator.
        await (await treasurer.PostJsonAsync($"/api/cpts/{w.A}/contract/indicators", IndicatorWorld.Body("pathways", 0.5m))).ExpectAsync(HttpStatusCode.Forbidden);
        await (await treasurer.DeleteAsync($"{url}?version=0", Ct)).ExpectAsync(HttpStatusCode.Forbidden);

        var version = indicator.GetProperty("version").GetInt32();
        var bad = await (await treasurer.PostJsonAsync($"{url}/adjustments", new { year = 3, target = -1, agreedOn = Http.Today.AddDays(1), version }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("commence le", string.Join(" ", bad.FieldErrors("year")), StringComparison.Ordinal);
        Assert.Contains("négative", string.Join(" ", bad.FieldErrors("target")), StringComparison.Ordinal);
        Assert.NotEmpty(bad.FieldErrors("reason"));
        Assert.NotEmpty(bad.FieldErrors("agreedBy"));
        Assert.Contains("futur", string.Join(" ", bad.FieldErrors("agreedOn")), StringComparison.Ordinal);

        var adjusted = await (await treasurer.PostJsonAsync($"{url}/adjustments", Adjustment(2, 15m, version))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(15m, adjusted.GetProperty("targets").EnumerateArray().Single(t => t.GetProperty("year").GetInt32() == 2).GetProperty("value").GetDecimal());
        var history = adjusted.GetProperty("adjustments").EnumerateArray().Single();
        Assert.Equal(20m, history.GetProperty("previousTarget").GetDecimal());
        Assert.Equal("Comité de suivi : CPAM, ARS, bureau", history.GetProperty("agreedBy").GetString());
        Assert.Equal(version + 1, adjusted.GetProperty("version").GetInt32());

        var stale = await (await w.Coordinator.PostJsonAsync($"{url}/adjustments", Adjustment(2, 12m, version))).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifiées", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var read = (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).EnumerateArray().Single();
        Assert.Single(read.GetProperty("adjustments").EnumerateArray());
        var audit = await w.Coordinator.AuditAsync(w.A);
        Assert.Contains(audit, a => a.Action == "aci.indicator.target_adjusted");
    }

    [Fact]
    public async Task An_indicator_without_values_is_deleted_one_with_values_is_marked_obsolete_instead_and_back()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var spare = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 0.5m));
        var kept = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 0.5m, null, (1, 10m), (2, 10m)));
        var indicators = $"/api/cpts/{w.A}/contract/indicators";

        await (await w.Coordinator.DeleteAsync($"{indicators}/{spare.Id()}", Ct)).ExpectAsync(HttpStatusCode.BadRequest);
        await (await w.Coordinator.DeleteAsync($"{indicators}/{spare.Id()}?version=7", Ct)).ExpectAsync(HttpStatusCode.Conflict);
        await (await w.Coordinator.DeleteAsync($"{indicators}/{spare.Id()}?version=0", Ct)).ExpectAsync(HttpStatusCode.NoContent);
        Assert.Equal([kept.Id()], (await w.Member.GetJsonAsync(indicators)).EnumerateArray().Select(i => i.Id()));

        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, kept.Id(), 1, 10m);
        var refused = await (await w.Coordinator.DeleteAsync($"{indicators}/{kept.Id()}?version=0", Ct)).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("obsolète", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var url = $"{indicators}/{kept.Id()}/obsolete";
        var missing = await (await w.Coordinator.PostJsonAsync(url, new { version = 0 })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(missing.FieldErrors("fromYear"));
        Assert.NotEmpty(missing.FieldErrors("reason"));
        await (await w.Member.PostJsonAsync(url, new { fromYear = 2, reason = "Action arrêtée", version = 0 })).ExpectAsync(HttpStatusCode.Forbidden);
        var obsolete = await (await w.Coordinator.PostJsonAsync(url, new { fromYear = 2, reason = "Action arrêtée par la CPAM", version = 0 }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, obsolete.GetProperty("obsolete").GetProperty("fromYear").GetInt32());
        var value = await (await w.Coordinator.PutJsonAsync($"{indicators}/{kept.Id()}/values/2", new { achieved = 3 })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("obsolète", string.Join(" ", value.FieldErrors("year")), StringComparison.Ordinal);

        await (await w.Coordinator.DeleteAsync($"{url}?version=0", Ct)).ExpectAsync(HttpStatusCode.Conflict);
        var undone = await (await w.Coordinator.DeleteAsync($"{url}?version=1", Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, undone.GetProperty("obsolete").ValueKind);
        var audit = (await w.Coordinator.AuditAsync(w.A)).Select(a => a.Action).ToList();
        Assert.Contains("aci.indicator.deleted", audit);
        Assert.Contains("aci.indicator.obsolete", audit);
        Assert.Contains("aci.indicator.obsolete_undone", audit);
    }

    [Fact]
    public async Task Computed_indicators_take_their_values_from_the_platform_and_refuse_typed_values()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var indicators = $"/api/cpts/{w.A}/contract/indicators";
        var unknown = await (await w.Coordinator.PostJsonAsync(indicators, IndicatorWorld.Body("access", 0.5m, b => (b["source"], b["sourceKey"]) = ("computed", "members.all"))))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("members.active", string.Join(" ", unknown.FieldErrors("sourceKey")), StringComparison.Ordinal);

        var today = Http.Today;
        await SeedCommunityAsync(w, today);
        var active = await IndicatorWorld.AddAsync(w.Coordinator, w.A, Computed("members.active"));
        var joined = await IndicatorWorld.AddAsync(w.Coordinator, w.A, Computed("members.new"));
        var hours = await IndicatorWorld.AddAsync(w.Coordinator, w.A, Computed("indemnities.hours"));
        var meetings = await IndicatorWorld.AddAsync(w.Coordinator, w.A, Computed("meetings.held"));
        var groups = await IndicatorWorld.AddAsync(w.Coordinator, w.A, Computed("groups.active"));
        Assert.Equal("computed", active.GetProperty("source").GetString());
        Assert.Equal("members.active", active.GetProperty("sourceKey").GetString());

        var typed = await (await w.Coordinator.PutJsonAsync($"{indicators}/{active.Id()}/values/1", new { achieved = 3 })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("calculé", string.Join(" ", typed.FieldErrors("achieved")), StringComparison.Ordinal);
        await (await w.Member.PostJsonAsync($"{indicators}/{active.Id()}/values/1/compute", new { })).ExpectAsync(HttpStatusCode.Forbidden);

        var one = await (await w.Coordinator.PostJsonAsync($"{indicators}/{active.Id()}/values/1/compute", new { })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2m, one.GetProperty("values")[0].GetProperty("achieved").GetDecimal());
        Assert.StartsWith("Calculé automatiquement le ", one.GetProperty("values")[0].GetProperty("justification").GetString(), StringComparison.Ordinal);

        var year1 = await (await w.Coordinator.PostJsonAsync($"{indicators}/compute?year=1", new { })).ExpectAsync(HttpStatusCode.OK);
        var year2 = await (await w.Coordinator.PostJsonAsync($"{indicators}/compute?year=2", new { })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(5, year1.GetArrayLength());
        var values = (await w.Member.GetJsonAsync(indicators)).EnumerateArray().ToDictionary(i => i.Id(), i => i.GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("year").GetInt32(), v => v.GetProperty("achieved").GetDecimal()));
        Assert.Equal((2m, 2m), (values[active.Id()][1], values[active.Id()][2]));
        Assert.Equal((2m, 1m), (values[joined.Id()][1], values[joined.Id()][2]));
        Assert.Equal((2.5m, 1m), (values[hours.Id()][1], values[hours.Id()][2]));
        Assert.Equal((1m, 1m), (values[meetings.Id()][1], values[meetings.Id()][2]));
        Assert.Equal((1m, 1m), (values[groups.Id()][1], values[groups.Id()][2]));
        Assert.Equal(5, year2.GetArrayLength());

        await (await w.Coordinator.PostJsonAsync($"{indicators}/compute?year=3", new { })).ExpectAsync(HttpStatusCode.BadRequest);
        await (await w.Coordinator.PostJsonAsync($"{indicators}/compute?year=deux", new { })).ExpectAsync(HttpStatusCode.BadRequest);
        var audit = (await w.Coordinator.AuditAsync(w.A)).Select(a => a.Action).ToList();
        Assert.Equal(11, audit.Count(a => a == "aci.indicator.value_computed"));
    }

    [Fact]
    public async Task The_page_edits_adjusts_marks_obsolete_computes_and_shows_refusals_in_french()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var treasurer = await FundingTreasurer.CreateAsync(App, w.A, w.Coordinator);
        var indicator = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 1m, null, (1, 10m), (2, 20m)));
        var computed = await IndicatorWorld.AddAsync(w.Coordinator, w.A, Computed("members.active"));
        var url = $"/cpts/{w.A}/contrat/indicateurs";
        var id = $"{indicator.Id()}";

        var coordinatorPage = await w.Coordinator.PageAsync($"{url}?vue=suivi");
        Assert.Contains("Modifier l'indicateur", coordinatorPage, StringComparison.Ordinal);
        var treasurerPage = System.Net.WebUtility.HtmlDecode(await treasurer.PageAsync($"{url}?vue=suivi"));
        Assert.Contains("Ajuster une cible", treasurerPage, StringComparison.Ordinal);
        Assert.Contains("Pièce justificative", System.Net.WebUtility.HtmlDecode(await treasurer.PageAsync($"{url}?vue=saisie")), StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter un indicateur", treasurerPage, StringComparison.Ordinal);
        var memberPage = System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync($"{url}?vue=suivi"));
        Assert.DoesNotContain("Ajuster une cible", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Saisir les valeurs", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Pièce justificative", System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync($"{url}?vue=saisie")), StringComparison.Ordinal);

        var (status, html) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Edit", Fields(id, "0", ("name", "Patients orientés"), ("weight", "1"),
            ("source", "computed"), ("sourceKey", "inconnu")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Données disponibles", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        (status, _) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Edit", Fields(id, "0", ("name", "Patients orientés"), ("weight", "1"),
            ("source", "manual"), ("targets[0]", "10"), ("targets[1]", "20")));
        Assert.Equal(HttpStatusCode.Redirect, status);

        (status, _) = await treasurer.PostFormAsync(url, $"{url}?handler=Value", new Dictionary<string, string?>
        {
            ["indicatorId"] = id, ["year"] = "1", ["achieved"] = "9", ["evidence"] = "Compte rendu du comité, mars",
        });
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, html) = await treasurer.PostFormAsync(url, $"{url}?handler=Adjust", Fields(id, "1", ("year", "2"), ("target", "15"), ("agreedOn", "hier")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("n'est pas une date", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        (status, _) = await treasurer.PostFormAsync(url, $"{url}?handler=Adjust", Fields(id, "1", ("year", "2"), ("target", "15"),
            ("reason", "Départ d'un médecin"), ("agreedBy", "Comité de suivi"), ("agreedOn", Http.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, html) = await w.Coordinator.PostFormAsync(url, $"{url}?handler=Delete", Fields(id, "2"));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("ne peut plus être supprimé", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        (status, _) = await treasurer.PostFormAsync(url, $"{url}?handler=Obsolete", Fields(id, "2", ("fromYear", "2"), ("reason", "Action reprise par l'hôpital")));
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _) = await treasurer.PostFormAsync(url, $"{url}?handler=Compute", new Dictionary<string, string?> { ["indicatorId"] = $"{computed.Id()}", ["year"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, status);
        (status, _) = await treasurer.PostFormAsync(url, $"{url}?handler=ComputeAll", new Dictionary<string, string?> { ["year"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, status);

        var page = System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync($"{url}?year=2"));
        Assert.Contains("Patients orientés", page, StringComparison.Ordinal);
        Assert.Contains("Pièce : Compte rendu du comité, mars", page, StringComparison.Ordinal);
        Assert.Contains("Calculé automatiquement le", page, StringComparison.Ordinal);
        var followUp = System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync($"{url}?vue=suivi&year=2"));
        Assert.Contains("Départ d'un médecin", followUp, StringComparison.Ordinal);
        Assert.Contains("Obsolète à partir de l'année 2 : Action reprise par l'hôpital", followUp, StringComparison.Ordinal);
        Assert.DoesNotContain("Pièce : Compte rendu du comité, mars", followUp, StringComparison.Ordinal);
        var read = (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/indicators")).EnumerateArray().Single(i => i.Id() == computed.Id());
        Assert.Equal([1, 2], read.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("year").GetInt32()));
    }

    [Fact]
    public async Task The_compute_button_agrees_with_the_number_of_computed_indicators()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var url = $"/cpts/{w.A}/contrat/indicateurs";
        await IndicatorWorld.AddAsync(w.Coordinator, w.A, Computed("members.active"));

        var one = System.Net.WebUtility.HtmlDecode(await w.Coordinator.PageAsync($"{url}?vue=saisie"));
        Assert.Matches("<button type=\"submit\">Calculer l'indicateur calculé de l'année [0-9]+</button>", one);

        await IndicatorWorld.AddAsync(w.Coordinator, w.A, Computed("members.new"));
        var two = System.Net.WebUtility.HtmlDecode(await w.Coordinator.PageAsync($"{url}?vue=saisie"));
        Assert.Matches("<button type=\"submit\">Calculer les 2 indicateurs calculés de l'année [0-9]+</button>", two);
        Assert.DoesNotContain("(s)", one + two, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Computed(string key) =>
        IndicatorWorld.Body("pathways", 0.2m, b => (b["source"], b["sourceKey"]) = ("computed", key), (1, 5m), (2, 5m));

    private static object Adjustment(int year, decimal target, int version) =>
        new { year, target, reason = "Départ en retraite d'un médecin", agreedBy = "Comité de suivi : CPAM, ARS, bureau", agreedOn = Http.Today, version };

    private static Dictionary<string, string?> Fields(string indicatorId, string version, params (string Key, string Value)[] fields)
    {
        var all = new Dictionary<string, string?> { ["indicatorId"] = indicatorId, ["version"] = version, ["mission"] = "access", ["kind"] = "process" };
        foreach (var (key, value) in fields)
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>
    /// CPTS A's community: year 1 is [today − 1 year, today), year 2 has begun today. Members (through the API): one since the contract's
    /// start, one who left today, one who joined today — 2 members at the end of each year, 2 joined in year 1 and 1 in year 2. Declared
    /// time, a closed meeting per year and a working group (stored directly: their own flows are tested in the Community module).
    /// </summary>
    private async Task SeedCommunityAsync(ContractWorld w, DateOnly today)
    {
        string commune;
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            commune = await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().TerritoryUnits().Where(u => u.CptsId == w.A).Select(u => u.Code).FirstAsync(Ct);
        }

        var rpps = Enumerable.Range(0, 3).Select(_ => DirectoryData.NewRpps()).ToList();
        await w.Coordinator.ImportAsync(w.A, rpps.Select((r, i) => $"{r};Compté{i};Alex;10;;L;{commune}"));
        var members = new List<Guid>();
        foreach (var (r, since) in rpps.Zip([today.AddYears(-1), today.AddYears(-1), today]))
        {
            members.Add((await (await w.Coordinator.PostJsonAsync($"/api/cpts/{w.A}/members", new { rpps = r, status = "member", since }))
                .ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        await (await w.Coordinator.PostJsonAsync($"/api/cpts/{w.A}/members/{members[1]}/status", new { status = "former", from = today })).ExpectAsync(HttpStatusCode.OK);
        var body = (await w.Coordinator.BodiesAsync(w.A)).Body("board").GetProperty("id").GetGuid();
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
            var now = DateTimeOffset.UtcNow;
            foreach (var (date, hours, status) in new[]
            {
                (today.AddDays(-10), 2.5m, DeclarationStatus.Validated), (today.AddDays(-9), 3m, DeclarationStatus.Declared), (today, 1m, DeclarationStatus.Paid),
                (today.AddYears(-1).AddDays(-1), 4m, DeclarationStatus.Validated),
            })
            {
                db.TimeDeclarations().Add(new TimeDeclaration
                {
                    Id = Guid.NewGuid(), CptsId = w.A, MemberId = members[0], MissionDate = date, Activity = default, Hours = hours, Description = "Réunion",
                    Status = status, DeclaredBy = "test", DeclaredAt = now,
                });
            }

            foreach (var approved in new[] { now.AddDays(-30), now, now.AddYears(-2) })
            {
                db.Meetings().Add(new Meeting
                {
                    Id = Guid.NewGuid(), CptsId = w.A, BodyId = body, Title = "Conseil", StartsAt = approved.AddDays(-1), EndsAt = approved.AddDays(-1).AddHours(2),
                    Location = "Mairie", Status = MeetingStatus.Closed, MinutesApprovedAt = approved,
                });
            }

            db.WorkingGroups().Add(new WorkingGroup { Id = Guid.NewGuid(), CptsId = w.A, Name = "Parcours diabète", CreatedOn = today.AddDays(-200) });
            db.WorkingGroups().Add(new WorkingGroup { Id = Guid.NewGuid(), CptsId = w.A, Name = "Ancien groupe", CreatedOn = today.AddYears(-3), ClosedOn = today.AddYears(-2) });
            await db.SaveChangesAsync(Ct);
        }
    }
}

public sealed class IndicatorLifecycle_on_sqlite(SqliteApp app) : IndicatorLifecycle(app), IClassFixture<SqliteApp>;

public sealed class IndicatorLifecycle_on_postgres(PostgresApp app) : IndicatorLifecycle(app), IClassFixture<PostgresApp>;
