using ClosedXML.Excel;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Indicators;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Unscheduled;

/// <summary>
/// The statistics of unscheduled care on a real database (issue 12): two effectors enrolled and their places saved through the use cases, a
/// booking to come through <see cref="BookSlot"/>, and the past (slots, bookings, outcomes) written in the module's tables as the demo does.
/// Offered, booked, fill and no-show rates, lead time, breakdowns, the SAS supplement per effector and week, who reads what, the exports,
/// and the computed indicators Funding reads.
/// </summary>
public abstract class SnpStatistics(MaillageApp app) : IntegrationTest(app)
{
    private sealed record World(CommunityWorld Community, Actor Coordinator, Actor DoctorA, Guid A, Guid B, DateOnly From, DateOnly To, DateOnly Today);

    [Fact]
    public async Task The_coordinator_reads_offered_booked_rates_lead_time_breakdowns_and_the_sas_supplement_due()
    {
        var w = await WorldAsync();
        var read = await Use(s => s.GetRequiredService<ReadSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, w.Coordinator, Ct));
        Assert.True(read.Succeeded, string.Join(" ", read.Errors.Select(e => e.Message)));
        var stats = read.Value!;
        var t = stats.Total;

        // 7 offered (the withdrawn one is not, the one to come is outside the period), 5 booked (the cancelled one is not).
        Assert.Equal((7, 4m, 5, 3, 1, 1, 0), (t.Offered, t.OfferedHours, t.Booked, t.Seen, t.Redirected, t.NoShows, t.AwaitingOutcome));
        Assert.Equal(((decimal?)0.7143m, (decimal?)0.2m, (decimal?)2.4m), (t.FillRate, t.NoShowRate, t.MeanLeadHours));
        Assert.Null(stats.EffectorOnly);

        Assert.Equal([(6, 4), (1, 1)], stats.ByEffector.OrderByDescending(l => l.Figures.Offered).Select(l => (l.Figures.Offered, l.Figures.Booked)));
        Assert.Equal(2, stats.ByWeek.Count);
        Assert.All(stats.ByWeek, l => Assert.Matches("^[0-9]{4}-W[0-9]{2}$", l.Key));
        Assert.Equal(7, stats.ByCommune.Sum(l => l.Figures.Offered));
        Assert.Equal([("nurse", 1), ("pharmacy", 1), ("sas", 3)], stats.ByOrigin.Select(l => (l.Key, l.Figures.Booked)).OrderBy(x => x.Key));
        Assert.All(stats.ByOrigin, l => Assert.Null(l.Figures.FillRate));

