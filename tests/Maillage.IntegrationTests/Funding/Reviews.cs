using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Maillage.IntegrationTests.Infrastructure;
using UglyToad.PdfPig;
using static Maillage.IntegrationTests.Funding.ReviewWorld;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// The dialogue de gestion through the real host: the coordinator opens and prepares the review of a year, the officer decides it (amounts
/// at most the grid's maximum), it is then read-only until an admin reopens it; refusals are precise; the pages and the pack in its three
/// formats (page, Excel, PDF) show the same content.
/// </summary>
public abstract partial class Reviews(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_decision_leaving_out_the_variable_part_of_a_mission_whose_weights_do_not_sum_to_one_is_refused_and_nothing_is_saved()
    {
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        var indicator = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 0.6m, null, (1, 10m)));
        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, indicator.Id(), 1, 10m);
        var pack = await OpenAsync(w.Coordinator, w, 1);

        var refused = await (await w.Officer.PostJsonAsync($"{Url(w, 1)}/decision", Decision(pack))).ExpectAsync(HttpStatusCode.BadRequest);
        var error = Assert.Single(refused.FieldErrors("missions"));
        Assert.StartsWith("Accès aux soins : les poids de ses indicateurs ne totalisent pas 1", error, StringComparison.Ordinal);
        Assert.Equal("open", (await w.Member.GetJsonAsync(Url(w, 1))).GetProperty("review").GetProperty("status").GetString());

        pack = await (await w.Officer.PostJsonAsync($"{Url(w, 1)}/decision", Decision(pack, (_, missions) =>
            missions.Single(m => (string?)m["mission"] == "access")["decidedVariable"] = 20_000m))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("decided", pack.GetProperty("review").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_review_is_opened_prepared_decided_then_read_only_until_an_admin_reopens_it()
    {
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        var indicator = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 1m, null, (1, 10m), (2, 20m)));
        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, indicator.Id(), 1, 5m, "Départ d'un médecin.");

        var pack = await OpenAsync(w.Coordinator, w, 1);
        Assert.Equal("open", pack.GetProperty("review").GetProperty("status").GetString());
        var second = await (await w.Coordinator.PostJsonAsync(Url(w), new { year = 1 })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("déjà ouvert", second.GetProperty("detail").GetString(), StringComparison.Ordinal);

        pack = await (await w.Coordinator.PutJsonAsync(Url(w, 1), new { heldOn = Http.Today, participants = "CPAM, ARS, bureau", version = Version(pack) }))
            .ExpectAsync(HttpStatusCode.OK);
        var stale = await (await w.Coordinator.PutJsonAsync(Url(w, 1), new { participants = "x", version = Version(pack) - 1 })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifiées", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await w.Coordinator.PostJsonAsync($"{Url(w, 1)}/actions", new { title = "Permanence estivale", mission = "access", description = "Juillet-août" }))
            .ExpectAsync(HttpStatusCode.Created);
        pack = await (await w.Coordinator.PostJsonAsync($"{Url(w, 1)}/actions", new { title = "Forum santé" })).ExpectAsync(HttpStatusCode.Created);
        var forum = pack.GetProperty("otherActions")[0].Id();
        await (await w.Coordinator.DeleteAsync(new Uri($"{Url(w, 1)}/actions/{forum}", UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.OK);

        pack = await w.Member.GetJsonAsync(Url(w, 1));
        var access = pack.GetProperty("missions").EnumerateArray().Single(m => m.GetProperty("amounts").GetProperty("line").GetString() == "access");
        Assert.Equal("Permanence estivale", Assert.Single(access.GetProperty("actions").EnumerateArray()).GetProperty("title").GetString());
        Assert.Empty(pack.GetProperty("otherActions").EnumerateArray());
        var row = Assert.Single(access.GetProperty("indicators").EnumerateArray());
        Assert.Equal(0.5m, row.GetProperty("rate").GetDecimal());
        Assert.Equal("Départ d'un médecin.", row.GetProperty("justification").GetString());
        Assert.Equal([10m, 20m], row.GetProperty("trajectory").EnumerateArray().Take(2).Select(p => p.GetProperty("target").GetDecimal()));
        var maxFixed = access.GetProperty("amounts").GetProperty("maximumFixed").GetDecimal();

        await (await w.Coordinator.PostJsonAsync($"{Url(w, 1)}/decision", Decision(pack))).ExpectAsync(HttpStatusCode.Forbidden);
        pack = await (await w.Officer.PostJsonAsync($"{Url(w, 1)}/decision", Decision(pack, (_, missions) =>
        {
            missions[0]["decidedFixed"] = maxFixed;
            missions[0]["decidedVariable"] = 10_000.5m;
            missions[0]["comment"] = "Moyens en place.";
        }))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("decided", pack.GetProperty("review").GetProperty("status").GetString());
        Assert.Equal(Http.Today, DateOnly.Parse(pack.GetProperty("review").GetProperty("decidedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        access = pack.GetProperty("missions").EnumerateArray().Single(m => m.GetProperty("amounts").GetProperty("line").GetString() == "access");
        Assert.Equal(10_000.5m, access.GetProperty("amounts").GetProperty("decidedVariable").GetDecimal());
        Assert.True(access.GetProperty("meansDeployed").GetBoolean());
        Assert.Equal(JsonValueKind.Number, pack.GetProperty("totals").GetProperty("decided").ValueKind);

        var version = Version(pack);
        var locked = await (await w.Coordinator.PutJsonAsync(Url(w, 1), new { participants = "x", version })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("est décidé", locked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await w.Coordinator.PostJsonAsync($"{Url(w, 1)}/actions", new { title = "Trop tard" })).ExpectAsync(HttpStatusCode.Conflict);
        await (await w.Officer.PostJsonAsync($"{Url(w, 1)}/decision", Decision(pack))).ExpectAsync(HttpStatusCode.Conflict);
        await (await w.Officer.PostJsonAsync($"{Url(w, 1)}/reopen", new { version })).ExpectAsync(HttpStatusCode.Forbidden);
        pack = await (await w.Admin.PostJsonAsync($"{Url(w, 1)}/reopen", new { version })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("open", pack.GetProperty("review").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, pack.GetProperty("totals").GetProperty("decided").ValueKind);

        var list = await w.Member.GetJsonAsync(Url(w));
        Assert.Equal(["open", null, null, null, null], list.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("status").GetString()));
        Assert.False(list.GetProperty("canPrepare").GetBoolean());
        var audit = (await w.Coordinator.AuditAsync(w.A)).Select(a => a.Action).ToList();
        foreach (var action in new[] { "aci.review.opened", "aci.review.edited", "aci.review.action_added", "aci.review.action_removed", "aci.review.decided", "aci.review.reopened" })
        {
            Assert.Contains(action, audit);
        }

        var decided = (await w.Coordinator.AuditAsync(w.A)).First(a => a.Action == "aci.review.decided").Details;
        Assert.Contains("Accès aux soins : moyens déployés, part fixe ", decided, StringComparison.Ordinal);
        Assert.DoesNotContain("access", decided, StringComparison.Ordinal);
        Assert.DoesNotContain(".00", decided, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_openings_and_decisions_are_refused_with_a_precise_error_and_nothing_is_saved()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        await Refused(w.Coordinator.PostJsonAsync(Url(w), new { year = 3 }), "year", "pas encore");
        await Refused(w.Coordinator.PostJsonAsync(Url(w), new { year = 6 }), "year", "hors du contrat");
        await Refused(w.Coordinator.PostJsonAsync(Url(w), new { year = 0 }), "year", "hors du contrat");
        await (await w.Coordinator.GetAsync(new Uri(Url(w, 1), UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.NotFound);
        await (await w.Coordinator.GetAsync(new Uri(Url(w, 9), UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.BadRequest);
        var pack = await OpenAsync(w.Coordinator, w, 1);
        var before = (await w.Member.GetJsonAsync(Url(w, 1))).GetRawText();
        var max = pack.GetProperty("missions")[0].GetProperty("amounts").GetProperty("maximumVariable").GetDecimal();

        var decision = $"{Url(w, 1)}/decision";
        await Refused(w.Officer.PostJsonAsync(decision, Decision(pack, (_, m) => m[0]["decidedVariable"] = max + 1)), "missions", "dépasse le maximum");
        await Refused(w.Officer.PostJsonAsync(decision, Decision(pack, (_, m) => m[0]["decidedFixed"] = -5)), "missions", "négative");
        await Refused(w.Officer.PostJsonAsync(decision, Decision(pack, (b, _) => b["outcome"] = " ")), "outcome", "conclusion");
        await Refused(w.Officer.PostJsonAsync(decision, Decision(pack, (b, _) => b["decidedOn"] = Http.Today.AddDays(1))), "decidedOn", "futur");
        await Refused(w.Officer.PostJsonAsync(decision, Decision(pack, (_, m) => m.RemoveAt(0))), "missions", "il manque");
        await Refused(w.Coordinator.PostJsonAsync($"{Url(w, 1)}/actions", new { title = "", mission = "operating" }), "title", "intitulé");
        var stale = await (await w.Officer.PostJsonAsync(decision, Decision(pack, (b, _) => b["version"] = Version(pack) + 1))).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifiées", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await w.Coordinator.DeleteAsync(new Uri($"{Url(w, 1)}/actions/{Guid.NewGuid()}", UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, (await w.Member.GetJsonAsync(Url(w, 1))).GetRawText());
    }

    [Fact]
    public async Task A_review_is_decided_only_after_its_contract_year_ends_and_the_refusal_names_that_day()
    {
        // Year 1 ended yesterday, year 2 began today (issue 11: Redon's year-1 review was closed in December, its year ends on 27 January).
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        var running = await OpenAsync(w.Coordinator, w, 2);
        var yearEnd = Maillage.Platform.French.Date(ContractWorld.SignedOn.AddYears(2).AddDays(-1));
        var refused = await (await w.Officer.PostJsonAsync($"{Url(w, 2)}/decision", Decision(running))).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"La revue de l'année 2 ne peut être conclue qu'après la fin de l'année de contrat, le {yearEnd}.", Assert.Single(refused.FieldErrors("decidedOn")));
        Assert.Contains(yearEnd, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // An ended year is decided from the day after its last day, not dated inside it.
        var ended = await OpenAsync(w.Coordinator, w, 1);
        var backdated = await (await w.Officer.PostJsonAsync($"{Url(w, 1)}/decision", Decision(ended, (b, _) => b["decidedOn"] = Http.Today.AddDays(-1))))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal($"La revue de l'année 1 ne peut être conclue qu'après la fin de l'année de contrat, le {Maillage.Platform.French.Date(Http.Today.AddDays(-1))}.",
            Assert.Single(backdated.FieldErrors("decidedOn")));

        // The page says when the decision becomes possible instead of offering the form, and a posted decision is refused with a 422.
        var page = $"/cpts/{w.A}/contrat/dialogue/2";
        var html = System.Net.WebUtility.HtmlDecode(await w.Officer.PageAsync(page));
        Assert.Contains($"ne peut être conclue qu'après la fin de l'année de contrat, le {yearEnd}", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer la décision", html, StringComparison.Ordinal);
        var fields = new Dictionary<string, string?> { ["version"] = $"{Version(running)}", ["outcome"] = "Objectifs atteints." };
        var missions = Missions(running);
        for (var i = 0; i < missions.Count; i++)
        {
            (fields[$"decisions[{i}].Mission"], fields[$"decisions[{i}].MeansDeployed"]) = (missions[i], "true");
        }

        var (status, refusedHtml) = await w.Officer.PostFormAsync(page, $"{page}?handler=Decide", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains($"La revue de l'année 2 ne peut être conclue qu'après la fin de l'année de contrat, le {yearEnd}.", System.Net.WebUtility.HtmlDecode(refusedHtml),
            StringComparison.Ordinal);
        Assert.Equal(["open", "open"], (await w.Member.GetJsonAsync(Url(w))).GetProperty("years").EnumerateArray().Take(2).Select(y => y.GetProperty("status").GetString()));

        await (await w.Officer.PostJsonAsync($"{Url(w, 1)}/decision", Decision(ended))).ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_decision_form_is_prefilled_with_french_amounts_that_decide_the_expected_amounts_when_sent_back_as_they_are()
    {
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        var indicator = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 1m, null, (1, 10m), (2, 12m)));
        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, indicator.Id(), 1, 5m);
        var pack = await OpenAsync(w.Coordinator, w, 1);
        var page = $"/cpts/{w.A}/contrat/dialogue/1";

        var html = await w.Officer.PageAsync(page);
        var prefilled = AmountInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => (string?)WebUtility.HtmlDecode(m.Groups["value"].Value));
        var expected = pack.GetProperty("missions").EnumerateArray().Select(m => m.GetProperty("amounts")).ToList();
        Assert.Equal(expected.Count * 2, prefilled.Count);
        Assert.All(prefilled.Values, v => Assert.Matches("^[0-9]{1,3}( [0-9]{3})*,[0-9]{2}$", v));   // « 70 000,00 », never « 70000.00 »
        var access = expected.Single(a => a.GetProperty("line").GetString() == "access");
        var i = expected.IndexOf(access);
        Assert.Equal(FrenchAmount(access.GetProperty("expectedFixed").GetDecimal()), prefilled[$"decisions[{i}].Fixed"]);
        Assert.Equal(FrenchAmount(access.GetProperty("expectedVariable").GetDecimal()), prefilled[$"decisions[{i}].Variable"]);

        var fields = new Dictionary<string, string?>(prefilled) { ["version"] = $"{Version(pack)}", ["outcome"] = "Montants attendus retenus." };
        for (var m = 0; m < expected.Count; m++)
        {
            (fields[$"decisions[{m}].Mission"], fields[$"decisions[{m}].MeansDeployed"]) = (expected[m].GetProperty("line").GetString(), "true");
        }

        var (status, refusal) = await w.Officer.PostFormAsync(page, $"{page}?handler=Decide", fields);
        Assert.True(status == HttpStatusCode.Redirect, WebUtility.HtmlDecode(refusal));
        var decided = (await w.Member.GetJsonAsync(Url(w, 1))).GetProperty("missions").EnumerateArray().Select(m => m.GetProperty("amounts")).ToList();
        Assert.Equal(expected.Select(a => (a.GetProperty("expectedFixed").GetDecimal(), a.GetProperty("expectedVariable").ValueKind == JsonValueKind.Null ? 0m : a.GetProperty("expectedVariable").GetDecimal())),
            decided.Select(a => (a.GetProperty("decidedFixed").GetDecimal(), a.GetProperty("decidedVariable").GetDecimal())));
    }

    [Fact]
    public async Task The_pages_open_prepare_and_decide_a_review_and_show_french_errors()
    {
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 1m, null, (1, 10m), (2, 12m)));
        var list = $"/cpts/{w.A}/contrat/dialogue";
        Assert.Contains($"href=\"{list}\"", await w.Member.PageAsync($"/cpts/{w.A}/contrat"), StringComparison.Ordinal);
        Assert.DoesNotContain("Ouvrir un dialogue", await w.Member.PageAsync(list), StringComparison.Ordinal);
        var (opened, _) = await w.Coordinator.PostFormAsync(list, $"{list}?handler=Open", new Dictionary<string, string?> { ["openYear"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, opened);
        var (again, html) = await w.Coordinator.PostFormAsync(list, $"{list}?handler=Open", new Dictionary<string, string?> { ["openYear"] = "1" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("déjà ouvert", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        var page = $"{list}/1";
        var (added, _) = await w.Coordinator.PostFormAsync(page, $"{page}?handler=AddAction", new Dictionary<string, string?>
        {
            ["title"] = "Campagne de vaccination", ["mission"] = "prevention", ["description"] = "Avec les pharmacies.",
        });
        Assert.Equal(HttpStatusCode.Redirect, added);
        var officerPage = System.Net.WebUtility.HtmlDecode(await w.Officer.PageAsync(page));
        Assert.Contains("Campagne de vaccination", officerPage, StringComparison.Ordinal);
        Assert.Contains("Enregistrer la décision", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Ajouter l'action", officerPage, StringComparison.Ordinal);
        var version = ReviewWorld.Version(await w.Member.GetJsonAsync(Url(w, 1)));
        var fields = new Dictionary<string, string?>
        {
            ["version"] = $"{version}", ["outcome"] = "Dialogue tenu, objectifs partiellement atteints.",
            ["decisions[0].Mission"] = "access", ["decisions[0].MeansDeployed"] = "true", ["decisions[0].Fixed"] = "999 999,00", ["decisions[0].Variable"] = "0",
        };
        var missions = Missions(await w.Member.GetJsonAsync(Url(w, 1)));
        for (var i = 1; i < missions.Count; i++)
        {
            (fields[$"decisions[{i}].Mission"], fields[$"decisions[{i}].MeansDeployed"]) = (missions[i], "false");
        }

        var (refused, refusedHtml) = await w.Officer.PostFormAsync(page, $"{page}?handler=Decide", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("dépasse le maximum de la grille", System.Net.WebUtility.HtmlDecode(refusedHtml), StringComparison.Ordinal);
        fields["decisions[0].Fixed"] = "1 000,50";
        var (decided, _) = await w.Officer.PostFormAsync(page, $"{page}?handler=Decide", fields);
        Assert.Equal(HttpStatusCode.Redirect, decided);

        var read = System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync(page));
        Assert.Contains("Dialogue tenu, objectifs partiellement atteints.", read, StringComparison.Ordinal);
        Assert.Contains(Maillage.Funding.AciLabels.Euros(1_000.5m), read, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer la décision", read, StringComparison.Ordinal);
        var dossier = System.Net.WebUtility.HtmlDecode(await w.Member.PageAsync($"{page}/dossier"));
        Assert.Contains("<svg id=\"trajectory-", dossier, StringComparison.Ordinal);
        Assert.Contains("<style media=\"print\">", dossier, StringComparison.Ordinal);
        Assert.Contains("Campagne de vaccination", dossier, StringComparison.Ordinal);
        Assert.Contains($"/api/cpts/{w.A}/contract/reviews/1/pack.pdf", dossier, StringComparison.Ordinal);
        await w.OtherCoordinator.PageAsync($"{page}/dossier", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_pack_gives_the_same_content_as_a_page_an_excel_workbook_and_a_pdf()
    {
        var w = await IndicatorWorld.WithContractAsync(App, tier: 3);
        var indicator = await IndicatorWorld.AddAsync(w.Coordinator, w.A, IndicatorWorld.Body("access", 1m, b => b["name"] = "Patients orientés", (1, 10m)));
        await IndicatorWorld.RecordAsync(w.Coordinator, w.A, indicator.Id(), 1, 10m);
        await OpenAsync(w.Coordinator, w, 1);
        var pack = await (await w.Coordinator.PostJsonAsync($"{Url(w, 1)}/actions", new { title = "Forum santé été" })).ExpectAsync(HttpStatusCode.Created);
        pack = await (await w.Officer.PostJsonAsync($"{Url(w, 1)}/decision", Decision(pack))).ExpectAsync(HttpStatusCode.OK);
        var name = pack.GetProperty("cptsName").GetString()!;
        var decided = pack.GetProperty("totals").GetProperty("decided").GetDecimal();

        using var xlsx = await w.Member.GetAsync(new Uri($"{Url(w, 1)}/pack.xlsx", UriKind.Relative), Ct);
        await xlsx.ExpectAsync(HttpStatusCode.OK);
        using (var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync(Ct)))
        {
            Assert.Equal(["Synthèse", "Indicateurs", "Actions hors contrat"], book.Worksheets.Select(s => s.Name));
            var summary = book.Worksheet("Synthèse");
            Assert.Contains(name, summary.Cell(1, 1).GetString(), StringComparison.Ordinal);
            var total = summary.RowsUsed().Single(r => r.Cell(1).GetString() == "Total");
            Assert.Equal((double)decided, total.Cell(10).GetDouble());
            Assert.Contains(summary.RowsUsed(), r => r.Cell(1).GetString() == "Accès aux soins");
            Assert.Equal("Patients orientés", book.Worksheet("Indicateurs").Cell(2, 2).GetString());
            Assert.Equal("Forum santé été", book.Worksheet("Actions hors contrat").Cell(2, 2).GetString());
        }

        using var pdf = await w.Member.GetAsync(new Uri($"{Url(w, 1)}/pack.pdf", UriKind.Relative), Ct);
        await pdf.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync(Ct));
        var words = document.GetPages().SelectMany(p => p.GetWords()).Select(word => word.Text).ToList();
        var text = string.Join(" ", words);
        Assert.Contains(name, text, StringComparison.Ordinal);
        foreach (var expected in new[] { "Accès aux soins", "Prévention", "Patients orientés", "Forum santé été", "Objectifs atteints",
            "décidé " + Maillage.Funding.AciLabels.Euros(decided).Replace('\u202F', ' ').Replace('\u00A0', ' ') })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Contains("€", words);
        Assert.Contains("orientés", words);

        await (await w.OtherCoordinator.GetAsync(new Uri($"{Url(w, 1)}/pack.pdf", UriKind.Relative), Ct)).ExpectAsync(HttpStatusCode.NotFound);
    }

    private static async Task Refused(Task<HttpResponseMessage> call, string field, string words)
    {
        var problem = await (await call).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, string.Join(" ", problem.FieldErrors(field)), StringComparison.Ordinal);
    }

    private static string FrenchAmount(decimal amount) =>
        amount.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture).Replace(',', ' ').Replace('.', ',');

    [System.Text.RegularExpressions.GeneratedRegex("<input id=\"(fixed|variable)-[a-z]+\" name=\"(?<name>decisions\\[[0-9]+\\]\\.(Fixed|Variable))\" inputmode=\"decimal\" value=\"(?<value>[^\"]*)\"")]
    private static partial System.Text.RegularExpressions.Regex AmountInput();
}

public sealed class Reviews_on_sqlite(SqliteApp app) : Reviews(app), IClassFixture<SqliteApp>;

public sealed class Reviews_on_postgres(PostgresApp app) : Reviews(app), IClassFixture<PostgresApp>;
