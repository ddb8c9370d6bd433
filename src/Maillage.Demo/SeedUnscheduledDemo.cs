using System.Globalization;
using Maillage.Directory;
using Maillage.Lifecycle.Published;
using Maillage.Membership;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Maillage.Unscheduled;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Demo;

/// <summary>
/// Unscheduled care in the demo (issue 12). The CPTS du Pays de Redon runs an unscheduled-care centre in Redon and two practices take part:
/// five general practitioners among its adhérents are effectors with weekly patterns that open from the local today whatever the day the
/// demo is seeded, three adhérents book (the demo member account's infirmière, the treasurer pharmacienne and another pharmacienne), some
/// bookings are to come, and the last four weeks are history (slots, bookings and outcomes written in the module's tables: seen, no-show,
/// redirected, a few cancelled, yesterday's last ones still without an outcome), with a share of SAS-referred patients that takes one
/// effector over the weekly cap of the SAS supplement. The CPTS Nord Réunion gets one effector, at La Réunion's hour. Patients are
/// fictitious (family names « Exemple », « Fictif »…, phones 06 00 00 …). Volumes stay small: the demo is seeded on the first start.
/// </summary>
public sealed class SeedUnscheduledDemo(MaillageDbContext db, Tenancy tenancy, EnrollEffector effectors, EnrollRegistrar registrars, SavePlace places,
    SavePattern patterns, BookSlot book, MergeDirectory merge, AddMember addMember, TimeProvider clock)
{
    /// <summary>The adhérents of Redon's demo community (their index in <see cref="SeedCommunityDemo"/>) who give unscheduled consultations.</summary>
    public static IReadOnlyList<int> RedonEffectors { get; } = [0, 1, 2, 3, 12];

    /// <summary>The adhérent of the demo doctor account (<c>medecin@cpts-redon.demo</c>): Dr Erwan Le Bihan, an effector.</summary>
    public static string DoctorRpps { get; } = SeedCommunityDemo.Rpps(9000003);

    /// <summary>The Réunion doctor added to the CPTS Nord Réunion for its time zone.</summary>
    public static string ReunionRpps { get; } = SeedCommunityDemo.Rpps(9000101);

    /// <summary>Weeks of history written before today.</summary>
    public const int HistoryWeeks = 4;

    private const string SasRegulator = "Régulation SAS d'Ille-et-Vilaine (démo)";

    private static readonly string[] FamilyNames = ["Exemple", "Fictif", "Démo", "Essai", "Modèle", "Témoin", "Spécimen", "Factice"];

    private static readonly string[] GivenNames = ["Alice", "Bruno", "Chloé", "David", "Élise", "Fabien", "Gaëlle", "Hugo", "Inès", "Jules", "Léa", "Marc"];

    private static readonly string[] Redirections = ["Urgences du centre hospitalier de Redon", "Cardiologue de garde", "Radiologie (suspicion de fracture)", "SOS Mains Rennes"];

    private sealed record Pattern(int Effector, int Place, int[] Days, string From, string To, int Minutes, string Kind, string[] Audience);

    // Effector = index in RedonEffectors; place = 0 the centre, 1 Bains-sur-Oust, 2 Pipriac.
    private static readonly Pattern[] RedonPatterns =
    [
        new(0, 0, [1, 2, 3, 4, 5, 6], "08:00", "12:00", 20, "AMB", ["registrars", "sas-snp", "sas-cpts"]),
        new(1, 0, [1, 2, 3, 4, 5, 6, 7], "16:00", "20:00", 30, "AMB", ["registrars", "sas-snp"]),
        new(2, 1, [1, 3, 5], "17:00", "19:00", 15, "AMB", ["registrars"]),
        new(3, 2, [2, 4], "12:00", "14:00", 20, "AMB", ["registrars", "sas-snp"]),
        new(4, 2, [1, 2, 3, 4, 5, 6, 7], "20:00", "21:00", 20, "VR", ["registrars", "sas-snp"]),
    ];

    /// <summary>Seeds Redon's unscheduled care and the Réunion effector; <paramref name="accounts"/> are the demo accounts' user ids by adhérent.</summary>
    public async Task RunAsync(Guid redon, Guid reunion, IReadOnlyDictionary<Guid, string> accounts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (await db.Effectors().AnyAsync(e => e.CptsId == redon, ct))
        {
            return;
        }

        var system = Actor.System;
        var redonTenant = Expect(await tenancy.ForPlatformAsync(redon, ct));
        var here = redonTenant.Clock;
        var today = redonTenant.Today;

        var placeIds = new List<Guid>();
        foreach (var place in new[]
        {
            new PlaceInput("Centre de soins non programmés du Pays de Redon", "snp-centre", "8 avenue de la Gare, 35600 Redon", "35236", "02 99 00 00 00"),
            new PlaceInput("Cabinet médical de Bains-sur-Oust", "practice", "12 place de l'Église, 35600 Bains-sur-Oust", "35013", null),
            new PlaceInput("Cabinet médical de Pipriac", "practice", "3 rue de Redon, 35550 Pipriac", "35219", null),
        })
        {
            placeIds.Add(Expect(await places.RunAsync(redon, null, place, system, ct)).Id);
        }

        var effectorIds = new List<Guid>();
        foreach (var index in RedonEffectors)
        {
            var member = await MemberAsync(redon, SeedCommunityDemo.Rpps(9000001 + index), ct);
            effectorIds.Add(Expect(await effectors.RunAsync(redon, member, system, ct)).Id);
        }

        // Registrars: the member account's infirmière, the treasurer pharmacienne, another pharmacienne (index 9 of the community).
        var registrarActors = new List<(Actor Actor, BookingOrigin Origin)>();
        foreach (var (rpps, origin) in new[] { (SeedCommunityDemo.MemberRpps, "nurse"), (SeedCommunityDemo.TreasurerRpps, "pharmacy"), (SeedCommunityDemo.Rpps(9000010), "pharmacy") })
        {
            var member = await MemberAsync(redon, rpps, ct);
            var registrar = Expect(await registrars.RunAsync(redon, member, origin, system, ct));
            var userId = accounts.TryGetValue(member, out var id) ? id : $"demo-registrar-{member:N}";
            registrarActors.Add((new Actor(userId, await NameAsync(rpps, ct), Role.Member, redon, null, null, member), registrar.Origin));
        }

        var saved = new List<SlotPattern>();
        foreach (var p in RedonPatterns)
        {
            var input = new PatternInput(effectorIds[p.Effector], placeIds[p.Place], p.Days, p.From, p.To, p.Minutes, p.Kind, p.Audience, today, null, []);
            saved.Add(Expect(await patterns.RunAsync(redon, null, input, system, ct)).Pattern);
        }

        db.ChangeTracker.Clear();
        var random = new Random(2026);
        await BookToComeAsync(redon, registrarActors, random, ct);
        await WriteHistoryAsync(redon, saved, here, today, registrarActors, random, ct);
        await SeedReunionAsync(reunion, ct);
    }

    /// <summary>About ten bookings in the coming days, by the three registrars and, for slots the SAS sees, by the SAS's regulation.</summary>
    private async Task BookToComeAsync(Guid redon, List<(Actor Actor, BookingOrigin Origin)> registrarActors, Random random, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var free = await db.Slots().AsNoTracking().Where(s => s.CptsId == redon && s.Start > now.AddHours(1) && s.Start < now.AddDays(4))
            .OrderBy(s => s.Start).ToListAsync(ct);
        var sas = new Actor("demo-sas-regulateur", SasRegulator, Role.Admin, null, null, null);
        var step = Math.Max(1, free.Count / 10);
        for (var i = 0; i < free.Count && i / step < 10; i += step)
        {
            var slot = free[i];
            var n = i / step;
            var bySas = slot.Audience.ToSas() && n % 3 == 2;
            var (actor, _) = registrarActors[n % registrarActors.Count];
            Expect(await book.RunAsync(redon, slot.Id, new PatientInput(Family(random), Given(random), BirthDate(random), Phone(n), null, null,
                SnpRules.Reasons[random.Next(SnpRules.Reasons.Count)].Code, bySas ? "sas" : null), bySas ? sas : actor, ct));
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The last <see cref="HistoryWeeks"/> weeks, as the patterns would have opened them: most slots booked, the centre's mornings more and
    /// half of them by the SAS; outcomes recorded after each slot, except the last three bookings of yesterday; a few cancelled bookings.
    /// </summary>
    private async Task WriteHistoryAsync(Guid redon, List<SlotPattern> saved, LocalClock here, DateOnly today,
        List<(Actor Actor, BookingOrigin Origin)> registrarActors, Random random, CancellationToken ct)
    {
        var bookings = new List<Booking>();
        foreach (var (pattern, index) in saved.Select((p, i) => (p, i)))
        {
            var past = new SlotPattern
            {
                Weekdays = pattern.Weekdays, StartTime = pattern.StartTime, EndTime = pattern.EndTime, SlotMinutes = pattern.SlotMinutes,
                ValidFrom = today.AddDays(-7 * HistoryWeeks),
            };
            var fill = index == 0 ? 0.85 : 0.6;
            foreach (var planned in SnpRules.Expand(past, past.ValidFrom, today.AddDays(-1), here))
            {
                var slot = new Slot
                {
                    Id = Guid.NewGuid(), CptsId = redon, EffectorId = pattern.EffectorId, PlaceId = pattern.PlaceId, Start = planned.Start, End = planned.End,
                    Kind = pattern.Kind, Audience = pattern.Audience,
                };
                db.Slots().Add(slot);
                if (random.NextDouble() >= fill)
                {
                    continue;
                }

                var bySas = pattern.Audience.ToSas() && random.NextDouble() < (index == 0 ? 0.5 : 0.3);
                var (actor, origin) = registrarActors[random.Next(registrarActors.Count)];
                var booking = new Booking
                {
                    Id = Guid.NewGuid(), CptsId = redon, SlotId = slot.Id, PatientFamilyName = Family(random), PatientGivenName = Given(random),
                    PatientBirthDate = BirthDate(random), PatientPhone = Phone(bookings.Count).Replace(" ", "", StringComparison.Ordinal),
                    Reason = SnpRules.Reasons[random.Next(SnpRules.Reasons.Count)].Code,
                    Origin = bySas ? BookingOrigin.Sas : random.NextDouble() < 0.1 ? BookingOrigin.EmergencyDepartment : origin,
                    BookedById = bySas ? "demo-sas-regulateur" : actor.UserId, BookedBy = bySas ? SasRegulator : actor.Name,
                    BookedAt = planned.Start.AddMinutes(-random.Next(30, 47 * 60)),
                };
                var roll = random.NextDouble();
                if (roll < 0.03)
                {
                    (booking.CancelledAt, booking.CancelledBy, booking.CancelReason) = (booking.BookedAt.AddHours(1), booking.BookedBy, "Le patient a trouvé un autre rendez-vous");
                }
                else
                {
                    booking.Outcome = roll < 0.84 ? BookingOutcome.Seen : roll < 0.93 ? BookingOutcome.NoShow : BookingOutcome.Redirected;
                    booking.RedirectedTo = booking.Outcome == BookingOutcome.Redirected ? Redirections[random.Next(Redirections.Length)] : null;
                    booking.OutcomeAt = planned.End.AddMinutes(random.Next(5, 120));
                }

                bookings.Add(booking);
            }
        }

        // Yesterday's last three consultations wait for their outcome (an « À faire » line of the effector and the coordinator).
        var yesterday = here.StartOf(today.AddDays(-1));
        var slotsById = db.ChangeTracker.Entries<Slot>().Select(e => e.Entity).ToDictionary(s => s.Id);
        foreach (var booking in bookings.Where(b => b.Live && slotsById[b.SlotId].Start >= yesterday).OrderByDescending(b => slotsById[b.SlotId].Start).Take(3))
        {
            (booking.Outcome, booking.RedirectedTo, booking.OutcomeAt) = (null, null, null);
        }

        db.Bookings().AddRange(bookings);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The CPTS Nord Réunion: one general practitioner in Sainte-Marie, mornings from Monday to Saturday at La Réunion's hour, one booking.</summary>
    private async Task SeedReunionAsync(Guid reunion, CancellationToken ct)
    {
        var system = Actor.System;
        var tenant = Expect(await tenancy.ForPlatformAsync(reunion, ct));
        var doctor = new ProfessionalRecord(ReunionRpps, "Payet", "Jean-Luc", "10", "SM54", PracticeMode.Liberal, [new PracticeRecord("97418")],
            WorkEmail: "medecin@nord-reunion.demo", PublishContacts: true, Origin: "démo");
        var report = await merge.RunAsync(new DirectoryBatch([], [doctor], []), "demo", reunion, null, ct);
        if (report.Rejected.Count > 0)
        {
            throw new InvalidOperationException($"Demo directory refused: {report.Rejected[0].Reason}");
        }

        db.ChangeTracker.Clear();
        var member = Expect(await addMember.RunAsync(reunion, new AddMemberInput(Rpps: ReunionRpps, Since: tenant.Today.AddYears(-1)), system, ct));
        var effector = Expect(await effectors.RunAsync(reunion, member.Id, system, ct));
        var place = Expect(await places.RunAsync(reunion, null,
            new PlaceInput("Cabinet médical de Sainte-Marie", "practice", "20 rue de la Mairie, 97438 Sainte-Marie", "97418", null), system, ct));
        Expect(await patterns.RunAsync(reunion, null, new PatternInput(effector.Id, place.Id, [1, 2, 3, 4, 5, 6], "07:30", "12:00", 15, "AMB",
            ["registrars", "sas-snp"], tenant.Today, null, []), system, ct));
        var now = clock.GetUtcNow();
        var first = await db.Slots().AsNoTracking().Where(s => s.CptsId == reunion && s.Start > now.AddHours(1)).OrderBy(s => s.Start).FirstOrDefaultAsync(ct);
        if (first is not null)
        {
            var coordinator = new Actor("demo-coordination-nord-reunion", "Coordination CPTS Nord Réunion", Role.Coordinator, reunion, null, null);
            Expect(await book.RunAsync(reunion, first.Id, new PatientInput("Exemple", "Mathis", new DateOnly(1987, 2, 14), "+262 692 00 00 01", null, null,
                "fever", "platform"), coordinator, ct));
        }

        db.ChangeTracker.Clear();
    }

    private async Task<Guid> MemberAsync(Guid cptsId, string rpps, CancellationToken ct) =>
        await (from m in db.Set<Member>() join p in db.Set<Professional>() on m.ProfessionalId equals p.Id
               where m.CptsId == cptsId && p.Rpps == rpps select m.Id).SingleAsync(ct);

    private async Task<string> NameAsync(string rpps, CancellationToken ct) =>
        await db.Set<Professional>().Where(p => p.Rpps == rpps).Select(p => p.FirstName + " " + p.LastName).SingleAsync(ct);

    private static string Family(Random random) => FamilyNames[random.Next(FamilyNames.Length)];

    private static string Given(Random random) => GivenNames[random.Next(GivenNames.Length)];

    private static DateOnly BirthDate(Random random) => new DateOnly(1940, 1, 1).AddDays(random.Next(0, 365 * 80));

    private static string Phone(int n) => "06 00 00 " + (n / 100 % 100).ToString("D2", CultureInfo.InvariantCulture) + " " + (n % 100).ToString("D2", CultureInfo.InvariantCulture);

    private static T Expect<T>(Result<T> result) => result.Succeeded ? result.Value!
        : throw new InvalidOperationException("Démo : soins non programmés refusés : " + string.Join(" ", result.Errors.Select(e => e.Message)));
}
