using System.Globalization;
using System.Text;
using Maillage.Directory;
using Maillage.Lifecycle.Published;
using Maillage.Membership;
using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Mail;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;
using Maillage.Territories.Published;
using Maillage.TreatingDoctor;
using Maillage.TreatingDoctor.Assignment;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Maillage.Demo;

/// <summary>
/// The treating-doctor desk in the demo (issue 13). The CPTS du Pays de Redon has a dozen volunteer general practitioners (2 to 8 new
/// patients a month; some take only patients in ALD, some visit at home, two go beyond their département, one paused before the last two
/// runs) and six months of requests from every channel — adhérents (pharmacies, nurses, a physiotherapist, a midwife), the team on the
/// phone, the public form (busier since the local paper's article) and the CPAM's list of patients in ALD imported with three refused
/// lines — across its communes, weighted by population, with duplicates merged as they came in and one merged by the coordinator.
/// The history is replayed a monthly assignment run at a time, each run the desk's own (<see cref="MatchRequests"/>, its drafts sent by
/// <see cref="Proposals"/> within what each volunteer could take that month): triage, run, answers (a fifth refused, back to the queue),
/// then the follow-up of each accepted patient to the CPAM declaration. The last <see cref="LiveDays"/> days go through the use cases;
/// older steps are written in the tables as they would have left them. Every step's date is written back, so the delays are real ones.
/// Left at the end: requests to triage, a queue for « Lancer l'attribution » (no draft; this month's proposals use at most half of each
/// volunteer's capacity), proposals without an answer for more than a week, follow-ups gone stale.
/// Patients are fictitious: generated names, birth dates, phones in 06 00 / 07 00, e-mails at example.org, and NIRs whose key is valid
/// but whose commune of birth (9xx) exists in none of their départements, so that none can be a real person's.
/// Deterministic (a fixed seed; dates relative to the day the demo is seeded).
/// </summary>
public sealed class SeedTreatingDoctorDemo(MaillageDbContext db, Tenancy tenancy, CptsTerritories territories, GeoCatalog geo, SaveVolunteer volunteers,
    FileRequest file, ImportRequests import, MatchRequests match, FollowUp followUp, IServiceProvider services, TimeProvider clock)
{
    /// <summary>Days before today of the assignment runs: monthly from five months ago, then twelve and three days ago (partly unanswered).</summary>
    public static IReadOnlyList<int> RoundDaysAgo { get; } = [152, 124, 96, 68, 40, 12, 3];

    /// <summary>How far back the first requests were filed.</summary>
    public const int HistoryDays = 182;

    /// <summary>When the CPAM's list was imported.</summary>
    private const int ImportDaysAgo = 138;

    /// <summary>
    /// The last weeks, replayed through the desk's use cases (filings, triage, the last three runs' answers, follow-up steps); what is older is
    /// written in the tables as those use cases would have left it — filings made by the module's own checks and constructors, triage,
    /// answers and steps set on the rows —, which keeps the seeding to a few hundred use cases (the demo is seeded at start-up).
    /// </summary>
    public const int LiveDays = 42;

    /// <summary>Lines of the CPAM's list refused by the import (a postal code for a commune, a NIR key, an impossible date).</summary>
    private const int RefusedImportLines = 3;

    private const string ImportSource = "CPAM d'Ille-et-Vilaine — patients en ALD sans médecin traitant";

    /// <summary>What a volunteer declares: new patients a month, the criteria accepted (none: all patients), home visits, beyond.</summary>
    private sealed record Pledge(string Rpps, int Capacity, string[] Accepts, bool HomeVisits, bool Beyond);

    // The six doctors among Redon's first adhérents (Le Goff, Guillou, Le Bihan — the medecin@ account —, Morvan, Corre, Quéré), then those who joined last.
    private static readonly Pledge[] Pledges =
    [
        new(SeedCommunityDemo.Rpps(9000001), 3, [], true, false),
        new(SeedCommunityDemo.Rpps(9000002), 5, ["ald", "age70", "lostDoctor"], false, false),
        new(SeedCommunityDemo.Rpps(9000003), 3, [], false, false),
        new(SeedCommunityDemo.Rpps(9000004), 4, ["ald"], false, false),
        new(SeedCommunityDemo.Rpps(9000013), 6, [], false, true),
        new(SeedCommunityDemo.Rpps(9000017), 4, ["ald", "chronic", "disability"], true, false),
        new(SeedCommunityDemo.NewDoctorRpps[0], 8, [], false, false),
        new(SeedCommunityDemo.NewDoctorRpps[1], 4, ["ald"], false, false),
        new(SeedCommunityDemo.NewDoctorRpps[2], 3, ["ald", "age70"], true, false),
        new(SeedCommunityDemo.NewDoctorRpps[3], 2, [], false, true),
        new(SeedCommunityDemo.NewDoctorRpps[4], 5, ["ald", "c2s", "pregnancy", "precarity"], false, false),
        new(SeedCommunityDemo.NewDoctorRpps[5], 2, [], true, false),
    ];

    /// <summary>The volunteer who pauses before the last two runs (Dr Gwenaëlle Morvan).</summary>
    private static readonly string PausedRpps = SeedCommunityDemo.Rpps(9000004);

    /// <summary>The adhérents who file for their patients (index among the community's people) and how often: pharmacies and nurses most.</summary>
    private static readonly (int Person, int Weight)[] Filers = [(5, 3), (9, 3), (7, 3), (4, 2), (6, 2), (8, 1)];

    /// <summary>The midwife (index 11) files the pregnant patients.</summary>
    private const int Midwife = 11;

    private static readonly string[] FamilyNames =
    [
        "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy",
        "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Faure", "André",
        "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "Perrin", "Lucas", "Daniel", "Olivier", "Hervé", "Briand", "Gicquel",
        "Thébault", "Baudry", "Renaud", "Chauvel", "Josse", "Houée", "Noblet", "Rialland", "Legendre", "Lemée", "Macé", "Pelé", "Le Breton",
        "Le Moal", "Le Cam", "Le Guen", "Le Pape", "Le Bris", "Le Goas", "Le Hir", "Le Page", "Le Rouzic", "L'Hostis", "Jégou", "Guillemot",
        "Gautier", "Poirier", "Besnard", "Chesnel", "Orain", "Guihard", "Picaud", "Brossard", "Jolivet", "Gérard", "Bouvier", "Lecomte", "Aubry",
    ];

    // Given names by generation (born before 1950, 1950–1964, 1965–1984, from 1985), women then men.
    private static readonly string[][] Women =
    [
        ["Marie", "Jeanne", "Yvonne", "Marcelle", "Simone", "Denise", "Germaine", "Odette", "Madeleine", "Paulette", "Suzanne", "Anne-Marie", "Marie-Thérèse", "Lucienne"],
        ["Monique", "Jacqueline", "Françoise", "Annick", "Maryvonne", "Josiane", "Chantal", "Martine", "Nicole", "Danielle", "Michèle", "Brigitte", "Christiane"],
        ["Nathalie", "Sandrine", "Isabelle", "Valérie", "Stéphanie", "Sylvie", "Céline", "Karine", "Véronique", "Catherine", "Virginie", "Gwenola", "Delphine"],
        ["Camille", "Manon", "Marine", "Pauline", "Océane", "Julie", "Laura", "Émilie", "Aurélie", "Anaïs", "Justine", "Morgane", "Élodie", "Charlotte"],
    ];

    private static readonly string[][] Men =
    [
        ["Jean", "Joseph", "Pierre", "Louis", "André", "René", "Marcel", "Roger", "Henri", "Yves", "Francis", "Raymond", "Albert", "Maurice"],
        ["Michel", "Bernard", "Jean-Claude", "Gérard", "Jacques", "Alain", "Daniel", "Guy", "Patrick", "Jean-Pierre", "Christian", "Jean-Yves", "Serge"],
        ["Philippe", "Christophe", "Stéphane", "Laurent", "Frédéric", "David", "Sébastien", "Olivier", "Pascal", "Thierry", "Yannick", "Erwan", "Ludovic"],
        ["Thomas", "Kévin", "Maxime", "Romain", "Quentin", "Dylan", "Antoine", "Julien", "Alexandre", "Florian", "Nicolas", "Anthony", "Jérémy", "Mathieu"],
    ];

    private static readonly string[] MemberNotes =
    [
        "Sort d'hospitalisation : traitement à renouveler dans le mois.", "Ne conduit plus : un cabinet proche serait l'idéal.",
        "Malentendant : préférer un SMS ou appeler sa fille.", "Son médecin est parti à la retraite en début d'année.", "Vient d'emménager sur le territoire.",
    ];

    private static readonly string[] TeamNotes =
    [
        "Appel de sa fille au secrétariat de la CPTS.", "Appel du patient : renvoyé vers la CPTS par les urgences de Redon.",
        "Courrier du patient reçu à la CPTS.", "Appel de l'assistante sociale du centre hospitalier.",
    ];

    private static readonly string[] PublicNotes =
    [
        "Je viens d'arriver dans la région et aucun médecin ne prend de nouveaux patients.", "Mon médecin part à la retraite à la fin du mois.",
        "Je cherche un médecin pour toute la famille.", "Je n'ai plus de médecin depuis deux ans.",
    ];

    private static readonly string[] TriageNotes =
    [
        "Rappel du patient : demande confirmée, sans médecin traitant depuis plus d'un an.", "Rappel : souhaite un cabinet desservi par le bus.",
        "Rappel de sa fille : la joindre plutôt le soir.", "Demande confirmée ; traitement chronique à renouveler avant la fin du mois.",
        "Rappel : pas de moyen de transport, le cabinet le plus proche est préférable.",
    ];

    private static readonly string[] WithdrawReasons =
    [
        "A trouvé un médecin traitant sans la CPTS", "Injoignable après trois appels et un SMS", "A déménagé hors du territoire",
        "Ne souhaite plus donner suite", "Entrée en EHPAD, suivi par le médecin coordonnateur",
    ];

    private static readonly string[] RefusalReasons =
    [
        "Patientèle complète ce mois-ci : je ne pourrais pas le suivre correctement.", "Trop loin de mon cabinet pour un suivi régulier.",
        "Je connais personnellement ce patient : je préfère qu'un confrère le suive.", "Prise en charge trop lourde pour mon cabinet en ce moment.",
        "En congés le mois prochain : proposez-le à un confrère.",
    ];

    // Départements of birth for the NIRs: Redon's three, then the rest of Bretagne, Anjou, Mayenne, Paris; none has a commune numbered 9xx.
    private static readonly string[] BirthDepartements = ["22", "29", "49", "53", "75"];

    private enum Profile
    {
        Member,
        Team,
        Public,
        Import,
    }

    /// <summary>What the history does to a request after it is filed: when the team triages it, when (and why) it is withdrawn.</summary>
    private sealed record Due(DateTimeOffset? TriageAt, DateTimeOffset? WithdrawAt, string? WithdrawReason);

    /// <summary>A filing to replay: its channel, when, the request as typed, by whom (none for the public form); a tag for the merged pair.</summary>
    private sealed record Filing(RequestChannel Channel, DateTimeOffset At, RequestInput Input, Actor? Filer, Due Due, string Tag = "");

    /// <summary>The seeding's state: the CPTS, its clock, who acts, the volunteers and what each request still has to go through.</summary>
    private sealed class Desk(Guid redon, LocalClock here, DateTimeOffset now, Actor coordinator, Proposals proposals)
    {
        public Guid Redon { get; } = redon;

        public LocalClock Here { get; } = here;

        public DateTimeOffset Now { get; } = now;

        public DateOnly Today => Here.DateOf(Now);

        /// <summary>From when the history goes through the use cases (<see cref="LiveDays"/>).</summary>
        public DateTimeOffset Live => Now.AddDays(-LiveDays);

        public Actor Coordinator { get; } = coordinator;

        public Proposals Proposals { get; } = proposals;

        public Random Random { get; } = new(1313);

        public Dictionary<Guid, (Actor Doctor, Pledge Pledge)> Volunteers { get; } = [];

        public Dictionary<Guid, Due> Dues { get; } = [];

        public Dictionary<string, Guid> Tagged { get; } = [];

        public HashSet<string> Nirs { get; } = [];

        public List<(string Code, int Population)> Communes { get; } = [];

        /// <summary>The dates of the history to write on requests and proposals, by id, in the order the steps happened.</summary>
        public Dictionary<Guid, Action<TreatingRequest>> RequestDates { get; } = [];

        public Dictionary<Guid, Action<TreatingProposal>> ProposalDates { get; } = [];

        public void WriteRequest(Guid request, Action<TreatingRequest> dates) =>
            RequestDates[request] = RequestDates.TryGetValue(request, out var before) ? before + dates : dates;

        public void WriteProposal(Guid proposal, Action<TreatingProposal> dates) =>
            ProposalDates[proposal] = ProposalDates.TryGetValue(proposal, out var before) ? before + dates : dates;
    }

    /// <summary>Seeds Redon's desk when it has no volunteer yet; <paramref name="accounts"/> are the demo accounts' user ids by adhérent.</summary>
    public async Task RunAsync(Guid redon, IReadOnlyDictionary<Guid, string> accounts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (await db.TreatingVolunteers().AnyAsync(v => v.CptsId == redon, ct))
        {
            return;
        }

        var tenant = Expect(await tenancy.ForPlatformAsync(redon, ct));
        var people = await PeopleAsync(redon, accounts, ct);
        var desk = new Desk(redon, tenant.Clock, clock.GetUtcNow(), await CoordinatorAsync(redon, ct),
            ActivatorUtilities.CreateInstance<Proposals>(services, new HistoryMail()));
        desk.Communes.AddRange((await territories.CommunesAsync(redon, ct)).Order(StringComparer.Ordinal)
            .Select(c => (c, geo.Find(c)?.Population ?? 0)).Where(c => c.Item2 > 0));
        await EnrollAsync(desk, people, ct);
        var (filings, importLines, importAt) = Plan(desk, people);

        var rounds = RoundDaysAgo.Select(d => desk.Here.At(desk.Today.AddDays(-d), new TimeOnly(10, 0))).ToList();
        var checkpoints = rounds.Append(desk.Now).ToList();
        var next = 0;
        var imported = false;
        for (var i = 0; i < checkpoints.Count; i++)
        {
            // One transaction a step of the history (a commit each use case would make SQLite's start-up seeding last minutes).
            var at = checkpoints[i];
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                for (; next < filings.Count && filings[next].At < at; next++)
                {
                    if (!imported && importAt <= filings[next].At)
                    {
                        await ImportAsync(desk, importLines, importAt, ct);
                        imported = true;
                    }

                    await FileAsync(desk, filings[next], ct);
                }

                if (!imported && importAt < at)
                {
                    await ImportAsync(desk, importLines, importAt, ct);
                    imported = true;
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await TriageAsync(desk, at, ct);
                await WithdrawAsync(desk, at, ct);
                if (i == rounds.Count - 2)
                {
                    await PauseAsync(desk, ct);
                }

                if (i < rounds.Count)
                {
                    await RoomAsync(desk, at, ct);
                }

                await tx.CommitAsync(ct);
            }

            if (i < rounds.Count)
            {
                var recent = i >= rounds.Count - 2;
                await RoundAsync(desk, at, checkpoints[i + 1], answered: recent ? (i == rounds.Count - 1 ? 0.4 : 0.8) : 1, ct);
            }

            db.ChangeTracker.Clear();
        }

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await FollowUpAsync(desk, ct);
            await tx.CommitAsync(ct);
        }

        if (await db.TreatingProposals().AnyAsync(p => p.CptsId == redon && p.Status == ProposalStatus.Draft, ct))
        {
            throw new InvalidOperationException("Démo : des propositions d'attribution sont restées à l'état de brouillon.");
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>Redon's adhérents with an RPPS, as the actor of their account (the demo account's user when there is one).</summary>
    private async Task<Dictionary<string, Actor>> PeopleAsync(Guid redon, IReadOnlyDictionary<Guid, string> accounts, CancellationToken ct)
    {
        var rows = await (from m in db.Set<Member>() join p in db.Set<Professional>() on m.ProfessionalId equals p.Id
                          where m.CptsId == redon select new { m.Id, p.Rpps, p.FirstName, p.LastName }).AsNoTracking().ToListAsync(ct);
        return rows.ToDictionary(r => r.Rpps, r => new Actor(accounts.TryGetValue(r.Id, out var user) ? user : $"demo-member-{r.Id:N}",
            $"{r.FirstName} {r.LastName}", Role.Member, redon, null, null, r.Id));
    }

    /// <summary>The coordinator's demo account (named by its e-mail, as the platform names a signed-in account), else a stand-in.</summary>
    private async Task<Actor> CoordinatorAsync(Guid redon, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.CptsId == redon && u.Role == Role.Coordinator).OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        return new Actor(user?.Id ?? "demo-coordination-redon", user?.Email ?? "Coordination de la CPTS du Pays de Redon", Role.Coordinator, redon, null, null);
    }

    /// <summary>The dozen volunteers, enrolled by the coordinator before the first request.</summary>
    private async Task EnrollAsync(Desk desk, Dictionary<string, Actor> people, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var pledge in Pledges)
        {
            var doctor = people.TryGetValue(pledge.Rpps, out var found) ? found
                : throw new InvalidOperationException($"Démo : le médecin {pledge.Rpps} n'est pas adhérent de la CPTS.");
            var volunteer = Expect(await volunteers.EnrollAsync(desk.Redon, doctor.MemberId,
                new VolunteerInput(pledge.Capacity, pledge.Accepts, pledge.HomeVisits, pledge.Beyond), desk.Coordinator, ct));
            volunteer.EnrolledAt = desk.Now.AddDays(-HistoryDays - 8).AddHours(desk.Volunteers.Count);
            desk.Volunteers[volunteer.Id] = (doctor, pledge);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Dr Morvan pauses herself before the last two runs (her patients stay hers).</summary>
    private async Task PauseAsync(Desk desk, CancellationToken ct)
    {
        var (id, (doctor, pledge)) = desk.Volunteers.Single(v => v.Value.Pledge.Rpps == PausedRpps);
        Expect(await volunteers.ChangeAsync(desk.Redon, id, new VolunteerInput(pledge.Capacity, pledge.Accepts, pledge.HomeVisits, pledge.Beyond, Paused: true),
            doctor, ct));
    }

    /// <summary>
    /// The filings to replay, in the order of their dates, and the CPAM's list: about 300 people, the public form busier in the last
    /// fortnight; duplicates arriving by a second channel, a pair the desk cannot tell apart (merged by the coordinator), twins it must not merge.
    /// </summary>
    private static (List<Filing> Filings, List<string> ImportLines, DateTimeOffset ImportAt) Plan(Desk desk, Dictionary<string, Actor> people)
    {
        var r = desk.Random;
        var filers = Filers.SelectMany(f => Enumerable.Repeat(people[SeedCommunityDemo.Rpps(9000001 + f.Person)], f.Weight)).ToList();
        var midwife = people[SeedCommunityDemo.Rpps(9000001 + Midwife)];
        var filings = new List<Filing>();
        var n = 0;
        for (var i = 0; i < 125; i++)
        {
            var input = Patient(desk, Profile.Member, n++);
            filings.Add(Make(desk, RequestChannel.Member, FiledAt(desk, RequestChannel.Member, HistoryDays, 0), input,
                input.Criteria!.Contains("pregnancy") ? midwife : filers[r.Next(filers.Count)]));
        }

        for (var i = 0; i < 62; i++)
        {
            var fortnight = i >= 42;   // the local paper's article on the desk, a fortnight ago
            filings.Add(Make(desk, RequestChannel.PublicForm, FiledAt(desk, RequestChannel.PublicForm, fortnight ? 14 : HistoryDays, 0),
                Patient(desk, Profile.Public, n++), null));
        }

        for (var i = 0; i < 45; i++)
        {
            filings.Add(Make(desk, RequestChannel.Team, FiledAt(desk, RequestChannel.Team, HistoryDays, 0), Patient(desk, Profile.Team, n++), desk.Coordinator));
        }

        var importAt = desk.Here.At(desk.Today.AddDays(-ImportDaysAgo), new TimeOnly(14, 30));
        var list = Enumerable.Range(0, 74).Select(_ => Patient(desk, Profile.Import, n++)).ToList();

        // The same person by a second channel: the patient on the public form after the pharmacy, in capitals and without accents.
        var pharmacists = new[] { people[SeedCommunityDemo.TreasurerRpps], people[SeedCommunityDemo.Rpps(9000010)] };
        var byPharmacy = filings.First(f => pharmacists.Contains(f.Filer) && f.At < importAt && f.Input.Email is null);
        filings[filings.IndexOf(byPharmacy)] = byPharmacy with { Due = byPharmacy.Due with { WithdrawAt = null, WithdrawReason = null } };
        filings.Add(Make(desk, RequestChannel.PublicForm, byPharmacy.At.AddDays(4).AddHours(3), byPharmacy.Input with
        {
            FamilyName = Plain(byPharmacy.Input.FamilyName!).ToUpperInvariant(), GivenName = Plain(byPharmacy.Input.GivenName!),
            Email = Email(byPharmacy.Input, n++), Nir = null, Notes = "Une pharmacienne m'a dit de remplir aussi ce formulaire.",
        }, null, tag: "duplicate"));

        // In the CPAM's list, a patient an adhérent filed a few weeks before (the list gives the NIR), and one line twice with another phone.
        var byAdherent = filings.Where(f => f.Channel == RequestChannel.Member && f.At < importAt.AddDays(-5) && f.At > importAt.AddDays(-40) && f != byPharmacy)
            .OrderBy(f => f.At).First();
        filings[filings.IndexOf(byAdherent)] = byAdherent with { Due = byAdherent.Due with { WithdrawAt = null, WithdrawReason = null } };
        list.Add(byAdherent.Input with { Nir = byAdherent.Input.Nir ?? Nir(desk, byAdherent.Input), Email = null, Notes = null, Criteria = ["ald"] });
        list.Add(list[10] with { Phone = Phone(n++, mobile7: true) });

        // The daughter of a patient of the list calls the team ten days after the import (another phone, merged into the list's request).
        var called = list.Skip(20).First(p => RequestRules.ParseDate(p.BirthDate)!.Value.AddYears(70) <= desk.Today);
        filings.Add(Make(desk, RequestChannel.Team, importAt.AddDays(10).AddHours(-3), called with
        {
            Phone = Phone(n++, mobile7: true), Nir = null, Notes = "Appel de sa fille, qui souhaite être jointe à ce numéro.",
        }, desk.Coordinator, tag: "duplicate"));

        // A pharmacy and then the patient, the day and month of birth swapped: the desk cannot tell; the coordinator merges them (same phone).
        var swapped = Patient(desk, Profile.Member, n++, dayAtMost12: true);
        var mergedAt = desk.Here.At(desk.Today.AddDays(-75), new TimeOnly(11, 15));
        filings.Add(Make(desk, RequestChannel.Member, mergedAt, swapped with { Nir = null }, filers[0], tag: "merge-into"));
        var birth = RequestRules.ParseDate(swapped.BirthDate)!.Value;
        filings.Add(Make(desk, RequestChannel.PublicForm, mergedAt.AddDays(2).AddHours(8), swapped with
        {
            BirthDate = French.Date(new DateOnly(birth.Year, birth.Day, birth.Month)), Nir = null, Email = Email(swapped, n++), Notes = null,
        }, null, tag: "merge-duplicate"));

        // Twins filed on the public form the same evening: the same family name and birth date, left to the coordinator to triage.
        var twin = Patient(desk, Profile.Public, n++);
        var twinsAt = desk.Here.At(desk.Today.AddDays(-2), new TimeOnly(20, 40));
        var other = twin with { GivenName = twin.GivenName == "Camille" ? "Manon" : "Camille", Email = Email(twin with { GivenName = "Camille" }, n++) };
        filings.Add(Make(desk, RequestChannel.PublicForm, twinsAt, twin, null, tag: "twin") with { Due = new Due(null, null, null) });
        filings.Add(Make(desk, RequestChannel.PublicForm, twinsAt.AddMinutes(6), other, null, tag: "twin") with { Due = new Due(null, null, null) });

        var lines = list.Select(Line).ToList();
        // Three lines the import refuses: Redon's postal code for a commune, a NIR whose key is wrong, a date that does not exist.
        lines[15] = Line(list[15] with { CommuneCode = "35600" });
        var nir = list[30].Nir!;
        lines[30] = Line(list[30] with { Nir = nir[..13] + ((int.Parse(nir[13..], CultureInfo.InvariantCulture) % 97) + 1).ToString("D2", CultureInfo.InvariantCulture) });
        lines[45] = Line(list[45] with { BirthDate = "31/02/" + RequestRules.ParseDate(list[45].BirthDate)!.Value.Year.ToString(CultureInfo.InvariantCulture) });
        return ([.. filings.OrderBy(f => f.At)], lines, importAt);
    }

    private static Filing Make(Desk desk, RequestChannel channel, DateTimeOffset at, RequestInput input, Actor? filer, string tag = "")
    {
        var r = desk.Random;
        var triage = channel is RequestChannel.Member or RequestChannel.PublicForm ? at.AddMinutes(r.Next(90, 8 * 24 * 60)) : (DateTimeOffset?)null;
        var withdraw = tag.Length == 0 && r.NextDouble() < 0.1;
        return new Filing(channel, at, input, filer, new Due(triage, withdraw ? at.AddDays(r.Next(5, 40)).AddMinutes(r.Next(0, 600)) : null,
            withdraw ? WithdrawReasons[r.Next(WithdrawReasons.Length)] : null), tag);
    }

    /// <summary>A filing's date: more filings lately (twice as many today as six months ago), in opening hours (the team on weekdays).</summary>
    private static DateTimeOffset FiledAt(Desk desk, RequestChannel channel, int fromDaysAgo, int toDaysAgo)
    {
        var r = desk.Random;
        var t = -1 + Math.Sqrt(1 + (3 * r.NextDouble()));
        var day = desk.Today.AddDays(-fromDaysAgo + (int)(t * (fromDaysAgo - toDaysAgo)));
        while (channel == RequestChannel.Team && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        var seconds = channel == RequestChannel.PublicForm ? r.Next(7 * 3600, 23 * 3600) : r.Next(8 * 3600 + 1800, 19 * 3600);
        var at = desk.Here.At(day, TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)));
        return at < desk.Now.AddMinutes(-30) ? at : desk.Now.AddMinutes(-30 - r.Next(1, 240));
    }

    /// <summary>A fictitious patient as a channel brings them: the adhérents' and the team's older, the public form's younger, the CPAM's in ALD.</summary>
    private static RequestInput Patient(Desk desk, Profile profile, int n, bool dayAtMost12 = false)
    {
        var r = desk.Random;
        var roll = r.NextDouble();
        var (old, middle) = profile switch
        {
            Profile.Member => (0.55, 0.85),
            Profile.Team => (0.5, 0.85),
            Profile.Public => (0.2, 0.6),
            _ => (0.5, 0.95),
        };
        var age = roll < old ? r.Next(70, 97) : roll < middle ? r.Next(40, 70) : r.Next(18, 40);
        var birth = desk.Today.AddYears(-age).AddDays(-r.Next(1, 365));
        if (dayAtMost12)
        {
            // A day that can be read as a month, other than the month: swapped, it is another valid date.
            var day = r.Next(1, 13);
            birth = new DateOnly(birth.Year, birth.Month, day == birth.Month ? (day % 12) + 1 : day);
        }

        var woman = r.NextDouble() < 0.53;
        var generation = birth.Year < 1950 ? 0 : birth.Year < 1965 ? 1 : birth.Year < 1985 ? 2 : 3;
        var given = (woman ? Women : Men)[generation];
        var criteria = new List<string>();
        var ald = profile == Profile.Import || r.NextDouble() < (age >= 70 ? 0.5 : age >= 45 ? 0.35 : 0.12) * (profile == Profile.Public ? 0.7 : 1);
        if (ald)
        {
            criteria.Add("ald");
        }

        if (r.NextDouble() < (profile == Profile.Import ? 0.4 : 0.3))
        {
            criteria.Add("lostDoctor");
        }

        var c2s = r.NextDouble() < (age < 60 ? 0.18 : 0.08);
        if (c2s)
        {
            criteria.Add("c2s");
        }

        if (!ald && r.NextDouble() < 0.2)
        {
            criteria.Add("chronic");
        }

        var disability = r.NextDouble() < 0.05;
        if (disability)
        {
            criteria.Add("disability");
        }

        if (woman && age is >= 20 and <= 42 && profile != Profile.Import && r.NextDouble() < 0.2)
        {
            criteria.Add("pregnancy");
        }

        if (r.NextDouble() < (c2s ? 0.3 : 0.04))
        {
            criteria.Add("precarity");
        }

        var home = r.NextDouble() < (disability ? 0.4 : age >= 85 ? 0.3 : age >= 75 ? 0.08 : 0.01);
        var input = new RequestInput(FamilyNames[r.Next(FamilyNames.Length)], given[r.Next(given.Length)], French.Date(birth),
            Commune(desk), Phone(n, mobile7: r.NextDouble() < 0.3), null, null, criteria, home, true);
        var withNir = profile switch { Profile.Import => 1, Profile.Public => 0.35, Profile.Team => 0.5, _ => 0.55 };
        var email = profile switch { Profile.Public => 0.6, Profile.Member => 0.1, Profile.Team => 0.05, _ => 0 };
        var notes = profile switch
        {
            Profile.Member when r.NextDouble() < 0.2 => Note(r, MemberNotes, age),
            Profile.Team when r.NextDouble() < 0.4 => Note(r, TeamNotes, age),
            Profile.Public when r.NextDouble() < 0.3 => Note(r, PublicNotes, age),
            _ => null,
        };
        return input with
        {
            Nir = r.NextDouble() < withNir ? Nir(desk, input, woman) : null, Email = r.NextDouble() < email ? Email(input, n) : null, Notes = notes,
        };
    }

    /// <summary>A note that fits the patient's age (a daughter who calls for her parent, not for a patient of thirty).</summary>
    private static string Note(Random r, string[] notes, int age)
    {
        var fit = age >= 65 ? notes : [.. notes.Where(n => !n.Contains("fille", StringComparison.Ordinal))];
        return fit[r.Next(fit.Length)];
    }

    /// <summary>A commune of the territory, as likely as its population.</summary>
    private static string Commune(Desk desk)
    {
        var pick = desk.Random.Next(desk.Communes.Sum(c => c.Population));
        foreach (var (code, population) in desk.Communes)
        {
            if ((pick -= population) < 0)
            {
                return code;
            }
        }

        return desk.Communes[^1].Code;
    }

    /// <summary>
    /// A NIR with a valid key (97 − the number mod 97): sex, year and month of birth, a département (the commune's, often), a commune of
    /// birth numbered 9xx (none of these départements has one: no real person's NIR), an order number; never twice.
    /// </summary>
    private static string Nir(Desk desk, RequestInput input, bool? woman = null)
    {
        var r = desk.Random;
        var birth = RequestRules.ParseDate(input.BirthDate)!.Value;
        var sex = woman ?? Women.Any(g => g.Contains(input.GivenName)) ? "2" : "1";
        while (true)
        {
            var departement = r.NextDouble() < 0.65 ? input.CommuneCode![..2] : BirthDepartements[r.Next(BirthDepartements.Length)];
            var body = string.Create(CultureInfo.InvariantCulture,
                $"{sex}{birth.Year % 100:D2}{birth.Month:D2}{departement}9{r.Next(0, 100):D2}{r.Next(1, 1000):D3}");
            var key = 97 - (int)(decimal.Parse(body, CultureInfo.InvariantCulture) % 97);
            var nir = body + key.ToString("D2", CultureInfo.InvariantCulture);
            if (desk.Nirs.Add(nir))
            {
                return nir;
            }
        }
    }

    private static string Phone(int n, bool mobile7 = false) =>
        string.Create(CultureInfo.InvariantCulture, $"0{(mobile7 ? 7 : 6)} 00 1{n / 10000 % 10} {n / 100 % 100:D2} {n % 100:D2}");

    private static string Email(RequestInput input, int n) =>
        $"{Plain(input.GivenName!).ToLowerInvariant()}.{Plain(input.FamilyName!).ToLowerInvariant()}{n.ToString(CultureInfo.InvariantCulture)}@example.org";

    /// <summary>A name without accents, spaces, hyphens nor apostrophes.</summary>
    private static string Plain(string name) => RequestRules.MatchKey(name)[..1] + RequestRules.MatchKey(name)[1..].ToLowerInvariant();

    /// <summary>A line of the CPAM's list in the import's columns (nom;prenom;date_naissance;commune;telephone;email;nir;criteres;visite_domicile;consentement;notes).</summary>
    private static string Line(RequestInput p) => string.Join(';', p.FamilyName, p.GivenName, p.BirthDate, p.CommuneCode, p.Phone, "", p.Nir,
        string.Join('|', p.Criteria ?? []), p.HomeVisit ? "oui" : "non", "oui", "");

    /// <summary>
    /// Files one request: in the last weeks (and for the duplicates) through its channel's use case, then dated — a second filing merged into
    /// an open request dates its line in the notes —; before, made as the use case makes it (checked, built by <see cref="RequestMerge.New"/>).
    /// </summary>
    private async Task FileAsync(Desk desk, Filing f, CancellationToken ct)
    {
        if (f.At < desk.Live && f.Tag.Length == 0)
        {
            var c = Expect(RequestRules.Check(f.Input, desk.Today, geo));
            var made = RequestMerge.New(desk.Redon, c, f.Channel, f.Filer?.UserId, f.Filer?.Name ?? "Formulaire public", f.At,
                f.Channel == RequestChannel.Team ? RequestStatus.Waiting : RequestStatus.New);
            db.TreatingRequests().Add(made);
            desk.Dues[made.Id] = f.Due;
            return;
        }

        // The requests made as history are saved first: the use case looks for the same person among them.
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var filed = f.Channel == RequestChannel.PublicForm
            ? Expect(await file.PublicAsync(desk.Redon, f.Input, ct))
            : Expect(await file.RunAsync(desk.Redon, f.Input, f.Filer!, ct));
        var id = filed.Request.Id;
        db.ChangeTracker.Clear();
        if (filed.Merged)
        {
            desk.WriteRequest(id, r => Redate(desk, r, f.At));
        }
        else
        {
            desk.WriteRequest(id, r => (r.FiledAt, r.ConsentAt, r.StatusAt) = (f.At, f.At, f.At));
            desk.Dues[id] = f.Due;
        }

        if (f.Tag == "merge-into")
        {
            desk.Tagged[f.Tag] = id;
        }
        else if (f.Tag == "merge-duplicate")
        {
            var at = Before(desk, f.At.AddHours(15));
            var into = Expect(await followUp.MergeAsync(desk.Redon, desk.Tagged["merge-into"], id, desk.Coordinator, ct));
            db.ChangeTracker.Clear();
            desk.WriteRequest(into.Id, r => Redate(desk, r, at));
            desk.WriteRequest(id, r => r.StatusAt = at);
            desk.Dues.Remove(id);
        }
    }

    /// <summary>The CPAM's list, imported by the coordinator straight into the queue; its requests dated the day of the import.</summary>
    private async Task ImportAsync(Desk desk, List<string> lines, DateTimeOffset at, CancellationToken ct)
    {
        await DateAsync(desk, ct);
        var csv = string.Join('\n', lines.Prepend(string.Join(';', ImportRequests.Columns)));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var report = Expect(await import.RunAsync(desk.Redon, stream, ImportSource, queued: true, desk.Coordinator, ct));
        if (report.Problems.Select(p => p.Line).Distinct().Count() != RefusedImportLines || report.Merged != 2)
        {
            throw new InvalidOperationException($"Démo : import inattendu ({report.Created} créées, {report.Merged} fusionnées, {report.Problems.Count} erreurs).");
        }

        db.ChangeTracker.Clear();
        var r = desk.Random;
        var requests = await db.TreatingRequests().Where(q => q.CptsId == desk.Redon && (q.Channel == RequestChannel.Import || q.Channels.Contains("import")))
            .ToListAsync(ct);
        var line = 0;
        foreach (var request in requests.OrderBy(q => q.FamilyName, StringComparer.Ordinal).ThenBy(q => q.GivenName, StringComparer.Ordinal).ThenBy(q => q.BirthDate))
        {
            if (request.Channel != RequestChannel.Import)
            {
                Redate(desk, request, at);
                continue;
            }

            // A second apart, as the lines were written: the queue's order (by filing) does not depend on the database's.
            var filed = at.AddSeconds(line++);
            (request.FiledAt, request.ConsentAt, request.StatusAt) = (filed, filed, filed);
            var withdraw = r.NextDouble() < 0.08;
            desk.Dues[request.Id] = new Due(null, withdraw ? at.AddDays(r.Next(5, 40)).AddMinutes(r.Next(0, 600)) : null,
                withdraw ? WithdrawReasons[r.Next(WithdrawReasons.Length)] : null);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The team triages what was filed (criteria checked on the phone, notes, a referral to the DAC now and then): into the queue.</summary>
    private async Task TriageAsync(Desk desk, DateTimeOffset until, CancellationToken ct)
    {
        var r = desk.Random;
        var due = desk.Dues.Where(d => d.Value.TriageAt < until).Select(d => d.Key).ToList();
        var requests = await db.TreatingRequests().AsNoTracking().Where(q => due.Contains(q.Id) && q.Status == RequestStatus.New && q.MergedIntoId == null)
            .ToListAsync(ct);
        foreach (var request in requests.OrderBy(q => desk.Dues[q.Id].TriageAt).ThenBy(q => q.FamilyName, StringComparer.Ordinal).ThenBy(q => q.BirthDate))
        {
            var at = desk.Dues[request.Id].TriageAt!.Value;
            desk.Dues[request.Id] = desk.Dues[request.Id] with { TriageAt = null };
            var criteria = request.CriteriaList.ToList();
            var roll = r.NextDouble();
            if (roll < 0.06 && !criteria.Contains(Criterion.C2s))
            {
                criteria.Add(Criterion.C2s);
            }
            else if (roll < 0.12 && !criteria.Contains(Criterion.Ald) && !criteria.Contains(Criterion.Chronic))
            {
                criteria.Add(Criterion.Chronic);
            }

            var dac = r.NextDouble() < 0.03;
            var note = dac ? "Situation complexe (isolement, plusieurs pathologies) : orientée vers le DAC en parallèle."
                : r.NextDouble() < 0.25 ? Note(r, TriageNotes, request.AgeOn(desk.Today)) : null;
            var notes = note is null ? request.Notes : request.Notes is null ? note : $"{request.Notes}\n{note}";
            if (at < desk.Live)
            {
                var mask = CriteriaMask.Of(criteria);
                desk.WriteRequest(request.Id, q => (q.Criteria, q.Notes, q.ReferredToDac, q.Status, q.StatusAt) = (mask, notes, dac, RequestStatus.Waiting, at));
                continue;
            }

            Expect(await followUp.TriageAsync(desk.Redon, request.Id,
                new TriageInput([.. criteria.Select(AssignmentNames.Name)], request.HomeVisit, notes, dac, true, null), desk.Coordinator, ct));
            db.ChangeTracker.Clear();
            desk.WriteRequest(request.Id, q => q.StatusAt = at);
        }

        await DateAsync(desk, ct);
    }

    /// <summary>Requests withdrawn while they waited (found a doctor alone, unreachable, moved away…); those proposed meanwhile go on.</summary>
    private async Task WithdrawAsync(Desk desk, DateTimeOffset until, CancellationToken ct)
    {
        var due = desk.Dues.Where(d => d.Value.WithdrawAt < until).Select(d => d.Key).ToList();
        var requests = await db.TreatingRequests().AsNoTracking().Where(q => due.Contains(q.Id)).ToListAsync(ct);
        foreach (var request in requests.OrderBy(q => desk.Dues[q.Id].WithdrawAt).ThenBy(q => q.FamilyName, StringComparer.Ordinal).ThenBy(q => q.BirthDate))
        {
            var (_, at, reason) = desk.Dues[request.Id];
            desk.Dues[request.Id] = desk.Dues[request.Id] with { WithdrawAt = null };
            if (request.MergedIntoId is not null || request.Status is not (RequestStatus.New or RequestStatus.Waiting))
            {
                continue;
            }

            Expect(await followUp.WithdrawAsync(desk.Redon, request.Id, reason, null, desk.Coordinator, ct));
            db.ChangeTracker.Clear();
            desk.WriteRequest(request.Id, q => (q.StatusAt, q.ClosedAt) = (at!.Value, at.Value));
        }

        await DateAsync(desk, ct);
    }

    /// <summary>
    /// What each volunteer could still take in the month of a run of the history: their capacity less the proposals sent that month (waiting
    /// or accepted), half of it in the current month so that the demo's own run still finds room. The run reads this month's room from the
    /// stored capacity: it is set for the run (so that it proposes no more than could have been sent that month) and put back after.
    /// </summary>
    private async Task RoomAsync(Desk desk, DateTimeOffset at, CancellationToken ct)
    {
        var redon = desk.Redon;
        var day = desk.Here.DateOf(at);
        var first = new DateOnly(day.Year, day.Month, 1);
        var today = desk.Today;
        var (from, to, thisMonth) = (desk.Here.StartOf(first), desk.Here.StartOf(first.AddMonths(1)), desk.Here.StartOf(new DateOnly(today.Year, today.Month, 1)));
        var held = await db.TreatingProposals().AsNoTracking().Where(p => p.CptsId == redon && (p.Status == ProposalStatus.Sent || p.Status == ProposalStatus.Accepted))
            .Select(p => new { p.VolunteerId, p.SentAt }).ToListAsync(ct);
        await CapacitiesAsync(desk.Volunteers.ToDictionary(v => v.Key, v =>
        {
            var capacity = v.Value.Pledge.Capacity;
            var room = (first == new DateOnly(today.Year, today.Month, 1) ? (capacity + 1) / 2 : capacity)
                - held.Count(p => p.VolunteerId == v.Key && p.SentAt >= from && p.SentAt < to);
            return Math.Max(0, room) + held.Count(p => p.VolunteerId == v.Key && p.SentAt >= thisMonth);
        }), ct);
    }

    /// <summary>Sets the volunteers' capacities (one statement per value, the rows' versions untouched: no one edited them).</summary>
    private async Task CapacitiesAsync(Dictionary<Guid, int> capacities, CancellationToken ct)
    {
        foreach (var group in capacities.GroupBy(c => c.Value, c => c.Key))
        {
            var ids = group.ToList();
            await db.TreatingVolunteers().Where(v => ids.Contains(v.Id)).ExecuteUpdateAsync(u => u.SetProperty(v => v.MonthlyCapacity, group.Key), ct);
        }
    }

    /// <summary>
    /// One assignment run on the queue of that day, every proposal sent by the coordinator within hours; the answers given within days (a
    /// fifth refused, back to the queue), a share of them only for the last two runs; the volunteers' capacities put back.
    /// </summary>
    private async Task RoundAsync(Desk desk, DateTimeOffset at, DateTimeOffset next, double answered, CancellationToken ct)
    {
        var redon = desk.Redon;
        var outcome = Expect(await match.RunAsync(redon, dryRun: false, desk.Coordinator, ct));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        outcome.Run.At = at;
        foreach (var d in outcome.Drafts)
        {
            d.CreatedAt = at;
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (outcome.Drafts.Count > 0)
        {
            await SendAndAnswerAsync(desk, at, next, answered, ct);
        }

        await DateAsync(desk, ct);
        await CapacitiesAsync(desk.Volunteers.ToDictionary(v => v.Key, v => v.Value.Pledge.Capacity), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The run's drafts sent by the coordinator within hours, then answered within days by the doctor on the platform or by phone to the
    /// coordinator; of the last two runs only a share is answered, and none of the demo doctor account's, which wait for him.
    /// </summary>
    private async Task SendAndAnswerAsync(Desk desk, DateTimeOffset at, DateTimeOffset next, double answered, CancellationToken ct)
    {
        var r = desk.Random;
        var redon = desk.Redon;
        var sent = Expect(await desk.Proposals.SendAsync(redon, null, Proposals.AnswerPath, desk.Coordinator, ct));
        var ids = sent.Select(p => p.RequestId).ToList();
        var requests = await db.TreatingRequests().AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var sentAt = Before(desk, at.AddMinutes(r.Next(30, 300)));
        var order = sent.OrderBy(p => requests[p.RequestId].FiledAt).ThenBy(p => requests[p.RequestId].FamilyName, StringComparer.Ordinal)
            .Select(p => (p.Id, p.RequestId, p.VolunteerId)).ToList();
        db.ChangeTracker.Clear();
        foreach (var (proposal, request, _) in order)
        {
            desk.WriteProposal(proposal, p => p.SentAt = sentAt);
            desk.WriteRequest(request, q => q.StatusAt = sentAt);
        }

        var demoDoctor = SeedUnscheduledDemo.DoctorRpps;
        foreach (var (proposal, requestId, volunteer) in order)
        {
            var (doctor, pledge) = desk.Volunteers[volunteer];
            if (r.NextDouble() >= answered || (answered < 1 && pledge.Rpps == demoDoctor))
            {
                continue;
            }

            var answeredAt = Before(desk, Min(sentAt.AddMinutes(r.Next(6 * 60, 8 * 24 * 60)), next.AddHours(-1)));
            var accept = r.NextDouble() < 0.8;
            var by = r.NextDouble() < 0.7 ? doctor : desk.Coordinator;
            var reason = accept ? null : RefusalReasons[r.Next(RefusalReasons.Length)];
            if (at < desk.Live)
            {
                // As Proposals.AnswerAsync records it: accepted, the request is the doctor's; refused, back to the queue.
                desk.WriteProposal(proposal, p => (p.Status, p.AnsweredAt, p.RefusalReason, p.AnswerTokenHash) =
                    (accept ? ProposalStatus.Accepted : ProposalStatus.Refused, answeredAt, reason, null));
                desk.WriteRequest(requestId, q => (q.Status, q.StatusAt, q.VolunteerId, q.AcceptedAt) = accept
                    ? (RequestStatus.Accepted, answeredAt, volunteer, answeredAt) : (RequestStatus.Waiting, answeredAt, q.VolunteerId, q.AcceptedAt));
                continue;
            }

            Expect(await desk.Proposals.AnswerAsync(redon, proposal, accept, reason, null, by, ct));
            db.ChangeTracker.Clear();
            desk.WriteProposal(proposal, p => p.AnsweredAt = answeredAt);
            desk.WriteRequest(requestId, q => (q.StatusAt, q.AcceptedAt) = (answeredAt, accept ? answeredAt : q.AcceptedAt));
        }
    }

    /// <summary>
    /// Each accepted patient followed as the team would: contacted within days, first consultation within weeks, declared to the CPAM,
    /// closed; some follow-ups stall (never reached, no news of the consultation), two patients who never came are put back in the queue.
    /// The steps of the last weeks go through the use cases, once the older ones are written.
    /// </summary>
    private async Task FollowUpAsync(Desk desk, CancellationToken ct)
    {
        var r = desk.Random;
        var redon = desk.Redon;
        var accepted = await db.TreatingRequests().AsNoTracking().Where(q => q.CptsId == redon && q.Status == RequestStatus.Accepted && q.MergedIntoId == null)
            .ToListAsync(ct);
        var requeue = new List<(Guid Request, DateTimeOffset At)>();
        var live = new List<(Guid Request, RequestStatus To, DateTimeOffset At)>();
        var steps = new (RequestStatus To, int MinDays, int MaxDays)[]
        {
            (RequestStatus.Contacted, 1, 6), (RequestStatus.FirstConsultation, 4, 28), (RequestStatus.Declared, 0, 10), (RequestStatus.Closed, 2, 21),
        };
        foreach (var request in accepted.OrderBy(q => q.AcceptedAt).ThenBy(q => q.FamilyName, StringComparer.Ordinal).ThenBy(q => q.BirthDate))
        {
            var roll = r.NextDouble();
            var stopAt = roll < 0.07 ? 0 : roll < 0.12 ? 1 : roll < 0.15 ? 2 : steps.Length;
            var at = request.AcceptedAt!.Value;
            if (stopAt == 0 && requeue.Count < 2 && at < desk.Now.AddDays(-35))
            {
                requeue.Add((request.Id, at.AddDays(28)));
                continue;
            }

            foreach (var (to, min, max) in steps.Take(stopAt))
            {
                at = at.AddDays(r.Next(min, max + 1)).AddMinutes(r.Next(-120, 240));
                if (at > desk.Now.AddHours(-1))
                {
                    break;
                }

                var step = at;
                if (step >= desk.Live)
                {
                    live.Add((request.Id, to, step));
                    continue;
                }

                // As FollowUp.AdvanceAsync records a step.
                desk.WriteRequest(request.Id, q => (q.Status, q.StatusAt, q.DeclaredAt, q.ClosedAt) =
                    (to, step, to == RequestStatus.Declared ? step : q.DeclaredAt, to == RequestStatus.Closed ? step : q.ClosedAt));
            }
        }

        await DateAsync(desk, ct);
        foreach (var (request, to, at) in live)
        {
            Expect(await followUp.AdvanceAsync(redon, request, to, null, desk.Coordinator, ct));
            db.ChangeTracker.Clear();
            desk.WriteRequest(request, q => (q.StatusAt, q.DeclaredAt, q.ClosedAt) =
                (at, to == RequestStatus.Declared ? at : q.DeclaredAt, to == RequestStatus.Closed ? at : q.ClosedAt));
        }

        foreach (var (request, at) in requeue)
        {
            Expect(await followUp.RequeueAsync(redon, request, null, desk.Coordinator, ct));
            db.ChangeTracker.Clear();
            desk.WriteRequest(request, q => q.StatusAt = at);
        }

        await DateAsync(desk, ct);
    }

    /// <summary>
    /// Saves the requests made as history, then writes the history's dates and steps on the rows (the use cases stamped them with the day of
    /// the seeding), in one save. Between two, the unit of work is emptied after each use case: every save reads what is tracked, and the
    /// history would be read again at each step.
    /// </summary>
    private async Task DateAsync(Desk desk, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        if (desk.RequestDates.Count + desk.ProposalDates.Count == 0)
        {
            return;
        }

        var requests = desk.RequestDates.Keys.ToList();
        foreach (var request in await db.TreatingRequests().Where(q => requests.Contains(q.Id)).ToListAsync(ct))
        {
            desk.RequestDates[request.Id](request);
        }

        var proposals = desk.ProposalDates.Keys.ToList();
        foreach (var proposal in await db.TreatingProposals().Where(p => proposals.Contains(p.Id)).ToListAsync(ct))
        {
            desk.ProposalDates[proposal.Id](proposal);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        desk.RequestDates.Clear();
        desk.ProposalDates.Clear();
    }

    /// <summary>A merge's notes line is dated the day it is written: the day of the history instead.</summary>
    private static void Redate(Desk desk, TreatingRequest request, DateTimeOffset at) =>
        request.Notes = request.Notes?.Replace($"[{French.Date(desk.Today)}]", $"[{French.Date(desk.Here.DateOf(at))}]", StringComparison.Ordinal);

    private static DateTimeOffset Before(Desk desk, DateTimeOffset at) => Min(at, desk.Now.AddMinutes(-10));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static T Expect<T>(Result<T> result) => result.Succeeded ? result.Value!
        : throw new InvalidOperationException("Démo : médecin traitant refusé : " + string.Join(" ", result.Errors.Select(e => e.Message)));

    /// <summary>The history's proposals were mailed when they were sent, months ago: seeding them writes no e-mail.</summary>
    private sealed class HistoryMail : IMailTransport, IMailSession
    {
        public Task<IMailSession> OpenAsync(CancellationToken ct) => Task.FromResult<IMailSession>(this);

        public Task SendAsync(MimeMessage message, CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
