using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Funding;

/// <summary>
/// What the funders record on a contract, through the real host: the payment parameters (at signature and changed against the version
/// read), the serious health crises (one per contract year that has begun), the payments per schedule line (corrected in place, removed);
/// refusals are precise and save nothing; the contract page and the payments page show them and their forms work.
/// </summary>
public abstract class FunderRecords(MaillageApp app) : IntegrationTest(app)
{
    private static DateOnly Signed => ContractWorld.SignedOn;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Payment_parameters_are_set_at_signature_with_defaults_and_changed_against_the_version_read()
    {
        var w = await ContractWorld.CreateAsync(App);
        var recorded = await ContractWorld.RecordAsync(w.Officer, w.A, b => (b["fixedAdvanceShare"], b["variableRule"], b["variableFloor"], b["balanceMonths"]) =
            (1m, "seuil", 0.5m, 6));
        Assert.Equal((1m, "threshold", 0.5m, 6), Parameters(recorded));
        var plain = await ContractWorld.RecordAsync(w.Admin, await ContractWorld.SignedCptsAsync(App));
        Assert.Equal((0.75m, "proportional", (decimal?)null, 3), Parameters(plain));
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("variableFloor").ValueKind);

        var other = await ContractWorld.SignedCptsAsync(App);
        var refused = await (await w.Officer.PostJsonAsync($"/api/cpts/{other}/contract", ContractWorld.Body(b => (b["fixedAdvanceShare"], b["balanceMonths"]) = (1.5m, 30))))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("hors limites", string.Join(" ", refused.FieldErrors("fixedAdvanceShare")), StringComparison.Ordinal);
        Assert.Contains("hors limites", string.Join(" ", refused.FieldErrors("balanceMonths")), StringComparison.Ordinal);
        await w.Officer.GetJsonAsync($"/api/cpts/{other}/contract", HttpStatusCode.NotFound);

