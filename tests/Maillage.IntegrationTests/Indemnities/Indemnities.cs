using System.Globalization;
using System.Net;
using System.Text.Json;
using ClosedXML.Excel;
using Maillage.Indemnities;
using Maillage.IntegrationTests.Infrastructure;
using Sylvan.Data.Csv;

namespace Maillage.IntegrationTests.Indemnities;

/// <summary>
/// Mission time and indemnities end to end (domain-rules §5): members declare their time, the coordinator or the bureau validates it at the
/// rate of the scale in force on the mission date — never their own, never beyond 3/4 of the SMIC for an officer — the treasurer pays it in
/// numbered batches exported for the accountant, and officers see totals without names.
/// </summary>
public abstract class Indemnities(MaillageApp app) : IntegrationTest(app)
{
    private static DateOnly Today => Http.Today;

    [Fact]
    public async Task A_member_declares_and_the_coordinator_validates_at_the_rate_of_the_scale_in_force_on_the_mission_date()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var (doctor, nurse) = (world[0], world[3]);
        var v1 = await ScaleAsync(world, Today.AddDays(-200), ("meeting", null, 50m), ("meeting", "10", 70m), ("action", null, 40m));
        var v2 = await ScaleAsync(world, Today.AddDays(-30), ("meeting", null, 60m));

        var before = await DeclareAsync(nurse.Client, world, new { missionDate = Today.AddDays(-100), activity = "meeting", hours = 2.5m, description = "Réunion du groupe plaies" });
        Assert.Equal(("declared", "Déclarée", JsonValueKind.Null), (before.GetProperty("status").GetString(), before.GetProperty("statusLabel").GetString(),
            before.GetProperty("amount").ValueKind));
        var after = await DeclareAsync(nurse.Client, world, new { missionDate = Today.AddDays(-10), activity = "meeting", hours = 1.5m, description = "Comité de pilotage" });
        var overridden = await DeclareAsync(doctor.Client, world, new { missionDate = Today.AddDays(-100), activity = "meeting", hours = 1m, description = "Réunion" });

        var first = await ReviewAsync(world.Coordinator, world, before, "validate", new { version = before.GetProperty("version").GetInt32() });
        Assert.Equal(("validated", 50m, 125.00m, v1), (first.GetProperty("status").GetString(), first.GetProperty("hourlyRate").GetDecimal(),
            first.GetProperty("amount").GetDecimal(), first.GetProperty("scaleId").GetGuid()));
        Assert.False(string.IsNullOrEmpty(first.GetProperty("reviewedBy").GetString()));
        var second = await ReviewAsync(world.Coordinator, world, after, "validate", new { });
        Assert.Equal((60m, 90.00m, v2), (second.GetProperty("hourlyRate").GetDecimal(), second.GetProperty("amount").GetDecimal(), second.GetProperty("scaleId").GetGuid()));
        var doctorRate = await ReviewAsync(world.Coordinator, world, overridden, "validate", new { });
        Assert.Equal((70m, 70.00m), (doctorRate.GetProperty("hourlyRate").GetDecimal(), doctorRate.GetProperty("amount").GetDecimal()));

        // Illegal moves and stale versions are conflicts; a refusal needs a reason.
        await ReviewAsync(world.Coordinator, world, before, "validate", new { }, HttpStatusCode.Conflict);
        await ReviewAsync(world.Coordinator, world, before, "reject", new { reason = "Doublon" }, HttpStatusCode.Conflict);
        var third = await DeclareAsync(nurse.Client, world, new { missionDate = Today, activity = "action", hours = 0.75m, description = "Stand prévention" });
        await ReviewAsync(world.Coordinator, world, third, "validate", new { version = 7 }, HttpStatusCode.Conflict);
        var noReason = await ReviewAsync(world.Coordinator, world, third, "reject", new { }, HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("reason"));
        var rejected = await ReviewAsync(world.Coordinator, world, third, "reject", new { reason = "Action non prévue au projet de santé" });
        Assert.Equal(("rejected", "Action non prévue au projet de santé"), (rejected.GetProperty("status").GetString(), rejected.GetProperty("rejectionReason").GetString()));

