using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor;
using Maillage.TreatingDoctor.Storage;
using Maillage.Web.TreatingDoctor;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maillage.IntegrationTests.TreatingDoctor;

/// <summary>
/// The treating-doctor desk through HTTP (issue 13): who opens which page and route (roles × CPTS × routes) and what the navigation offers,
/// every read of a patient audited by id with nothing personal in the audit or the logs, the public form and its guards, a pharmacist's
/// filing followed through triage, assignment, the doctor's answer link and the follow-up to closure, and a CSV import's report.
/// </summary>
public abstract partial class TreatingWeb(MaillageApp app) : IntegrationTest(app)
{
    private sealed record World(CommunityWorld C)
    {
        public string Pages => $"/cpts/{C.Cpts}/medecin-traitant";

        public string Api => $"/api/cpts/{C.Cpts}/treating-doctor";

        public string PublicForm => $"/medecin-traitant/{C.Cpts}";

        /// <summary>The doctor enrolled as a volunteer (the patients are proposed to them).</summary>
        public WorldMember Volunteer => C[0];

        public WorldMember OtherDoctor => C[1];

        public WorldMember Nurse => C[3];

        public WorldMember Pharmacist => C[5];

        public Actor Coordination => new($"coord-{C.Cpts:N}", "coordination", Role.Coordinator, C.Cpts, null, null);

        public string Request(Guid id) => $"{Pages}/demandes/{id}";
    }

