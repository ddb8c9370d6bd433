using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Maillage.BrowserTests.Infrastructure;

namespace Maillage.BrowserTests.Unscheduled;

/// <summary>
/// Unscheduled care in the demo (issue 12): a pharmacist books a slot from a phone between two patients and gets the confirmation; the
/// doctor finds the patient in the agenda and opens a weekly pattern whose slots appear; the coordinator records a no-show on a past consultation left without an outcome and sees the statistics follow.
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed partial class SnpFlow(BrowserHost host)
{
    private const string Pharmacist = "tresorier@cpts-redon.demo";
    private const string Doctor = "medecin@cpts-redon.demo";

    private static readonly string[] Weekdays = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi"];

    private static readonly string[] SundayHours = ["13:00", "13:20", "13:40"];

    [Fact]
    public Task A_pharmacist_books_a_slot_on_a_phone_and_the_doctor_finds_the_patient_in_the_agenda() => host.RunAsync(Screens.PhoneWidth, Screens.PhoneHeight, async page =>
    {
        await BrowserHost.LogInAsync(page, Pharmacist);
        await Flows.OpenAsync(page, "Réserver un créneau");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Réserver un créneau");
        var withDoctor = page.Locator("#free-slots li", new() { HasText = "Le Bihan" }).First;
        await withDoctor.GetByRole(AriaRole.Link, new() { NameRegex = Booking() }).ClickAsync();

        var form = page.Locator("#booking-form");
        await form.GetByLabel("Nom du patient").FillAsync("Exemple-Navigateur");
        await form.GetByLabel("Prénom").FillAsync("Maëlle");
        await form.GetByLabel("Date de naissance").FillAsync("1961-05-14");
        await form.GetByLabel("Téléphone").FillAsync("06 00 00 12 34");
        await form.GetByLabel("Motif").SelectOptionAsync("fever");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Le formulaire tient dans un téléphone");
        await form.GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Confirmation());
        await Expect(page.Locator("#booking-patient")).ToContainTextAsync("Maëlle Exemple-Navigateur");
        await Expect(page.Locator("#booking-effector")).ToContainTextAsync("Le Bihan");
        var when = await page.Locator("#booking-when").InnerTextAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "La confirmation tient dans un téléphone");

        await page.Context.ClearCookiesAsync();
        await BrowserHost.LogInAsync(page, Doctor);
        await Flows.OpenAsync(page, "Agenda SNP");
        await Expect(page.Locator("#agenda-effector")).ToContainTextAsync("Le Bihan");
        var day = when.Split(" à ")[0];
        if (await page.GetByText("Exemple-Navigateur").CountAsync() == 0)
        {
            // Booked in the next 48 hours, possibly in next week's agenda.
            await page.GetByRole(AriaRole.Link, new() { NameRegex = NextWeek() }).ClickAsync();
        }

        await Expect(page.GetByText("Maëlle Exemple-Navigateur").First).ToBeVisibleAsync();
        Assert.False(string.IsNullOrEmpty(day));
    });

    [Fact]
    public Task The_coordinator_records_a_no_show_on_a_past_consultation() => host.RunAsync(Screens.DesktopWidth, Screens.DesktopHeight, async page =>
    {
        await BrowserHost.LogInAsync(page, Flows.RedonCoordinator);
        await Flows.OpenAsync(page, "Statistiques SNP");
        var awaitingBefore = await Flows.NumberAsync(page.Locator("#total-awaiting"));
        await Flows.OpenAsync(page, "Agenda SNP");
        var effectors = await page.Locator("#pick-effector option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        var rows = page.Locator("#pending-outcomes tbody tr");
        foreach (var effector in effectors)
        {
            await page.Locator("#pick-effector").SelectOptionAsync(effector);
            await page.Locator("#choose-effector").GetByRole(AriaRole.Button, new() { Name = "Afficher" }).ClickAsync();
            await Expect(page.Locator("#agenda-effector")).ToBeVisibleAsync();
            if (await rows.CountAsync() > 0)
            {
                break;
            }
        }

        var before = await rows.CountAsync();
        Assert.True(before > 0, "La démo laisse des consultations d'hier sans issue");
        var row = rows.First;
        var booking = await row.GetAttributeAsync("data-booking");
        await row.Locator("select[name=outcome]").SelectOptionAsync("no-show");
        await row.GetByRole(AriaRole.Button, new() { NameRegex = Record() }).ClickAsync();

        await Expect(page.Locator("#snp-message")).ToBeVisibleAsync();
        await Expect(page.Locator($"#pending-outcomes tbody tr[data-booking='{booking}']")).ToHaveCountAsync(0);

        // The statistics follow: one outcome less to record over the last weeks.
        await Flows.OpenAsync(page, "Statistiques SNP");
        Assert.Equal(awaitingBefore - 1, await Flows.NumberAsync(page.Locator("#total-awaiting")));
        await Expect(page.Locator("#weeks-chart")).ToBeVisibleAsync();
    });

    [Fact]
    public Task A_doctor_opens_a_weekly_pattern_and_finds_its_slots_in_next_weeks_agenda() => host.RunAsync(Screens.DesktopWidth, Screens.DesktopHeight, async page =>
    {
        await BrowserHost.LogInAsync(page, Doctor);
        await Flows.OpenAsync(page, "Agenda SNP");
        var form = page.Locator("#new-pattern-form");
        foreach (var day in Weekdays)
        {
            await form.GetByLabel(day, new() { Exact = true }).UncheckAsync();
        }

        // Sunday early afternoon: an hour no demo pattern holds, three slots of 20 minutes.
        await form.GetByLabel("Dimanche", new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Heure de début").FillAsync("13:00");
        await form.GetByLabel("Heure de fin").FillAsync("14:00");
        await form.GetByLabel("Durée d'un créneau (minutes)").FillAsync("20");
        await form.GetByLabel("À partir du").FillAsync(DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByRole(AriaRole.Button, new() { Name = "Ajouter la semaine type" }).ClickAsync();

        await Expect(page.Locator("details.pattern summary", new() { HasText = "dimanche, 13:00–14:00" })).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = NextWeek() }).ClickAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);
        var sunday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) + 13).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var hour in SundayHours)
        {
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Retirer le créneau de {hour} le {sunday}", Exact = true })).ToHaveCountAsync(1);
        }
    });

    [GeneratedRegex("^Réserver le ")]
    private static partial Regex Booking();

    [GeneratedRegex("/snp/reservations/[0-9a-f-]{36}")]
    private static partial Regex Confirmation();

    [GeneratedRegex("[Ss]emaine suivante")]
    private static partial Regex NextWeek();

    [GeneratedRegex("^Enregistrer l'issue de ")]
    private static partial Regex Record();
}
