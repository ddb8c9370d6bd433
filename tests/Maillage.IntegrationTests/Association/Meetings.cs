using System.Globalization;
using System.Net;
using System.Text.Json;
using Maillage.IntegrationTests.Infrastructure;
using MimeKit;

namespace Maillage.IntegrationTests.Association;

/// <summary>
/// Meetings of the association's bodies end to end (docs/meetings.md): convocation with the statutory notice in jours francs, the
/// iCalendar invitation and its SEQUENCE, voters per body, attendance and proxies, the quorum, votes and the register of decisions,
/// minutes that close the meeting. Dates are relative to today (the host runs on the real clock).
/// </summary>
public abstract class Meetings(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_convocation_respects_the_notice_in_jours_francs_and_the_invitation_follows_the_sequence()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var today = Http.Today;
        var ag = await CreateAsync(world, "general-assembly", today.AddDays(15));
        Assert.Equal(("draft", 0, 15), (ag.GetProperty("status").GetString(), ag.GetProperty("sequence").GetInt32(),
            ag.GetProperty("body").GetProperty("noticeDays").GetInt32()));
        await world.Coordinator.GetJsonAsync(Url(world, ag, "/invitation.ics"), HttpStatusCode.Conflict);

        var empty = await PostAsync(world.Coordinator, Url(world, ag, "/convene"), new { version = Version(ag) }, HttpStatusCode.Conflict);
        Assert.Contains("ordre du jour", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/agenda"), new { title = "Rapport moral", version = Version(ag) }, HttpStatusCode.OK);

        // 15 jours francs: a convocation sent today allows a meeting on today + 16 at the earliest.
        var early = await PostAsync(world.Coordinator, Url(world, ag, "/convene"), new { version = Version(ag) }, HttpStatusCode.Conflict);
        Assert.Contains("15 jours francs", early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(French(today.AddDays(16)), early.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(today.AddDays(16), DateOnly.Parse(ag.GetProperty("earliestConvocableDay").GetString()!, CultureInfo.InvariantCulture));

        ag = await (await world.Coordinator.PutJsonAsync(Url(world, ag), new
        {
            title = "AG annuelle", startsAt = Local(today.AddDays(16), 18), endsAt = Local(today.AddDays(16), 20), location = "Salle des fêtes, Vendôme",
            version = Version(ag),
        })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, ag.GetProperty("sequence").GetInt32());
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/convene"), new { version = Version(ag) }, HttpStatusCode.OK);
        Assert.Equal("convened", ag.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, ag.GetProperty("convenedAt").ValueKind);

        var invitation = await InvitationAsync(world[3].Client, world, ag);
        Assert.Equal("REQUEST", invitation.Method);
        var meetingEvent = Assert.Single(invitation.Events);
        Assert.Equal($"{ag.GetProperty("id").GetGuid()}@maillage", meetingEvent.Uid);
        Assert.Equal(0, meetingEvent.Sequence);
        Assert.Equal("Europe/Paris", meetingEvent.DtStart!.TzId);
        Assert.Equal(ag.GetProperty("startsAt").GetDateTimeOffset().UtcDateTime, meetingEvent.DtStart.AsUtc);
        Assert.Equal("Salle des fêtes, Vendôme", meetingEvent.Location);
        Assert.Contains("1. Rapport moral", meetingEvent.Description, StringComparison.Ordinal);
        Assert.Contains(world.CptsName, meetingEvent.Organizer!.CommonName, StringComparison.Ordinal);

        // After convocation the agenda may still change while the notice holds: the invitation's SEQUENCE goes up.
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/agenda"), new { title = "Comptes 2025", details = "Exercice 2025", version = Version(ag) }, HttpStatusCode.OK);
        Assert.Equal(1, ag.GetProperty("sequence").GetInt32());
        Assert.Equal(1, Assert.Single((await InvitationAsync(world.Coordinator, world, ag)).Events).Sequence);
        var stale = await PostAsync(world.Coordinator, Url(world, ag, "/agenda"), new { title = "Divers", version = Version(ag) - 1 }, HttpStatusCode.Conflict);
        Assert.Contains("modifiées par quelqu'un d'autre", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        ag = await PostAsync(world.Coordinator, Url(world, ag, "/cancel"), new { version = Version(ag) }, HttpStatusCode.OK);
        var cancellation = await InvitationAsync(world.Coordinator, world, ag);
        Assert.Equal(("CANCEL", 2), (cancellation.Method, cancellation.Events.Single().Sequence));
        await PostAsync(world.Coordinator, Url(world, ag, "/agenda"), new { title = "Divers", version = Version(ag) }, HttpStatusCode.Conflict);

        // A bureau meeting needs 3 jours francs.
        var bureau = await CreateAsync(world, "bureau", today.AddDays(4), agenda: "Budget");
        await PostAsync(world.Coordinator, Url(world, bureau, "/convene"), new { version = Version(bureau) }, HttpStatusCode.OK);
        var tooSoon = await CreateAsync(world, "bureau", today.AddDays(3), agenda: "Budget");
        await PostAsync(world.Coordinator, Url(world, tooSoon, "/convene"), new { version = Version(tooSoon) }, HttpStatusCode.Conflict);

        var list = await world[5].Client.GetJsonAsync($"/api/cpts/{world.Cpts}/meetings");
        Assert.Equal(3, list.GetProperty("meetings").GetArrayLength());
        var audit = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/audit");
        Assert.Contains("meeting.convened", audit.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Durand", audit.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_convocation_is_mailed_to_every_voter_with_the_invitation_attached_and_so_is_a_cancellation()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var draft = await CreateAsync(world, "general-assembly", Http.Today.AddDays(20), agenda: "Rapport moral");
        await PostAsync(world.Coordinator, Url(world, draft, "/convocation"), new { }, HttpStatusCode.Conflict);
        var ag = await PostAsync(world.Coordinator, Url(world, draft, "/convene"), new { version = Version(draft) }, HttpStatusCode.OK);
        await PostAsync(world[2].Client, Url(world, ag, "/convocation"), new { }, HttpStatusCode.Forbidden);

        var report = await PostAsync(world.Coordinator, Url(world, ag, "/convocation"), new { }, HttpStatusCode.OK);
        Assert.Equal((8, 0, 0), (report.GetProperty("sent").GetInt32(), report.GetProperty("withoutAddress").GetInt32(), report.GetProperty("failed").GetInt32()));
        var title = ag.GetProperty("title").GetString();
        var mails = Mails($"Convocation : {title} — {world.CptsName}");
        Assert.Equal(world.Members.Select(m => $"{m.Rpps}@pro.example").ToHashSet(), mails.Select(m => m.To.Mailboxes.Single().Address).ToHashSet());
        var mail = mails[0];
        Assert.Contains("1. Rapport moral", mail.TextBody, StringComparison.Ordinal);
        var calendar = Assert.Single(mail.Attachments.OfType<MimePart>(), a => a.ContentType.MimeType == "text/calendar");
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        using (var content = new MemoryStream())
        {
            await calendar.Content!.DecodeToAsync(content, Token);
            var invitation = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
            Assert.Equal($"{ag.GetProperty("id").GetGuid()}@maillage", Assert.Single(invitation.Events).Uid);
        }

        ag = await PostAsync(world.Coordinator, Url(world, ag, "/cancel"), new { version = Version(ag) }, HttpStatusCode.OK);
        await PostAsync(world.Coordinator, Url(world, ag, "/convocation"), new { }, HttpStatusCode.OK);
        var cancelled = Mails($"Annulation : {title} — {world.CptsName}");
        Assert.Equal(8, cancelled.Count);
        Assert.Equal("CANCEL", cancelled[0].Attachments.OfType<MimePart>().Single().ContentType.Parameters["method"]);
        var audit = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/audit");
        Assert.Contains("meeting.convocation_sent", audit.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("@pro.example", audit.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_meeting_input_is_refused_in_french()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var bad = await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/meetings", new
        {
            body = "assemblee", title = "", startsAt = "demain", endsAt = "2026-01-01T10:00", location = "Mairie",
        })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("body"));

        var start = Http.Today.AddDays(30);
        var wrong = await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/meetings", new
        {
            body = "board", title = "", startsAt = Local(start, 18), endsAt = Local(start, 17), location = "Mairie", extraordinary = true,
        })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Le titre est requis."], wrong.FieldErrors("title"));
        Assert.Equal(["La fin doit venir après le début : choisissez une fin plus tardive."], wrong.FieldErrors("endsAt"));
        Assert.Single(wrong.FieldErrors("extraordinary"));
        var noVersion = await CreateAsync(world, "board", start);
        await PostAsync(world.Coordinator, Url(world, noVersion, "/convene"), new { }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_meeting_ending_before_it_starts_is_refused_on_the_page_saying_what_to_do()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var page = $"/cpts/{world.Cpts}/reunions";
        var day = Http.Today.AddDays(30);

        var (status, html) = await world.Coordinator.PostFormAsync(page, $"{page}?handler=Create", new Dictionary<string, string?>
        {
            ["body"] = "board", ["title"] = "Conseil de rentrée", ["startsAt"] = Local(day, 18), ["endsAt"] = Local(day, 17), ["location"] = "Mairie",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("La fin doit venir après le début : choisissez une fin plus tardive.", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_agenda_is_edited_reordered_and_trimmed_and_an_item_under_a_motion_stays()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var ag = await CreateAsync(world, "general-assembly", Http.Today.AddDays(30), agenda: "Rapport moral");
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/agenda"), new { title = "Comptes", details = "Exercice 2025", version = Version(ag) }, HttpStatusCode.OK);
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/agenda"), new { title = "Divers", version = Version(ag) }, HttpStatusCode.OK);
        var (report, accounts, other) = (Item(ag, 0), Item(ag, 1), Item(ag, 2));

        ag = await PostAsync(world.Coordinator, Url(world, ag, "/agenda/order"), new { order = new[] { other, report, accounts }, version = Version(ag) },
            HttpStatusCode.OK);
        Assert.Equal(["Divers", "Rapport moral", "Comptes"], Titles(ag));
        await PostAsync(world.Coordinator, Url(world, ag, "/agenda/order"), new { order = new[] { other, report }, version = Version(ag) },
            HttpStatusCode.BadRequest);
        ag = await (await world.Coordinator.PutJsonAsync(Url(world, ag, $"/agenda/{accounts}"), new { title = "Comptes 2025", details = "Exercice 2025", version = Version(ag) }))
            .ExpectAsync(HttpStatusCode.OK);
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/motions"), new { text = "Les comptes sont approuvés.", agendaItemId = accounts, version = Version(ag) },
            HttpStatusCode.OK);
        await (await world.Coordinator.DeleteAsync(Url(world, ag, $"/agenda/{accounts}?version={Version(ag)}"), Ct)).ExpectAsync(HttpStatusCode.Conflict);
        ag = await (await world.Coordinator.DeleteAsync(Url(world, ag, $"/motions/{ag.GetProperty("motions")[0].GetProperty("id").GetGuid()}?version={Version(ag)}"), Ct))
            .ExpectAsync(HttpStatusCode.OK);
        ag = await (await world.Coordinator.DeleteAsync(Url(world, ag, $"/agenda/{other}?version={Version(ag)}"), Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["Rapport moral", "Comptes 2025"], Titles(ag));
        Assert.Equal([1, 2], ag.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("position").GetInt32()));
        Assert.Equal(0, ag.GetProperty("sequence").GetInt32());

        ag = await PostAsync(world.Coordinator, Url(world, ag, "/convene"), new { version = Version(ag) }, HttpStatusCode.OK);
        var description = Assert.Single((await InvitationAsync(world.Coordinator, world, ag)).Events).Description;
        Assert.Contains("1. Rapport moral\n2. Comptes 2025 — Exercice 2025", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Voters_are_the_members_on_the_day_for_an_ag_and_the_mandates_for_the_conseil_and_the_bureau()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var today = Http.Today;
        var former = await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/members/{world[7].Id}/status", new { status = "former", reason = "Départ" });
        await former.ExpectAsync(HttpStatusCode.OK);
        var seats = new List<Guid>();
        foreach (var i in new[] { 0, 1, 2, 3 })
        {
            seats.Add(await SeatAsync(world, i, "board", i == 0 ? "president" : "member", today.AddDays(-30)));
        }

        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/mandates/{seats[3]}/end", new { to = today, reason = "Démission" }))
            .ExpectAsync(HttpStatusCode.OK);
        await SeatAsync(world, 0, "bureau", "president", today.AddDays(-30));
        await SeatAsync(world, 1, "bureau", "treasurer", today.AddDays(-30));

        var ag = await CreateAsync(world, "general-assembly", today.AddDays(20));
        Assert.Equal(Ids(world, 0, 1, 2, 3, 4, 5, 6), Voters(ag));
        Assert.Equal("0 présent ou représenté sur 7 votants, quorum 2 : non atteint", ag.GetProperty("quorum").GetProperty("text").GetString());
        var board = await CreateAsync(world, "board", today.AddDays(20), agenda: "Budget");
        Assert.Equal(Ids(world, 0, 1, 2), Voters(board));

        // A bureau member runs the association: it plans the bureau's meeting; a plain member may not.
        var bureau = await CreateAsync(world, "bureau", today.AddDays(20), client: world[0].Client);
        Assert.Equal(Ids(world, 0, 1), Voters(bureau));
        await (await world[5].Client.PostJsonAsync($"/api/cpts/{world.Cpts}/meetings", new
        {
            body = "bureau", title = "Bureau", startsAt = Local(today.AddDays(20), 9), endsAt = Local(today.AddDays(20), 10), location = "Visio",
        })).ExpectAsync(HttpStatusCode.Forbidden);

        board = await PostAsync(world.Coordinator, Url(world, board, "/convene"), new { version = Version(board) }, HttpStatusCode.OK);
        var outsider = await AttendanceAsync(world.Coordinator, world, board, [Entry(world[5].Id, "present")], HttpStatusCode.BadRequest);
        Assert.Contains("ne vote pas", outsider.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AttendanceAsync(world.Coordinator, world, board, [Entry(world[3].Id, "present")], HttpStatusCode.BadRequest);
        board = await AttendanceAsync(world.Coordinator, world, board, [Entry(world[0].Id, "present"), Entry(world[1].Id, "present")], HttpStatusCode.OK);
        Assert.Equal("2 présents ou représentés sur 3 votants, quorum 2 : atteint", board.GetProperty("quorum").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Proxies_go_to_present_voters_within_the_statutory_limit()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var draft = await CreateAsync(world, "general-assembly", Http.Today.AddDays(20), agenda: "Rapport moral");
        await AttendanceAsync(world.Coordinator, world, draft, [Entry(world[0].Id, "present")], HttpStatusCode.Conflict);
        var ag = await PostAsync(world.Coordinator, Url(world, draft, "/convene"), new { version = Version(draft) }, HttpStatusCode.OK);

        // An AG admits two proxies per present voter.
        var three = await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[0].Id, "present"), Entry(world[1].Id, "represented", world[0].Id),
            Entry(world[2].Id, "represented", world[0].Id), Entry(world[3].Id, "represented", world[0].Id)], HttpStatusCode.BadRequest);
        Assert.Contains("au plus 2 pouvoirs", three.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[0].Id, "present"), Entry(world[1].Id, "represented", world[4].Id)],
            HttpStatusCode.BadRequest);
        await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[1].Id, "represented", world[1].Id)], HttpStatusCode.BadRequest);
        await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[1].Id, "represented")], HttpStatusCode.BadRequest);
        await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[1].Id, "sleeping")], HttpStatusCode.BadRequest);
        await AttendanceAsync(world.Coordinator, world, ag, [Entry(world.ForeignMember.Id, "present")], HttpStatusCode.BadRequest);
        await AttendanceAsync(world[0].Client, world, ag, [Entry(world[0].Id, "present")], HttpStatusCode.Forbidden);

        ag = await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[0].Id, "present"), Entry(world[1].Id, "represented", world[0].Id),
            Entry(world[2].Id, "represented", world[0].Id), Entry(world[3].Id, "excused"), Entry(world[4].Id, "absent")], HttpStatusCode.OK);
        var holder = ag.GetProperty("voters").EnumerateArray().Single(v => v.GetProperty("memberId").GetGuid() == world[0].Id);
        Assert.Equal(2, holder.GetProperty("proxiesHeld").GetInt32());
        Assert.Equal("3 présents ou représentés sur 8 votants, quorum 2 : atteint", ag.GetProperty("quorum").GetProperty("text").GetString());

        // The holder cannot leave while holding proxies.
        await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[0].Id, "absent")], HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Without_quorum_a_vote_is_refused_and_an_adopted_motion_enters_the_register_numbered()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var ag = await ConvenedAsync(world, "general-assembly", extraordinary: true);
        var item = ag.GetProperty("agenda")[0].GetProperty("id").GetGuid();
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/motions"), new { text = "Les statuts modifiés sont adoptés.", agendaItemId = item, version = Version(ag) },
            HttpStatusCode.OK);
        var statutes = ag.GetProperty("motions")[0];
        Assert.Equal("two-thirds", statutes.GetProperty("majority").GetString());
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/motions"), new { text = "Le rapport moral est approuvé.", majority = "simple", version = Version(ag) },
            HttpStatusCode.OK);
        var report = ag.GetProperty("motions")[1].GetProperty("id").GetGuid();

        // 8 voters, quorum 25 %: 2 needed.
        ag = await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[0].Id, "present")], HttpStatusCode.OK);
        var refused = await VoteAsync(world, ag, report, 1, 0, 0, HttpStatusCode.Conflict);
        Assert.Contains("quorum n'est pas atteint", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("seconde convocation", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        ag = await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[1].Id, "present"), Entry(world[2].Id, "represented", world[1].Id)],
            HttpStatusCode.OK);
        var tooMany = await VoteAsync(world, ag, report, 3, 1, 0, HttpStatusCode.BadRequest);
        Assert.Contains("dépassent les 3 votants", tooMany.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await VoteAsync(world, ag, report, -1, 0, 0, HttpStatusCode.BadRequest);

        ag = await VoteAsync(world, ag, report, 2, 0, 1, HttpStatusCode.OK);
        var voted = ag.GetProperty("motions").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == report);
        var year = DateOnly.Parse(ag.GetProperty("decisions")[0].GetProperty("date").GetString()!, CultureInfo.InvariantCulture).Year;
        Assert.Equal(("adopted", $"{year}-001"), (voted.GetProperty("result").GetString(), voted.GetProperty("decisionNumber").GetString()));
        Assert.Equal("held", ag.GetProperty("status").GetString());
        Assert.Equal("Le rapport moral est approuvé.", Assert.Single(ag.GetProperty("decisions").EnumerateArray()).GetProperty("text").GetString());

        // Two thirds of the votes cast, abstentions aside: 1 for, 1 against is rejected and makes no decision.
        ag = await VoteAsync(world, ag, statutes.GetProperty("id").GetGuid(), 1, 1, 1, HttpStatusCode.OK);
        Assert.Equal("rejected", ag.GetProperty("motions")[0].GetProperty("result").GetString());
        Assert.Single(ag.GetProperty("decisions").EnumerateArray());
        await VoteAsync(world, ag, report, 0, 2, 0, HttpStatusCode.Conflict);
        await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[3].Id, "present")], HttpStatusCode.Conflict);

        ag = await PostAsync(world.Coordinator, Url(world, ag, "/motions"), new { text = "La cotisation passe à 30 €.", version = Version(ag) }, HttpStatusCode.OK);
        ag = await VoteAsync(world, ag, ag.GetProperty("motions")[2].GetProperty("id").GetGuid(), 3, 0, 0, HttpStatusCode.OK);
        Assert.Equal($"{year}-002", ag.GetProperty("motions")[2].GetProperty("decisionNumber").GetString());
        var register = await world[4].Client.GetJsonAsync($"/api/cpts/{world.Cpts}/decisions");
        Assert.Equal(2, register.GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public async Task Approved_minutes_close_the_meeting_and_nothing_changes_afterwards()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var ag = await ConvenedAsync(world, "general-assembly");
        await (await world.Coordinator.PutJsonAsync(Url(world, ag, "/minutes"), new { minutes = "Trop tôt.", version = Version(ag) }))
            .ExpectAsync(HttpStatusCode.Conflict);
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/motions"), new { text = "Le budget est voté.", version = Version(ag) }, HttpStatusCode.OK);
        ag = await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[0].Id, "present"), Entry(world[1].Id, "present")], HttpStatusCode.OK);
        ag = await VoteAsync(world, ag, ag.GetProperty("motions")[0].GetProperty("id").GetGuid(), 2, 0, 0, HttpStatusCode.OK);

        await PostAsync(world.Coordinator, Url(world, ag, "/minutes/approve"), new { version = Version(ag) }, HttpStatusCode.Conflict);
        ag = await (await world.Coordinator.PutJsonAsync(Url(world, ag, "/minutes"), new { minutes = "L'assemblée a voté le budget.", version = Version(ag) }))
            .ExpectAsync(HttpStatusCode.OK);
        ag = await PostAsync(world.Coordinator, Url(world, ag, "/minutes/approve"), new { version = Version(ag) }, HttpStatusCode.OK);
        Assert.Equal("closed", ag.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, ag.GetProperty("minutesApprovedAt").ValueKind);

        var version = Version(ag);
        var closed = await (await world.Coordinator.PutJsonAsync(Url(world, ag, "/minutes"), new { minutes = "Autre texte", version })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("close", closed.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await PostAsync(world.Coordinator, Url(world, ag, "/motions"), new { text = "Encore une.", version }, HttpStatusCode.Conflict);
        await PostAsync(world.Coordinator, Url(world, ag, "/cancel"), new { version }, HttpStatusCode.Conflict);
        await AttendanceAsync(world.Coordinator, world, ag, [Entry(world[0].Id, "absent")], HttpStatusCode.Conflict);
        var after = await world[1].Client.GetJsonAsync(Url(world, ag));
        Assert.Equal((version, "L'assemblée a voté le budget."), (Version(after), after.GetProperty("minutes").GetString()));

        // A closed meeting reads as such in French on the list and on its page, not as the English-looking « Close ».
        foreach (var page in new[] { $"/cpts/{world.Cpts}/reunions", $"/cpts/{world.Cpts}/reunions/{ag.GetProperty("id").GetGuid()}" })
        {
            var html = System.Net.WebUtility.HtmlDecode(await PageAsync(world[1].Client, page, HttpStatusCode.OK));
            Assert.Contains(">Clôturée<", html, StringComparison.Ordinal);
            Assert.DoesNotContain(">Close<", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_pages_show_the_meetings_to_the_cpts_and_refuse_officers()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2);
        var ag = await ConvenedAsync(world, "general-assembly");
        var detail = await PageAsync(world[1].Client, $"/cpts/{world.Cpts}/reunions/{ag.GetProperty("id").GetGuid()}", HttpStatusCode.OK);
        Assert.Contains("id=\"quorum\"", detail, StringComparison.Ordinal);
        Assert.Contains("invitation.ics", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("attendance-form", detail, StringComparison.Ordinal);
        var coordinator = await PageAsync(world.Coordinator, $"/cpts/{world.Cpts}/reunions/{ag.GetProperty("id").GetGuid()}", HttpStatusCode.OK);
        Assert.Contains("attendance-form", coordinator, StringComparison.Ordinal);

        var list = await PageAsync(world[0].Client, $"/cpts/{world.Cpts}/reunions", HttpStatusCode.OK);
        Assert.Contains(ag.GetProperty("title").GetString()!, list, StringComparison.Ordinal);
        Assert.DoesNotContain("create-meeting-form", list, StringComparison.Ordinal);
        Assert.Contains("create-meeting-form", await PageAsync(world.Coordinator, $"/cpts/{world.Cpts}/reunions", HttpStatusCode.OK), StringComparison.Ordinal);
        await PageAsync(world.Officer, $"/cpts/{world.Cpts}/reunions", HttpStatusCode.Forbidden);
        await PageAsync(world.ForeignCoordinator, $"/cpts/{world.Cpts}/reunions", HttpStatusCode.NotFound);
        await world.ForeignCoordinator.GetJsonAsync($"/api/cpts/{world.ForeignCpts}/meetings/{ag.GetProperty("id").GetGuid()}", HttpStatusCode.NotFound);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private List<MimeMessage> Mails(string subject) =>
        [.. App.Factory.Mails().Where(m => m.Subject == subject)];

    /// <summary>A local time in France as a date-time field sends it.</summary>
    public static string Local(DateOnly day, int hour) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + $"T{hour:00}:00";

    public static string Url(CommunityWorld world, JsonElement meeting, string tail = "") =>
        $"/api/cpts/{world.Cpts}/meetings/{meeting.GetProperty("id").GetGuid()}{tail}";

    public static int Version(JsonElement meeting) => meeting.GetProperty("version").GetInt32();

    public static object Entry(Guid member, string presence, Guid? holder = null) => new { memberId = member, presence, proxyHolderId = holder };

    public static async Task<JsonElement> PostAsync(HttpClient client, string url, object body, HttpStatusCode status) =>
        await (await client.PostJsonAsync(url, body)).ExpectAsync(status);

    /// <summary>Plans a meeting (201) from 18:00 to 20:00 on a day, with one agenda item if asked.</summary>
    public static async Task<JsonElement> CreateAsync(CommunityWorld world, string body, DateOnly day, string? agenda = null, HttpClient? client = null,
        bool extraordinary = false)
    {
        ArgumentNullException.ThrowIfNull(world);
        client ??= world.Coordinator;
        var meeting = await (await client.PostJsonAsync($"/api/cpts/{world.Cpts}/meetings", new
        {
            body, title = Http.Unique("Réunion"), startsAt = Local(day, 18), endsAt = Local(day, 20), location = "Maison de santé", extraordinary,
        })).ExpectAsync(HttpStatusCode.Created);
        return agenda is null ? meeting : await PostAsync(client, Url(world, meeting, "/agenda"), new { title = agenda, version = Version(meeting) }, HttpStatusCode.OK);
    }

    /// <summary>A meeting in 20 days with one agenda item, convened.</summary>
    public static async Task<JsonElement> ConvenedAsync(CommunityWorld world, string body, bool extraordinary = false)
    {
        var meeting = await CreateAsync(world, body, Http.Today.AddDays(20), agenda: "Statuts", extraordinary: extraordinary);
        return await PostAsync(world.Coordinator, Url(world, meeting, "/convene"), new { version = Version(meeting) }, HttpStatusCode.OK);
    }

    public static Task<JsonElement> AttendanceAsync(HttpClient client, CommunityWorld world, JsonElement meeting, object[] entries, HttpStatusCode status) =>
        PostAsync(client, Url(world, meeting, "/attendance"), new { entries, version = Version(meeting) }, status);

    /// <summary>Gives a member a seat (201) in the conseil or the bureau through the association API; returns the mandate's id.</summary>
    public static async Task<Guid> SeatAsync(CommunityWorld world, int member, string body, string office, DateOnly from)
    {
        ArgumentNullException.ThrowIfNull(world);
        var seat = await PostAsync(world.Coordinator, $"/api/cpts/{world.Cpts}/bodies/{body}/mandates", new { memberId = world[member].Id, office, from },
            HttpStatusCode.Created);
        return seat.GetProperty("mandate").GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> VoteAsync(CommunityWorld world, JsonElement meeting, Guid motion, int votesFor, int against, int abstentions,
        HttpStatusCode status) =>
        await PostAsync(world.Coordinator, Url(world, meeting, $"/motions/{motion}/vote"),
            new { @for = votesFor, against, abstentions, version = Version(meeting) }, status);

    private static async Task<Ical.Net.Calendar> InvitationAsync(HttpClient client, CommunityWorld world, JsonElement meeting)
    {
        using var response = await client.GetAsync(Url(world, meeting, "/invitation.ics"), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("text/calendar", "utf-8"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet));
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(Token))!;
    }

    private static async Task<string> PageAsync(HttpClient client, string url, HttpStatusCode status)
    {
        using var response = await client.GetAsync(url, Token);
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode} for {url}");
        return await response.Content.ReadAsStringAsync(Token);
    }

    private static HashSet<Guid> Voters(JsonElement meeting) =>
        [.. meeting.GetProperty("voters").EnumerateArray().Select(v => v.GetProperty("memberId").GetGuid())];

    private static Guid Item(JsonElement meeting, int index) => meeting.GetProperty("agenda")[index].GetProperty("id").GetGuid();

    private static List<string> Titles(JsonElement meeting) => [.. meeting.GetProperty("agenda").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];

    private static HashSet<Guid> Ids(CommunityWorld world, params int[] members) => [.. members.Select(i => world[i].Id)];

    private static string French(DateOnly day) => Maillage.Platform.French.Date(day);
}

public sealed class Meetings_on_sqlite(SqliteApp app) : Meetings(app), IClassFixture<SqliteApp>;

public sealed class Meetings_on_postgres(PostgresApp app) : Meetings(app), IClassFixture<PostgresApp>;
