using Maillage.IntegrationTests.Infrastructure;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Unscheduled;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Unscheduled;

/// <summary>
/// Unscheduled care on a real database, through its use cases (issue 12): an effector's week opened from a pattern, registrars racing for
/// one slot, the database refusing a second live booking whatever the code does, a pattern that cannot drop a booked slot, outcomes.
/// </summary>
public abstract class SnpDomain(MaillageApp app) : IntegrationTest(app)
{
    private sealed record World(CommunityWorld Community, Actor Coordinator, Actor Doctor, Actor Pharmacist, Actor Nurse, Guid Effector, Guid Place);

    [Fact]
    public async Task Two_registrars_racing_for_one_slot_one_wins_and_the_other_is_told_the_next_free_slots()
    {
        var w = await WorldAsync();
        var slots = await OpenAsync(w, days: 2);
        for (var round = 0; round < 6; round++)
        {
            var slot = slots[round];
            var results = await Task.WhenAll(
                Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot.Id, Patient("Durand"), w.Pharmacist, Ct)),
                Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot.Id, Patient("Leroy"), w.Nurse, Ct)));

            Assert.Single(results, r => r.Succeeded);
            var lost = Assert.Single(results, r => !r.Succeeded);
            var error = Assert.Single(lost.Errors);
            Assert.True(error.Code is "slot_taken", error.Message);
            Assert.Equal(ErrorKind.Conflict, error.Kind);
            Assert.Contains("Créneaux libres suivants", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(6, await Use(s => s.GetRequiredService<MaillageDbContext>().Set<Booking>().CountAsync(b => b.CptsId == w.Community.Cpts, Ct)));
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_live_booking_of_a_slot_but_takes_one_after_a_cancellation()
    {
        var w = await WorldAsync();
        var slot = (await OpenAsync(w, days: 1))[0];
        Booking Live() => new()
        {
            Id = Guid.NewGuid(), CptsId = w.Community.Cpts, SlotId = slot.Id, PatientFamilyName = "X", PatientGivenName = "Y", PatientBirthDate = new DateOnly(1990, 1, 1),
            PatientPhone = "0600000000", Reason = "other", BookedById = "test", BookedBy = "test", BookedAt = DateTimeOffset.UtcNow,
        };

        var first = Live();
        await Use(async s => { var db = s.GetRequiredService<MaillageDbContext>(); db.Add(first); return await db.SaveChangesAsync(Ct); });
        await Assert.ThrowsAsync<DbUpdateException>(() => Use(async s => { var db = s.GetRequiredService<MaillageDbContext>(); db.Add(Live()); return await db.SaveChangesAsync(Ct); }));

        var cancelled = await Use(s => s.GetRequiredService<CancelBooking>().RunAsync(w.Community.Cpts, first.Id, "Le patient a trouvé un autre rendez-vous", null, w.Coordinator, Ct));
        Assert.True(cancelled.Succeeded, string.Join(" ", cancelled.Errors.Select(e => e.Message)));
        var again = await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot.Id, Patient("Martin"), w.Pharmacist, Ct));
        Assert.True(again.Succeeded, string.Join(" ", again.Errors.Select(e => e.Message)));
        Assert.Equal(BookingOrigin.Pharmacy, again.Value!.Origin);
    }

    [Fact]
    public async Task A_pattern_opens_four_weeks_and_cannot_drop_a_booked_slot_but_withdraws_free_ones()
    {
        var w = await WorldAsync();
        var saved = await Use(s => s.GetRequiredService<SavePattern>().RunAsync(w.Community.Cpts, null, Week(w, "08:00", "10:00"), w.Doctor, Ct));
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.Select(e => e.Message)));
        Assert.InRange(saved.Value!.Opened, 4 * 5 * 8 - 8 * 2, 5 * 5 * 8);   // every weekday, 8 slots a morning, about four weeks ahead

        var all = await Use(s => s.GetRequiredService<MaillageDbContext>().Set<Slot>().Where(x => x.PatternId == saved.Value.Pattern.Id).OrderBy(x => x.Start).ToListAsync(Ct));
        var lastOfAMorning = all.GroupBy(x => x.Start.UtcDateTime.Date).First(g => g.Count() == 8).Last();
        var booked = await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, lastOfAMorning.Id, Patient("Petit"), w.Pharmacist, Ct));
        Assert.True(booked.Succeeded);

        // Mornings shortened to 09:00: the booked 09:45 slot stands in the way and is named; nothing is written.
        var refused = await Use(s => s.GetRequiredService<SavePattern>().RunAsync(w.Community.Cpts, saved.Value.Pattern.Id,
            Week(w, "08:00", "09:00") with { Version = saved.Value.Pattern.Version }, w.Doctor, Ct));
        var inTheWay = Assert.Single(refused.Errors);
        Assert.Equal(("slot_booked", ErrorKind.Conflict), (inTheWay.Code, inTheWay.Kind));
        Assert.Contains("09:45", inTheWay.Message, StringComparison.Ordinal);
        Assert.Equal(all.Count, await Use(s => s.GetRequiredService<MaillageDbContext>().Set<Slot>().CountAsync(x => x.PatternId == saved.Value.Pattern.Id && x.WithdrawnAt == null, Ct)));

        // Moved to another slot, the booking no longer stands in the way: the free 09:xx slots are withdrawn.
        var target = all.First(x => x.Start > lastOfAMorning.Start && x.Start.ToOffset(TimeSpan.FromHours(1)).Hour == 8);
        var moved = await Use(s => s.GetRequiredService<BookSlot>().RescheduleAsync(w.Community.Cpts, booked.Value!.Id, target.Id, null, w.Pharmacist, Ct));
        Assert.True(moved.Succeeded, string.Join(" ", moved.Errors.Select(e => e.Message)));
        var shortened = await Use(s => s.GetRequiredService<SavePattern>().RunAsync(w.Community.Cpts, saved.Value.Pattern.Id,
            Week(w, "08:00", "09:00") with { Version = saved.Value.Pattern.Version }, w.Doctor, Ct));
        Assert.True(shortened.Succeeded, string.Join(" ", shortened.Errors.Select(e => e.Message)));
        Assert.Equal(0, shortened.Value!.Opened);
        Assert.InRange(shortened.Value.Withdrawn, all.Count / 2 - 4, all.Count / 2);
    }

    [Fact]
    public async Task The_roll_forward_opens_again_what_a_pattern_lacks_up_to_its_horizon_and_nothing_twice()
    {
        var w = await WorldAsync();
        var saved = await Use(s => s.GetRequiredService<SavePattern>().RunAsync(w.Community.Cpts, null, Week(w, "14:00", "15:00"), w.Doctor, Ct));
        var id = saved.Value!.Pattern.Id;
        int Count(IServiceProvider s) => s.GetRequiredService<MaillageDbContext>().Set<Slot>().Count(x => x.PatternId == id && x.WithdrawnAt == null);
        var before = await Use(s => Task.FromResult(Count(s)));
        var lastDay = await Use(s => s.GetRequiredService<MaillageDbContext>().Set<Slot>().Where(x => x.PatternId == id).OrderByDescending(x => x.Start).Select(x => x.Start).FirstAsync(Ct));
        // The farthest slots as if the horizon had not yet reached them.
        await Use(s => s.GetRequiredService<MaillageDbContext>().Set<Slot>().Where(x => x.PatternId == id && x.Start > lastDay.AddDays(-2)).ExecuteDeleteAsync(Ct));
        Assert.True(await Use(s => Task.FromResult(Count(s))) < before);

        var opened = await Use(s => s.GetRequiredService<RollSlotsForward>().RunAsync(Ct));
        Assert.True(opened > 0);
        Assert.Equal(before, await Use(s => Task.FromResult(Count(s))));
        await Use(s => s.GetRequiredService<RollSlotsForward>().RunAsync(Ct));
        Assert.Equal(before, await Use(s => Task.FromResult(Count(s))));

        // The pattern's version moved with what was opened: an edit from a form read before is refused as stale, not applied over it.
        var stale = await Use(s => s.GetRequiredService<SavePattern>().RunAsync(w.Community.Cpts, id, Week(w, "14:00", "14:30") with { Version = saved.Value.Pattern.Version },
            w.Doctor, Ct));
        Assert.Equal("stale_version", Assert.Single(stale.Errors).Code);
    }

    [Fact]
    public async Task The_effector_gets_the_appointment_in_its_calendar_the_patient_a_confirmation_and_a_cancellation_reaches_the_registrar()
    {
        var w = await WorldAsync();
        var slot = (await OpenAsync(w, days: 1))[0];
        var patientAddress = $"patient-{Guid.NewGuid():N}@example.org";
        var effectorAddress = $"{w.Community[0].Rpps}@pro.example";
        var booked = await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot.Id, Patient("Courriel") with { Email = patientAddress }, w.Pharmacist, Ct));
        Assert.True(booked.Succeeded);

        var toEffector = Assert.Single(App.Factory.MailsTo(effectorAddress));
        Assert.StartsWith("Nouveau rendez-vous : ", toEffector.Subject, StringComparison.Ordinal);
        Assert.Contains("Camille Courriel", toEffector.TextBody ?? "", StringComparison.Ordinal);
        var invitation = Assert.Single(toEffector.BodyParts.OfType<MimeKit.MimePart>(), p => p.ContentType.MimeType == "text/calendar");
        using (var ics = new StreamReader(invitation.Content!.Open()))
        {
            var text = await ics.ReadToEndAsync(Ct);
            Assert.Contains("METHOD:REQUEST", text, StringComparison.Ordinal);
            Assert.Contains($"UID:{booked.Value!.Id:D}@maillage-snp", text, StringComparison.Ordinal);
            Assert.Contains("DTSTART;TZID=Europe/Paris:", text, StringComparison.Ordinal);
            Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        }

        var confirmation = Assert.Single(App.Factory.MailsTo(patientAddress));
        Assert.StartsWith("Votre rendez-vous du ", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Cabinet du Dr Durand, 1 rue de la Gare", confirmation.TextBody ?? "", StringComparison.Ordinal);

        // The doctor cancels: the pharmacist who booked and the patient are told; the doctor is not mailed about its own cancellation.
        var cancelled = await Use(s => s.GetRequiredService<CancelBooking>().RunAsync(w.Community.Cpts, booked.Value!.Id, "Médecin absent", null, w.Doctor, Ct));
        Assert.True(cancelled.Succeeded);
        Assert.Contains("Médecin absent", Assert.Single(App.Factory.MailsTo(w.Pharmacist.Name)).TextBody, StringComparison.Ordinal);
        Assert.Equal(2, App.Factory.MailsTo(patientAddress).Count);
        Assert.Single(App.Factory.MailsTo(effectorAddress));
    }


    [Fact]
    public async Task Only_registrars_book_only_the_effector_keeps_its_agenda_and_the_outcome_waits_for_the_slot()
    {
        var w = await WorldAsync();
        var slot = (await OpenAsync(w, days: 1))[0];
        var member = new Actor("m", "membre", Role.Member, w.Community.Cpts, null, null, w.Community[1].Id);
        Assert.Equal(ErrorKind.Forbidden, (await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot.Id, Patient("A"), member, Ct))).Kind);
        Assert.Equal(ErrorKind.Forbidden, (await Use(s => s.GetRequiredService<OpenSlot>().WithdrawAsync(w.Community.Cpts, slot.Id, w.Pharmacist, Ct))).Kind);
        var foreign = new Actor("f", "autre", Role.Coordinator, w.Community.ForeignCpts, null, null);
        Assert.Equal(ErrorKind.NotFound, (await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot.Id, Patient("A"), foreign, Ct))).Kind);

        var refused = await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot.Id,
            new PatientInput("", "Jeanne", DateOnly.FromDateTime(DateTime.Today.AddDays(3)), "12", "pas-un-email", "185067505612308", "rhume", null), w.Pharmacist, Ct));
        Assert.Equal(["family_name_required", "invalid_birth_date", "invalid_phone", "invalid_email", "invalid_nir_key", "reason_required"],
            refused.Errors.Select(e => e.Code));

        var booked = await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slot.Id, Patient("Bernard"), w.Pharmacist, Ct));
        var early = await Use(s => s.GetRequiredService<RecordOutcome>().RunAsync(w.Community.Cpts, booked.Value!.Id, "seen", null, null, w.Doctor, Ct));
        Assert.Equal("slot_to_come", Assert.Single(early.Errors).Code);
        Assert.Equal(ErrorKind.Forbidden, (await Use(s => s.GetRequiredService<RecordOutcome>().RunAsync(w.Community.Cpts, booked.Value!.Id, "seen", null, null, w.Pharmacist, Ct))).Kind);

        // The slot is over (moved into the past by hand): the effector records a redirection, which needs where.
        await Use(s => s.GetRequiredService<MaillageDbContext>().Set<Slot>().Where(x => x.Id == slot.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Start, DateTimeOffset.UtcNow.AddHours(-2)).SetProperty(x => x.End, DateTimeOffset.UtcNow.AddHours(-1)), Ct));
        var noWhere = await Use(s => s.GetRequiredService<RecordOutcome>().RunAsync(w.Community.Cpts, booked.Value!.Id, "redirected", " ", null, w.Doctor, Ct));
        Assert.Equal("redirected_to_required", Assert.Single(noWhere.Errors).Code);
        var done = await Use(s => s.GetRequiredService<RecordOutcome>().RunAsync(w.Community.Cpts, booked.Value!.Id, "redirected", "Urgences de Blois", null, w.Doctor, Ct));
        Assert.Equal((BookingOutcome.Redirected, "Urgences de Blois"), (done.Value!.Outcome, done.Value.RedirectedTo));
        Assert.Equal("outcome_recorded", Assert.Single((await Use(s => s.GetRequiredService<CancelBooking>().RunAsync(w.Community.Cpts, booked.Value!.Id, null, null, w.Pharmacist, Ct))).Errors).Code);
    }

    [Fact]
    public async Task The_search_finds_free_slots_for_registrars_nearest_first_and_not_the_booked_or_withdrawn_ones()
    {
        var w = await WorldAsync();
        var slots = await OpenAsync(w, days: 1);
        await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, slots[0].Id, Patient("Simon"), w.Nurse, Ct));
        await Use(s => s.GetRequiredService<OpenSlot>().WithdrawAsync(w.Community.Cpts, slots[1].Id, w.Doctor, Ct));

        var found = await Use(s => s.GetRequiredService<SearchSlots>().RunAsync(w.Community.Cpts, new SlotQuery(To: DateTimeOffset.UtcNow.AddDays(3), Near: w.Community.Communes[0]), w.Pharmacist, Ct));
        Assert.True(found.Succeeded);
        Assert.DoesNotContain(found.Value!, f => f.SlotId == slots[0].Id || f.SlotId == slots[1].Id);
        Assert.Contains(found.Value!, f => f.SlotId == slots[2].Id);
        Assert.All(found.Value!, f => Assert.Equal(Proximity.SameCommune, f.Proximity));
        Assert.Equal(found.Value!.Select(f => f.Start).Order(), found.Value!.Select(f => f.Start));

        var bad = await Use(s => s.GetRequiredService<SearchSlots>().RunAsync(w.Community.Cpts, new SlotQuery(Near: "99999", Kind: "dentiste"), w.Pharmacist, Ct));
        Assert.Equal(["invalid_kind", "unknown_place"], bad.Errors.Select(e => e.Code).Order());
    }

    [Fact]
    public async Task The_effector_and_the_registrar_find_their_day_among_their_key_figures()
    {
        var w = await WorldAsync();
        var tomorrow = (await OpenAsync(w, days: 1))[0];
        var booked = await Use(s => s.GetRequiredService<BookSlot>().RunAsync(w.Community.Cpts, tomorrow.Id, Patient("Durand"), w.Pharmacist, Ct));
        Assert.True(booked.Succeeded, string.Join(" ", booked.Errors.Select(e => e.Message)));
        await Use(async s =>
        {
            // A consultation today at the CPTS's noon (past or to come, it is the doctor's day), booked by someone else.
            var tenant = (await s.GetRequiredService<Tenancy>().ResolveAsync(w.Community.Cpts, w.Coordinator, Ct)).Value!;
            var noon = tenant.Clock.StartOf(tenant.Today).AddHours(12);
            var db = s.GetRequiredService<MaillageDbContext>();
            var slot = new Slot { Id = Guid.NewGuid(), CptsId = w.Community.Cpts, EffectorId = w.Effector, PlaceId = w.Place, Start = noon, End = noon.AddMinutes(20),
                Kind = SlotKind.InPerson, Audience = SlotAudience.Registrars };
            db.Add(slot);
            db.Add(new Booking { Id = Guid.NewGuid(), CptsId = w.Community.Cpts, SlotId = slot.Id, PatientFamilyName = "X", PatientGivenName = "Y",
                PatientBirthDate = new DateOnly(1990, 1, 1), PatientPhone = "0600000000", Reason = "other", BookedById = "other", BookedBy = "other",
                BookedAt = noon.AddDays(-1) });
            return await db.SaveChangesAsync(Ct);
        });

        var day = Assert.Single(await FiguresAsync(w, w.Doctor), f => f.Key == "snp.my-day");
        Assert.Equal("1", day.Value);
        Assert.Equal($"/cpts/{w.Community.Cpts}/snp/agenda", day.Href);
        var mine = Assert.Single(await FiguresAsync(w, w.Pharmacist), f => f.Key == "snp.my-bookings-today");
        Assert.Equal("1", mine.Value);
        Assert.Equal("0", Assert.Single(await FiguresAsync(w, w.Nurse), f => f.Key == "snp.my-bookings-today").Value);
        Assert.DoesNotContain(await FiguresAsync(w, w.Coordinator), f => f.Key is "snp.my-day" or "snp.my-bookings-today");
    }

    private Task<IReadOnlyList<KeyFigure>> FiguresAsync(World w, Actor actor) => Use(async s =>
    {
        var tenant = (await s.GetRequiredService<Tenancy>().ResolveAsync(w.Community.Cpts, actor, Ct)).Value!;
        return await s.GetServices<IKeyFigureSource>().OfType<SnpFigures>().Single().OfAsync(tenant, Ct);
    });

    private async Task<World> WorldAsync()
    {
        var c = await CommunityWorld.CreateAsync(App);
        var coordinator = new Actor("coord", "coordination", Role.Coordinator, c.Cpts, null, null);
        var effector = await Use(s => s.GetRequiredService<EnrollEffector>().RunAsync(c.Cpts, c[0].Id, coordinator, Ct));
        Assert.True(effector.Succeeded, string.Join(" ", effector.Errors.Select(e => e.Message)));
        foreach (var (i, origin) in new[] { (5, "pharmacy"), (3, "nurse") })
        {
            var r = await Use(s => s.GetRequiredService<EnrollRegistrar>().RunAsync(c.Cpts, c[i].Id, origin, coordinator, Ct));
            Assert.True(r.Succeeded, string.Join(" ", r.Errors.Select(e => e.Message)));
        }

        var place = await Use(s => s.GetRequiredService<SavePlace>().RunAsync(c.Cpts, null,
            new PlaceInput("Cabinet du Dr Durand", "practice", "1 rue de la Gare", c.Communes[0], null), coordinator, Ct));
        Assert.True(place.Succeeded, string.Join(" ", place.Errors.Select(e => e.Message)));
        return new World(c, coordinator, Member(c, 0, "doctor"), Member(c, 5, "pharmacist"), Member(c, 3, "nurse"), effector.Value!.Id, place.Value!.Id);
    }

    private static Actor Member(CommunityWorld c, int index, string name) =>
        new($"user-{name}-{c[index].Id:N}", $"{name}-{c[index].Id:N}@registrar.example", Role.Member, c.Cpts, null, null, c[index].Id);

    private static PatternInput Week(World w, string start, string end) =>
        new(null, w.Place, [1, 2, 3, 4, 5], start, end, 15, "AMB", ["registrars", "sas-snp"], DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)), null, []);

    /// <summary>Slots opened one by one, every 20 minutes from 08:00 on the next <paramref name="days"/> days (from tomorrow).</summary>
    private async Task<List<Slot>> OpenAsync(World w, int days)
    {
        var slots = new List<Slot>();
        for (var d = 1; d <= days; d++)
        {
            for (var i = 0; i < 6; i++)
            {
                // Days of the CPTS (Paris time): from 22:00 UTC, the UTC date of tomorrow is already today there.
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime).AddDays(d);
                var opened = await Use(s => s.GetRequiredService<OpenSlot>().RunAsync(w.Community.Cpts,
                    new SlotInput(null, w.Place, day, $"{8 + (i / 3):00}:{i % 3 * 20:00}", 20, "AMB", ["registrars"]), w.Doctor, Ct));
                Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.Select(e => e.Message)));
                slots.Add(opened.Value!);
            }
        }

        return slots;
    }

    private static PatientInput Patient(string name) => new(name, "Camille", new DateOnly(1958, 4, 12), "06 12 34 56 78", null, null, "fever", null);

    private async Task<T> Use<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

public sealed class SnpDomain_on_sqlite(SqliteApp app) : SnpDomain(app), IClassFixture<SqliteApp>;

public sealed class SnpDomain_on_postgres(PostgresApp app) : SnpDomain(app), IClassFixture<PostgresApp>;
