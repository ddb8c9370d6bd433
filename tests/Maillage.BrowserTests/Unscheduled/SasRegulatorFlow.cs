using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Maillage.BrowserTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Web.Fhir;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Maillage.BrowserTests.Unscheduled;

/// <summary>
/// The SAS's regulators in the demo (issue 12, docs/sas-guide.md §6.3): a regulator the SAS just created takes the <c>comment</c> address of a
/// slot from a real <c>GET /fhir/Slot</c> answer, appends <c>&amp;origin=sas</c>, signs in, accepts the terms and books on a phone; and two
/// registrars racing for one slot in two browsers: one gets the confirmation, the other the French refusal naming the next free slots, on a
/// page that stays usable with what was typed.
/// </summary>
[Collection(BrowserFlows.Name)]
public sealed partial class SasRegulatorFlow(BrowserHost host)
{
    private const string Pharmacist = "tresorier@cpts-redon.demo";

    [Fact]
    public Task A_regulator_opens_a_slot_from_the_sas_signs_in_accepts_the_terms_and_books_on_a_phone() => host.RunAsync(Screens.PhoneWidth, Screens.PhoneHeight, async page =>
    {
        var ct = TestContext.Current.CancellationToken;
        using var sas = await SasClientAsync();
        var email = $"regulateur.{Guid.NewGuid().ToString("N")[..8]}@sas.navigateur.example";
        var body = $$"""
            {"resourceType":"Practitioner","meta":{"source":"urn:oid:1.2.250.1.213.3.6"},
             "identifier":[{"type":{"coding":[{"system":"http://interopsante.org/fhir/CodeSystem/fr-v2-0203","code":"INTRN"}]},"system":"urn:oid:1.2.250.1.213.3.6","value":"{{Guid.NewGuid()}}"}],
             "active":true,"name":[{"family":"Navigateur","given":["Régis"]}],"telecom":[{"system":"email","value":"{{email}}"}]}
            """;
        using (var created = await sas.PostAsync("fhir/Practitioner", new StringContent(body, Encoding.UTF8, "application/fhir+json"), ct))
        {
            Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        }

        // The regulator's password: what « mot de passe oublié » would let it choose.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.True((await users.ResetPasswordAsync(user!, await users.GeneratePasswordResetTokenAsync(user!), BrowserHost.Password)).Succeeded);
        }

        var comment = await SlotAddressAsync(sas, ct);
        await page.GotoAsync(comment + "&origin=sas");
        await Expect(page).ToHaveURLAsync(new Regex("/connexion"));
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(BrowserHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sas/conditions"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Conditions d'utilisation");
        await page.GetByLabel("J'ai lu et j'accepte les conditions d'utilisation de la plateforme").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accepter et continuer" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/snp/reserver\\?slot=.*origin=sas"));
        await Expect(page.Locator("#booking-origin")).ToContainTextAsync("SAS (régulation)");
        await Expect(page.Locator("#book-origin")).ToHaveCountAsync(0);
        var form = page.Locator("#booking-form");
        await form.GetByLabel("Nom du patient").FillAsync("Exemple-Régulation");
        await form.GetByLabel("Prénom").FillAsync("Noé");
        await form.GetByLabel("Date de naissance").FillAsync("1975-09-30");
        await form.GetByLabel("Téléphone").FillAsync("06 00 00 56 78");
        await form.GetByLabel("Motif").SelectOptionAsync("fever");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "Le formulaire tient dans un téléphone");
        await form.GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(Confirmation());
        await Expect(page.Locator("#booking-patient")).ToContainTextAsync("Noé Exemple-Régulation");
        await Expect(page.Locator("#booking-by")).ToContainTextAsync("SAS (régulation)");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "La confirmation tient dans un téléphone");
    });

    [Fact]
    public Task Two_registrars_race_for_one_slot_and_the_loser_gets_the_next_free_slots_on_a_usable_page() => host.RunAsync(Screens.DesktopWidth, Screens.DesktopHeight, async first =>
    {
        await BrowserHost.LogInAsync(first, Pharmacist);
        await Flows.OpenAsync(first, "Réserver un créneau");
        await first.Locator("#free-slots li").First.GetByRole(AriaRole.Link, new() { NameRegex = Booking() }).ClickAsync();
        await Expect(first.Locator("#booking-form")).ToBeVisibleAsync();
        var url = first.Url;

        var context = await first.Context.Browser!.NewContextAsync(new()
        {
            BaseURL = host.BaseAddress.ToString(), Locale = "fr-FR", TimezoneId = "Europe/Paris",
            ViewportSize = new() { Width = Screens.DesktopWidth, Height = Screens.DesktopHeight },
        });
        try
        {
            var second = await context.NewPageAsync();
            await BrowserHost.LogInAsync(second, Flows.RedonMember);
            await second.GotoAsync(url);
            await Expect(second.Locator("#booking-form")).ToBeVisibleAsync();

            await FillAsync(first, "Exemple-Gagnant");
            await FillAsync(second, "Exemple-Perdant");
            await first.Locator("#booking-form").GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync();
            await Expect(first).ToHaveURLAsync(Confirmation());
            await Expect(first.Locator("#booking-patient")).ToContainTextAsync("Exemple-Gagnant");

            var lost = await second.RunAndWaitForResponseAsync(
                () => second.Locator("#booking-form").GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync(),
                r => r.Request.Method == "POST");
            Assert.Equal(409, lost.Status);
            await Expect(second.Locator("#slot-taken")).ToContainTextAsync("vient d'être réservé par quelqu'un d'autre");
            await Expect(second.Locator("#slot-taken")).ToContainTextAsync("Créneaux libres suivants");
            var form = second.Locator("#booking-form");
            await Expect(form).ToBeVisibleAsync();
            await Expect(form.GetByLabel("Nom du patient")).ToHaveValueAsync("Exemple-Perdant");
            await Expect(form.GetByLabel("Téléphone")).ToHaveValueAsync("06 00 00 99 88");

            // Still usable: the next free slot is booked from the same form.
            await form.GetByRole(AriaRole.Button, new() { Name = "Réserver" }).ClickAsync();
            await Expect(second).ToHaveURLAsync(Confirmation());
            await Expect(second.Locator("#booking-patient")).ToContainTextAsync("Exemple-Perdant");
        }
        finally
        {
            await context.CloseAsync();
        }
    });

    private static async Task FillAsync(IPage page, string family)
    {
        var form = page.Locator("#booking-form");
        await form.GetByLabel("Nom du patient").FillAsync(family);
        await form.GetByLabel("Prénom").FillAsync("Camille");
        await form.GetByLabel("Date de naissance").FillAsync("1968-03-21");
        await form.GetByLabel("Téléphone").FillAsync("06 00 00 99 88");
        await form.GetByLabel("Motif").SelectOptionAsync("fever");
    }

    /// <summary>The SAS platform: an account marked for it and its bearer token, calling the host's FHIR server.</summary>
    private async Task<HttpClient> SasClientAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        var email = $"sas.{Guid.NewGuid().ToString("N")[..8]}@plateforme-sas.example";
        var user = new MaillageUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Plateforme SAS", Role = Role.Member };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddClaimAsync(user, new Claim(FhirWeb.SasClaim, FhirWeb.SasClaimValue))).Succeeded);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "navigateur", TestContext.Current.CancellationToken);
        var client = new HttpClient { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        return client;
    }

    /// <summary>The <c>comment</c> of the first free slot the SAS finds for the demo's effectors in the next days, as the SAS would read it.</summary>
    private static async Task<string> SlotAddressAsync(HttpClient sas, CancellationToken ct)
    {
        using var practitioners = JsonDocument.Parse(await sas.GetStringAsync("fhir/Practitioner?_count=25", ct));
        var ids = practitioners.RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => "urn:oid:1.2.250.1.71.4.2.1|" + e.GetProperty("resource").GetProperty("identifier")[0].GetProperty("value").GetString());
        var from = DateTimeOffset.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.UtcNow.AddDays(4).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var query = $"fhir/Slot?start=ge{from}.000+00:00&start=le{to}.000+00:00&schedule.actor:Practitioner.identifier={string.Join(",", ids)}&status=free"
            + "&_include=Slot:schedule&_include:iterate=Schedule:actor";
        using var bundle = JsonDocument.Parse(await sas.GetStringAsync(query, ct));
        var slot = bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .First(r => r.GetProperty("resourceType").GetString() == "Slot");
        var comment = slot.GetProperty("comment").GetString()!;
        Assert.Contains("/snp/reserver?slot=", comment, StringComparison.Ordinal);
        return comment;
    }

    [GeneratedRegex("^Réserver le ")]
    private static partial Regex Booking();

    [GeneratedRegex("/snp/reservations/[0-9a-f-]{36}")]
    private static partial Regex Confirmation();
}