    [Fact]
    public async Task Each_role_of_this_cpts_and_of_others_opens_exactly_its_pages_and_routes_and_the_navigation_offers_only_what_opens()
    {
        var w = new World(await CommunityWorld.CreateAsync(App));
        var request = await FileAsync(w.C.Coordinator, w, Patient(Http.Unique("Le Goff"), w.C.Communes[0]));
        var volunteer = await EnrolAsync(w, w.Volunteer, 3);
        var (proposal, secret) = await ProposeAsync(w, request, volunteer);
        var routes = new (string Name, string Url)[]
        {
            ("bureau", w.Pages), ("nouvelle demande", $"{w.Pages}/demandes/nouvelle"), ("demande", w.Request(request)), ("import", $"{w.Pages}/import"),
            ("attribution", $"{w.Pages}/attribution"), ("volontaires", $"{w.Pages}/volontaires"), ("affiche", $"{w.Pages}/affiche"),
            ("statistiques", $"{w.Pages}/statistiques"), ("formulaire public", w.PublicForm), ("lien de réponse", Proposals.AnswerPath(proposal, secret)),
            ("api requests", $"{w.Api}/requests"), ("api file", $"{w.Api}/requests"), ("api request", $"{w.Api}/requests/{request}"),
            ("api match", $"{w.Api}/match?dryRun=true"), ("api volunteers", $"{w.Api}/volunteers"),
        };
        const HttpStatusCode Ok = HttpStatusCode.OK, No = HttpStatusCode.Forbidden, Gone = HttpStatusCode.NotFound, Bad = HttpStatusCode.BadRequest,
            Login = HttpStatusCode.Redirect, Anon = HttpStatusCode.Unauthorized;
        var matrix = new (string Who, HttpClient Client, HttpStatusCode[] Expected)[]
        {
            ("coordinator", w.C.Coordinator, [Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Bad, Ok, Ok, Ok]),
            ("volunteer doctor", w.Volunteer.Client, [Ok, Ok, Ok, No, No, No, Ok, No, Ok, Ok, No, Bad, Ok, No, No]),
            ("other doctor", w.OtherDoctor.Client, [Ok, Ok, No, No, No, No, Ok, No, Ok, Ok, No, Bad, No, No, No]),
            ("pharmacist", w.Pharmacist.Client, [Ok, Ok, No, No, No, No, Ok, No, Ok, Ok, No, Bad, No, No, No]),
            ("nurse", w.Nurse.Client, [Ok, Ok, No, No, No, No, Ok, No, Ok, Ok, No, Bad, No, No, No]),
            ("officer steering it", w.C.Officer, [Ok, No, No, No, No, No, No, Ok, Ok, Ok, No, No, No, No, No]),
            ("officer of another département", w.C.OtherOfficer, [Gone, Gone, Gone, Gone, Gone, Gone, Gone, Gone, Ok, Ok, Gone, Gone, Gone, Gone, Gone]),
            ("other CPTS's coordinator", w.C.ForeignCoordinator, [Gone, Gone, Gone, Gone, Gone, Gone, Gone, Gone, Ok, Ok, Gone, Gone, Gone, Gone, Gone]),
            ("anonymous", App.Anonymous(), [Login, Login, Login, Login, Login, Login, Login, Login, Ok, Ok, Anon, Anon, Anon, Anon, Anon]),
        };
        var before = await AuditCountAsync(w.C.Cpts, "treating.request-read");
        var reads = 0;
        foreach (var (who, client, expected) in matrix)
        {
            for (var i = 0; i < routes.Length; i++)
            {
                var (name, url) = routes[i];
                using var response = name switch
                {
                    "api file" => await client.PostJsonAsync(url, new { familyName = "", consent = true }),
                    "api match" => await client.PostAsync(url, null, Ct),
                    _ => await client.GetAsync(url, Ct),
                };
                Assert.True(response.StatusCode == expected[i], $"{who} on {name} ({url}): {(int)response.StatusCode}, expected {(int)expected[i]}");
                if (expected[i] == Login)
                {
                    var location = response.Headers.Location!;
                    Assert.StartsWith("/connexion", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
                }

                if (name is "demande" or "api request" && expected[i] == Ok)
                {
                    reads++;
                    Assert.Contains("LE GOFF", (await response.Content.ReadAsStringAsync(Ct)).ToUpperInvariant(), StringComparison.Ordinal);
                }
            }
        }

        Assert.Equal(4, reads);
        Assert.Equal(before + reads, await AuditCountAsync(w.C.Cpts, "treating.request-read"));

        // The desk is offered to whoever may open it, its coordinator's pages to the coordinator only; every entry offered opens.
        var readers = new (string Who, HttpClient Client, bool Manages)[]
        {
            ("coordinator", w.C.Coordinator, true), ("volunteer doctor", w.Volunteer.Client, false), ("pharmacist", w.Pharmacist.Client, false),
            ("nurse", w.Nurse.Client, false), ("officer steering it", w.C.Officer, false),
        };
        foreach (var (who, client, manages) in readers)
        {
            var home = await client.PageAsync($"/cpts/{w.C.Cpts}");
            var nav = WebUtility.HtmlDecode(NavigationBlock().Match(home).Value);
            Assert.Contains($"<a href=\"{w.Pages}\">Médecin traitant</a>", nav, StringComparison.Ordinal);
            Assert.Equal(manages, nav.Contains($"href=\"{w.Pages}/attribution\"", StringComparison.Ordinal));
            Assert.Equal(manages, nav.Contains($"href=\"{w.Pages}/volontaires\"", StringComparison.Ordinal));
            Assert.Equal(manages || who == "officer steering it", nav.Contains($"href=\"{w.Pages}/statistiques\"", StringComparison.Ordinal));
            foreach (var href in Href().Matches(nav).Select(m => m.Groups[1].Value).Where(h => h.StartsWith(w.Pages, StringComparison.Ordinal)))
            {
                using var response = await client.GetAsync(href, Ct);
                Assert.True(response.StatusCode == Ok, $"{who} is offered {href} but it answers {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Every_read_of_a_patient_is_audited_by_id_and_neither_the_audit_nor_the_logs_hold_the_patients_name_phone_or_nir()
    {
        var w = new World(await CommunityWorld.CreateAsync(App, professionals: 1));
        var sink = new LogSink();
        await using var host = App.Factory.WithWebHostBuilder(b => b.ConfigureLogging(logging =>
        {
            logging.AddProvider(sink);
            logging.AddFilter<LogSink>(null, LogLevel.Trace);
        }));
        using var coordinator = host.CreateClient(new() { AllowAutoRedirect = false });
        coordinator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await App.CreateUserAsync(Role.Coordinator, w.C.Cpts)).Token);
        var family = "Kerjean" + Letters();
        const string Given = "Maëlys", Phone = "06 47 82 19 53", Stored = "0647821953";
        var nir = Nir("2480341269012");
        var typedNir = string.Join(' ', nir[..1], nir[1..3], nir[3..5], nir[5..7], nir[7..10], nir[10..13], nir[13..]);
        var id = await FileAsync(coordinator, w, new
        {
            familyName = family, givenName = Given, birthDate = "12/03/1948", communeCode = w.C.Communes[1], phone = Phone, nir = typedNir,
            criteria = new[] { "ald" }, consent = true, notes = "Appelle de la part de sa fille",
        });
        var before = (await AuditAsync(w.C.Cpts, "treating.request-read")).Select(a => a.Id).ToHashSet();

        var page = WebUtility.HtmlDecode(await coordinator.PageAsync(w.Request(id)));
        Assert.Contains($"<h1>{Given} {family.ToUpperInvariant()}</h1>", page, StringComparison.Ordinal);
        Assert.Contains(nir, page, StringComparison.Ordinal);
        var json = await coordinator.GetJsonAsync($"{w.Api}/requests/{id}");
        Assert.Equal((family, Given, Stored, nir, "Waiting"), (json.GetProperty("familyName").GetString(), json.GetProperty("givenName").GetString(),
            json.GetProperty("phone").GetString(), json.GetProperty("nir").GetString(), json.GetProperty("status").GetString()));

        var reads = (await AuditAsync(w.C.Cpts, "treating.request-read")).Where(a => !before.Contains(a.Id)).Select(a => a.Details).ToList();
        Assert.Equal([$"Demande {id} consultée.", $"Demande {id} consultée."], reads);
        var trail = await UseDb(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.CptsId == w.C.Cpts && a.Action.StartsWith("treating."))
            .Select(a => a.Action + " " + a.Details).ToListAsync(Ct));
        Assert.Contains(trail, t => t == $"treating.request-filed Demande {id} (team).");
        var personal = new[] { family, Given, Phone, Stored, nir, typedNir };
        Assert.DoesNotContain(trail, t => personal.Any(p => t.Contains(p, StringComparison.OrdinalIgnoreCase)));

        Assert.Contains(sink.Entries, e => e.Contains(id.ToString(), StringComparison.Ordinal));
        foreach (var p in personal)
        {
            Assert.DoesNotContain(sink.Entries, e => e.Contains(p, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_public_form_names_the_communes_keeps_what_was_typed_when_refused_stores_a_filing_and_nothing_from_robots_hurried_posts_or_floods()
    {
        var c = await CommunityWorld.CreateAsync(App, professionals: 1);
        var url = $"/medecin-traitant/{c.Cpts}";
        var gate = App.Factory.Services.GetRequiredService<PublicFormGate>();
        var patient = App.Anonymous();
        var form = WebUtility.HtmlDecode(await patient.PageAsync(url));
        var shown = Stopwatch.StartNew();   // the stamp was made before the page came back: it is at least this old
        var stamp = StampOf(form);
        Assert.Contains(c.CptsName, form, StringComparison.Ordinal);
        foreach (var code in c.Communes)
        {
            Assert.Contains($"<option value=\"{code}\">{App.Geo.Find(code)!.Name}</option>", form, StringComparison.Ordinal);
        }

        Assert.Contains(TreatingConsent.Text, form, StringComparison.Ordinal);
        var tag = Letters();
        Dictionary<string, string?> Fields(string family, string? commune = null) => new()
        {
            ["familyName"] = family, ["givenName"] = "Gwenaëlle", ["birthDate"] = "1950-02-03", ["communeCode"] = commune ?? c.Communes[1],
            ["phone"] = "06 11 22 33 44", ["nir"] = "", ["criteria"] = "lostDoctor", ["consent"] = "true",
            [PublicFormGate.StampField] = stamp,
        };

        // Posted at once after the display (a robot): refused, nothing stored.
        var fresh = StampOf(await patient.PageAsync(url));
        var (hurried, hurriedHtml) = await patient.PostFormAsync(url, url, Fields("Presse" + tag).With(PublicFormGate.StampField, fresh));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, hurried);
        Assert.Contains("Le formulaire a été envoyé trop vite : relisez-le puis envoyez-le de nouveau.", WebUtility.HtmlDecode(hurriedHtml), StringComparison.Ordinal);

        // A person takes some seconds to fill it in.
        var wait = TimeSpan.FromSeconds(gate.MinSeconds + 0.2) - shown.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, Ct);
        }

        var badNir = Nir("2500241123456")[..13] + "00";
        var (refused, refusedHtml) = await patient.PostFormAsync(url, url, Fields("Erreur" + tag, "99999").With("consent", null).With("nir", badNir));
        refusedHtml = WebUtility.HtmlDecode(refusedHtml);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused);
        Assert.Contains("Le consentement du patient est obligatoire pour enregistrer sa demande.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("Le numéro de sécurité sociale est invalide : sa clé ne correspond pas aux 13 premiers caractères.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("« 99999 » n'est pas le code INSEE d'une commune", refusedHtml, StringComparison.Ordinal);
        Assert.Contains($"value=\"Erreur{tag}\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Gwenaëlle\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"06 11 22 33 44\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains($"value=\"{badNir}\"", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"1950-02-03\"", refusedHtml, StringComparison.Ordinal);
        Assert.Matches("id=\"rq-c-lostDoctor\" name=\"criteria\" value=\"lostDoctor\" checked", refusedHtml);

        var (ok, okHtml) = await patient.PostFormAsync(url, url, Fields("Valide" + tag).With("nir", Nir("2500241123456")));
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains("Merci, votre demande est enregistrée.", WebUtility.HtmlDecode(okHtml), StringComparison.Ordinal);

        // A robot fills the hidden field: thanked like anyone, nothing stored.
        var (trapped, trappedHtml) = await patient.PostFormAsync(url, url, Fields("Robot" + tag).With(PublicFormGate.HoneypotField, "https://promo.example"));
        Assert.Equal(HttpStatusCode.OK, trapped);
        Assert.Contains("Merci, votre demande est enregistrée.", WebUtility.HtmlDecode(trappedHtml), StringComparison.Ordinal);

        // A flood from one connection is slowed down: beyond the allowance, 429 and nothing stored.
        var flood = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            var (status, html) = await patient.PostFormAsync(url, url, Fields($"Flot{tag}{(char)('a' + i)}"));
            flood.Add(status);
            if (status == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Trop de demandes envoyées depuis cette connexion : réessayez dans quelques minutes.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, status);
            }
        }

        var stored = await UseDb(db => db.TreatingRequests().IgnoreQueryFilters().Where(r => r.CptsId == c.Cpts)
            .Select(r => new { r.FamilyName, r.Channel, r.Status, r.FiledById, r.Phone, r.Nir, r.CommuneCode }).ToListAsync(Ct));
        var filed = Assert.Single(stored, r => r.FamilyName == "Valide" + tag);
        Assert.Equal((RequestChannel.PublicForm, RequestStatus.New, (string?)null, "0611223344", Nir("2500241123456"), c.Communes[1]),
            (filed.Channel, filed.Status, filed.FiledById, filed.Phone, filed.Nir, filed.CommuneCode));
        Assert.DoesNotContain(stored, r => r.FamilyName == "Presse" + tag || r.FamilyName == "Erreur" + tag || r.FamilyName == "Robot" + tag);
        var admitted = flood.Count(s => s == HttpStatusCode.OK);
        Assert.True(flood.Count(s => s == HttpStatusCode.TooManyRequests) >= flood.Count - gate.PermitsPerWindow, string.Join(", ", flood));
        Assert.Equal(admitted, stored.Count(r => r.FamilyName.StartsWith("Flot" + tag, StringComparison.Ordinal)));
        Assert.True(admitted + 4 <= gate.PermitsPerWindow, $"{admitted} posts of the flood admitted after 4 others, {gate.PermitsPerWindow} permitted");
    }

    [Fact]
    public async Task A_pharmacists_filing_goes_through_triage_assignment_the_doctors_answer_link_and_the_follow_up_to_closure()
    {
        var w = new World(await CommunityWorld.CreateAsync(App));
        var family = "Gueguen" + Letters();
        var commune = App.Geo.Find(w.C.Communes[0])!.Name;
        var newPage = $"{w.Pages}/demandes/nouvelle";
        var (filedStatus, filedHtml) = await w.Pharmacist.Client.PostFormAsync(newPage, newPage, new Dictionary<string, string?>
        {
            ["familyName"] = family, ["givenName"] = "Yvonne", ["birthDate"] = "1949-05-17", ["communeCode"] = w.C.Communes[0], ["phone"] = "02 54 77 31 08",
            ["consent"] = "true", ["notes"] = "Sort d'hospitalisation",
        });
        Assert.Equal(HttpStatusCode.OK, filedStatus);
        Assert.Contains("La demande est enregistrée : la coordination de la CPTS va la trier et chercher un médecin.", WebUtility.HtmlDecode(filedHtml), StringComparison.Ordinal);
        var desk = WebUtility.HtmlDecode(await w.Pharmacist.Client.PageAsync(w.Pages));
        Assert.Matches($@"<ul id=""filings"">\s*<li>[^<]+ — {Regex.Escape(commune)} : <strong>à trier</strong></li>", desk);
        Assert.DoesNotContain(family, desk, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Yvonne", desk, StringComparison.Ordinal);

        // The coordinator triages it into the queue.
        var line = Assert.Single((await w.C.Coordinator.GetJsonAsync($"{w.Api}/requests")).EnumerateArray());
        Assert.Equal(("New", "Member", "age70"), (line.GetProperty("status").GetString(), line.GetProperty("channel").GetString(),
            string.Join(',', line.GetProperty("criteria").EnumerateArray().Select(x => x.GetString()))));
        var id = line.GetProperty("id").GetGuid();
        var page = w.Request(id);

        // A patient calls: the team finds her by names typed without capitals or accents, or by a part of her phone; the words never reach
        // the audit; too short a search is explained; a pharmacist cannot search.
        async Task<(HttpStatusCode, string)> SearchAsync(HttpClient client, string q, string from)
        {
            var (status, html) = await client.PostFormAsync(from, w.Pages + "?handler=Search", new Dictionary<string, string?> { ["q"] = q });
            return (status, Regex.Replace(WebUtility.HtmlDecode(html), @"\s+", " "));
        }

        var (searched, searchedHtml) = await SearchAsync(w.C.Coordinator, $"yvonne {family.ToLowerInvariant()}", w.Pages);
        Assert.Equal(HttpStatusCode.OK, searched);
        Assert.Contains($"<tr data-request=\"{id}\"> <th scope=\"row\"><a href=\"{page}\">{family.ToUpperInvariant()} Yvonne</a></th> <td>17/05/1949</td>",
            searchedHtml, StringComparison.Ordinal);
        Assert.Contains($"<tr data-request=\"{id}\">", (await SearchAsync(w.C.Coordinator, "54 77 31", w.Pages)).Item2, StringComparison.Ordinal);
        Assert.Contains("Aucune demande ne correspond.", (await SearchAsync(w.C.Coordinator, "Yvonne Personne" + Letters(), w.Pages)).Item2, StringComparison.Ordinal);
        var (tooShort, tooShortHtml) = await SearchAsync(w.C.Coordinator, "y", w.Pages);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooShort);
        Assert.Contains("<li data-field=\"q\">Tapez au moins deux lettres du nom, ou six chiffres du téléphone ou du numéro de sécurité sociale.</li>", tooShortHtml,
            StringComparison.Ordinal);
        var (refused, refusedHtml) = await SearchAsync(w.Pharmacist.Client, family, newPage);
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.DoesNotContain(family, refusedHtml, StringComparison.OrdinalIgnoreCase);
        var searches = await AuditAsync(w.C.Cpts, "treating.requests-searched");
        Assert.Equal(3, searches.Count);   // the refused ones read nothing
        Assert.All(searches, a => Assert.DoesNotContain(family, a.Details, StringComparison.OrdinalIgnoreCase));
        var (triaged, triagedHtml) = await w.C.Coordinator.PostFormAsync(page, page + "?handler=Triage", new Dictionary<string, string?>
        {
            ["criteria"] = "age70", ["notes"] = "Diabète, rappeler le matin", ["queue"] = "true", ["version"] = line.GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture),
        });
        triagedHtml = WebUtility.HtmlDecode(triagedHtml);
        Assert.Equal(HttpStatusCode.OK, triaged);
        Assert.Contains("La demande est triée et entre dans la file d'attente.", triagedHtml, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge\" id=\"request-status\">en attente d'un médecin</span>", triagedHtml, StringComparison.Ordinal);
        // Who filed it, by the adhérente's name rather than her account's address.
        string pharmacist;
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            pharmacist = (await scope.ServiceProvider.GetRequiredService<Maillage.Membership.Published.MemberRoll>().ByIdsAsync(w.C.Cpts, [w.Pharmacist.Id], Ct))[w.Pharmacist.Id].Name;
        }

        Assert.Matches($@"<dt>Reçue le</dt><dd>[0-9/]+ — [^(<]+ \({Regex.Escape(pharmacist)}\)</dd>", triagedHtml);

        // Without a volunteer, a simulation leaves her waiting and says why.
        var attribution = $"{w.Pages}/attribution";
        var (simulated, simulatedHtml) = await w.C.Coordinator.PostFormAsync(attribution, attribution + "?handler=Run", new Dictionary<string, string?> { ["dryRun"] = "true" });
        simulatedHtml = Regex.Replace(WebUtility.HtmlDecode(simulatedHtml), @"\s+", " ");
        Assert.Equal(HttpStatusCode.OK, simulated);
        Assert.Contains("1 patient reste en attente : 1 sans médecin volontaire à portée qui accepte leurs critères ou ait de la place.", simulatedHtml, StringComparison.Ordinal);
        Assert.Contains($"<tr data-waiting=\"{id}\" data-reason=\"NoDoctorWithinReach\"> <th scope=\"row\">", simulatedHtml, StringComparison.Ordinal);

        // A doctor volunteers (the volunteers' page), the assignment is simulated through the API, then run and sent from its page.
        var volunteers = $"{w.Pages}/volontaires";
        var (enrolled, enrolledHtml) = await w.C.Coordinator.PostFormAsync(volunteers, volunteers + "?handler=Enrol", new Dictionary<string, string?>
        {
            ["memberId"] = w.Volunteer.Id.ToString(), ["monthlyCapacity"] = "2",
        });
        Assert.Equal(HttpStatusCode.OK, enrolled);
        Assert.Contains("Dr Paul Durand est inscrit comme médecin traitant volontaire.", WebUtility.HtmlDecode(enrolledHtml), StringComparison.Ordinal);
        await MatchAsync(w, requests: 1, assigned: 1, objective: 40);   // base 10 + 70 and over 30, same commune × 1
        var (ran, ranHtml) = await w.C.Coordinator.PostFormAsync(attribution, attribution + "?handler=Run", new Dictionary<string, string?> { ["dryRun"] = "false" });
        ranHtml = WebUtility.HtmlDecode(ranHtml);
        Assert.Equal(HttpStatusCode.OK, ran);
        Assert.Contains("1 demande attribuée sur 1 en attente : relisez les propositions puis envoyez-les.", ranHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"waiting\"", ranHtml, StringComparison.Ordinal);
        var draft = Guid.Parse(Assert.Single(Draft().Matches(ranHtml)).Groups[1].Value);
        var (sent, sentHtml) = await w.C.Coordinator.PostFormAsync(attribution, attribution + "?handler=Send", new Dictionary<string, string?> { ["draftIds"] = draft.ToString() });
        Assert.Equal(HttpStatusCode.OK, sent);
        Assert.Contains("1 proposition envoyée : chaque médecin reçoit un e-mail avec un lien pour répondre.", WebUtility.HtmlDecode(sentHtml), StringComparison.Ordinal);

        // The doctor's mail holds the answer link, the age and the commune, never the patient's identity.
        var mail = Assert.Single(App.Factory.MailsTo($"{w.Volunteer.Rpps}@pro.example"));
        Assert.Equal("Un patient sans médecin traitant vous est proposé", mail.Subject);
        var text = mail.TextBody ?? "";
        var today = Http.Today;
        var age = today.Year - 1949 - (today.DayOfYear < new DateOnly(1949, 5, 17).DayOfYear ? 1 : 0);
        var communeName = App.Factory.Services.GetRequiredService<Maillage.Territories.Published.GeoCatalog>().Find(w.C.Communes[0])!.Name;
        Assert.Contains($"un patient de {age} ans, à {communeName},", text, StringComparison.Ordinal);
        var link = new Uri(Assert.Single(AnswerLink().Matches(text)).Value);
        Assert.StartsWith($"/medecin-traitant/reponse/{draft}?jeton=", link.PathAndQuery, StringComparison.Ordinal);
        foreach (var personal in new[] { family, "Yvonne", "0254773108", "02 54 77 31 08", "hospitalisation" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }

        // A week without an answer: the coordinator reminds the doctor from the request's page; the reminder's link replaces the first.
        var (remindedStatus, remindedHtml) = await w.C.Coordinator.PostFormAsync(page, page + "?handler=Remind", new Dictionary<string, string?>
        {
            ["proposalId"] = draft.ToString(),
        });
        remindedHtml = WebUtility.HtmlDecode(remindedHtml);
        Assert.Equal(HttpStatusCode.OK, remindedStatus);
        Assert.Contains("Le médecin est relancé : il reçoit un nouveau lien pour répondre, valable 30 jours.", remindedHtml, StringComparison.Ordinal);
        Assert.Contains(", relancé le ", remindedHtml, StringComparison.Ordinal);
        var reminderMail = Assert.Single(App.Factory.MailsTo($"{w.Volunteer.Rpps}@pro.example"), m => m.Subject?.StartsWith("Rappel", StringComparison.Ordinal) == true);
        var firstLink = link;
        link = new Uri(Assert.Single(AnswerLink().Matches(reminderMail.TextBody ?? "")).Value);
        Assert.NotEqual(firstLink, link);
        using (var stranger = App.Anonymous())
        {
            using var dead = await stranger.GetAsync(firstLink.PathAndQuery, Ct);
            Assert.Equal(HttpStatusCode.NotFound, dead.StatusCode);
        }

        // Opened from the mail (no account): age and commune, no name; the doctor accepts.
        var doctor = App.Anonymous();
        var proposalPage = WebUtility.HtmlDecode(await doctor.PageAsync(link.PathAndQuery));
        Assert.Contains($"<dt>Âge</dt><dd>{age} ans</dd>", proposalPage, StringComparison.Ordinal);
        Assert.Contains($"<dt>Commune</dt><dd>{commune}</dd>", proposalPage, StringComparison.Ordinal);
        Assert.DoesNotContain(family, proposalPage, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Yvonne", proposalPage, StringComparison.Ordinal);
        var (answered, answeredHtml) = await doctor.PostFormAsync(link.PathAndQuery, link.PathAndQuery, new Dictionary<string, string?> { ["accept"] = "true" });
        Assert.Equal(HttpStatusCode.OK, answered);
        Assert.Contains("Merci : le patient est à vous.", WebUtility.HtmlDecode(answeredHtml), StringComparison.Ordinal);
        var accepted = await w.C.Coordinator.GetJsonAsync($"{w.Api}/requests/{id}");
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        Assert.Equal("Accepted", Assert.Single(accepted.GetProperty("proposals").EnumerateArray()).GetProperty("status").GetString());

        // Signed in, the doctor reads the patient's file: identity, phone and the team's notes (not the coordination's tools).
        var file = WebUtility.HtmlDecode(await w.Volunteer.Client.PageAsync(page));
        Assert.Contains(family, file, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h2>Notes de la coordination</h2>", file, StringComparison.Ordinal);
        Assert.Contains("Diabète, rappeler le matin", file, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Triage", file, StringComparison.Ordinal);

        // The coordinator follows it step by step to its closure, each step from the page's own button.
        foreach (var (step, label) in new[] { ("Contacted", "patient contacté"), ("FirstConsultation", "première consultation faite"), ("Declared", "déclaré à la CPAM"), ("Closed", "close") })
        {
            var next = NextStep().Match(await w.C.Coordinator.PageAsync(page));
            Assert.Equal(step, next.Groups[1].Value);
            var (moved, movedHtml) = await w.C.Coordinator.PostFormAsync(page, page + "?handler=Step", new Dictionary<string, string?>
            {
                ["to"] = next.Groups[1].Value, ["version"] = next.Groups[2].Value,
            });
            movedHtml = WebUtility.HtmlDecode(movedHtml);
            Assert.Equal(HttpStatusCode.OK, moved);
            Assert.Contains($"Étape enregistrée : {label}.", movedHtml, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"badge\" id=\"request-status\">{label}</span>", movedHtml, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(NextStep(), await w.C.Coordinator.PageAsync(page));
        Assert.Equal("Closed", (await w.C.Coordinator.GetJsonAsync($"{w.Api}/requests/{id}")).GetProperty("status").GetString());
        Assert.Contains($"{commune} : <strong>close</strong>", WebUtility.HtmlDecode(await w.Pharmacist.Client.PageAsync(w.Pages)), StringComparison.Ordinal);
        await MatchAsync(w, requests: 0, assigned: 0, objective: 0);
    }

    [Fact]
    public async Task An_imported_list_keeps_its_valid_lines_and_reports_each_refused_line_by_its_number()
    {
        var c = await CommunityWorld.CreateAsync(App, professionals: 1);
        var tag = Letters();
        var (first, last) = ("Tanguy" + tag, "Le Roux" + tag);
        var nir = Nir("1510741123456");
        using var csv = new MemoryStream();
        void Add(string text, Encoding encoding) => csv.Write(encoding.GetBytes(text + "\n"));
        Add("nom;prenom;date_naissance;commune;telephone;email;nir;criteres;visite_domicile;consentement;notes", Encoding.UTF8);
        Add($"{first};Corentin;04/07/1951;{c.Communes[0]};06 12 34 56 78;;{nir};ald;non;oui;", Encoding.UTF8);
        Add($"Clef{tag};Anne;05/08/1960;{c.Communes[0]};0612345679;;{nir[..13]}00;;non;oui;", Encoding.UTF8);
        Add($"Ailleurs{tag};Jean;06/09/1955;99999;0612345670;;;;non;oui;", Encoding.UTF8);
        Add($"Muet{tag};Paul;07/10/1945;{c.Communes[1]};0612345671;;;;non;non;", Encoding.UTF8);
        Add($"Héloïse{tag};Hélène;08/11/1950;{c.Communes[1]};0612345672;;;;non;oui;", Encoding.Latin1);
        Add($"{last};Soizic;09/12/1939;{c.Communes[1]};;soizic@exemple.fr;;c2s, chronic;oui;oui;Liste CPAM", Encoding.UTF8);
        var page = $"/cpts/{c.Cpts}/medecin-traitant/import";
        var (status, html) = await PostFileAsync(c.Coordinator, page, csv.ToArray(), "patients.csv",
            new Dictionary<string, string> { ["source"] = "CPAM de Loir-et-Cher", ["queued"] = "true" });
        html = WebUtility.HtmlDecode(html);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("2 demandes créées, 0 ligne fusionnée avec une demande existante, 4 lignes refusées sur 6.", html, StringComparison.Ordinal);
        var problems = ProblemRow().Matches(html).Select(m => (Line: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Column: m.Groups[2].Value, Message: m.Groups[3].Value))
            .ToList();
        Assert.Equal([3, 4, 5, 6], problems.Select(p => p.Line));
        Assert.Equal(("nir", "Le numéro de sécurité sociale est invalide : sa clé ne correspond pas aux 13 premiers caractères."), (problems[0].Column, problems[0].Message));
        Assert.Equal("commune", problems[1].Column);
        Assert.StartsWith("« 99999 » n'est pas le code INSEE d'une commune", problems[1].Message, StringComparison.Ordinal);
        Assert.Equal(("consentement", "Le consentement du patient est obligatoire pour enregistrer sa demande."), (problems[2].Column, problems[2].Message));
        Assert.Equal(("—", "Ligne illisible : elle contient des caractères qui ne sont pas en UTF-8. Enregistrez le fichier en « CSV UTF-8 »."),
            (problems[3].Column, problems[3].Message));

        var queue = (await c.Coordinator.GetJsonAsync($"/api/cpts/{c.Cpts}/treating-doctor/requests?status=Waiting")).EnumerateArray().ToList();
        Assert.Equal(2, queue.Count);
        Assert.All(queue, r => Assert.Equal("Import", r.GetProperty("channel").GetString()));
        var stored = await UseDb(db => db.TreatingRequests().IgnoreQueryFilters().Where(r => r.CptsId == c.Cpts).OrderBy(r => r.BirthDate)
            .Select(r => new { r.FamilyName, r.Nir, r.Email, r.HomeVisit, r.FiledBy, r.Criteria }).ToListAsync(Ct));
        Assert.Equal([last, first], stored.Select(r => r.FamilyName));
        Assert.Equal(((string?)null, "soizic@exemple.fr", true), (stored[0].Nir, stored[0].Email, stored[0].HomeVisit));
        Assert.Equal((nir, (string?)null, false), (stored[1].Nir, stored[1].Email, stored[1].HomeVisit));
        Assert.All(stored, r => Assert.StartsWith("Import CPAM de Loir-et-Cher (", r.FiledBy, StringComparison.Ordinal));
    }

    /// <summary>A patient as the API files them: born in 1948 (70 and over), a phone, consent given.</summary>
    private static object Patient(string family, string commune) =>
        new { familyName = family, givenName = "Annaïg", birthDate = "12/03/1948", communeCode = commune, phone = "06 47 82 19 53", consent = true };

    private static async Task<Guid> FileAsync(HttpClient client, World w, object patient) =>
        (await (await client.PostJsonAsync($"{w.Api}/requests", patient)).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private async Task<Guid> EnrolAsync(World w, WorldMember doctor, int capacity)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var enrolled = await scope.ServiceProvider.GetRequiredService<SaveVolunteer>()
            .EnrollAsync(w.C.Cpts, doctor.Id, new VolunteerInput(capacity, null, HomeVisits: false, Beyond: false), w.Coordination, Ct);
        Assert.True(enrolled.Succeeded, string.Join(" ", enrolled.Errors.Select(e => e.Message)));
        return enrolled.Value!.Id;
    }

    /// <summary>The coordinator proposes the request to the volunteer by hand; returns the proposal and the secret of its answer link.</summary>
    private async Task<(Guid Proposal, string Secret)> ProposeAsync(World w, Guid request, Guid volunteer)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        string? secret = null;
        var proposed = await scope.ServiceProvider.GetRequiredService<Proposals>().ProposeAsync(w.C.Cpts, request, volunteer,
            (id, s) => Proposals.AnswerPath(id, secret = s), w.Coordination, Ct);
        Assert.True(proposed.Succeeded, string.Join(" ", proposed.Errors.Select(e => e.Message)));
        return (proposed.Value!.Id, secret ?? throw new InvalidOperationException("No answer link was made: the volunteer has no e-mail."));
    }

    private static async Task MatchAsync(World w, int requests, int assigned, double objective)
    {
        var run = await (await w.C.Coordinator.PostAsync($"{w.Api}/match?dryRun=true", null, Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((requests, assigned, objective), (run.GetProperty("requests").GetInt32(), run.GetProperty("assigned").GetInt32(), run.GetProperty("objective").GetDouble()));
    }

    /// <summary>Posts a file as the import page's form does (multipart, with its antiforgery token).</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostFileAsync(HttpClient client, string page, byte[] bytes, string name,
        IReadOnlyDictionary<string, string> fields)
    {
        var token = Token().Match(await client.PageAsync(page)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {page}");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", name);
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }

        form.Add(new StringContent(token), "__RequestVerificationToken");
        using var response = await client.PostAsync(page, form, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>A NIR with its key (97 minus the 13 digits modulo 97).</summary>
    private static string Nir(string thirteen) =>
        thirteen + (97 - (long.Parse(thirteen, CultureInfo.InvariantCulture) % 97)).ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Eight letters no other test uses, for names that must be unique and read as names.</summary>
    private static string Letters() => new([.. Guid.NewGuid().ToString("N")[..8].Select(h => (char)('a' + "0123456789abcdef".IndexOf(h, StringComparison.Ordinal)))]);

    private static string StampOf(string html)
    {
        var stamp = Stamp().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(stamp), "No time stamp in the public form");
        return stamp;
    }

    private Task<int> AuditCountAsync(Guid cpts, string action) =>
        UseDb(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.CptsId == cpts && a.Action == action, Ct));

    private async Task<List<(long Id, string Details)>> AuditAsync(Guid cpts, string action) =>
        [.. (await UseDb(db => db.AuditEntries.IgnoreQueryFilters().Where(a => a.CptsId == cpts && a.Action == action).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Details }).ToListAsync(Ct))).Select(a => (a.Id, a.Details))];

    private async Task<T> UseDb<T>(Func<MaillageDbContext, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MaillageDbContext>());
    }

    [GeneratedRegex("<nav class=\"shell-nav\" aria-label=\"Navigation de la CPTS\">.*?</nav>", RegexOptions.Singleline)]
    private static partial Regex NavigationBlock();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"horodatage\" value=\"([^\"]+)\"")]
    private static partial Regex Stamp();

