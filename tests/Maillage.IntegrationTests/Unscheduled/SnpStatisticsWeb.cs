using System.Net;
using System.Text;
using ClosedXML.Excel;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Persistence;
using Maillage.Unscheduled;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Unscheduled;

/// <summary>
/// « Statistiques SNP » and its routes through HTTP: two effectors enrolled and their places saved through the API, their past slots,
/// bookings and outcomes written in the module's tables. The coordinator's page shows the totals and the SAS supplement due, the effector's
/// only its own line, a plain member is refused; the JSON, the CSV and the Excel exports; a bad period answers 400 naming the field.
/// </summary>
public abstract class SnpStatisticsWeb(MaillageApp app) : IntegrationTest(app)
{
    private sealed record World(CommunityWorld C, Guid A, Guid B, DateOnly From, DateOnly To)
    {
        public string Api => $"/api/cpts/{C.Cpts}/snp/statistics";

        public string Page => $"/cpts/{C.Cpts}/snp/statistiques";

        public string Period => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}";
    }

    [Fact]
    public async Task The_coordinator_reads_the_totals_and_the_sas_supplement_the_effector_its_own_line_and_a_member_is_refused()
    {
        var w = await WorldAsync();
        var html = WebUtility.HtmlDecode(await w.C.Coordinator.PageAsync($"{w.Page}?{w.Period}"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<h1[ >]"));
        Assert.Contains("<h1>Statistiques SNP</h1>", html, StringComparison.Ordinal);
        // A: 4 slots of 30 min, 3 booked (SAS seen, SAS redirected, nurse no-show); B: one hour, SAS seen. 5 offered, 4 booked, 80 %.
        Assert.Matches("id=\"total-offered\">5<", html);
        Assert.Matches("id=\"total-booked\">4<", html);
        Assert.Contains("80,0\u202F%", html, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", html, StringComparison.Ordinal);
        Assert.Contains("<table id=\"by-effector\"", html, StringComparison.Ordinal);
        Assert.Contains("Paul Durand", html, StringComparison.Ordinal);
        Assert.Contains("Luc Bernard", html, StringComparison.Ordinal);
        // SAS: 2 for A, 1 for B, 15 € each under the weekly cap.
        Assert.Contains("<table id=\"sas\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sas-due\">45,00\u00A0€<", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sas-source\"", html, StringComparison.Ordinal);
        Assert.Contains($"/api/cpts/{w.C.Cpts}/snp/statistics/export?{w.Period}&format=csv", html, StringComparison.Ordinal);
        Assert.Contains("Télécharger (Excel)", html, StringComparison.Ordinal);

        // Without a period, the last 8 ISO weeks up to today.
        var byDefault = WebUtility.HtmlDecode(await w.C.Coordinator.PageAsync(w.Page));
        Assert.Contains($"value=\"{Http.Today:yyyy-MM-dd}\"", byDefault, StringComparison.Ordinal);
        Assert.Matches("id=\"total-offered\">5<", byDefault);

        var own = WebUtility.HtmlDecode(await w.C[0].Client.PageAsync($"{w.Page}?{w.Period}"));
        Assert.Matches("id=\"total-offered\">4<", own);
        Assert.Contains("Paul Durand", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Luc Bernard", own, StringComparison.Ordinal);
        Assert.Contains("id=\"sas-due\">30,00\u00A0€<", own, StringComparison.Ordinal);

        Assert.Contains("snp-forbidden", await w.C[1].Client.PageAsync($"{w.Page}?{w.Period}", HttpStatusCode.Forbidden), StringComparison.Ordinal);
        await w.C[1].Client.GetJsonAsync($"{w.Api}?{w.Period}", HttpStatusCode.Forbidden);
        await w.C.ForeignCoordinator.GetJsonAsync($"{w.Api}?{w.Period}", HttpStatusCode.NotFound);
        // A SAS regulator belongs to no CPTS: the statistics are not found for it, page or API.
        var regulator = App.ClientFor(await Sas.SasRegulatorAccounts.CreateRegulatorAsync(App));
        await regulator.PageAsync($"{w.Page}?{w.Period}", HttpStatusCode.NotFound);
        await regulator.GetJsonAsync($"{w.Api}?{w.Period}", HttpStatusCode.NotFound);

        // The workspace offers the page to the coordinator and the effector, not to the plain member.
        var link = $"href=\"{w.Page}\"";
        Assert.Contains(link, await w.C.Coordinator.PageAsync($"/cpts/{w.C.Cpts}"), StringComparison.Ordinal);
        Assert.Contains(link, await w.C[0].Client.PageAsync($"/cpts/{w.C.Cpts}"), StringComparison.Ordinal);
        Assert.DoesNotContain(link, await w.C[1].Client.PageAsync($"/cpts/{w.C.Cpts}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_json_csv_and_excel_and_a_bad_period_or_format_is_a_400_naming_the_field()
    {
        var w = await WorldAsync();
        var json = await w.C.Coordinator.GetJsonAsync($"{w.Api}?{w.Period}");
        var total = json.GetProperty("total");
        Assert.Equal(5, total.GetProperty("offered").GetInt32());
        Assert.Equal(0.8m, total.GetProperty("fillRate").GetDecimal());
        Assert.Equal(45m, json.GetProperty("sasDue").GetDecimal());
        Assert.Equal(2, json.GetProperty("byEffector").GetArrayLength());
        Assert.Equal(w.A, Assert.Single((await w.C[0].Client.GetJsonAsync($"{w.Api}?{w.Period}")).GetProperty("byEffector").EnumerateArray()).GetProperty("key").GetGuid());

        using var csv = await w.C.Coordinator.GetAsync($"{w.Api}/export?{w.Period}&format=csv", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Période;Créneaux offerts;Heures offertes;Réservés;Taux de remplissage (%)", text, StringComparison.Ordinal);

        using var xlsx = await w.C.Coordinator.GetAsync($"{w.Api}/export?{w.Period}&format=xlsx", Ct);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Equal(["Synthèse", "Par semaine", "Par effecteur", "Par commune", "Par origine", "Supplément SAS"], book.Worksheets.Select(s => s.Name));
        Assert.Equal(5, book.Worksheet("Synthèse").Cell(2, 2).GetValue<int>());

        Assert.NotEmpty((await w.C.Coordinator.GetJsonAsync($"{w.Api}?from={w.To:yyyy-MM-dd}&to={w.From:yyyy-MM-dd}", HttpStatusCode.BadRequest)).FieldErrors("to"));
        Assert.NotEmpty((await w.C.Coordinator.GetJsonAsync($"{w.Api}?from=02/03/2026&to={w.To:yyyy-MM-dd}", HttpStatusCode.BadRequest)).FieldErrors("from"));
        Assert.NotEmpty((await w.C.Coordinator.GetJsonAsync($"{w.Api}?to={w.To:yyyy-MM-dd}", HttpStatusCode.BadRequest)).FieldErrors("from"));
        Assert.NotEmpty((await w.C.Coordinator.GetJsonAsync($"{w.Api}/export?{w.Period}&format=pdf", HttpStatusCode.BadRequest)).FieldErrors("format"));
        using var refused = await w.C[1].Client.GetAsync($"{w.Api}/export?{w.Period}&format=csv", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The page names the field too, and keeps the form.
        var page = WebUtility.HtmlDecode(await w.C.Coordinator.PageAsync($"{w.Page}?from={w.To:yyyy-MM-dd}&to={w.From:yyyy-MM-dd}", HttpStatusCode.UnprocessableEntity));
        Assert.Contains("Le dernier jour doit venir après le premier.", page, StringComparison.Ordinal);
        Assert.Contains("id=\"period-form\"", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Effector A (Paul Durand, place in the first commune), ten days ago: four 30-minute slots — SAS seen, SAS redirected, nurse no-show,
    /// one free. Effector B (Luc Bernard, second commune), three days ago: one hour-long slot, SAS seen. C[1] is a plain member.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var c = await CommunityWorld.CreateAsync(App);
        var api = $"/api/cpts/{c.Cpts}/snp";
        async Task<Guid> Created(Task<HttpResponseMessage> post) => (await (await post).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var a = await Created(c.Coordinator.PostJsonAsync($"{api}/effectors", new { memberId = c[0].Id }));
        var b = await Created(c.Coordinator.PostJsonAsync($"{api}/effectors", new { memberId = c[2].Id }));
        var placeA = await Created(c.Coordinator.PostJsonAsync($"{api}/places", new { name = "Cabinet A", kind = "practice", address = "1 rue A", communeCode = c.Communes[0] }));
        var placeB = await Created(c.Coordinator.PostJsonAsync($"{api}/places", new { name = "Cabinet B", kind = "practice", address = "1 rue B", communeCode = c.Communes[1] }));

        var today = Http.Today;
        var history = new List<object>();
        var dayA = new DateTimeOffset(today.AddDays(-10).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        (BookingOrigin Origin, BookingOutcome Outcome)?[] aBookings =
            [(BookingOrigin.Sas, BookingOutcome.Seen), (BookingOrigin.Sas, BookingOutcome.Redirected), (BookingOrigin.Nurse, BookingOutcome.NoShow), null];
        for (var i = 0; i < aBookings.Length; i++)
        {
            var slot = Slot(c.Cpts, a, placeA, dayA.AddMinutes(30 * i), 30);
            history.Add(slot);
            if (aBookings[i] is { } x)
            {
                history.Add(Booking(c.Cpts, slot, x.Origin, x.Outcome));
            }
        }

        var slotB = Slot(c.Cpts, b, placeB, new DateTimeOffset(today.AddDays(-3).ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero), 60);
        history.AddRange([slotB, Booking(c.Cpts, slotB, BookingOrigin.Sas, BookingOutcome.Seen)]);
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
            db.AddRange(history);
            await db.SaveChangesAsync(Ct);
        }

        return new World(c, a, b, today.AddDays(-14), today.AddDays(-1));
    }

    private static Slot Slot(Guid cpts, Guid effector, Guid place, DateTimeOffset start, int minutes) => new()
    {
        Id = Guid.NewGuid(), CptsId = cpts, EffectorId = effector, PlaceId = place, Start = start, End = start.AddMinutes(minutes), Kind = SlotKind.InPerson,
        Audience = SlotAudience.Registrars | SlotAudience.SasSnp,
    };

    private static Booking Booking(Guid cpts, Slot slot, BookingOrigin origin, BookingOutcome outcome) => new()
    {
        Id = Guid.NewGuid(), CptsId = cpts, SlotId = slot.Id, PatientFamilyName = "Fictif", PatientGivenName = "Jean", PatientBirthDate = new DateOnly(1980, 5, 5),
        PatientPhone = "0600000000", Reason = "fever", Origin = origin, BookedById = "test", BookedBy = "test", BookedAt = slot.Start.AddHours(-2),
        Outcome = outcome, OutcomeAt = slot.End.AddMinutes(10), RedirectedTo = outcome == BookingOutcome.Redirected ? "Urgences" : null,
    };
}

public sealed class SnpStatisticsWeb_on_sqlite(SqliteApp app) : SnpStatisticsWeb(app), IClassFixture<SqliteApp>;

public sealed class SnpStatisticsWeb_on_postgres(PostgresApp app) : SnpStatisticsWeb(app), IClassFixture<PostgresApp>;
