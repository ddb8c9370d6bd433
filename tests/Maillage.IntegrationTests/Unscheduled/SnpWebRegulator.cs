using System.Net;
using System.Text.RegularExpressions;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.IntegrationTests.Sas;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Storage;
using Maillage.Web.Unscheduled;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Unscheduled;

/// <summary>
/// A SAS regulator on the booking pages through HTTP (docs/sas-guide.md §6.3): the slot's address with <c>origin=sas</c> asks to sign in
/// (the address kept), then the terms once, then the slot's form with origin SAS; the confirmation of its own booking is readable (and
/// audited) only from the SAS; without <c>origin=sas</c>, another's booking, the lists, the agenda and the statistics are refused; a slot
/// someone else just won is a French refusal naming the next free slots.
/// </summary>
public abstract partial class SnpWebRegulator(MaillageApp app) : IntegrationTest(app)
{
    private static readonly DateOnly Birth = new(1958, 4, 12);

    [Fact]
    public async Task A_regulator_from_the_sas_accepts_the_terms_then_books_the_slot_with_origin_sas_and_reads_its_confirmation()
    {
        var w = await SasWorld.CreateAsync(App, 3);
        var regulator = await SasRegulatorAccounts.CreateRegulatorAsync(App, acceptTerms: false);
        var client = App.ClientFor(regulator);
        var pages = $"/cpts/{w.Community.Cpts}/snp";
        var booking = $"{pages}/reserver?slot={w.Slots[0]}&origin=sas";

        // Signed out, the address asks to sign in and comes back to it.
        using (var anonymous = await App.Anonymous().GetAsync(booking, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            var login = Uri.UnescapeDataString(anonymous.Headers.Location!.OriginalString);
            Assert.Contains("/connexion?ReturnUrl=" + booking, login, StringComparison.Ordinal);
        }

        // Without origin=sas the regulator's account gets nothing.
        var refused = await client.PageAsync($"{pages}/reserver?slot={w.Slots[0]}", HttpStatusCode.Forbidden);
        Assert.Contains(ReserverModel.RegulatorOnlyFromSas, System.Net.WebUtility.HtmlDecode(refused), StringComparison.Ordinal);

        // The first time, the terms.
        using (var first = await client.GetAsync(booking, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.Equal("/sas/conditions?returnUrl=" + booking, Uri.UnescapeDataString(first.Headers.Location!.OriginalString));
        }

        var terms = "/sas/conditions?returnUrl=" + Uri.EscapeDataString(booking);
        var (unchecked_, html) = await client.PostFormAsync(terms, terms, new Dictionary<string, string?> { ["returnUrl"] = booking });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unchecked_);
        Assert.Contains("Cochez la case", html, StringComparison.Ordinal);
        using (var accepted = await PostAsync(client, terms, terms, new() { ["returnUrl"] = booking, ["accept"] = "true" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            Assert.Equal(booking, accepted.Headers.Location?.OriginalString);
        }

        Assert.NotNull((await UseDb(db => db.SasRegulators().SingleAsync(r => r.UserId == regulator.Id, Ct))).TermsAcceptedAt);

        // The slot's form: the patient, origin SAS fixed, no list of the CPTS's slots.
        var form = System.Net.WebUtility.HtmlDecode(await client.PageAsync(booking));
        Assert.Contains("id=\"booking-form\"", form, StringComparison.Ordinal);
        Assert.Contains("SAS (régulation)", form, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"book-origin\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"free-slots\"", form, StringComparison.Ordinal);
        Assert.Single(H1().Matches(form));

        var before = await AuditCountAsync(w, "snp.booking-read");
        string confirmation;
        using (var booked = await PostAsync(client, booking, booking + "&handler=Book", Patient(w.Slots[0], "Régulé")))
        {
            Assert.True(booked.StatusCode == HttpStatusCode.Redirect, await booked.Content.ReadAsStringAsync(Ct));
            confirmation = booked.Headers.Location!.OriginalString;
            Assert.Matches($"^{pages}/reservations/[0-9a-f-]{{36}}\\?origin=sas$", confirmation);
        }

        var saved = await UseDb(db => db.Bookings().IgnoreQueryFilters().SingleAsync(b => b.SlotId == w.Slots[0] && b.CancelledAt == null, Ct));
        Assert.Equal(BookingOrigin.Sas, saved.Origin);
        Assert.NotNull(saved.RegulatorId);
        var page = System.Net.WebUtility.HtmlDecode(await client.PageAsync(confirmation));
        Assert.Contains("Camille Régulé", page, StringComparison.Ordinal);
        Assert.Contains("SAS (régulation)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cancel-form\"", page, StringComparison.Ordinal);
        Assert.Equal(before + 1, await AuditCountAsync(w, "snp.booking-read"));
        await client.PageAsync(confirmation.Split('?')[0], HttpStatusCode.Forbidden);

        // Another's booking, even from the SAS; the CPTS's other pages: nothing.
        var other = await BookAsync(w, w.Slots[1]);
        await client.PageAsync($"{pages}/reservations/{other.Id}?origin=sas", HttpStatusCode.Forbidden);
        foreach (var url in new[] { pages, $"{pages}/agenda", $"{pages}/reservations", $"{pages}/statistiques", $"/cpts/{w.Community.Cpts}" })
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        Assert.Equal(before + 1, await AuditCountAsync(w, "snp.booking-read"));
    }

    [Fact]
    public async Task A_slot_someone_else_just_won_is_refused_in_french_with_the_next_free_slots_and_the_form_kept()
    {
        var w = await SasWorld.CreateAsync(App, 3);
        var client = App.ClientFor(await SasRegulatorAccounts.CreateRegulatorAsync(App));
        var booking = $"/cpts/{w.Community.Cpts}/snp/reserver?slot={w.Slots[0]}&origin=sas";
        var html = await client.PageAsync(booking);
        var token = Token().Match(html).Groups[1].Value;
        await BookAsync(w, w.Slots[0]);

        using var lost = await client.PostAsync(booking + "&handler=Book", new FormUrlEncodedContent(
            Patient(w.Slots[0], "Perdant").Append(new("__RequestVerificationToken", token))), Ct);
        var page = System.Net.WebUtility.HtmlDecode(await lost.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("vient d'être réservé par quelqu'un d'autre", page, StringComparison.Ordinal);
        Assert.Contains("Créneaux libres suivants", page, StringComparison.Ordinal);
        Assert.Contains("revenez à la plateforme SAS", page, StringComparison.Ordinal);

        // A slot not offered to the SAS is not found for it.
        using var registrarsOnly = await client.GetAsync($"/cpts/{w.Community.Cpts}/snp/reserver?slot={Guid.NewGuid()}&origin=sas", Ct);
        Assert.Equal(HttpStatusCode.NotFound, registrarsOnly.StatusCode);
    }

    private static Dictionary<string, string> Patient(Guid slot, string family) => new()
    {
        ["slotId"] = slot.ToString(), ["familyName"] = family, ["givenName"] = "Camille", ["birthDate"] = "1958-04-12", ["phone"] = "06 12 34 56 78",
        ["reason"] = "fever",
    };

    private async Task<Booking> BookAsync(SasWorld w, Guid slot)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var coordinator = new Actor("coord", "coordination", Role.Coordinator, w.Community.Cpts, null, null);
        var booked = await scope.ServiceProvider.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot,
            new PatientInput("Autre", "Patient", Birth, "06 12 34 56 78", null, null, "fever", null), coordinator, Ct);
        Assert.True(booked.Succeeded, string.Join(" ", booked.Errors.Select(e => e.Message)));
        return booked.Value!;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var token = Token().Match(await client.PageAsync(page)).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {page}");
        using var body = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(action, body, Ct);
    }

    private Task<int> AuditCountAsync(SasWorld w, string action) =>
        UseDb(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.CptsId == w.Community.Cpts && a.Action == action, Ct));

    private async Task<T> UseDb<T>(Func<MaillageDbContext, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<MaillageDbContext>());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}

public sealed class SnpWebRegulator_on_sqlite(SqliteApp app) : SnpWebRegulator(app), IClassFixture<SqliteApp>;

public sealed class SnpWebRegulator_on_postgres(PostgresApp app) : SnpWebRegulator(app), IClassFixture<PostgresApp>;
