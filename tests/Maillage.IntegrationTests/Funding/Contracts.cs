using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Lifecycle.Storage;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// The ACI contract through the real host: recorded by the officer of the territory at the stage « ACI signé », pinned to its rule set
/// and to the tier at signature, amended with effective dates, its terms and maximum on a date; refusals are precise and save nothing.
/// </summary>
public abstract partial class Contracts(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_pages_name_missions_and_rule_sets_in_french_never_by_their_ids()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        await ReviewWorld.OpenAsync(w.Coordinator, w, 1);
        var contract = Text(await w.Coordinator.PageAsync($"/cpts/{w.A}/contrat"));
        Assert.Contains("Missions à la signature Accès aux soins, Parcours pluriprofessionnels, Prévention, Crises sanitaires graves", contract, StringComparison.Ordinal);
        Assert.Contains("Barème Avenant 2 (2021) — ACI CPTS, avenant 2 : financement par mission", contract, StringComparison.Ordinal);

        foreach (var page in new[]
        {
            $"/cpts/{w.A}", $"/cpts/{w.A}/contrat", $"/cpts/{w.A}/contrat/financement", $"/cpts/{w.A}/contrat/indicateurs",
            $"/cpts/{w.A}/contrat/indicateurs?vue=saisie", $"/cpts/{w.A}/contrat/indicateurs?vue=suivi", $"/cpts/{w.A}/contrat/dialogue/1",
            "/financement/simulateur?population=81000", "/financement/simulateur?population=81000&bareme=simplified-2024",
        })
        {
            var text = Text(await w.Coordinator.PageAsync(page));
            Assert.DoesNotMatch(MissionIdInBrackets(), text);
            Assert.DoesNotContain("avenant2-2021", text, StringComparison.Ordinal);
            Assert.DoesNotContain("simplified-2024", text, StringComparison.Ordinal);
            Assert.DoesNotContain("aci-2019-avenant-2", text, StringComparison.Ordinal);
        }

        // The tier card says what the tier means under which agreement, not the id of the size-tier rule set.
        Assert.Matches("(moins de|de [0-9 \u202F]+ à|habitants et plus).* — ACI CPTS du 20 juin 2019, avenant 2 du 20 décembre 2021",
            Text(await w.Coordinator.PageAsync($"/cpts/{w.A}")));

        Assert.Contains("barème « Avenant 2 (2021) »", Text(await w.Coordinator.PageAsync($"/cpts/{w.A}/contrat/financement")), StringComparison.Ordinal);
        Assert.Contains("Barème « Avenant 2 (2021) »", Text(await w.Coordinator.PageAsync($"/cpts/{w.A}/contrat/indicateurs")), StringComparison.Ordinal);
        Assert.Contains("barème « Avenant 2 (2021) »", Text(await w.Coordinator.PageAsync($"/cpts/{w.A}/contrat/dialogue/1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_officer_records_a_five_year_contract_pinned_to_its_rule_set_and_to_the_tier_at_signature()
    {
        var w = await ContractWorld.CreateAsync(App);
        var tier = (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}")).GetProperty("tier").GetInt32();

        var created = await ContractWorld.RecordAsync(w.Officer, w.A, b => b["ruleSet"] = "simplified-2024");

        Assert.Equal("simplified-2024", created.GetProperty("ruleSet").GetString());
        Assert.Equal(ContractWorld.SignedOn.AddYears(5), DateOnly.Parse(created.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(tier, created.GetProperty("tierAtSignature").GetInt32());
        Assert.Equal(["access", "pathways", "prevention", "crisis", "quality"], created.GetProperty("missions").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Directrice de la CPAM de Loir-et-Cher", created.GetProperty("signatories").GetProperty("cpam").GetString());
        Assert.Equal(ContractWorld.SignedOn.Year, created.GetProperty("crisisPlanYear").GetInt32());

        // The population (and so the stored tier) of the CPTS changes: the contract keeps its tier.
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().Cpts().Where(c => c.Id == w.A)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tier, tier == 4 ? 3 : tier + 1), Ct);
        }

        var read = await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract");
        Assert.Equal(tier, read.GetProperty("tierAtSignature").GetInt32());
        Assert.Equal(tier, (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/terms")).GetProperty("tier").GetInt32());
        var audit = await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/audit");
        Assert.Contains(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "aci.contract.recorded");
    }

    [Fact]
    public async Task A_contract_is_refused_with_a_precise_error_and_nothing_is_saved()
    {
        var w = await ContractWorld.CreateAsync(App);

        await ExpectRefusalAsync(w.Officer, w.A, b => b["ruleSet"] = "avenant9-2040", HttpStatusCode.BadRequest, "ruleSet", "avenant2-2021");
        await ExpectRefusalAsync(w.Officer, w.A, b => b["signedOn"] = Http.Today.AddDays(1), HttpStatusCode.BadRequest, "signedOn", "futur");
        await ExpectRefusalAsync(w.Officer, w.A, b => b["arsSignatory"] = " ", HttpStatusCode.BadRequest, "arsSignatory", "ARS");
        await ExpectRefusalAsync(w.Coordinator, w.A, null, HttpStatusCode.Forbidden, null, "droits");
        await ExpectRefusalAsync(w.Admin, w.B, null, HttpStatusCode.Conflict, null, "enregistrez d'abord l'étape « ACI signé »");
        await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract", HttpStatusCode.NotFound);
        Assert.DoesNotContain((await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/audit")).EnumerateArray(),
            a => a.GetProperty("action").GetString()!.StartsWith("aci.", StringComparison.Ordinal));

        await ContractWorld.RecordAsync(w.Officer, w.A);
        await ExpectRefusalAsync(w.Admin, w.A, null, HttpStatusCode.Conflict, null, "court jusqu'au");
    }

    [Fact]
    public async Task A_contract_is_renewed_once_the_previous_one_has_ended_and_the_new_one_is_the_one_read()
    {
        var w = await ContractWorld.CreateAsync(App);
        var first = await ContractWorld.RecordAsync(w.Officer, w.A, b => b["signedOn"] = Http.Today.AddYears(-6));
        var ends = DateOnly.Parse(first.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(1, first.GetProperty("number").GetInt32());

        await ExpectRefusalAsync(w.Officer, w.A, b => b["signedOn"] = ends.AddDays(-1), HttpStatusCode.Conflict, null, "court jusqu'au");
        var renewed = await ContractWorld.RecordAsync(w.Officer, w.A, b => b["signedOn"] = ends);
        Assert.Equal((2, ends.AddYears(5)), (renewed.GetProperty("number").GetInt32(),
            DateOnly.Parse(renewed.GetProperty("endsOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));

        var read = await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract");
        Assert.Equal((2, 0), (read.GetProperty("number").GetInt32(), read.GetProperty("amendments").GetArrayLength()));
        await ExpectRefusalAsync(w.Officer, w.A, b => b["signedOn"] = Http.Today, HttpStatusCode.Conflict, null, "n° 2");
    }

    [Fact]
    public async Task Amendments_change_the_terms_from_their_effective_date_and_the_maximum_follows()
    {
        var w = await ContractWorld.CreateAsync(App);
        var contract = await ContractWorld.RecordAsync(w.Officer, w.A, b => b["missions"] = Array.Empty<string>());
        var signed = ContractWorld.SignedOn;
        var effective = signed.AddMonths(6);
        var tier = contract.GetProperty("tierAtSignature").GetInt32();
        var newTier = tier + 1;   // a raise (two communes of 41 are tier 1 or 2): a drop needs the notice of TierDrops

        var amended = await (await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/amendments", new
        {
            effectiveOn = effective, addedMissions = new[] { "quality" }, tier = newTier, tierReason = "Fusion avec une CPTS voisine",
            summary = "Avenant n° 1 : mission qualité", version = contract.GetProperty("version").GetInt32(),
        })).ExpectAsync(HttpStatusCode.Created);

        var amendment = amended.GetProperty("amendments").EnumerateArray().Single();
        Assert.Equal(1, amendment.GetProperty("number").GetInt32());
        Assert.Equal(tier, amended.GetProperty("tierAtSignature").GetInt32());
        var before = await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/terms?date={Iso(effective.AddDays(-1))}");
        var after = await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/terms?date={Iso(effective)}");
        Assert.Equal((tier, 0, false), (before.GetProperty("tier").GetInt32(), before.GetProperty("amendmentsApplied").GetInt32(), HasQuality(before)));
        Assert.Equal((newTier, 1, true), (after.GetProperty("tier").GetInt32(), after.GetProperty("amendmentsApplied").GetInt32(), HasQuality(after)));
        Assert.Equal("avenant2-2021", after.GetProperty("simulation").GetProperty("ruleSet").GetString());
        var lines = after.GetProperty("simulation").GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(lines.Sum(l => l.GetProperty("fixed").GetDecimal() + l.GetProperty("variable").GetDecimal()),
            after.GetProperty("simulation").GetProperty("maximum").GetDecimal());
        Assert.Equal(["operating", "access", "pathways", "prevention", "crisis", "quality"], lines.Select(l => l.GetProperty("line").GetString()));
        var crisisLine = lines.Single(l => l.GetProperty("line").GetString() == "crisis");
        Assert.Equal(0m, crisisLine.GetProperty("variable").GetDecimal());

        await ExpectAmendmentRefusalAsync(w, new { effectiveOn = effective, removedMissions = new[] { "crisis" }, summary = "Retrait" }, "removedMissions", "socle");
        await ExpectAmendmentRefusalAsync(w, new { effectiveOn = effective.AddDays(-1), summary = "Trop tôt" }, "effectiveOn", "précède");
        await ExpectAmendmentRefusalAsync(w, new { effectiveOn = signed.AddYears(5), summary = "Trop tard" }, "effectiveOn", "hors du contrat");
        using (var stale = await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/amendments", new { effectiveOn = effective, summary = "Périmé", version = 0 }))
        {
            await stale.ExpectAsync(HttpStatusCode.Conflict);
        }

        await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/terms?date={Iso(signed.AddDays(-1))}", HttpStatusCode.BadRequest);
        await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/terms?date=28/01/2021", HttpStatusCode.BadRequest);
        Assert.Single((await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract")).GetProperty("amendments").EnumerateArray());
    }

    [Fact]
    public async Task Signatories_are_edited_against_the_version_read_and_a_stale_one_is_a_conflict()
    {
        var w = await ContractWorld.CreateAsync(App);
        var contract = await ContractWorld.RecordAsync(w.Admin, w.A);
        var version = contract.GetProperty("version").GetInt32();

        var edited = await (await w.Officer.PutJsonAsync($"/api/cpts/{w.A}/contract",
            new { arsSignatory = "DG ARS (intérim)", cpamSignatory = "Directrice CPAM", summary = "Signé en comité", version })).ExpectAsync(HttpStatusCode.OK);
        var stale = await (await w.Admin.PutJsonAsync($"/api/cpts/{w.A}/contract",
            new { arsSignatory = "Autre", cpamSignatory = "Autre", version })).ExpectAsync(HttpStatusCode.Conflict);

        Assert.Equal(version + 1, edited.GetProperty("version").GetInt32());
        Assert.Contains("modifiées par quelqu'un d'autre", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("DG ARS (intérim)", (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract")).GetProperty("signatories").GetProperty("ars").GetString());
    }

    [Fact]
    public async Task The_page_shows_the_contract_and_lets_the_officer_record_an_amendment()
    {
        var w = await ContractWorld.CreateAsync(App);
        var detail = await w.Coordinator.PageAsync($"/cpts/{w.A}");
        Assert.Contains($"href=\"/cpts/{w.A}/contrat\"", detail, StringComparison.Ordinal);
        var form = new Dictionary<string, string?>
        {
            ["ruleSet"] = "avenant2-2021", ["signedOn"] = Iso(ContractWorld.SignedOn), ["arsSignatory"] = "DG ARS", ["cpamSignatory"] = "Directeur CPAM",
            ["missions"] = "support",
        };

        // A spans two régions: the page offers them by name, and the ARS and the CPAM that signed must be chosen.
        var blank = System.Net.WebUtility.HtmlDecode(await w.Officer.PageAsync($"/cpts/{w.A}/contrat"));
        Assert.Contains("<option value=\"24\">Centre-Val de Loire</option>", blank, StringComparison.Ordinal);
        Assert.Contains("<option value=\"52\">Pays de la Loire</option>", blank, StringComparison.Ordinal);
        var (unnamed, unnamedHtml) = await w.Officer.PostFormAsync($"/cpts/{w.A}/contrat", $"/cpts/{w.A}/contrat?handler=Create", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unnamed);
        Assert.Contains("indiquez la région de l'ARS signataire", System.Net.WebUtility.HtmlDecode(unnamedHtml), StringComparison.Ordinal);
        (form["arsRegion"], form["cpamDepartement"]) = (ContractWorld.ArsRegion, ContractWorld.CpamDepartement);
        var (created, _) = await w.Officer.PostFormAsync($"/cpts/{w.A}/contrat", $"/cpts/{w.A}/contrat?handler=Create", form);
        Assert.Equal(HttpStatusCode.Redirect, created);
        var version = (await w.Admin.GetJsonAsync($"/api/cpts/{w.A}/contract")).GetProperty("version").GetInt32();

        var (refused, html) = await w.Officer.PostFormAsync($"/cpts/{w.A}/contrat", $"/cpts/{w.A}/contrat?handler=Amend", new Dictionary<string, string?>
        {
            ["effectiveOn"] = Iso(Http.Today), ["removedMissions"] = "access", ["summary"] = "Retrait", ["version"] = $"{version}",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("Une mission socle ne peut pas être retirée", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var (amended, _) = await w.Officer.PostFormAsync($"/cpts/{w.A}/contrat", $"/cpts/{w.A}/contrat?handler=Amend", new Dictionary<string, string?>
        {
            ["effectiveOn"] = Iso(Http.Today), ["addedMissions"] = "quality", ["summary"] = "Ajout de la mission qualité", ["version"] = $"{version}",
        });
        Assert.Equal(HttpStatusCode.Redirect, amended);

        var page = System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync($"/cpts/{w.A}/contrat"));
        Assert.Contains("Ajout de la mission qualité", page, StringComparison.Ordinal);
        Assert.Contains("id=\"terms-maximum\"", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-line=\"quality\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer un avenant", page, StringComparison.Ordinal);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static bool HasQuality(System.Text.Json.JsonElement terms) => terms.GetProperty("missions").EnumerateArray().Any(m => m.GetString() == "quality");

    private static async Task ExpectRefusalAsync(HttpClient client, Guid cpts, Action<Dictionary<string, object?>>? change, HttpStatusCode status,
        string? field, string words)
    {
        using var response = await client.PostJsonAsync($"/api/cpts/{cpts}/contract", ContractWorld.Body(change));
        var problem = await response.ExpectAsync(status);
        var text = field is null ? problem.GetProperty("detail").GetString()! : string.Join(" ", problem.FieldErrors(field));
        Assert.Contains(words, text, StringComparison.Ordinal);
    }

    private static async Task ExpectAmendmentRefusalAsync(ContractWorld w, object body, string field, string words)
    {
        using var response = await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/amendments", body);
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, string.Join(" ", problem.FieldErrors(field)), StringComparison.Ordinal);
    }

    /// <summary>What a reader sees of a page: its text without scripts, styles, tags and attributes, spaces collapsed.</summary>
    private static string Text(string html) =>
        WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(Scripts().Replace(html, " "), " "), " "));

    [System.Text.RegularExpressions.GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex Scripts();

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]+>")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    [System.Text.RegularExpressions.GeneratedRegex("\\s+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();

    [System.Text.RegularExpressions.GeneratedRegex("\\((operating|access|pathways|prevention|crisis|quality|support|total)\\)")]
    private static partial System.Text.RegularExpressions.Regex MissionIdInBrackets();
}

public sealed class Contracts_on_sqlite(SqliteApp app) : Contracts(app), IClassFixture<SqliteApp>;

public sealed class Contracts_on_postgres(PostgresApp app) : Contracts(app), IClassFixture<PostgresApp>;