        var url = $"/api/cpts/{w.A}/contract/parameters";
        var version = recorded.GetProperty("version").GetInt32();
        await ParametersRefusedAsync(w, new { fixedAdvanceShare = 1.2m, variableRule = "proportional", balanceMonths = 3, version }, "fixedAdvanceShare", "hors limites");
        await ParametersRefusedAsync(w, new { fixedAdvanceShare = 0.66667m, variableRule = "proportional", balanceMonths = 3, version }, "fixedAdvanceShare", "quatre décimales");
        await ParametersRefusedAsync(w, new { variableRule = "proportional", balanceMonths = 3, version }, "fixedAdvanceShare", "Indiquez");
        await ParametersRefusedAsync(w, new { fixedAdvanceShare = 0.75m, variableRule = "linéaire", balanceMonths = 3, version }, "variableRule", "inconnue");
        await ParametersRefusedAsync(w, new { fixedAdvanceShare = 0.75m, variableRule = "threshold", balanceMonths = 3, version }, "variableFloor", "indiquez le seuil");
        await ParametersRefusedAsync(w, new { fixedAdvanceShare = 0.75m, variableRule = "threshold", variableFloor = 0m, balanceMonths = 3, version }, "variableFloor", "hors limites");
        await ParametersRefusedAsync(w, new { fixedAdvanceShare = 0.75m, variableRule = "all-or-nothing", variableFloor = 0.5m, balanceMonths = 3, version }, "variableFloor", "ne s'applique qu'avec");
        await ParametersRefusedAsync(w, new { fixedAdvanceShare = 0.75m, variableRule = "proportional", balanceMonths = 25, version }, "balanceMonths", "0 à 24");
        await ParametersRefusedAsync(w, new { fixedAdvanceShare = 0.75m, variableRule = "proportional", balanceMonths = 3 }, "version", "version");
        Assert.Equal((1m, "threshold", 0.5m, 6), Parameters(await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract")));

        var changed = await (await w.Officer.PutJsonAsync(url, new { fixedAdvanceShare = 0.6m, variableRule = "tout-ou-rien", balanceMonths = 0, version }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((0.6m, "all-or-nothing", (decimal?)null, 0), Parameters(changed));
        Assert.Equal(version + 1, changed.GetProperty("version").GetInt32());
        var stale = await (await w.Admin.PutJsonAsync(url, new { fixedAdvanceShare = 1m, variableRule = "proportional", balanceMonths = 3, version }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifiées par quelqu'un d'autre", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((0.6m, "all-or-nothing", (decimal?)null, 0), Parameters(await w.Coordinator.GetJsonAsync($"/api/cpts/{w.A}/contract")));
        Assert.Contains(await w.Admin.AuditAsync(w.A), a => a.Action == "aci.contract.parameters_changed"
            && a.Details.EndsWith("(avance de la part fixe 60\u202F%, part variable « tout ou rien », solde 0 mois).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_payment_left_outside_the_schedule_is_listed_by_the_name_of_its_line()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        await (await w.Officer.PutJsonAsync($"/api/cpts/{w.A}/contract/payments/1/access/fixed-balance", new { amount = 17_500m, paidOn = Signed.AddDays(30) }))
            .ExpectAsync(HttpStatusCode.OK);
        var version = (await w.Officer.GetJsonAsync($"/api/cpts/{w.A}/contract")).GetProperty("version").GetInt32();
        await (await w.Officer.PutJsonAsync($"/api/cpts/{w.A}/contract/parameters", new { fixedAdvanceShare = 1m, variableRule = "proportional", balanceMonths = 3, version }))
            .ExpectAsync(HttpStatusCode.OK);   // paid at once: the schedule has no balance any more

        var page = WebUtility.HtmlDecode(await w.Officer.PageAsync($"/cpts/{w.A}/contrat/versements"));

        var orphans = page[page.IndexOf("id=\"orphans\"", StringComparison.Ordinal)..];
        Assert.Contains("<td>Accès aux soins</td><td>Solde de la part fixe</td>", orphans, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Supprimer le versement : Accès aux soins, année 1\"", orphans, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crisis_is_declared_once_per_contract_year_that_has_begun_and_can_be_withdrawn()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var crises = $"/api/cpts/{w.A}/contract/crises";
        var declared = await (await w.Officer.PostJsonAsync(crises, new { year = 1, declaredOn = Signed.AddDays(40), description = "  Épidémie de grippe, plan blanc  " }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Épidémie de grippe, plan blanc", declared.GetProperty("description").GetString());

        var duplicate = await (await w.Admin.PostJsonAsync(crises, new { year = 1, declaredOn = Signed.AddDays(50), description = "Autre" }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("déjà déclarée pour l'année 1", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await CrisisRefusedAsync(w, new { year = 3, declaredOn = Http.Today, description = "Pas encore" }, "year", "ne peut pas encore");
        await CrisisRefusedAsync(w, new { year = 6, declaredOn = Http.Today, description = "Hors contrat" }, "year", "hors du contrat");
        await CrisisRefusedAsync(w, new { year = 2, declaredOn = Signed.AddDays(10), description = "Hors année" }, "declaredOn", "hors de l'année 2");
        await CrisisRefusedAsync(w, new { year = 2, declaredOn = Http.Today.AddDays(1), description = "Demain" }, "declaredOn", "dans le futur");
        await CrisisRefusedAsync(w, new { year = 2, declaredOn = Http.Today, description = " " }, "description", "Décrivez");
        await CrisisRefusedAsync(w, new { year = 2, declaredOn = Http.Today, description = new string('x', 1001) }, "description", "1 000 caractères");

        var list = await w.Member.GetJsonAsync(crises);
        Assert.Equal([1], list.EnumerateArray().Select(c => c.GetProperty("year").GetInt32()));
        using (var removed = await w.Officer.DeleteAsync(new Uri($"{crises}/1", UriKind.Relative), Ct))
        {
            await removed.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var again = await w.Officer.DeleteAsync(new Uri($"{crises}/1", UriKind.Relative), Ct))
        {
            await again.ExpectAsync(HttpStatusCode.NotFound);
        }

        Assert.Equal(0, (await w.Coordinator.GetJsonAsync(crises)).GetArrayLength());
        var audit = await w.Admin.AuditAsync(w.A);
        Assert.Contains(audit, a => a.Action == "aci.crisis.recorded");
        Assert.Contains(audit, a => a.Action == "aci.crisis.deleted");
    }

    [Fact]
    public async Task A_payment_is_recorded_per_schedule_line_corrected_in_place_listed_and_removed()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var payments = $"/api/cpts/{w.A}/contract/payments";
        var first = await (await w.Officer.PutJsonAsync($"{payments}/1/operating/operating", new { amount = 75_000m, paidOn = Signed.AddDays(20), reference = "VIR-1" }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("operating", "operating", 75_000m), (first.GetProperty("line").GetString(), first.GetProperty("part").GetString(), first.GetProperty("amount").GetDecimal()));
        var corrected = await (await w.Admin.PutJsonAsync($"{payments}/1/operating/operating", new { amount = 74_999.99m, paidOn = Signed.AddDays(21) }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(first.Id(), corrected.Id());
        Assert.Equal(JsonValueKind.Null, corrected.GetProperty("reference").ValueKind);
        await (await w.Officer.PutJsonAsync($"{payments}/1/access/fixed-advance", new { amount = 67_500m, paidOn = Signed.AddDays(21), reference = "VIR-2" }))
            .ExpectAsync(HttpStatusCode.OK);

        var good = new { amount = 10m, paidOn = Signed.AddDays(30), reference = "R" };
        await PaymentRefusedAsync(w, "1/support/fixed-advance", good, "line", "n'a pas de ligne");
        await PaymentRefusedAsync(w, "1/operating/fixed-advance", good, "line", "n'a pas de ligne");
        await PaymentRefusedAsync(w, "1/access/advance", good, "part", "inconnue");
        await PaymentRefusedAsync(w, "6/access/fixed-advance", good, "year", "hors du contrat");
        await PaymentRefusedAsync(w, "1/access/fixed-advance", good with { amount = -1m }, "amount", "positif ou nul");
        await PaymentRefusedAsync(w, "1/access/fixed-advance", good with { amount = 10.001m }, "amount", "deux décimales");
        await PaymentRefusedAsync(w, "1/access/fixed-advance", good with { paidOn = Signed.AddDays(-1) }, "paidOn", "précède la signature");
        await PaymentRefusedAsync(w, "1/access/fixed-advance", good with { paidOn = Http.Today.AddDays(1) }, "paidOn", "dans le futur");
        await PaymentRefusedAsync(w, "1/access/fixed-advance", good with { reference = new string('R', 101) }, "reference", "100 caractères");

        var list = await w.Member.GetJsonAsync(payments);
        Assert.Equal([("operating", 74_999.99m), ("access", 67_500m)],
            list.EnumerateArray().Select(p => (p.GetProperty("line").GetString(), p.GetProperty("amount").GetDecimal())));
        using (var removed = await w.Officer.DeleteAsync(new Uri($"{payments}/1/access/fixed-advance", UriKind.Relative), Ct))
        {
            await removed.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var again = await w.Officer.DeleteAsync(new Uri($"{payments}/1/access/fixed-advance", UriKind.Relative), Ct))
        {
            await again.ExpectAsync(HttpStatusCode.NotFound);
        }

        Assert.Single((await w.Coordinator.GetJsonAsync(payments)).EnumerateArray());
        var audit = await w.Admin.AuditAsync(w.A);
        Assert.Equal(3, audit.Count(a => a.Action == "aci.payment.recorded"));
        Assert.Single(audit, a => a.Action == "aci.payment.deleted");
        Assert.Contains(audit, a => a.Details.EndsWith("année 1, « Accès aux soins », avance de la part fixe, 67\u202F500\u00A0€ le "
            + Maillage.Platform.French.Date(Signed.AddDays(21)) + ".", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Details.EndsWith("supprimé : année 1, « Accès aux soins », avance de la part fixe.", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Details.Contains("« Fonctionnement de la communauté », fonctionnement, 74\u202F999,99\u00A0€", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_contract_page_shows_the_parameters_and_crises_and_its_forms_change_them()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var page = $"/cpts/{w.A}/contrat";
        var contract = await w.Officer.GetJsonAsync($"/api/cpts/{w.A}/contract");
        var (refused, html) = await w.Officer.PostFormAsync(page, $"{page}?handler=Parameters", new Dictionary<string, string?>
        {
            ["fixedAdvanceShare"] = "trois quarts", ["variableRule"] = "proportional", ["balanceMonths"] = "3", ["version"] = $"{contract.GetProperty("version").GetInt32()}",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("« trois quarts » n'est pas un nombre", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var (changed, _) = await w.Officer.PostFormAsync(page, $"{page}?handler=Parameters", new Dictionary<string, string?>
        {
            ["fixedAdvanceShare"] = "1", ["variableRule"] = "threshold", ["variableFloor"] = "0,5", ["balanceMonths"] = "6",
            ["version"] = $"{contract.GetProperty("version").GetInt32()}",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed);
        var (outside, outsideHtml) = await w.Officer.PostFormAsync(page, $"{page}?handler=Crisis", new Dictionary<string, string?>
        {
            ["year"] = "2", ["declaredOn"] = Iso(Signed.AddDays(3)), ["description"] = "Canicule",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, outside);
        Assert.Contains("hors de l'année 2", WebUtility.HtmlDecode(outsideHtml), StringComparison.Ordinal);
        var (declared, _) = await w.Officer.PostFormAsync(page, $"{page}?handler=Crisis", new Dictionary<string, string?>
        {
            ["year"] = "1", ["declaredOn"] = Iso(Signed.AddDays(3)), ["description"] = "Canicule, plan bleu déclenché",
        });
        Assert.Equal(HttpStatusCode.Redirect, declared);

        var member = WebUtility.HtmlDecode(await w.Member.PageAsync(page));
        Assert.Contains("Canicule, plan bleu déclenché", member, StringComparison.Ordinal);
        Assert.Contains("règle « seuil »", member, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cpts/{w.A}/contrat/versements\"", member, StringComparison.Ordinal);
        Assert.DoesNotContain("Enregistrer les paramètres", member, StringComparison.Ordinal);
        Assert.DoesNotContain("Déclarer la crise", member, StringComparison.Ordinal);
        Assert.Equal((1m, "threshold", 0.5m, 6), Parameters(await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract")));

        var (removed, _) = await w.Officer.PostFormAsync(page, $"{page}?handler=DeleteCrisis", new Dictionary<string, string?> { ["year"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, removed);
        Assert.Contains("Aucune crise sanitaire grave déclarée.", WebUtility.HtmlDecode(await w.Officer.PageAsync(page)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_payments_page_shows_the_schedule_with_what_was_paid_and_lets_the_officer_record_correct_and_remove_a_payment()
    {
        var w = await IndicatorWorld.WithContractAsync(App);
        var page = $"/cpts/{w.A}/contrat/versements";
        var member = WebUtility.HtmlDecode(await w.Member.PageAsync(page));
        Assert.Contains("id=\"ligne-1-operating-operating\"", member, StringComparison.Ordinal);
        Assert.Contains("Dû et versé par année du contrat", member, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Pay", member, StringComparison.Ordinal);

        var (refused, html) = await w.Officer.PostFormAsync(page, $"{page}?handler=Pay", new Dictionary<string, string?>
        {
            ["year"] = "1", ["line"] = "operating", ["part"] = "operating", ["amount"] = "beaucoup", ["paidOn"] = Iso(Signed.AddDays(5)),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("« beaucoup » n'est pas un nombre", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The refused line's form comes back unfolded with what was typed; the others stay folded.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<details class=\"pay\" open"));
        Assert.Contains("value=\"beaucoup\"", html, StringComparison.Ordinal);
        var (future, futureHtml) = await w.Officer.PostFormAsync(page, $"{page}?handler=Pay", new Dictionary<string, string?>
        {
            ["year"] = "1", ["line"] = "operating", ["part"] = "operating", ["amount"] = "12 345,67", ["paidOn"] = Iso(Http.Today.AddDays(3)),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future);
        Assert.Contains("dans le futur", WebUtility.HtmlDecode(futureHtml), StringComparison.Ordinal);
        var (paid, _) = await w.Officer.PostFormAsync(page, $"{page}?handler=Pay", new Dictionary<string, string?>
        {
            ["year"] = "1", ["line"] = "operating", ["part"] = "operating", ["amount"] = "12 345,67", ["paidOn"] = Iso(Signed.AddDays(5)), ["reference"] = "VIR-7",
        });
        Assert.Equal(HttpStatusCode.Redirect, paid);
        Assert.Equal(12_345.67m, (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/payments"))[0].GetProperty("amount").GetDecimal());
        var after = WebUtility.HtmlDecode(await w.Member.PageAsync(page));
        Assert.Contains($"{Maillage.Funding.AciLabels.Euros(12_345.67m)} le {Maillage.Platform.French.Date(Signed.AddDays(5))}", after, StringComparison.Ordinal);

        var (removed, _) = await w.Officer.PostFormAsync(page, $"{page}?handler=Remove", new Dictionary<string, string?>
        {
            ["year"] = "1", ["line"] = "operating", ["part"] = "operating",
        });
        Assert.Equal(HttpStatusCode.Redirect, removed);
        Assert.Equal(0, (await w.Member.GetJsonAsync($"/api/cpts/{w.A}/contract/payments")).GetArrayLength());
    }

    private static (decimal, string?, decimal?, int) Parameters(JsonElement contract) =>
        (contract.GetProperty("fixedAdvanceShare").GetDecimal(), contract.GetProperty("variableRule").GetString(),
            contract.GetProperty("variableFloor").ValueKind == JsonValueKind.Null ? null : contract.GetProperty("variableFloor").GetDecimal(),
            contract.GetProperty("balanceMonths").GetInt32());

    private static async Task ParametersRefusedAsync(ContractWorld w, object body, string field, string words)
    {
        var problem = await (await w.Officer.PutJsonAsync($"/api/cpts/{w.A}/contract/parameters", body)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, string.Join(" ", problem.FieldErrors(field)), StringComparison.Ordinal);
    }

    private static async Task CrisisRefusedAsync(ContractWorld w, object body, string field, string words)
    {
        var problem = await (await w.Officer.PostJsonAsync($"/api/cpts/{w.A}/contract/crises", body)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, string.Join(" ", problem.FieldErrors(field)), StringComparison.Ordinal);
    }

    private static async Task PaymentRefusedAsync(ContractWorld w, string path, object body, string field, string words)
    {
        var problem = await (await w.Officer.PutJsonAsync($"/api/cpts/{w.A}/contract/payments/{path}", body)).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(words, string.Join(" ", problem.FieldErrors(field)), StringComparison.Ordinal);
    }
}

public sealed class FunderRecords_on_sqlite(SqliteApp app) : FunderRecords(app), IClassFixture<SqliteApp>;

public sealed class FunderRecords_on_postgres(PostgresApp app) : FunderRecords(app), IClassFixture<PostgresApp>;