        // SAS-referred consultations: 2 for A (one seen, one redirected) in one week, 1 for B in another; 15 € each under the cap of 20.
        Assert.Equal([(w.A, 2, 20, 30m), (w.B, 1, 20, 15m)], stats.Sas.Select(s => (s.EffectorId, s.Referred, s.Cap, s.Due)));
        Assert.Equal(45m, stats.SasDue);
    }

    [Fact]
    public async Task An_effector_reads_its_own_officers_steering_read_all_and_registrars_and_other_members_may_not()
    {
        var w = await WorldAsync();
        var own = await Use(s => s.GetRequiredService<ReadSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, w.DoctorA, Ct));
        Assert.True(own.Succeeded);
        Assert.Equal(((Guid?)w.A, 6, 4), (own.Value!.EffectorOnly, own.Value.Total.Offered, own.Value.Total.Booked));
        Assert.Equal([w.A], own.Value.Sas.Select(s => s.EffectorId));

        var ars = new Actor("ars", "ARS Centre-Val de Loire", Role.Officer, null, "24", null);
        Assert.Equal(7, (await Use(s => s.GetRequiredService<ReadSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, ars, Ct))).Value!.Total.Offered);

        var pharmacist = Member(w.Community, 5, "pharmacist");
        var nurseMember = Member(w.Community, 4, "member");
        Assert.Equal(ErrorKind.Forbidden, (await Use(s => s.GetRequiredService<ReadSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, pharmacist, Ct))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Use(s => s.GetRequiredService<ReadSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, nurseMember, Ct))).Kind);
        var foreign = new Actor("f", "autre", Role.Coordinator, w.Community.ForeignCpts, null, null);
        Assert.Equal(ErrorKind.NotFound, (await Use(s => s.GetRequiredService<ReadSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, foreign, Ct))).Kind);

        var reversed = await Use(s => s.GetRequiredService<ReadSnpStatistics>().RunAsync(w.Community.Cpts, w.To, w.From, w.Coordinator, Ct));
        Assert.Equal("period_reversed", Assert.Single(reversed.Errors).Code);
    }

    [Fact]
    public async Task The_statistics_export_to_csv_and_excel_with_the_same_figures()
    {
        var w = await WorldAsync();
        using var csv = new MemoryStream();
        var file = await Use(s => s.GetRequiredService<ExportSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, SnpStatisticsFormat.Csv, w.Coordinator, csv, Ct));
        Assert.True(file.Succeeded);
        Assert.EndsWith(".csv", file.Value!.FileName, StringComparison.Ordinal);
        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray());
        Assert.Contains("Créneaux offerts;Heures offertes;Réservés;Taux de remplissage (%)", text, StringComparison.Ordinal);
        Assert.Contains(";7;4;5;71,4;3;1;1;20;0;2,4", text, StringComparison.Ordinal);
        Assert.Contains("Consultations adressées par le SAS", text, StringComparison.Ordinal);

        using var xlsx = new MemoryStream();
        var excel = await Use(s => s.GetRequiredService<ExportSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, SnpStatisticsFormat.Xlsx, w.Coordinator, xlsx, Ct));
        Assert.EndsWith(".xlsx", excel.Value!.FileName, StringComparison.Ordinal);
        xlsx.Position = 0;
        using var book = new XLWorkbook(xlsx);
        Assert.Equal(["Synthèse", "Par semaine", "Par effecteur", "Par commune", "Par origine", "Supplément SAS"], book.Worksheets.Select(s => s.Name));
        Assert.Equal(7, book.Worksheet("Synthèse").Cell(2, 2).GetValue<int>());
        Assert.Equal(45m, book.Worksheet("Supplément SAS").Column(9).CellsUsed().Skip(1).Sum(c => c.GetValue<decimal>()));

        var pharmacist = Member(w.Community, 5, "pharmacist");
        using var refused = new MemoryStream();
        Assert.Equal(ErrorKind.Forbidden, (await Use(s => s.GetRequiredService<ExportSnpStatistics>().RunAsync(w.Community.Cpts, w.From, w.To, SnpStatisticsFormat.Csv, pharmacist, refused, Ct))).Kind);
        Assert.Equal(0, refused.Length);
    }

    [Fact]
    public async Task The_access_to_care_figures_are_computed_indicators_funding_can_read()
    {
        var w = await WorldAsync();
        var period = new IndicatorPeriod(w.From, w.To.AddDays(1), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        async Task<decimal> Figure(string key) => await Use(s => s.GetRequiredService<IndicatorSources>().Find(key)!.ComputeAsync(w.Community.Cpts, period, Ct));

        Assert.Equal(4m, await Figure("snp.consultations"));
        Assert.Equal(3m, await Figure("snp.sas-consultations"));
        Assert.Equal(4m, await Figure("snp.offered-hours"));
        Assert.Equal(6m, await Figure("snp.sas-slots"));
    }

    /// <summary>
    /// Effector A (place in the first commune): ten days ago, six 30-minute slots published to the SAS — pharmacy seen (booked 3 h before),
    /// nurse no-show (5 h), SAS seen (1 h), SAS redirected (1 h), one free, one whose booking was cancelled. Effector B (second commune), three
    /// days ago: one hour-long slot for registrars only, SAS seen (2 h), and a withdrawn slot. A's slot tomorrow, booked, is outside the period.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var c = await CommunityWorld.CreateAsync(App);
        var coordinator = new Actor("coord", "coordination", Role.Coordinator, c.Cpts, null, null);
        var a = await Expect(Use(s => s.GetRequiredService<EnrollEffector>().RunAsync(c.Cpts, c[0].Id, coordinator, Ct)));
        var b = await Expect(Use(s => s.GetRequiredService<EnrollEffector>().RunAsync(c.Cpts, c[1].Id, coordinator, Ct)));
        await Expect(Use(s => s.GetRequiredService<EnrollRegistrar>().RunAsync(c.Cpts, c[5].Id, "pharmacy", coordinator, Ct)));
        var placeA = await Expect(Use(s => s.GetRequiredService<SavePlace>().RunAsync(c.Cpts, null, new PlaceInput("Cabinet A", "practice", "1 rue A", c.Communes[0], null), coordinator, Ct)));
        var placeB = await Expect(Use(s => s.GetRequiredService<SavePlace>().RunAsync(c.Cpts, null, new PlaceInput("Cabinet B", "practice", "1 rue B", c.Communes[1], null), coordinator, Ct)));

        var doctorA = Member(c, 0, "doctor");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        var toCome = await Expect(Use(s => s.GetRequiredService<OpenSlot>().RunAsync(c.Cpts, new SlotInput(null, placeA.Id, tomorrow, "10:00", 30, "AMB", ["registrars"]), doctorA, Ct)));
        await Expect(Use(s => s.GetRequiredService<BookSlot>().RunAsync(c.Cpts, toCome.Id,
            new PatientInput("Exemple", "Léa", new DateOnly(1970, 1, 1), "0600000001", null, null, "fever", null), Member(c, 5, "pharmacist"), Ct)));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var history = new List<object>();
        var dayA = new DateTimeOffset(today.AddDays(-10).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        (BookingOrigin Origin, double HoursBefore, BookingOutcome? Outcome, bool Cancelled)?[] aBookings =
        [
            (BookingOrigin.Pharmacy, 3, BookingOutcome.Seen, false), (BookingOrigin.Nurse, 5, BookingOutcome.NoShow, false),
            (BookingOrigin.Sas, 1, BookingOutcome.Seen, false), (BookingOrigin.Sas, 1, BookingOutcome.Redirected, false), null,
            (BookingOrigin.Pharmacy, 2, null, true),
        ];
        foreach (var (booking, i) in aBookings.Select((x, i) => (x, i)))
        {
            var slot = Slot(c.Cpts, a.Id, placeA.Id, dayA.AddMinutes(30 * i), 30, SlotAudience.Registrars | SlotAudience.SasSnp);
            history.Add(slot);
            if (booking is { } x)
            {
                history.Add(Booking(c.Cpts, slot, x.Origin, x.HoursBefore, x.Outcome, x.Cancelled));
            }
        }

        var dayB = new DateTimeOffset(today.AddDays(-3).ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
        var slotB = Slot(c.Cpts, b.Id, placeB.Id, dayB, 60, SlotAudience.Registrars);
        var withdrawn = Slot(c.Cpts, b.Id, placeB.Id, dayB.AddHours(1), 60, SlotAudience.Registrars | SlotAudience.SasSnp);
        withdrawn.WithdrawnAt = dayB.AddDays(-1);
        history.AddRange([slotB, withdrawn, Booking(c.Cpts, slotB, BookingOrigin.Sas, 2, BookingOutcome.Seen, false)]);
        await Use(async s =>
        {
            var db = s.GetRequiredService<MaillageDbContext>();
            db.AddRange(history);
            return await db.SaveChangesAsync(Ct);
        });

        return new World(c, coordinator, doctorA, a.Id, b.Id, today.AddDays(-14), today.AddDays(-1), today);
    }

    private static Slot Slot(Guid cpts, Guid effector, Guid place, DateTimeOffset start, int minutes, SlotAudience audience) => new()
    {
        Id = Guid.NewGuid(), CptsId = cpts, EffectorId = effector, PlaceId = place, Start = start, End = start.AddMinutes(minutes), Kind = SlotKind.InPerson, Audience = audience,
    };

    private static Booking Booking(Guid cpts, Slot slot, BookingOrigin origin, double hoursBefore, BookingOutcome? outcome, bool cancelled) => new()
    {
        Id = Guid.NewGuid(), CptsId = cpts, SlotId = slot.Id, PatientFamilyName = "Fictif", PatientGivenName = "Jean", PatientBirthDate = new DateOnly(1980, 5, 5),
        PatientPhone = "0600000000", Reason = "fever", Origin = origin, BookedById = "test", BookedBy = "test", BookedAt = slot.Start.AddHours(-hoursBefore),
        Outcome = outcome, OutcomeAt = outcome is null ? null : slot.End.AddMinutes(10), RedirectedTo = outcome == BookingOutcome.Redirected ? "Urgences" : null,
        CancelledAt = cancelled ? slot.Start.AddHours(-1) : null, CancelledBy = cancelled ? "test" : null,
    };

    private static Actor Member(CommunityWorld c, int index, string name) => new($"user-{name}-{c[index].Id:N}", name, Role.Member, c.Cpts, null, null, c[index].Id);

    private static async Task<T> Expect<T>(Task<Result<T>> run)
    {
        var result = await run;
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        return result.Value!;
    }

    private async Task<T> Use<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

public sealed class SnpStatistics_on_sqlite(SqliteApp app) : SnpStatistics(app), IClassFixture<SqliteApp>;

public sealed class SnpStatistics_on_postgres(PostgresApp app) : SnpStatistics(app), IClassFixture<PostgresApp>;