        // No scale in force on the mission date: a French refusal.
        var tooEarly = await DeclareAsync(nurse.Client, world, new { missionDate = Today.AddDays(-250), activity = "meeting", hours = 1m, description = "Réunion" });
        var noScale = await ReviewAsync(world.Coordinator, world, tooEarly, "validate", new { }, HttpStatusCode.Conflict);
        Assert.Contains("Aucun barème n'est en vigueur", noScale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The member sees only its own declarations.
        var own = await nurse.Client.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations");
        Assert.Equal(4, own.GetArrayLength());
        Assert.All(own.EnumerateArray(), d => Assert.Equal(nurse.Id, d.GetProperty("memberId").GetGuid()));
        var all = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations?status=validated");
        Assert.Equal(3, all.GetArrayLength());
        await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations?status=maybe", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Declarations_are_checked_and_a_member_declares_only_for_itself()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var url = $"/api/cpts/{world.Cpts}/indemnities/declarations";
        async Task BadAsync(object body, string field)
        {
            var problem = await (await world[1].Client.PostJsonAsync(url, body)).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.NotEmpty(problem.FieldErrors(field));
        }

        await BadAsync(new { missionDate = Today.AddDays(1), activity = "meeting", hours = 1m, description = "x" }, "missionDate");
        await BadAsync(new { missionDate = Today.AddMonths(-13), activity = "meeting", hours = 1m, description = "x" }, "missionDate");
        await BadAsync(new { missionDate = Today, activity = "meeting", hours = 1.1m, description = "x" }, "hours");
        await BadAsync(new { missionDate = Today, activity = "meeting", hours = 0m, description = "x" }, "hours");
        await BadAsync(new { missionDate = Today, activity = "garde", hours = 1m, description = "x" }, "activity");
        await BadAsync(new { missionDate = Today, activity = "meeting", hours = 1m, description = " " }, "description");
        await DeclareAsync(world[1].Client, world, new { missionDate = Today, activity = "training", hours = 20m, description = "Formation" });
        await BadAsync(new { missionDate = Today, activity = "meeting", hours = 4.25m, description = "Trop" }, "hours");

        await (await world[1].Client.PostJsonAsync(url, new { memberId = world[2].Id, missionDate = Today, activity = "meeting", hours = 1m, description = "x" }))
            .ExpectAsync(HttpStatusCode.Forbidden);
        await (await world.UnlinkedMember.PostJsonAsync(url, new { missionDate = Today, activity = "meeting", hours = 1m, description = "x" }))
            .ExpectAsync(HttpStatusCode.Forbidden);
        await (await world.ForeignMember.Client.PostJsonAsync(url, new { missionDate = Today, activity = "meeting", hours = 1m, description = "x" }))
            .ExpectAsync(HttpStatusCode.NotFound);
        await (await world.Coordinator.PostJsonAsync(url, new { memberId = world.ForeignMember.Id, missionDate = Today, activity = "meeting", hours = 1m, description = "x" }))
            .ExpectAsync(HttpStatusCode.NotFound);
        var structure = await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/members", new { structureId = world.Structure }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await world.Coordinator.PostJsonAsync(url, new { memberId = structure.GetProperty("id").GetGuid(), missionDate = Today, activity = "meeting", hours = 1m, description = "x" }))
            .ExpectAsync(HttpStatusCode.BadRequest);

        // The coordinator declares for a member; it may not validate what it entered itself.
        var forOther = await DeclareAsync(world.Coordinator, world, new { memberId = world[2].Id, missionDate = Today, activity = "meeting", hours = 1m, description = "Saisie pour le docteur" });
        Assert.Equal(world[2].Id, forOther.GetProperty("memberId").GetGuid());
        await ScaleAsync(world, Today.AddDays(-5), ("meeting", null, 50m));
        var own = await ReviewAsync(world.Coordinator, world, forOther, "validate", new { }, HttpStatusCode.Forbidden);
        Assert.Contains("que vous avez saisie", own.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nobody_validates_their_own_time_and_a_bureau_member_validates_the_others()
    {
        var world = await CommunityWorld.CreateAsync(App);
        await ScaleAsync(world, Today.AddDays(-60), ("governance", null, 40m), ("meeting", null, 40m));
        await SeatAsync(world, world[1].Id, "secretary", Today.AddDays(-30));
        var secretary = world[1].Client;

        var own = await DeclareAsync(secretary, world, new { missionDate = Today, activity = "governance", hours = 2m, description = "Compte rendu du bureau" });
        var refused = await ReviewAsync(secretary, world, own, "validate", new { }, HttpStatusCode.Forbidden);
        Assert.Contains("qui vous concerne", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ReviewAsync(secretary, world, own, "reject", new { reason = "Erreur" }, HttpStatusCode.Forbidden);

        var other = await DeclareAsync(world[2].Client, world, new { missionDate = Today, activity = "meeting", hours = 1m, description = "Réunion" });
        await ReviewAsync(world[3].Client, world, other, "validate", new { }, HttpStatusCode.Forbidden);
        Assert.Equal(40m, (await ReviewAsync(secretary, world, other, "validate", new { })).GetProperty("amount").GetDecimal());
        Assert.Equal(80m, (await ReviewAsync(world.Coordinator, world, own, "validate", new { })).GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task An_officer_is_not_validated_beyond_three_quarters_of_the_monthly_smic()
    {
        var world = await CommunityWorld.CreateAsync(App);
        await ScaleAsync(world, Today.AddDays(-60), ("governance", null, 100m));
        await SeatAsync(world, world[2].Id, "president", Today.AddDays(-40));
        var month = new DateOnly(Today.Year, Today.Month, 1);
        var monthly = Smic.LoadEmbedded().MonthlyOn(month)!.Value;
        var cap = IndemnityRules.OfficerCap(monthly);

        // 100 €/h: the hours that reach just under the cap, then one more that passes it.
        var under = decimal.Floor(cap / 100m * 4) / 4;
        var declarations = new List<JsonElement>();
        for (var left = under; left > 0; left -= Math.Min(left, 8m))
        {
            declarations.Add(await DeclareAsync(world[2].Client, world, new { missionDate = Today, activity = "governance", hours = Math.Min(left, 8m), description = "Présidence" }));
        }

        foreach (var d in declarations)
        {
            await ReviewAsync(world.Coordinator, world, d, "validate", new { });
        }

        var already = under * 100m;
        var over = await DeclareAsync(world.Coordinator, world, new { memberId = world[2].Id, missionDate = Today, activity = "governance", hours = 0.25m, description = "Une réunion de plus" });
        // The coordinator entered it, a plain member may not validate: a bureau member does, and the cap refuses it.
        await ReviewAsync(world.Coordinator, world, over, "validate", new { }, HttpStatusCode.Forbidden);
        await ReviewAsync(world[5].Client, world, over, "validate", new { }, HttpStatusCode.Forbidden);
        await SeatAsync(world, world[6].Id, "secretary", Today.AddDays(-40));
        var refused = await ReviewAsync(world[6].Client, world, over, "validate", new { }, HttpStatusCode.Conflict);
        var detail = refused.GetProperty("detail").GetString()!;
        Assert.Contains("Plafond des dirigeants", detail, StringComparison.Ordinal);
        Assert.Contains(IndemnityLabels.Euros(cap), detail, StringComparison.Ordinal);
        Assert.Contains(IndemnityLabels.Euros(monthly), detail, StringComparison.Ordinal);
        Assert.Contains("Déjà validé pour ce mois : " + IndemnityLabels.Euros(already), detail, StringComparison.Ordinal);
        Assert.Contains("reste : " + IndemnityLabels.Euros(cap - already), detail, StringComparison.Ordinal);
        var status = (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations?status=declared")).EnumerateArray()
            .Single(d => d.GetProperty("id").GetGuid() == over.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("amount").ValueKind);

        // A member without a bureau office has no cap.
        var plain = await DeclareAsync(world[4].Client, world, new { missionDate = Today, activity = "governance", hours = 24m, description = "Journée" });
        Assert.Equal(2400m, (await ReviewAsync(world.Coordinator, world, plain, "validate", new { })).GetProperty("amount").GetDecimal());

        var summary = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities");
        Assert.Equal((cap, monthly), (summary.GetProperty("officerCap").GetProperty("cap").GetDecimal(), summary.GetProperty("officerCap").GetProperty("monthlySmic").GetDecimal()));
    }

    [Fact]
    public async Task The_treasurer_pays_a_numbered_batch_exported_for_the_accountant_and_a_paid_batch_never_changes()
    {
        var world = await CommunityWorld.CreateAsync(App);
        await ScaleAsync(world, Today.AddDays(-90), ("meeting", null, 50m), ("action", null, 40m));
        await SeatAsync(world, world[5].Id, "treasurer", Today.AddDays(-90));
        var treasurer = world[5].Client;
        var note = await (await world.Coordinator.PutJsonAsync($"/api/cpts/{world.Cpts}/indemnities/notes/10", new { text = "Médecins libéraux : BNC, à déclarer en recettes." }))
            .ExpectAsync(HttpStatusCode.OK);
        await (await world.Coordinator.PutJsonAsync($"/api/cpts/{world.Cpts}/indemnities/notes/10", new { text = "Autre", version = 99 })).ExpectAsync(HttpStatusCode.Conflict);
        await (await world.Coordinator.PutJsonAsync($"/api/cpts/{world.Cpts}/indemnities/notes/99", new { text = "Inconnue" })).ExpectAsync(HttpStatusCode.BadRequest);
        await (await world[0].Client.PutJsonAsync($"/api/cpts/{world.Cpts}/indemnities/notes/10", new { text = "x" })).ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Médecin", note.GetProperty("professionLabel").GetString());

        var a = await DeclareAsync(world[0].Client, world, new { missionDate = Today.AddDays(-20), activity = "meeting", hours = 2.5m, description = "Réunion ; « parcours »" });
        var b = await DeclareAsync(world[0].Client, world, new { missionDate = Today.AddDays(-10), activity = "action", hours = 1m, description = "Dépistage" });
        var c = await DeclareAsync(world[3].Client, world, new { missionDate = Today.AddDays(-5), activity = "meeting", hours = 2m, description = "Réunion" });
        await DeclareAsync(world[3].Client, world, new { missionDate = Today, activity = "meeting", hours = 1m, description = "Pas encore validée" });
        foreach (var d in new[] { a, b, c })
        {
            await ReviewAsync(world.Coordinator, world, d, "validate", new { });
        }

        var batches = $"/api/cpts/{world.Cpts}/indemnities/batches";
        await (await world.Coordinator.PostJsonAsync(batches, new { })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await world[0].Client.PostJsonAsync(batches, new { })).ExpectAsync(HttpStatusCode.Forbidden);
        var batch = await (await treasurer.PostJsonAsync(batches, new { })).ExpectAsync(HttpStatusCode.Created);
        var head = batch.GetProperty("batch");
        Assert.Equal(($"{Today.Year}-001", 265.00m, 3, 2), (head.GetProperty("number").GetString(), head.GetProperty("total").GetDecimal(),
            head.GetProperty("declarations").GetInt32(), head.GetProperty("people").GetInt32()));
        var durand = batch.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("memberId").GetGuid() == world[0].Id);
        Assert.Equal(("Durand Paul", world[0].Rpps, "Médecin", 3.5m, 165.00m, 2), (durand.GetProperty("name").GetString(), durand.GetProperty("rpps").GetString(),
            durand.GetProperty("professionLabel").GetString(), durand.GetProperty("hours").GetDecimal(), durand.GetProperty("amount").GetDecimal(),
            durand.GetProperty("declarations").GetInt32()));
        var nothing = await (await treasurer.PostJsonAsync(batches, new { })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Aucune déclaration validée", nothing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var id = head.GetProperty("id").GetGuid();
        await world.Coordinator.GetJsonAsync($"{batches}/{id}");
        await world[0].Client.GetJsonAsync($"{batches}/{id}", HttpStatusCode.Forbidden);

        await ExpectExportsAsync(treasurer, $"{batches}/{id}/export", world);

        await (await world.Coordinator.PostJsonAsync($"{batches}/{id}/paid", new { paidOn = Today })).ExpectAsync(HttpStatusCode.Forbidden);
        await (await treasurer.PostJsonAsync($"{batches}/{id}/paid", new { paidOn = Today.AddDays(1) })).ExpectAsync(HttpStatusCode.BadRequest);
        await (await treasurer.PostJsonAsync($"{batches}/{id}/paid", new { paidOn = Today, version = 5 })).ExpectAsync(HttpStatusCode.Conflict);
        var paid = await (await treasurer.PostJsonAsync($"{batches}/{id}/paid", new { paidOn = Today, version = head.GetProperty("version").GetInt32() }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), paid.GetProperty("batch").GetProperty("paidOn").GetString());
        Assert.All(paid.GetProperty("declarations").EnumerateArray(), d => Assert.Equal("paid", d.GetProperty("status").GetString()));
        Assert.All(paid.GetProperty("declarations").EnumerateArray(), d => Assert.False(string.IsNullOrEmpty(d.GetProperty("paidBy").GetString())));

        // A paid batch never changes again.
        await (await treasurer.PostJsonAsync($"{batches}/{id}/paid", new { paidOn = Today })).ExpectAsync(HttpStatusCode.Conflict);
        using (var delete = await treasurer.DeleteAsync($"{batches}/{id}", Ct))
        {
            await delete.ExpectAsync(HttpStatusCode.Conflict);
        }

        // A batch not yet paid may be cancelled: its declarations wait for the next one, which takes the next number.
        var late = (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations?status=declared")).EnumerateArray().Single();
        await ReviewAsync(world.Coordinator, world, late, "validate", new { });
        var second = (await (await treasurer.PostJsonAsync(batches, new { until = Today })).ExpectAsync(HttpStatusCode.Created)).GetProperty("batch");
        Assert.Equal($"{Today.Year}-002", second.GetProperty("number").GetString());
        using (var cancel = await treasurer.DeleteAsync($"{batches}/{second.GetProperty("id").GetGuid()}", Ct))
        {
            await cancel.ExpectAsync(HttpStatusCode.NoContent);
        }

        var waiting = (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations?status=validated")).EnumerateArray().Single();
        Assert.Equal(JsonValueKind.Null, waiting.GetProperty("paymentBatchId").ValueKind);
        Assert.Single((await treasurer.GetJsonAsync(batches)).EnumerateArray());

        var audit = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/audit");
        var actions = audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "indemnity.scale.created", "indemnity.declared", "indemnity.validated", "indemnity.batch.created",
            "indemnity.batch.paid", "indemnity.batch.cancelled", "indemnity.note" }, actions);
        var details = string.Join("\n", audit.EnumerateArray().Where(e => e.GetProperty("action").GetString()!.StartsWith("indemnity.", StringComparison.Ordinal))
            .Select(e => e.GetProperty("details").GetString()));
        Assert.DoesNotContain("Durand", details, StringComparison.Ordinal);
        Assert.DoesNotContain("@", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Officers_see_totals_by_profession_and_activity_without_names_and_a_concentration_is_surfaced()
    {
        var world = await CommunityWorld.CreateAsync(App);
        await ScaleAsync(world, Today.AddDays(-90), ("meeting", null, 50m), ("action", null, 50m));
        // Durand gets 8 h, four others 1 h each: 400 € of 600 €.
        var hours = new[] { (0, 8m), (1, 1m), (3, 1m), (5, 1m), (6, 1m) };
        foreach (var (member, h) in hours)
        {
            var d = await DeclareAsync(world[member].Client, world, new { missionDate = Today.AddDays(-3), activity = member == 0 ? "action" : "meeting", hours = h, description = "Mission" });
            await ReviewAsync(world.Coordinator, world, d, "validate", new { });
        }

        var summary = await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities");
        Assert.DoesNotContain("Durand", summary.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(world[0].Rpps, summary.GetRawText(), StringComparison.Ordinal);
        var aggregates = summary.GetProperty("aggregates").EnumerateArray()
            .Select(a => (a.GetProperty("profession").GetString(), a.GetProperty("activity").GetString(), a.GetProperty("hours").GetDecimal(), a.GetProperty("amount").GetDecimal()))
            .ToHashSet();
        Assert.Contains(("10", "action", 8m, 400m), aggregates);
        Assert.Contains(("10", "meeting", 1m, 50m), aggregates);
        Assert.Contains(("60", "meeting", 1m, 50m), aggregates);
        Assert.Contains(("21", "meeting", 2m, 100m), aggregates);
        var concentration = summary.GetProperty("concentration");
        Assert.Equal((5, 600m), (concentration.GetProperty("people").GetInt32(), concentration.GetProperty("total").GetDecimal()));
        Assert.StartsWith("Une seule personne reçoit 66,7", concentration.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, concentration.GetProperty("largest").ValueKind);
        Assert.False(summary.GetProperty("canDeclare").GetBoolean());

        var managed = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities");
        Assert.Equal("Durand Paul", managed.GetProperty("concentration").GetProperty("largest")[0].GetProperty("name").GetString());
        await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations", HttpStatusCode.Forbidden);
        await world.OtherOfficer.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities", HttpStatusCode.NotFound);

        var officerPage = await world.Officer.PageAsync($"/cpts/{world.Cpts}/indemnites", HttpStatusCode.OK);
        Assert.Contains("id=\"concentration-warning\"", officerPage, StringComparison.Ordinal);
        Assert.Contains("id=\"aggregates\"", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", officerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"declare-form\"", officerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_each_reader_what_their_rights_allow()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 6);
        await ScaleAsync(world, Today.AddDays(-10), ("meeting", null, 50m));
        await SeatAsync(world, world[5].Id, "treasurer", Today.AddDays(-10));
        await DeclareAsync(world[1].Client, world, new { missionDate = Today, activity = "meeting", hours = 1m, description = "Réunion des IDE" });
        var page = $"/cpts/{world.Cpts}/indemnites";

        var member = await world[1].Client.PageAsync(page, HttpStatusCode.OK);
        Assert.Contains("id=\"declare-form\"", member, StringComparison.Ordinal);
        Assert.Contains("Mes déclarations", member, StringComparison.Ordinal);
        Assert.Contains("Réunion des IDE", member, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"batch-form\"", member, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"scale-form\"", member, StringComparison.Ordinal);

        var other = await world[2].Client.PageAsync(page, HttpStatusCode.OK);
        Assert.DoesNotContain("Réunion des IDE", other, StringComparison.Ordinal);

        var coordinator = await world.Coordinator.PageAsync(page, HttpStatusCode.OK);
        Assert.Contains("Martin Claire", coordinator, StringComparison.Ordinal);
        Assert.Contains("handler=Validate", coordinator, StringComparison.Ordinal);
        Assert.Contains("id=\"scale-form\"", coordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"batch-form\"", coordinator, StringComparison.Ordinal);

        var treasurer = await world[5].Client.PageAsync(page, HttpStatusCode.OK);
        Assert.Contains("id=\"batch-form\"", treasurer, StringComparison.Ordinal);

        await world.ForeignCoordinator.PageAsync(page, HttpStatusCode.NotFound);
        await world.OtherOfficer.PageAsync(page, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_page_forms_record_a_scale_a_declaration_and_a_note_and_explain_bad_input_in_french()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 4);
        var page = $"/cpts/{world.Cpts}/indemnites";
        async Task<(HttpStatusCode, string)> FormAsync(HttpClient client, string handler, Dictionary<string, string?> fields)
        {
            var (code, body) = await client.PostFormAsync(page, page + "?handler=" + handler, fields);
            return (code, WebUtility.HtmlDecode(body));
        }

        var date = Today.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (status, html) = await FormAsync(world.Coordinator, "Scale", new Dictionary<string, string?>
        {
            ["effectiveFrom"] = date, ["reference"] = "CA du 3 mars", ["meeting"] = "45,50", ["training"] = "30.25",
            ["overrideProfession"] = "10", ["overrideActivity"] = "meeting", ["overrideRate"] = "55",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("La nouvelle version du barème est enregistrée", html, StringComparison.Ordinal);
        Assert.Contains(IndemnityLabels.Euros(45.50m), html, StringComparison.Ordinal);
        Assert.Contains(IndemnityLabels.Euros(30.25m), html, StringComparison.Ordinal);
        (status, html) = await FormAsync(world.Coordinator, "Scale", new Dictionary<string, string?>
        {
            ["effectiveFrom"] = date, ["reference"] = "Encore", ["meeting"] = "beaucoup",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("n'est pas un nombre", html, StringComparison.Ordinal);

        (status, html) = await FormAsync(world[3].Client, "Declare", new Dictionary<string, string?>
        {
            ["missionDate"] = date, ["activity"] = "meeting", ["hours"] = "", ["description"] = "Réunion",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("Indiquez le nombre d'heures", html, StringComparison.Ordinal);
        (status, html) = await FormAsync(world[3].Client, "Declare", new Dictionary<string, string?>
        {
            ["missionDate"] = date, ["activity"] = "meeting", ["hours"] = "1,25", ["description"] = "Réunion du soir",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("attend sa validation", html, StringComparison.Ordinal);
        var declaration = (await world[3].Client.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations")).EnumerateArray().Single();
        Assert.Equal(1.25m, declaration.GetProperty("hours").GetDecimal());

        (status, html) = await FormAsync(world.Coordinator, "Reject", new Dictionary<string, string?>
        {
            ["declarationId"] = declaration.GetProperty("id").GetString(), ["version"] = "0",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("motif du refus", html, StringComparison.Ordinal);
        (status, html) = await FormAsync(world.Coordinator, "Validate", new Dictionary<string, string?>
        {
            ["declarationId"] = declaration.GetProperty("id").GetString(), ["version"] = declaration.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Déclaration validée : " + IndemnityLabels.Euros(56.88m), html, StringComparison.Ordinal);

        (status, html) = await FormAsync(world.Coordinator, "Note", new Dictionary<string, string?>
        {
            ["profession"] = "60", ["text"] = "Infirmiers libéraux : BNC.",
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-note=\"60\">Infirmiers libéraux : BNC.", html, StringComparison.Ordinal);

        (status, _) = await FormAsync(world[3].Client, "Batch", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    /// <summary>
    /// Users × own / foreign CPTS × routes. A CPTS the caller may not read is a 404; reading it without the right is a 403; an allowed write
    /// with an empty body is a 400 (nothing is written, so the rows are independent).
    /// </summary>
    [Fact]
    public async Task Each_user_reaches_the_indemnities_only_as_far_as_their_rights_allow()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 3);
        await SeatAsync(world, world[2].Id, "treasurer", Today);
        var admin = await App.AdminAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["admin"] = admin, ["coordinator"] = world.Coordinator, ["treasurer"] = world[2].Client, ["member"] = world[0].Client,
            ["unlinked member"] = world.UnlinkedMember, ["officer 41"] = world.Officer, ["officer 18"] = world.OtherOfficer,
        };
        var cpts = new Dictionary<string, Guid> { ["own"] = world.Cpts, ["foreign"] = world.ForeignCpts, ["missing"] = Guid.NewGuid() };
        (string User, string Cpts, string Statuses)[] table =
        [
            // summary, declarations, batches, declare, scale, batch, note
            ("admin", "own", "200 200 200 400 400 400 400"),
            ("admin", "foreign", "200 200 200 400 400 400 400"),
            ("admin", "missing", "404 404 404 404 404 404 404"),
            ("coordinator", "own", "200 200 200 400 400 403 400"),
            ("coordinator", "foreign", "404 404 404 404 404 404 404"),
            ("treasurer", "own", "200 200 200 400 400 400 400"),
            ("member", "own", "200 200 403 400 403 403 403"),
            ("member", "foreign", "404 404 404 404 404 404 404"),
            ("unlinked member", "own", "200 403 403 403 403 403 403"),
            ("officer 41", "own", "200 403 403 403 403 403 403"),
            ("officer 41", "foreign", "200 403 403 403 403 403 403"),
            ("officer 18", "own", "404 404 404 404 404 404 404"),
        ];
        var failures = new List<string>();
        foreach (var (user, which, statuses) in table)
        {
            var client = clients[user];
            var root = $"/api/cpts/{cpts[which]}/indemnities";
            var calls = new Func<Task<HttpResponseMessage>>[]
            {
                () => client.GetAsync(root, Ct), () => client.GetAsync(root + "/declarations", Ct), () => client.GetAsync(root + "/batches", Ct),
                () => client.PostJsonAsync(root + "/declarations", new { }), () => client.PostJsonAsync(root + "/scales", new { }),
                () => client.PostJsonAsync(root + "/batches", new { }), () => client.PutJsonAsync(root + "/notes/10", new { }),
            };
            var expected = statuses.Split(' ').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            for (var i = 0; i < calls.Length; i++)
            {
                using var response = await calls[i]();
                if ((int)response.StatusCode != expected[i])
                {
                    failures.Add($"{user} on {which}, route {i}: {(int)response.StatusCode}, expected {expected[i]}");
                }
            }
        }

        Assert.Empty(failures);
        using var anonymous = App.Anonymous();
        await anonymous.GetJsonAsync($"/api/cpts/{world.Cpts}/indemnities", HttpStatusCode.Unauthorized);
    }

    private static async Task ExpectExportsAsync(HttpClient treasurer, string export, CommunityWorld world)
    {
        using (var csv = await treasurer.GetAsync(export + "?format=csv", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            using var reader = new StringReader(await csv.Content.ReadAsStringAsync(Ct));
            await using var data = await CsvDataReader.CreateAsync(reader, new CsvDataReaderOptions { Delimiter = ';', ResultSetMode = ResultSetMode.MultiResult });
            Assert.Equal(IndemnityExport.DeclarationColumns, Enumerable.Range(0, data.FieldCount).Select(data.GetName));
            var lines = new List<string[]>();
            while (await data.ReadAsync(Ct))
            {
                lines.Add([.. Enumerable.Range(0, data.FieldCount).Select(data.GetString)]);
            }

            Assert.Equal(3, lines.Count);
            var first = lines.Single(l => l[6] == "Réunion ; « parcours »");
            Assert.Equal([$"{Today.Year}-001", "Durand Paul", world[0].Rpps, "Médecin", Maillage.Platform.French.Date(Today.AddDays(-20)), "Réunion"], first[..6]);
            Assert.Equal(["2,50", "50,00", "125,00"], first[7..10]);
            Assert.All(lines, l => Assert.False(string.IsNullOrEmpty(l[10]) || string.IsNullOrEmpty(l[11])));
            Assert.True(await data.NextResultAsync(Ct));
            Assert.Equal(IndemnityExport.PersonColumns, Enumerable.Range(0, data.FieldCount).Select(data.GetName));
            var people = new List<string>();
            while (await data.ReadAsync(Ct))
            {
                people.Add(data.GetString(0) + "=" + data.GetString(4));
            }

            Assert.Equal(["Durand Paul=165,00", "Petit Anne=100,00"], people);
            Assert.True(await data.NextResultAsync(Ct));
            Assert.True(await data.ReadAsync(Ct));
            Assert.Equal(("10", "Médecins libéraux : BNC, à déclarer en recettes."), (data.GetString(0), data.GetString(2)));
        }

        using var xlsx = await treasurer.GetAsync(export + "?format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync(Ct));
        Assert.Equal(["Déclarations", "Totaux par personne", "Notes fiscales et sociales"], book.Worksheets.Select(w => w.Name));
        var sheet = book.Worksheet("Déclarations");
        var row = sheet.RowsUsed().Skip(1).Single(r => r.Cell(7).GetString() == "Réunion ; « parcours »");
        Assert.Equal(XLDataType.Text, row.Cell(3).DataType);
        Assert.Equal(world[0].Rpps, row.Cell(3).GetString());
        Assert.Equal(125.0, row.Cell(10).GetDouble());
        Assert.Equal(Today.AddDays(-20).ToDateTime(TimeOnly.MinValue), row.Cell(5).GetDateTime());
        Assert.Equal(2, book.Worksheet("Totaux par personne").RowsUsed().Count() - 1);
        Assert.Contains("BNC", book.Worksheet("Notes fiscales et sociales").Cell(2, 3).GetString(), StringComparison.Ordinal);

        using var bad = await treasurer.GetAsync(export + "?format=pdf", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static async Task<Guid> ScaleAsync(CommunityWorld world, DateOnly from, params (string Activity, string? Profession, decimal Rate)[] rates) =>
        (await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/indemnities/scales", new
        {
            effectiveFrom = from, reference = "Règlement intérieur, art. 12",
            rates = rates.Select(r => new { activity = r.Activity, profession = r.Profession, hourlyRate = r.Rate }),
        })).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> DeclareAsync(HttpClient client, CommunityWorld world, object body) =>
        await (await client.PostJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations", body)).ExpectAsync(HttpStatusCode.Created);

    private static async Task<JsonElement> ReviewAsync(HttpClient client, CommunityWorld world, JsonElement declaration, string decision, object body,
        HttpStatusCode status = HttpStatusCode.OK) =>
        await (await client.PostJsonAsync($"/api/cpts/{world.Cpts}/indemnities/declarations/{declaration.GetProperty("id").GetGuid()}/{decision}", body))
            .ExpectAsync(status);

    /// <summary>A seat in the conseil d'administration, then the office in the bureau, through the association API.</summary>
    private static async Task SeatAsync(CommunityWorld world, Guid member, string office, DateOnly from)
    {
        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/bodies/board/mandates", new { memberId = member, office = "member", from }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/bodies/bureau/mandates", new { memberId = member, office, from }))
            .ExpectAsync(HttpStatusCode.Created);
    }
}

public sealed class Indemnities_on_sqlite(SqliteApp app) : Indemnities(app), IClassFixture<SqliteApp>;

public sealed class Indemnities_on_postgres(PostgresApp app) : Indemnities(app), IClassFixture<PostgresApp>;