    [GeneratedRegex("data-draft=\"([0-9a-f-]{36})\"")]
    private static partial Regex Draft();

    [GeneratedRegex(@"https?://[^\s/]+/medecin-traitant/reponse/[0-9a-f-]{36}\?jeton=\S+")]
    private static partial Regex AnswerLink();

    [GeneratedRegex("id=\"next-step\"[^>]*>.*?name=\"to\" value=\"(\\w+)\".*?name=\"version\" value=\"(\\d+)\"", RegexOptions.Singleline)]
    private static partial Regex NextStep();

    [GeneratedRegex("<tr data-line=\"(\\d+)\"><td class=\"num\">\\d+</td><td>([^<]*)</td><td>([^<]*)</td></tr>")]
    private static partial Regex ProblemRow();
}

/// <summary>Changing a form's fields in a line.</summary>
internal static class FormFields
{
    public static Dictionary<string, string?> With(this Dictionary<string, string?> fields, string name, string? value)
    {
        fields[name] = value;
        return fields;
    }
}

public sealed class TreatingWeb_on_sqlite(SqliteApp app) : TreatingWeb(app), IClassFixture<SqliteApp>;

public sealed class TreatingWeb_on_postgres(PostgresApp app) : TreatingWeb(app), IClassFixture<PostgresApp>;
