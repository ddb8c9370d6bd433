using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Maillage.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using MimeKit;
using static Microsoft.Playwright.Assertions;

namespace Maillage.BrowserTests.TreatingDoctor;

/// <summary>
/// The treating-doctor desk in the demo (issue 13), by the people who use it between two patients, on a phone: a pharmacist files a patient
/// without a treating doctor (the consent refused first, in French), a patient files from the poster's public form without an account, the
/// coordinator triages the pharmacist's filing into the queue, makes the demo doctor a volunteer with room, runs the assignment and sends the
/// patient's draft; the doctor accepts from the link in his e-mail (age and commune, never the name); the coordinator follows the request to
/// its closure and opens the figures. Written to hold whether or not the demo already has volunteers and requests of its own: the patients
/// are named per run and found by name.
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed partial class TreatingDoctorFlow(BrowserHost host)
{
    private const string Pharmacist = "tresorier@cpts-redon.demo";
    private const string DoctorName = "Le Bihan";
    private const string Commune = "Redon";

    private const string UnlabelledFields = """
        () => [...document.querySelectorAll("input, select, textarea")]
            .filter(e => e.type !== "hidden" && e.getClientRects().length > 0)
            .filter(e => e.labels.length === 0 && !e.getAttribute("aria-label") && !e.getAttribute("aria-labelledby"))
            .map(e => e.outerHTML)
        """;

    private static int shots;

    [Fact]
    public Task A_pharmacists_filing_goes_from_the_desk_through_the_assignment_and_the_doctors_mailed_link_to_closure_on_a_phone() =>
        host.RunAsync(Screens.PhoneWidth, Screens.PhoneHeight, async page =>
    {
        var tag = Tag();
        var family = "Exemple-Officine" + tag;
        var given = "Annaïg";
        var birth = new DateOnly(1948, 3, 12);
        var publicFamily = "Exemple-Affiche" + tag;

        // The pharmacist files the patient from « Médecin traitant ».
        await BrowserHost.LogInAsync(page, Pharmacist);
        await Flows.OpenAsync(page, "Médecin traitant");
        await OneHeadingAsync(page, "Médecin traitant");
        var cpts = Flows.IdOf(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Signaler un patient sans médecin traitant" }).ClickAsync();
        await OneHeadingAsync(page, "Signaler un patient sans médecin traitant");
        await page.GetByLabel("Nom de famille").FillAsync(family);
        await page.GetByLabel("Prénom").FillAsync(given);
        await page.GetByLabel("Date de naissance").FillAsync(birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Commune de résidence").SelectOptionAsync(new SelectOptionValue { Label = Commune });
        await page.GetByLabel("Téléphone").FillAsync("06 00 00 13 13");
        await page.GetByLabel("Affection de longue durée (ALD)").CheckAsync();
        await page.GetByLabel("Médecin traitant parti").CheckAsync();
        await page.GetByLabel("Notes pour la coordination").FillAsync("Sort d'hospitalisation, rappeler le matin");
        await FitsAsync(page, "Le formulaire de signalement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la demande" }).ClickAsync();

        // Without the patient's consent: refused in French, what was typed is kept.
        await Expect(page.Locator("#erreurs")).ToContainTextAsync("Le consentement du patient est obligatoire pour enregistrer sa demande.");
        await Expect(page.GetByLabel("Nom de famille")).ToHaveValueAsync(family);
        await Expect(page.GetByLabel("Affection de longue durée (ALD)")).ToBeCheckedAsync();
        await page.GetByLabel("Le patient a donné son accord").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la demande" }).ClickAsync();
        await Expect(page.Locator("#treating-message")).ToHaveTextAsync("La demande est enregistrée : la coordination de la CPTS va la trier et chercher un médecin.");
        await Expect(page.Locator("#erreurs")).ToHaveCountAsync(0);

        // Her desk lists the filing, without the patient's identity.
        await page.GetByRole(AriaRole.Link, new() { Name = "Retour" }).ClickAsync();
        await Expect(page.Locator("#filings li").First).ToContainTextAsync($"{Commune} : à trier");
        await Expect(page.Locator("main")).Not.ToContainTextAsync(family, new() { IgnoreCase = true });
        await Expect(page.Locator("main")).Not.ToContainTextAsync(given);
        await FitsAsync(page, "Le bureau de la pharmacienne");

        // She prints the poster for the pharmacy; its address is the public form.
        await page.GotoAsync($"/cpts/{cpts}/medecin-traitant/affiche");
        await OneHeadingAsync(page, "Vous n'avez pas de médecin traitant ?");
        await Expect(page.Locator("#poster svg")).ToBeVisibleAsync();
        await FitsAsync(page, "L'affiche");
        var formUrl = (await page.Locator("#form-url").GetAttributeAsync("href"))!;
        Assert.EndsWith($"/medecin-traitant/{cpts}", formUrl, StringComparison.Ordinal);

        // A patient, without an account, fills the public form on a phone.
        await WithContextAsync(page, async patient =>
        {
            await patient.GotoAsync(formUrl);
            var shown = Stopwatch.StartNew();
            await OneHeadingAsync(patient, "Vous n'avez pas de médecin traitant ?");
            await patient.GetByLabel("Nom de famille").FillAsync(publicFamily);
            await patient.GetByLabel("Prénom").FillAsync("Gwenola");
            await patient.GetByLabel("Date de naissance").FillAsync("1979-11-02");
            await patient.GetByLabel("Commune de résidence").SelectOptionAsync(new SelectOptionValue { Label = Commune });
            await patient.GetByLabel("Téléphone").FillAsync("06 00 00 14 14");
            await patient.GetByLabel("Maladie chronique").CheckAsync();
            await patient.GetByLabel("J'accepte que la CPTS enregistre ces informations").CheckAsync();
            await FitsAsync(patient, "Le formulaire public");
            // A person takes more than the form's minimum delay (3 s by default) to fill it; a faster post is refused as a robot's.
            var wait = TimeSpan.FromSeconds(3.5) - shown.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await patient.WaitForTimeoutAsync((float)wait.TotalMilliseconds);
            }

            await patient.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
            await Expect(patient.Locator("#public-done")).ToContainTextAsync("Merci, votre demande est enregistrée.");
        });

        // The coordinator finds both in « à trier » and triages the pharmacist's into the queue.
        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await Flows.OpenAsync(page, "Médecin traitant");
        await Expect(page.Locator("#pipeline a[aria-current=page]")).ToContainTextAsync("à trier");
        var publicRow = page.Locator("#requests tbody tr", new() { HasText = publicFamily.ToUpperInvariant() });
        await Expect(publicRow).ToContainTextAsync("formulaire public");
        var row = page.Locator("#requests tbody tr", new() { HasText = family.ToUpperInvariant() });
        await Expect(row).ToContainTextAsync("adhérent");
        await FitsAsync(page, "Le bureau de la coordination");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await OneHeadingAsync(page, $"{given} {family.ToUpperInvariant()}");
        var requestUrl = page.Url;
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("à trier");
        await Expect(page.Locator("#criteria")).ToContainTextAsync("ALD");
        var triage = page.Locator("#triage-form");
        await triage.GetByLabel("Notes de tri").FillAsync("Sort d'hospitalisation, rappeler le matin ; diabète");
        await triage.GetByLabel("Mettre dans la file d'attente d'un médecin").CheckAsync();
        await FitsAsync(page, "La demande");
        await triage.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le tri" }).ClickAsync();
        await Expect(page.Locator("#treating-message")).ToHaveTextAsync("La demande est triée et entre dans la file d'attente.");
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("en attente d'un médecin");

        // The demo doctor volunteers, with room this month for any patient (the demo may have enrolled him already).
        await Flows.OpenAsync(page, "Médecins volontaires");
        await OneHeadingAsync(page, "Médecins traitants volontaires");
        await EnsureVolunteerWithRoomAsync(page);

        // « Attribution »: the run proposes the patient; only her draft is sent, whatever else the queue holds.
        await Flows.OpenAsync(page, "Attribution des patients");
        await OneHeadingAsync(page, "Attribution des patients");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer l'attribution" }).ClickAsync();
        await Expect(page.Locator("#treating-message")).ToContainTextAsync("en attente : relisez les propositions puis envoyez-les.");
        await Expect(page.Locator("#last-run")).ToBeVisibleAsync();
        var mine = page.GetByRole(AriaRole.Checkbox, new() { NameString = $"Envoyer la proposition de {given} {family} à ", });
        Guid proposal;
        if (await mine.CountAsync() == 1)
        {
            var draftRow = page.Locator("#drafts tbody tr", new() { Has = mine });
            proposal = Guid.Parse((await draftRow.GetAttributeAsync("data-draft"))!, CultureInfo.InvariantCulture);
            await Expect(draftRow).ToContainTextAsync("médecin parti");
            // Every box, not « :checked » ones: unchecking one would shift the positions of a « :checked » list under the loop.
            foreach (var other in await page.Locator("#drafts input[name=draftIds]").AllAsync())
            {
                if (await other.GetAttributeAsync("value") != proposal.ToString() && await other.IsCheckedAsync())
                {
                    await other.UncheckAsync();
                }
            }

            await Expect(mine).ToBeCheckedAsync();
            await Expect(page.Locator("#drafts input[name=draftIds]:checked")).ToHaveCountAsync(1);
            await FitsAsync(page, "L'attribution");
            await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer les propositions cochées" }).ClickAsync();
            await Expect(page.Locator("#treating-message")).ToHaveTextAsync("1 proposition envoyée : chaque médecin reçoit un e-mail avec un lien pour répondre.");
            await Expect(page.Locator($"#drafts tr[data-draft='{proposal}']")).ToHaveCountAsync(0);
        }
        else
        {
            // A demo queue fuller than the volunteers' room may leave her for a later run: the coordinator then proposes her by hand.
            TestContext.Current.SendDiagnosticMessage("L'attribution n'a pas retenu la patiente (file de démonstration pleine) : proposition à la main.");
            await page.GotoAsync(requestUrl);
            await page.GetByText("Proposer à un médecin choisi").ClickAsync();
            var propose = page.Locator("#propose-form");
            var option = await propose.Locator("option", new() { HasText = DoctorName }).GetAttributeAsync("value");
            await propose.GetByLabel("Médecin volontaire").SelectOptionAsync(option!);
            await propose.GetByRole(AriaRole.Button, new() { Name = "Envoyer la proposition" }).ClickAsync();
            await Expect(page.Locator("#treating-message")).ToHaveTextAsync("La proposition est envoyée au médecin.");
            proposal = Guid.Parse((await page.Locator("#proposals li", new() { HasText = "en attente de réponse" }).GetAttributeAsync("data-proposal"))!,
                CultureInfo.InvariantCulture);
        }

        await page.GotoAsync(requestUrl);
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("proposée à un médecin");
        await Expect(page.Locator($"#proposals li[data-proposal='{proposal}']")).ToContainTextAsync("en attente de réponse");

        // The doctor opens the link of his e-mail, without signing in: the patient's age and commune, never the name; he accepts.
        var link = await AnswerLinkAsync(proposal);
        var age = AgeToday(birth);
        await WithContextAsync(page, async doctor =>
        {
            await doctor.GotoAsync(link);
            await OneHeadingAsync(doctor, "Un patient sans médecin traitant vous est proposé");
            var facts = doctor.Locator("#proposal");
            await Expect(facts).ToContainTextAsync($"{age} ans");
            await Expect(facts).ToContainTextAsync(Commune);
            await Expect(facts).ToContainTextAsync("ALD");
            await Expect(doctor.Locator("main")).Not.ToContainTextAsync(family, new() { IgnoreCase = true });
            await Expect(doctor.Locator("main")).Not.ToContainTextAsync(given);
            await Expect(doctor.Locator("main")).Not.ToContainTextAsync("06 00 00 13 13");
            await Expect(doctor.GetByLabel("Ou, si vous refusez, pourquoi")).ToBeVisibleAsync();
            await FitsAsync(doctor, "La proposition au médecin");
            await doctor.GetByRole(AriaRole.Button, new() { Name = "J'accepte ce patient" }).ClickAsync();
            await Expect(doctor.Locator("#answer-done")).ToContainTextAsync("Merci : le patient est à vous.");
        });

        // The coordinator walks the request to its closure, one step at a time.
        await page.GotoAsync(requestUrl);
        await Expect(page.Locator("#request-status")).ToHaveTextAsync("acceptée par le médecin");
        await Expect(page.Locator("#doctor")).ToBeVisibleAsync();
        await Expect(page.Locator($"#proposals li[data-proposal='{proposal}']")).ToContainTextAsync("acceptée");
        foreach (var (button, status) in new[]
        {
            ("Patient contacté", "patient contacté"), ("Première consultation faite", "première consultation faite"),
            ("Déclaré à la CPAM", "déclaré à la CPAM"), ("Clore la demande", "close"),
        })
        {
            await page.Locator("#next-step").GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
            await Expect(page.Locator("#treating-message")).ToHaveTextAsync($"Étape enregistrée : {status}.");
            await Expect(page.Locator("#request-status")).ToHaveTextAsync(status);
        }

        await Expect(page.Locator("#next-step")).ToHaveCountAsync(0);
        await Expect(page.Locator("#triage-form")).ToHaveCountAsync(0);
        await FitsAsync(page, "La demande close");

        // The figures count it.
        await Flows.OpenAsync(page, "Suivi médecin traitant");
        await OneHeadingAsync(page, "Suivi des demandes de médecin traitant");
        var figures = page.Locator("#treating-figures");
        Assert.True(await Flows.NumberAsync(figures.Locator(".card", new() { HasText = "Demandes reçues" }).Locator(".v")) >= 2);
        Assert.True(await Flows.NumberAsync(figures.Locator(".card", new() { HasText = "Déclarés à la CPAM" }).Locator(".v")) >= 1);
        await Expect(page.Locator("#median-doctor")).Not.ToHaveTextAsync("—");
        await Expect(page.Locator("#months-chart")).ToBeVisibleAsync();
        // The longest bar of « Où en sont les demandes » stays readable on a phone, beside labels as long as « première consultation faite ».
        var widths = await page.Locator("#pipeline-chart").EvaluateAsync<double[]>(
            "c => [Math.max(...[...c.querySelectorAll('.bar')].map(b => b.getBoundingClientRect().width)), c.getBoundingClientRect().width]");
        Assert.True(widths[0] >= widths[1] / 5, $"La plus longue barre fait {widths[0]} px sur {widths[1]} px");
        await FitsAsync(page, "Les statistiques");

        // The ARS officer steering the CPTS reads the pipeline and the figures on a phone, never a patient.
        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Flows.Officer);
        await page.GotoAsync($"/cpts/{cpts}/medecin-traitant");
        await OneHeadingAsync(page, "Médecin traitant");
        await Expect(page.Locator("#pipeline")).ToBeVisibleAsync();
        await Expect(page.Locator("#requests")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(family, new() { IgnoreCase = true });
        await FitsAsync(page, "Le bureau de l'officier");
        await page.GotoAsync($"/cpts/{cpts}/medecin-traitant/statistiques");
        await OneHeadingAsync(page, "Suivi des demandes de médecin traitant");
        await Expect(page.Locator("#months-chart")).ToBeVisibleAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync(family, new() { IgnoreCase = true });
        await FitsAsync(page, "Les statistiques de l'officier");
    });

    /// <summary>On the volunteers' page: enrols Dr Le Bihan for any patient, or, when he already volunteers, gives him a place this month,
    /// out of pause, for any patient.</summary>
    private static async Task EnsureVolunteerWithRoomAsync(IPage page)
    {
        var card = page.Locator("details[data-volunteer]", new() { HasText = DoctorName });
        if (await card.CountAsync() == 0)
        {
            var form = page.Locator("#enrol-form");
            var option = await form.Locator("option", new() { HasText = DoctorName }).GetAttributeAsync("value");
            await form.GetByLabel("Médecin adhérent").SelectOptionAsync(option!);
            await form.GetByLabel("Nouveaux patients par mois").FillAsync("2");
            await FitsAsync(page, "Les médecins volontaires");
            await form.GetByRole(AriaRole.Button, new() { Name = "Inscrire" }).ClickAsync();
            await Expect(page.Locator("#treating-message")).ToContainTextAsync("est inscrit comme médecin traitant volontaire.");
            await Expect(card).ToContainTextAsync("2 par mois, 2 place(s) restante(s) ce mois-ci, tous patients");
            return;
        }

        var summary = await card.Locator("summary").InnerTextAsync();
        var room = Room().Match(summary);
        Assert.True(room.Success, summary);
        if (int.Parse(room.Groups[2].Value, CultureInfo.InvariantCulture) > 0 && summary.Contains("tous patients", StringComparison.Ordinal)
            && !summary.Contains("en pause", StringComparison.Ordinal))
        {
            return;
        }

        var capacity = int.Parse(room.Groups[1].Value, CultureInfo.InvariantCulture) + 1;
        await card.Locator("summary").ClickAsync();
        await card.GetByLabel("Nouveaux patients par mois").FillAsync(capacity.ToString(CultureInfo.InvariantCulture));
        foreach (var box in await card.Locator("input[name=accepts]").AllAsync())
        {
            await box.UncheckAsync();
        }

        await card.GetByLabel("En pause").UncheckAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(card.Locator("summary")).ToContainTextAsync("tous patients");
        await Expect(card.Locator("summary")).Not.ToContainTextAsync(" 0 place(s) restante(s)");
    }

    /// <summary>The answer link of a proposal, as mailed to the doctor (read from the host's pickup folder).</summary>
    private async Task<string> AnswerLinkAsync(Guid proposal)
    {
        var pattern = new Regex($@"https?://\S+/medecin-traitant/reponse/{proposal}\?jeton=\S+");
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var mails = System.IO.Directory.Exists(host.Outbox) ? System.IO.Directory.GetFiles(host.Outbox, "*.eml") : [];
            foreach (var file in mails)
            {
                var mail = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
                if (pattern.Match(mail.TextBody ?? "") is { Success: true } found)
                {
                    Assert.Equal("Un patient sans médecin traitant vous est proposé", mail.Subject);
                    return found.Value;
                }
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"Pas d'e-mail avec le lien de la proposition {proposal} dans {host.Outbox}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Runs a step in another browser, without an account (the patient's phone, the doctor's mail client), of a phone's size.</summary>
    private async Task WithContextAsync(IPage from, Func<IPage, Task> step)
    {
        var context = await from.Context.Browser!.NewContextAsync(new()
        {
            BaseURL = host.BaseAddress.ToString(), Locale = "fr-FR", TimezoneId = "Europe/Paris",
            ViewportSize = new() { Width = Screens.PhoneWidth, Height = Screens.PhoneHeight },
        });
        context.SetDefaultTimeout(30_000);
        try
        {
            var page = await context.NewPageAsync();
            try
            {
                await step(page);
            }
            catch
            {
                await BrowserHost.ShotAsync(page, "treating-other-browser");
                throw;
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>One h1, with this text.</summary>
    private static async Task OneHeadingAsync(IPage page, string text)
    {
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(text);
    }

    /// <summary>The page does not scroll sideways on the phone and every field it shows has a label (saved as <c>medecin-traitant-N.png</c>
    /// when MAILLAGE_SHOTS is set).</summary>
    private static async Task FitsAsync(IPage page, string what)
    {
        await BrowserHost.ShotAsync(page, $"medecin-traitant-{Interlocked.Increment(ref shots):00}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{what} tient dans un téléphone");
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));
    }

    private static int AgeToday(DateOnly birth)
    {
        var today = DateOnly.Parse(Flows.TodayInParis(), CultureInfo.InvariantCulture);
        return today.Year - birth.Year - (today < birth.AddYears(today.Year - birth.Year) ? 1 : 0);
    }

    /// <summary>Letters only (names refuse digits), different at each run.</summary>
    private static string Tag() => new([.. Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    [GeneratedRegex(@"(\d+) par mois, (\d+) place\(s\) restante\(s\)")]
    private static partial Regex Room();
}
