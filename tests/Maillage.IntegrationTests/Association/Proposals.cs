using System.Globalization;
using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Association;

/// <summary>
/// Members' proposals end to end: a linked member proposes, the bureau forwards or rejects, the conseil adopts (a numbered decision
/// enters the register, exported as CSV and Excel) or rejects, the author withdraws; illegal moves and stale versions are conflicts;
/// every move is in the trail and the audit trail.
/// </summary>
public abstract class Proposals(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string Year = Http.Today.Year.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_proposal_goes_from_a_member_through_the_bureau_to_the_conseil_and_into_the_register()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 3);
        var (c, cpts, author) = (world.Coordinator, world.Cpts, world[0]);

        var submitted = await author.Client.SubmitAsync(cpts, "Permanence de soins non programmés le samedi");
        var id = submitted.GetProperty("id").GetGuid();
        Assert.Equal(("submitted", "Durand Paul", author.Id), (submitted.GetProperty("status").GetString(), submitted.GetProperty("author").GetString(),
            submitted.GetProperty("memberId").GetGuid()));
        Assert.Equal(["withdraw"], Moves(submitted));
        Assert.Single(submitted.GetProperty("steps").EnumerateArray());

        // Every member of the CPTS sees it, and may do nothing with it; the coordinator may forward or reject it.
        var list = await world[1].Client.GetJsonAsync($"/api/cpts/{cpts}/proposals");
        Assert.True(list.GetProperty("canSubmit").GetBoolean());
        Assert.Equal(id, Assert.Single(list.GetProperty("proposals").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty(Moves(await world[1].Client.GetJsonAsync($"/api/cpts/{cpts}/proposals/{id}")));
        Assert.Equal(["forward", "reject"], Moves(await c.GetJsonAsync($"/api/cpts/{cpts}/proposals/{id}")));

        var forwarded = await c.MoveAsync(cpts, id, "forward", new { comment = "À inscrire au prochain conseil", version = submitted.GetProperty("version").GetInt32() },
            HttpStatusCode.OK);
        Assert.Equal(("at-board", "Transmise au conseil d'administration"), (forwarded.GetProperty("status").GetString(), forwarded.GetProperty("statusLabel").GetString()));
        var adopted = await c.MoveAsync(cpts, id, "adopt", new { comment = "Budget de 2 000 €", date = Http.Today.AddDays(-1) }, HttpStatusCode.OK);
        Assert.Equal(("adopted", $"{Year}-001"), (adopted.GetProperty("status").GetString(), adopted.GetProperty("decisionNumber").GetString()));
        Assert.Equal([("submitted", null), ("at-board", "À inscrire au prochain conseil"), ("adopted", "Budget de 2 000 €")],
            adopted.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("to").GetString(), s.GetProperty("comment").GetString())).ToList());
        Assert.Empty(Moves(adopted));

        var second = (await world[1].Client.SubmitAsync(cpts, "Annuaire partagé des kinés")).GetProperty("id").GetGuid();
        await c.MoveAsync(cpts, second, "forward", new { }, HttpStatusCode.OK);
        Assert.Equal($"{Year}-002", (await c.MoveAsync(cpts, second, "adopt", new { }, HttpStatusCode.OK)).GetProperty("decisionNumber").GetString());

        var register = await world[2].Client.GetJsonAsync($"/api/cpts/{cpts}/decisions");
        var decisions = register.GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal([$"{Year}-001", $"{Year}-002"], decisions.Select(d => d.GetProperty("number").GetString()).ToArray());
        Assert.Equal(("board", "Conseil d'administration", "Permanence de soins non programmés le samedi — Budget de 2 000 €", id,
                Http.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            (decisions[0].GetProperty("body").GetString(), decisions[0].GetProperty("bodyLabel").GetString(), decisions[0].GetProperty("text").GetString(),
                decisions[0].GetProperty("proposalId").GetGuid(), decisions[0].GetProperty("date").GetString()));

        var page = await world[2].Client.PageAsync($"/cpts/{cpts}/association");
        Assert.Contains($"data-decision=\"{Year}-001\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/cpts/{cpts}/propositions/{id}\"", page, StringComparison.Ordinal);
        var detail = await world[2].Client.PageAsync($"/cpts/{cpts}/propositions/{id}");
        Assert.Contains($"n° {Year}-001", detail, StringComparison.Ordinal);
        Assert.Contains("Budget de 2 000 €", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"move-", detail, StringComparison.Ordinal);

        using (var csv = await world[2].Client.GetAsync($"/api/cpts/{cpts}/decisions/export?format=csv", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var text = await csv.Content.ReadAsStringAsync(Ct);
            Assert.StartsWith("Numéro;Date;Instance;Décision;Proposition;Réunion", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.Contains($"{Year}-002;{Http.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)};Conseil d'administration;Annuaire partagé des kinés;",
                text, StringComparison.Ordinal);
        }

        using (var xlsx = await c.GetAsync($"/api/cpts/{cpts}/decisions/export?format=xlsx", Ct))
        {
            Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
            var bytes = await xlsx.Content.ReadAsByteArrayAsync(Ct);
            Assert.Equal("PK", System.Text.Encoding.ASCII.GetString(bytes, 0, 2));
        }

        await c.GetJsonAsync($"/api/cpts/{cpts}/decisions/export?format=pdf", HttpStatusCode.BadRequest);
        var audit = await c.AuditAsync(cpts);
        Assert.Equal(2, audit.Count(a => a.Action == "proposal.submitted"));
        Assert.Contains(audit, a => a.Action == "proposal.adopted" && a.Details.Contains(id.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Details.Contains("Durand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Illegal_moves_stale_versions_missing_reasons_and_other_people_are_refused()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var (c, cpts, author) = (world.Coordinator, world.Cpts, world[0]);
        var submitted = await author.Client.SubmitAsync(cpts, "Protocole de coopération infirmier-médecin");
        var id = submitted.GetProperty("id").GetGuid();
        var version = submitted.GetProperty("version").GetInt32();

        var early = await c.MoveAsync(cpts, id, "adopt", new { }, HttpStatusCode.Conflict);
        Assert.Contains("« Déposée, en attente du bureau »", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty((await c.MoveAsync(cpts, id, "reject", new { comment = "  " }, HttpStatusCode.BadRequest)).FieldErrors("comment"));
        await c.MoveAsync(cpts, id, "forward", new { version = version + 5 }, HttpStatusCode.Conflict);
        await world[1].Client.MoveAsync(cpts, id, "forward", new { }, HttpStatusCode.Forbidden);
        await world[1].Client.MoveAsync(cpts, id, "withdraw", new { }, HttpStatusCode.Forbidden);
        await c.MoveAsync(cpts, id, "withdraw", new { }, HttpStatusCode.Forbidden);
        await world.Officer.MoveAsync(cpts, id, "forward", new { }, HttpStatusCode.Forbidden);
        await world.ForeignCoordinator.MoveAsync(cpts, id, "forward", new { }, HttpStatusCode.NotFound);
        await c.MoveAsync(cpts, Guid.NewGuid(), "forward", new { }, HttpStatusCode.NotFound);

        await c.MoveAsync(cpts, id, "forward", new { version }, HttpStatusCode.OK);
        await c.MoveAsync(cpts, id, "forward", new { }, HttpStatusCode.Conflict);
        await c.MoveAsync(cpts, id, "adopt", new { date = Http.Today.AddDays(1) }, HttpStatusCode.BadRequest);
        var withdrawn = await author.Client.MoveAsync(cpts, id, "withdraw", new { comment = "Reporté à l'an prochain" }, HttpStatusCode.OK);
        Assert.Equal(["submitted", "at-board", "withdrawn"], withdrawn.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("to").GetString()).ToArray());
        await c.MoveAsync(cpts, id, "adopt", new { }, HttpStatusCode.Conflict);
        Assert.Empty((await c.GetJsonAsync($"/api/cpts/{cpts}/decisions")).GetProperty("decisions").EnumerateArray());

        // The bureau turns one down, with its reason in the trail.
        var other = (await author.Client.SubmitAsync(cpts, "Achat d'un échographe")).GetProperty("id").GetGuid();
        var rejected = await c.MoveAsync(cpts, other, "reject", new { comment = "Hors des missions de la CPTS" }, HttpStatusCode.OK);
        Assert.Equal(("rejected", "Hors des missions de la CPTS"), (rejected.GetProperty("status").GetString(),
            rejected.GetProperty("steps")[1].GetProperty("comment").GetString()));

        // Only a linked member proposes; a title and a description are required.
        var unlinked = await world.UnlinkedMember.SubmitAsync(cpts, "Sans lien", HttpStatusCode.Forbidden);
        Assert.Contains("lié à sa fiche d'adhérent", unlinked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await c.SubmitAsync(cpts, "Coordonnateur", HttpStatusCode.Forbidden);
        await world.ForeignMember.Client.SubmitAsync(cpts, "Voisin", HttpStatusCode.NotFound);
        var empty = await (await author.Client.PostJsonAsync($"/api/cpts/{cpts}/proposals", new { title = "", description = "" })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(empty.FieldErrors("title"));
        Assert.NotEmpty(empty.FieldErrors("description"));
        Assert.False((await world.UnlinkedMember.GetJsonAsync($"/api/cpts/{cpts}/proposals")).GetProperty("canSubmit").GetBoolean());
        await world.Officer.GetJsonAsync($"/api/cpts/{cpts}/proposals", HttpStatusCode.Forbidden);
        await world.Officer.GetJsonAsync($"/api/cpts/{cpts}/proposals/{id}", HttpStatusCode.Forbidden);

        // A member who left the association no longer proposes.
        await (await c.PostJsonAsync($"/api/cpts/{cpts}/members/{world[1].Id}/status", new { status = "former" })).ExpectAsync(HttpStatusCode.OK);
        await world[1].Client.SubmitAsync(cpts, "Après le départ", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_step_decided_in_a_meeting_links_it_and_the_meeting_must_be_of_the_right_body()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var (c, cpts) = (world.Coordinator, world.Cpts);
        var day = Http.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<Guid> MeetingAsync(string body) =>
            (await (await c.PostJsonAsync($"/api/cpts/{cpts}/meetings", new { body, title = "Réunion du " + body, startsAt = day + "T18:00", endsAt = day + "T20:00",
                location = "Maison de santé" })).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (bureau, board) = (await MeetingAsync("bureau"), await MeetingAsync("board"));
        var id = (await world[0].Client.SubmitAsync(cpts, "Journée de prévention")).GetProperty("id").GetGuid();

        var wrong = await c.MoveAsync(cpts, id, "forward", new { meetingId = board }, HttpStatusCode.BadRequest);
        Assert.Contains("réunion du bureau", Assert.Single(wrong.FieldErrors("meetingId")), StringComparison.Ordinal);
        var forwarded = await c.MoveAsync(cpts, id, "forward", new { meetingId = bureau }, HttpStatusCode.OK);
        Assert.Equal((bureau, "Réunion du bureau"), (forwarded.GetProperty("steps")[1].GetProperty("meetingId").GetGuid(),
            forwarded.GetProperty("steps")[1].GetProperty("meetingTitle").GetString()));
        await c.MoveAsync(cpts, id, "adopt", new { meetingId = bureau }, HttpStatusCode.BadRequest);
        await c.MoveAsync(cpts, id, "adopt", new { meetingId = board }, HttpStatusCode.OK);

        var decision = Assert.Single((await c.GetJsonAsync($"/api/cpts/{cpts}/decisions")).GetProperty("decisions").EnumerateArray());
        Assert.Equal((board, id), (decision.GetProperty("meetingId").GetGuid(), decision.GetProperty("proposalId").GetGuid()));
        Assert.Contains($"href=\"/cpts/{cpts}/reunions/{board}\"", await c.PageAsync($"/cpts/{cpts}/association"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proposal_pages_show_the_form_to_linked_members_the_actions_allowed_and_refuse_officers()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var cpts = world.Cpts;
        var id = (await world[0].Client.SubmitAsync(cpts, "Groupe de pairs")).GetProperty("id").GetGuid();

        Assert.Contains("id=\"submit-proposal\"", await world[1].Client.PageAsync($"/cpts/{cpts}/propositions"), StringComparison.Ordinal);
        var unlinked = await world.UnlinkedMember.PageAsync($"/cpts/{cpts}/propositions");
        Assert.Contains("id=\"cannot-submit\"", unlinked, StringComparison.Ordinal);
        Assert.Contains("Groupe de pairs", unlinked, StringComparison.Ordinal);
        Assert.Contains("id=\"move-withdraw\"", await world[0].Client.PageAsync($"/cpts/{cpts}/propositions/{id}"), StringComparison.Ordinal);
        var coordinator = await world.Coordinator.PageAsync($"/cpts/{cpts}/propositions/{id}");
        Assert.Contains("id=\"move-forward\"", coordinator, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"move-withdraw\"", coordinator, StringComparison.Ordinal);
        await world.Officer.PageAsync($"/cpts/{cpts}/propositions", HttpStatusCode.Forbidden);
        await world.Officer.PageAsync($"/cpts/{cpts}/propositions/{id}", HttpStatusCode.Forbidden);
        await world.ForeignCoordinator.PageAsync($"/cpts/{cpts}/propositions/{id}", HttpStatusCode.NotFound);
        await world.Coordinator.PageAsync($"/cpts/{cpts}/propositions/{Guid.NewGuid()}", HttpStatusCode.NotFound);
    }

    private static string[] Moves(JsonElement proposal) => [.. proposal.GetProperty("allowed").EnumerateArray().Select(m => m.GetString()!)];
}

public sealed class Proposals_on_sqlite(SqliteApp app) : Proposals(app), IClassFixture<SqliteApp>;

public sealed class Proposals_on_postgres(PostgresApp app) : Proposals(app), IClassFixture<PostgresApp>;
