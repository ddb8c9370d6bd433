using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using static Maillage.IntegrationTests.Directory.DirectoryData;

namespace Maillage.IntegrationTests.Association;

/// <summary>
/// The association's bodies end to end (domain-rules §5): the AG, the conseil d'administration and the bureau with their statutory
/// parameters, mandates (one président, trésorier, secrétaire at a time; the bureau within the conseil), the warning when no general
/// practitioner sits on the conseil, working groups and referents — through <c>/api/cpts/{id}/…</c> and the page <c>/cpts/{id}/association</c>.
/// </summary>
public abstract class Association(MaillageApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Today = Http.Today;

    [Fact]
    public async Task The_three_bodies_exist_on_first_read_with_defaults_and_their_parameters_change_with_the_version()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);

        var bodies = await world[0].Client.BodiesAsync(world.Cpts);

        Assert.False(bodies.GetProperty("canRun").GetBoolean());
        Assert.Equal([("general-assembly", 15, 25, 2), ("board", 8, 50, 1), ("bureau", 3, 50, 0)],
            bodies.GetProperty("bodies").EnumerateArray().Select(b => (b.GetProperty("kind").GetString(), b.GetProperty("noticeDays").GetInt32(),
                b.GetProperty("quorumPercent").GetInt32(), b.GetProperty("maxProxiesPerHolder").GetInt32())).ToList());
        Assert.Contains("médecin", Assert.Single(bodies.GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);

        var assembly = bodies.Body("general-assembly");
        var url = $"/api/cpts/{world.Cpts}/bodies/general-assembly";
        var version = assembly.GetProperty("version").GetInt32();
        var updated = await (await world.Coordinator.PutJsonAsync(url, new { noticeDays = 21, quorumPercent = 10, maxProxiesPerHolder = 3, version }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((21, 10, 3, version + 1), (updated.GetProperty("noticeDays").GetInt32(), updated.GetProperty("quorumPercent").GetInt32(),
            updated.GetProperty("maxProxiesPerHolder").GetInt32(), updated.GetProperty("version").GetInt32()));

        var stale = await (await world.Coordinator.PutJsonAsync(url, new { noticeDays = 30, quorumPercent = 10, maxProxiesPerHolder = 3, version }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("modifiées par quelqu'un d'autre", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var bad = await (await world.Coordinator.PutJsonAsync(url, new { noticeDays = 91, quorumPercent = 101, maxProxiesPerHolder = -1, version = version + 1 }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("0 à 90 jours", Assert.Single(bad.FieldErrors("noticeDays")), StringComparison.Ordinal);
        Assert.Contains("0 à 100", Assert.Single(bad.FieldErrors("quorumPercent")), StringComparison.Ordinal);
        Assert.Contains("0 à 10 pouvoirs", Assert.Single(bad.FieldErrors("maxProxiesPerHolder")), StringComparison.Ordinal);
        var unknown = await (await world.Coordinator.PutJsonAsync($"/api/cpts/{world.Cpts}/bodies/comite",
            new { noticeDays = 1, quorumPercent = 1, maxProxiesPerHolder = 1 })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("general-assembly", Assert.Single(unknown.FieldErrors("kind")), StringComparison.Ordinal);
        await (await world[0].Client.PutJsonAsync(url, new { noticeDays = 1, quorumPercent = 1, maxProxiesPerHolder = 1, version = version + 1 }))
            .ExpectAsync(HttpStatusCode.Forbidden);

        var after = (await world[1].Client.BodiesAsync(world.Cpts)).Body("general-assembly");
        Assert.Equal((21, version + 1), (after.GetProperty("noticeDays").GetInt32(), after.GetProperty("version").GetInt32()));
        var audit = await world.Coordinator.AuditAsync(world.Cpts);
        Assert.Contains(audit, a => a.Action == "body.updated" && a.Details.Contains("15 j, 25 %, 2 pouvoirs → 21 j, 10 %, 3 pouvoirs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_has_one_president_treasurer_and_secretary_at_a_time_and_a_member_one_seat()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 5);
        var (c, cpts) = (world.Coordinator, world.Cpts);

        var president = await c.AddMandateAsync(cpts, "board", world[0].Id, "president", Today.AddDays(-30), HttpStatusCode.Created);
        var presidentId = president.GetProperty("mandate").GetProperty("id").GetGuid();
        Assert.Equal(("Président(e)", "Durand Paul", true), (president.GetProperty("mandate").GetProperty("officeLabel").GetString(),
            president.GetProperty("mandate").GetProperty("memberName").GetString(), president.GetProperty("mandate").GetProperty("current").GetBoolean()));

        var taken = await c.AddMandateAsync(cpts, "board", world[1].Id, "president", null, HttpStatusCode.Conflict);
        Assert.Contains("Le poste de Président(e) au conseil d'administration est déjà occupé", taken.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await c.AddMandateAsync(cpts, "board", world[1].Id, "vice-president", null, HttpStatusCode.Created);
        await c.AddMandateAsync(cpts, "board", world[2].Id, "vice-president", null, HttpStatusCode.Created);
        var twice = await c.AddMandateAsync(cpts, "board", world[0].Id, "treasurer", null, HttpStatusCode.Conflict);
        Assert.Contains("siège déjà au conseil d'administration", twice.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // The same office in another body is another seat.
        await c.AddMandateAsync(cpts, "bureau", world[1].Id, "president", null, HttpStatusCode.Created);

        var assembly = await c.AddMandateAsync(cpts, "general-assembly", world[3].Id, "member", null, HttpStatusCode.BadRequest);
        Assert.Contains("tous les adhérents", Assert.Single(assembly.FieldErrors("kind")), StringComparison.Ordinal);
        var future = await c.AddMandateAsync(cpts, "board", world[3].Id, "member", Today.AddDays(1), HttpStatusCode.BadRequest);
        Assert.NotEmpty(future.FieldErrors("from"));
        var foreign = await c.AddMandateAsync(cpts, "board", world.ForeignMember.Id, "member", null, HttpStatusCode.BadRequest);
        Assert.NotEmpty(foreign.FieldErrors("memberId"));
        var office = await c.AddMandateAsync(cpts, "board", world[3].Id, "tresorier", null, HttpStatusCode.BadRequest);
        Assert.Contains("treasurer", Assert.Single(office.FieldErrors("office")), StringComparison.Ordinal);
        await (await c.PostJsonAsync($"/api/cpts/{cpts}/members/{world[4].Id}/status", new { status = "former", reason = "Départ" })).ExpectAsync(HttpStatusCode.OK);
        var former = await c.AddMandateAsync(cpts, "board", world[4].Id, "member", null, HttpStatusCode.BadRequest);
        Assert.Contains("Ancien adhérent", Assert.Single(former.FieldErrors("memberId")), StringComparison.Ordinal);
        await world[3].Client.AddMandateAsync(cpts, "board", world[3].Id, "member", null, HttpStatusCode.Forbidden);

        // Ending: a reason, a day between the first one and today; then the office is free from the next day.
        Assert.NotEmpty((await c.EndMandateAsync(cpts, presidentId, Today.AddDays(-31), "Démission", HttpStatusCode.BadRequest)).FieldErrors("to"));
        Assert.NotEmpty((await c.EndMandateAsync(cpts, presidentId, Today.AddDays(1), "Démission", HttpStatusCode.BadRequest)).FieldErrors("to"));
        Assert.NotEmpty((await c.EndMandateAsync(cpts, presidentId, Today.AddDays(-10), " ", HttpStatusCode.BadRequest)).FieldErrors("reason"));
        await c.EndMandateAsync(cpts, presidentId, Today.AddDays(-10), "Démission", HttpStatusCode.OK);
        await c.EndMandateAsync(cpts, presidentId, Today, "Démission", HttpStatusCode.Conflict);
        await c.EndMandateAsync(cpts, Guid.NewGuid(), Today, "Démission", HttpStatusCode.NotFound);
        await c.AddMandateAsync(cpts, "board", world[3].Id, "president", Today.AddDays(-10), HttpStatusCode.Conflict);
        await c.AddMandateAsync(cpts, "board", world[3].Id, "president", Today.AddDays(-9), HttpStatusCode.Created);

        var board = (await world[2].Client.BodiesAsync(cpts)).Body("board");
        Assert.Equal(["Vice-président(e)", "Vice-président(e)", "Président(e)"],
            board.GetProperty("current").EnumerateArray().Select(m => m.GetProperty("officeLabel").GetString()).Order(StringComparer.Ordinal).Reverse().ToArray());
        var past = Assert.Single(board.GetProperty("past").EnumerateArray());
        Assert.Equal(("Durand Paul", "Démission"), (past.GetProperty("memberName").GetString(), past.GetProperty("endReason").GetString()));
        var audit = await c.AuditAsync(cpts);
        Assert.Equal(5, audit.Count(a => a.Action == "mandate.added"));
        Assert.Contains(audit, a => a.Action == "mandate.ended" && a.Details.Contains(presidentId.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => a.Details.Contains("Durand", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_bureau_sits_within_the_conseil_gives_its_members_the_run_and_leaving_the_conseil_ends_the_bureau_seat()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 4);
        var (c, cpts, treasurer) = (world.Coordinator, world.Cpts, world[3]);
        var setParameters = (HttpClient client, int version) =>
            client.PutJsonAsync($"/api/cpts/{cpts}/bodies/bureau", new { noticeDays = 5, quorumPercent = 50, maxProxiesPerHolder = 0, version });

        var outside = await c.AddMandateAsync(cpts, "bureau", treasurer.Id, "treasurer", null, HttpStatusCode.Conflict);
        Assert.Contains("élu par le conseil d'administration parmi ses membres", outside.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var seat = (await c.AddMandateAsync(cpts, "board", treasurer.Id, "member", Today.AddDays(-20), HttpStatusCode.Created)).GetProperty("mandate");
        await c.AddMandateAsync(cpts, "bureau", treasurer.Id, "treasurer", Today.AddDays(-21), HttpStatusCode.Conflict);
        var bureauSeat = (await c.AddMandateAsync(cpts, "bureau", treasurer.Id, "treasurer", Today.AddDays(-5), HttpStatusCode.Created)).GetProperty("mandate");
        Assert.Equal("Trésorier(ère)", bureauSeat.GetProperty("officeLabel").GetString());

        // A bureau seat runs the association: the treasurer's own account now edits the bureau's parameters.
        var bureau = (await treasurer.Client.BodiesAsync(cpts));
        Assert.True(bureau.GetProperty("canRun").GetBoolean());
        await (await setParameters(treasurer.Client, bureau.Body("bureau").GetProperty("version").GetInt32())).ExpectAsync(HttpStatusCode.OK);

        await c.EndMandateAsync(cpts, seat.GetProperty("id").GetGuid(), Today.AddDays(-6), "Fin de mandat", HttpStatusCode.Conflict);
        await c.EndMandateAsync(cpts, seat.GetProperty("id").GetGuid(), Today.AddDays(-1), "Fin de mandat", HttpStatusCode.OK);

        var after = await treasurer.Client.BodiesAsync(cpts);
        var ended = Assert.Single(after.Body("bureau").GetProperty("past").EnumerateArray());
        Assert.Equal((bureauSeat.GetProperty("id").GetGuid(), Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (ended.GetProperty("id").GetGuid(), ended.GetProperty("to").GetString()));
        Assert.Contains("conseil d'administration", ended.GetProperty("endReason").GetString(), StringComparison.Ordinal);
        Assert.Empty(after.Body("bureau").GetProperty("current").EnumerateArray());
        Assert.False(after.GetProperty("canRun").GetBoolean());
        await (await setParameters(treasurer.Client, after.Body("bureau").GetProperty("version").GetInt32())).ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_warning_shows_while_no_general_practitioner_sits_on_the_conseil()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var (c, cpts) = (world.Coordinator, world.Cpts);
        var (gp, pediatrician) = (NewRpps(), NewRpps());
        await c.ImportAsync(cpts, [$"{gp};Lefort;Nadia;10;SM54;L;{world.Communes[0]}", $"{pediatrician};Blanc;Yves;10;SM40;L;{world.Communes[1]}"]);
        var gpMember = await c.AddMemberAsync(cpts, gp);
        var pediatricianMember = await c.AddMemberAsync(cpts, pediatrician);

        // world[0] is a médecin without a specialty in the directory, the second a pédiatre: neither is a first-line doctor.
        var first = await c.AddMandateAsync(cpts, "board", world[0].Id, "president", null, HttpStatusCode.Created);
        Assert.Single(first.GetProperty("warnings").EnumerateArray());
        Assert.Single((await c.AddMandateAsync(cpts, "board", pediatricianMember, "member", null, HttpStatusCode.Created)).GetProperty("warnings").EnumerateArray());
        var page = await world[0].Client.PageAsync($"/cpts/{cpts}/association");
        Assert.Contains("id=\"board-warning\"", page, StringComparison.Ordinal);

        var seat = await c.AddMandateAsync(cpts, "board", gpMember, "member", Today.AddDays(-5), HttpStatusCode.Created);
        Assert.Empty(seat.GetProperty("warnings").EnumerateArray());
        Assert.DoesNotContain("board-warning", await world[0].Client.PageAsync($"/cpts/{cpts}/association"), StringComparison.Ordinal);

        var end = await c.EndMandateAsync(cpts, seat.GetProperty("mandate").GetProperty("id").GetGuid(), Today.AddDays(-1), "Démission", HttpStatusCode.OK);
        Assert.Single(end.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Working_groups_have_unique_names_and_participants_and_close_with_their_referent()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 5);
        var (c, cpts) = (world.Coordinator, world.Cpts);
        var groups = $"/api/cpts/{cpts}/working-groups";

        var group = await (await c.PostJsonAsync(groups, new { name = "Soins non programmés", purpose = "Organiser le samedi matin", createdOn = Today.AddDays(-40) }))
            .ExpectAsync(HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetGuid();
        var taken = await (await c.PostJsonAsync(groups, new { name = "  soins NON programmés " })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("« soins NON programmés »", taken.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty((await (await c.PostJsonAsync(groups, new { name = " " })).ExpectAsync(HttpStatusCode.BadRequest)).FieldErrors("name"));
        await (await world[0].Client.PostJsonAsync(groups, new { name = "Parcours insuffisance cardiaque" })).ExpectAsync(HttpStatusCode.Forbidden);

        var participants = $"{groups}/{groupId}/participants";
        var added = await (await c.PostJsonAsync(participants, new { memberId = world[0].Id })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Durand Paul", Assert.Single(added.GetProperty("participants").EnumerateArray()).GetProperty("name").GetString());
        await (await c.PostJsonAsync(participants, new { memberId = world[1].Id })).ExpectAsync(HttpStatusCode.OK);
        await (await c.PostJsonAsync(participants, new { memberId = world[0].Id })).ExpectAsync(HttpStatusCode.Conflict);
        await (await c.PostJsonAsync(participants, new { memberId = world.ForeignMember.Id })).ExpectAsync(HttpStatusCode.BadRequest);
        var removed = await (await c.DeleteAsync($"{participants}/{world[1].Id}", Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(removed.GetProperty("participants").EnumerateArray());
        await (await c.DeleteAsync($"{participants}/{world[1].Id}", Ct)).ExpectAsync(HttpStatusCode.NotFound);

        // Referents: one per group and one per profession at a time; a profession's referent practises it.
        var referents = $"/api/cpts/{cpts}/referents";
        await (await c.PostJsonAsync(referents, new { memberId = world[1].Id, workingGroupId = groupId, from = Today.AddDays(-41) })).ExpectAsync(HttpStatusCode.BadRequest);
        var groupReferent = await (await c.PostJsonAsync(referents, new { memberId = world[1].Id, workingGroupId = groupId, from = Today.AddDays(-30) }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Soins non programmés", groupReferent.GetProperty("workingGroupName").GetString());
        await (await c.PostJsonAsync(referents, new { memberId = world[2].Id, workingGroupId = groupId })).ExpectAsync(HttpStatusCode.Conflict);
        var nurse = await (await c.PostJsonAsync(referents, new { memberId = world[3].Id, professionCode = "60", from = Today.AddDays(-10) }))
            .ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(("Infirmier", true), (nurse.GetProperty("professionLabel").GetString(), nurse.GetProperty("current").GetBoolean()));
        var doctor = await (await c.PostJsonAsync(referents, new { memberId = world[0].Id, professionCode = "60" })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Infirmier", Assert.Single(doctor.FieldErrors("memberId")), StringComparison.Ordinal);
        var second = await (await c.PostJsonAsync(referents, new { memberId = world[4].Id, professionCode = "60" })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("un seul à la fois", second.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await c.PostJsonAsync(referents, new { memberId = world[4].Id, professionCode = "999" })).ExpectAsync(HttpStatusCode.BadRequest);
        await (await c.PostJsonAsync(referents, new { memberId = world[4].Id, professionCode = "60", workingGroupId = groupId })).ExpectAsync(HttpStatusCode.BadRequest);
        var nurseId = nurse.GetProperty("id").GetGuid();
        await (await c.PostJsonAsync($"{referents}/{nurseId}/end", new { to = Today.AddDays(-1) })).ExpectAsync(HttpStatusCode.OK);
        await (await c.PostJsonAsync($"{referents}/{nurseId}/end", new { to = Today })).ExpectAsync(HttpStatusCode.Conflict);
        await (await c.PostJsonAsync(referents, new { memberId = world[4].Id, professionCode = "60" })).ExpectAsync(HttpStatusCode.Created);

        // Closing: between the creation and today; the group's referent ends the same day; a closed group takes nobody.
        var version = group.GetProperty("version").GetInt32();
        var close = $"{groups}/{groupId}/close";
        await (await c.PostJsonAsync(close, new { closedOn = Today.AddDays(-41), version })).ExpectAsync(HttpStatusCode.BadRequest);
        await (await c.PostJsonAsync(close, new { closedOn = Today, version = version - 1 })).ExpectAsync(HttpStatusCode.Conflict);
        var closed = await (await c.PostJsonAsync(close, new { closedOn = Today.AddDays(-1) })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), closed.GetProperty("closedOn").GetString());
        await (await c.PostJsonAsync(close, new { })).ExpectAsync(HttpStatusCode.Conflict);
        await (await c.PostJsonAsync(participants, new { memberId = world[2].Id })).ExpectAsync(HttpStatusCode.Conflict);

        var list = await world[2].Client.GetJsonAsync($"/api/cpts/{cpts}/referents");
        var ofGroup = list.GetProperty("referents").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == groupReferent.GetProperty("id").GetGuid());
        Assert.False(ofGroup.GetProperty("current").GetBoolean());
        Assert.Equal(3, list.GetProperty("referents").GetArrayLength());
        var read = await world[2].Client.GetJsonAsync(groups);
        Assert.Single(read.GetProperty("workingGroups").EnumerateArray());

        var page = await world[2].Client.PageAsync($"/cpts/{cpts}/association");
        Assert.Contains("Soins non programmés", page, StringComparison.Ordinal);
        Assert.Contains("Profession : Infirmier", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"add-group\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"add-group\"", await c.PageAsync($"/cpts/{cpts}/association"), StringComparison.Ordinal);
        var audit = await c.AuditAsync(cpts);
        Assert.Equal(["referent.added", "referent.ended", "working-group.closed", "working-group.created", "working-group.participant-added",
            "working-group.participant-removed"], audit.Select(a => a.Action).Where(a => a.StartsWith("working-group", StringComparison.Ordinal)
                || a.StartsWith("referent", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task The_page_shows_the_forms_to_those_who_run_the_association_and_refuses_officers()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var url = $"/cpts/{world.Cpts}/association";
        var page = await world.Coordinator.PageAsync(url);
        Assert.Contains("<h2 id=\"instances\">Instances</h2>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"add-mandate-board\"", page, StringComparison.Ordinal);
        Assert.Contains("id=\"no-decisions\"", page, StringComparison.Ordinal);

        var memberPage = await world[0].Client.PageAsync(url);
        Assert.Contains("<h2 id=\"registre\">Registre des décisions</h2>", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("add-mandate-board", memberPage, StringComparison.Ordinal);
        Assert.Contains("id=\"forbidden\"", await world.Officer.PageAsync(url, HttpStatusCode.Forbidden), StringComparison.Ordinal);
        await world.ForeignCoordinator.PageAsync(url, HttpStatusCode.NotFound);
    }
}

public sealed class Association_on_sqlite(SqliteApp app) : Association(app), IClassFixture<SqliteApp>;

public sealed class Association_on_postgres(PostgresApp app) : Association(app), IClassFixture<PostgresApp>;
