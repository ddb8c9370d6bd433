using System.Globalization;
using Maillage.Directory;
using Maillage.Membership;
using Maillage.Association;
using Maillage.Indemnities;
using Maillage.Platform.Identifiers;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Storage;
using Maillage.Directory.Storage;
using Maillage.Association.Storage;
using Maillage.Indemnities.Storage;
using Maillage.Membership.Published;
using Maillage.Directory.Published;
using Maillage.Platform.Time;

namespace Maillage.Demo;

/// <summary>
/// The community of the demo CPTS du Pays de Redon: a small directory (fictional professionals with valid RPPS keys), members in
/// three colleges with dues (thirteen general practitioners among them), a conseil d'administration and a bureau (président
/// généraliste, trésorière pharmacienne, secrétaire infirmier) and a barème — so the association, meeting and indemnity pages have
/// something to show.
/// </summary>
public sealed class SeedCommunityDemo(MaillageDbContext db, MergeDirectory merge, TimeProvider clock)
{
    /// <summary>RPPS of the demo member account's adhérent (an infirmière without mandate).</summary>
    public static string MemberRpps { get; } = Rpps(9000008);

    /// <summary>RPPS of the treasurer (a pharmacienne of the bureau) the demo treasurer account speaks for.</summary>
    public static string TreasurerRpps { get; } = Rpps(9000006);

    private static readonly (string Last, string First, string Profession, string? Specialty)[] People =
    [
        ("Le Goff", "Yann", "10", "SM54"), ("Guillou", "Maëlle", "10", "SM54"), ("Le Bihan", "Erwan", "10", "SM54"),
        ("Morvan", "Gwenaëlle", "10", "SM54"), ("Tanguy", "Loïc", "60", null), ("Riou", "Nolwenn", "21", null),
        ("Le Roux", "Tristan", "60", null), ("Jaouen", "Aziliz", "60", null), ("Prigent", "Ronan", "70", null),
        ("Cadiou", "Soazig", "21", null), ("Hamon", "Mikael", "40", null), ("Le Gall", "Enora", "50", null),
        ("Corre", "Gaël", "10", "SM54"), ("Kerjean", "Anne", "60", null), ("Derrien", "Paul", "70", null),
        ("Le Floch", "Katell", "21", null), ("Quéré", "Alan", "10", "SM54"), ("Nédélec", "Rozenn", "60", null),
        ("Bothorel", "Iwan", "10", "SM54"), ("Léon", "Morgane", "80", null), ("Salaün", "Youenn", "60", null),
        ("Even", "Mona", "10", "SM54"), ("Le Meur", "Tanguy", "21", null), ("Abgrall", "Lena", "70", null),
    ];

    /// <summary>
    /// General practitioners who joined the CPTS in the last months: with the six doctors among the adhérents above, the dozen volunteers of
    /// the treating-doctor desk (<c>SeedTreatingDoctorDemo</c>); the last one just settled and is not a volunteer yet. They practise
    /// where the first ones do not (Redon, Allaire, Saint-Nicolas-de-Redon…), so that the desk's proximity has something to weigh. Their
    /// RPPS follow the people's (<c>Rpps(9000025)</c>…).
    /// </summary>
    private static readonly (string Last, string First, string Commune, int MonthsAgo)[] NewDoctors =
    [
        ("Le Du", "Maïwenn", "35236", 9), ("Guégan", "Pierrick", "35236", 8), ("Pichon", "Armelle", "56001", 8), ("Rolland", "Goulven", "44185", 7),
        ("Le Berre", "Solenn", "44067", 7), ("Kerhervé", "Thomas", "56194", 7), ("Le Bras", "Clémence", "44128", 1),
    ];

    /// <summary>RPPS of the doctors who joined last (see <see cref="NewDoctors"/>), in order.</summary>
    public static IReadOnlyList<string> NewDoctorRpps { get; } = [.. Enumerable.Range(0, NewDoctors.Length).Select(i => Rpps(9000001 + People.Length + i))];

    /// <summary>Seeds the community of the CPTS when it has no member yet.</summary>
    public async Task RunAsync(Guid cptsId, CancellationToken ct = default)
    {
        if (await db.Members().AnyAsync(m => m.CptsId == cptsId, ct))
        {
            return;
        }

        var territory = await db.TerritoryUnits().Where(u => u.CptsId == cptsId).Select(u => u.Code).OrderBy(c => c).ToListAsync(ct);
        var communes = territory.Take(6).ToList();
        var msp = new StructureRecord(StructureKind.Msp, "MSP du Pays de Redon", WithKey("35000900"), null, communes[0], "2 rue de l'Oust");
        var records = People.Select((p, i) => new ProfessionalRecord(Rpps(9000001 + i), p.Last, p.First, p.Profession, p.Specialty, PracticeMode.Liberal,
            [new PracticeRecord(communes[i % communes.Count], i % 4 == 0 ? msp.Key : null)],
            WorkEmail: $"pro{i + 1}@redon.demo", PublishContacts: i % 3 != 2, Origin: "démo")).ToList();
        records.AddRange(NewDoctors.Select((d, k) => new ProfessionalRecord(NewDoctorRpps[k], d.Last, d.First, "10", "SM54", PracticeMode.Liberal,
            [new PracticeRecord(territory.Contains(d.Commune) ? d.Commune : communes[k % communes.Count])],
            WorkEmail: $"pro{People.Length + k + 1}@redon.demo", PublishContacts: true, Origin: "démo")));
        var report = await merge.RunAsync(new DirectoryBatch([msp], records, []), "demo", cptsId, null, ct);
        if (report.Rejected.Count > 0)
        {
            throw new InvalidOperationException($"Demo directory refused: {report.Rejected[0].Reason}");
        }

        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var today = LocalClock.InParis(clock).DateOf(now);   // Redon is in metropolitan France
        var ids = await db.Professionals().Where(p => records.Select(r => r.Rpps).Contains(p.Rpps)).ToDictionaryAsync(p => p.Rpps, p => p.Id, ct);
        var colleges = new[] { "Médecins", "Autres professionnels de santé", "Structures" };
        db.Colleges().AddRange(colleges.Select((c, i) => new College { Id = Guid.NewGuid(), CptsId = cptsId, Name = c, Position = i }));
        var members = new List<Member>();
        for (var i = 0; i < 18; i++)
        {
            var record = records[i];
            var since = today.AddMonths(-(30 - i));
            var member = new Member
            {
                Id = Guid.NewGuid(), CptsId = cptsId, ProfessionalId = ids[record.Rpps], CreatedAt = now,
                College = record.ProfessionCode == "10" ? colleges[0] : colleges[1],
            };
            member.Periods.Add(Period(member, MembershipStatus.Member, since, now));
            if (i % 3 == 0)
            {
                member.Periods.Add(Period(member, MembershipStatus.Active, since.AddMonths(4), now));
            }

            member.Dues.Add(new Dues { Id = Guid.NewGuid(), MemberId = member.Id, CptsId = cptsId, Year = today.Year, Amount = 30m });
            members.Add(member);
        }

        var structure = await db.Structures().Where(s => s.Finess == msp.Finess).Select(s => s.Id).SingleAsync(ct);
        var mspMember = new Member { Id = Guid.NewGuid(), CptsId = cptsId, StructureId = structure, College = colleges[2], CreatedAt = now };
        mspMember.Periods.Add(Period(mspMember, MembershipStatus.Active, today.AddMonths(-30), now));
        members.Add(mspMember);

        // The doctors who joined last come after the MSP: the indexes above (bureau, AG, declarations, dues paid) stay theirs.
        foreach (var (doctor, k) in NewDoctors.Select((d, k) => (d, k)))
        {
            var member = new Member { Id = Guid.NewGuid(), CptsId = cptsId, ProfessionalId = ids[NewDoctorRpps[k]], CreatedAt = now, College = colleges[0] };
            member.Periods.Add(Period(member, MembershipStatus.Member, today.AddMonths(-doctor.MonthsAgo), now));
            member.Dues.Add(new Dues { Id = Guid.NewGuid(), MemberId = member.Id, CptsId = cptsId, Year = today.Year, Amount = 30m });
            members.Add(member);
        }

        db.Members().AddRange(members);
        PayDues(members, today);

        var board = await DecisionRegister.BodyAsync(db, cptsId, BodyKind.Board, ct);
        var bureau = await DecisionRegister.BodyAsync(db, cptsId, BodyKind.Bureau, ct);
        await DecisionRegister.BodyAsync(db, cptsId, BodyKind.GeneralAssembly, ct);
        var elected = today.AddMonths(-14);
        (int Index, Office Office)[] seats = [(0, Office.President), (5, Office.Treasurer), (4, Office.Secretary), (1, Office.Member), (8, Office.Member), (10, Office.Member)];
        foreach (var (index, office) in seats)
        {
            db.Mandates().Add(new Mandate { Id = Guid.NewGuid(), CptsId = cptsId, BodyId = board.Id, MemberId = members[index].Id, Office = office, From = elected });
            if (office is not Office.Member)
            {
                db.Mandates().Add(new Mandate { Id = Guid.NewGuid(), CptsId = cptsId, BodyId = bureau.Id, MemberId = members[index].Id, Office = office, From = elected });
            }
        }

        var scale = new Scale
        {
            Id = Guid.NewGuid(), CptsId = cptsId, EffectiveFrom = new DateOnly(today.Year - 1, 1, 1), CreatedBy = Actor.System.Name, CreatedAt = now,
            Reference = "Règlement intérieur, article 9 — conseil d'administration du 12 décembre " + (today.Year - 2).ToString(CultureInfo.InvariantCulture),
        };
        scale.Rates.AddRange(Enum.GetValues<Activity>().Select(a => new ScaleRate { Id = Guid.NewGuid(), ScaleId = scale.Id, Activity = a, HourlyRate = 60m }));
        db.Scales().Add(scale);
        await AddAssemblyAsync(cptsId, members, assembly: await DecisionRegister.BodyAsync(db, cptsId, BodyKind.GeneralAssembly, ct), now, ct);
        AddDeclarations(cptsId, members, scale, now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Last year's annual AG, held and closed with two adopted motions in the register, and next month's AG in preparation.</summary>
    private async Task AddAssemblyAsync(Guid cptsId, List<Member> members, Body assembly, DateTimeOffset now, CancellationToken ct)
    {
        var held = new DateTimeOffset(now.UtcDateTime.Date.AddMonths(-7).AddHours(17), TimeSpan.Zero);
        var ag = new Meeting
        {
            Id = Guid.NewGuid(), CptsId = cptsId, BodyId = assembly.Id, Title = "Assemblée générale annuelle", StartsAt = held, EndsAt = held.AddHours(2),
            Location = "Salle du Parc, Redon", Status = MeetingStatus.Closed, ConvenedAt = held.AddDays(-21), ConvenedBy = Actor.System.Name,
            Minutes = "Le président ouvre la séance à 19 h. Rapport moral et rapport financier présentés puis approuvés. Le budget prévisionnel est adopté. "
                + "La séance est levée à 20 h 45.",
            MinutesApprovedAt = held.AddDays(30),
        };
        string[] agenda = ["Rapport moral", "Rapport financier et approbation des comptes", "Budget prévisionnel", "Questions diverses"];
        ag.Agenda.AddRange(agenda.Select((t, i) => new AgendaItem { Id = Guid.NewGuid(), MeetingId = ag.Id, Position = i + 1, Title = t }));
        var voters = members.Take(14).ToList();
        ag.Attendances.AddRange(voters.Select((m, i) => new Attendance
        {
            Id = Guid.NewGuid(), MeetingId = ag.Id, MemberId = m.Id,
            Presence = i < 10 ? Presence.Present : i < 12 ? Presence.Represented : Presence.Excused, ProxyHolderId = i is 10 or 11 ? voters[i - 10].Id : null,
        }));
        (string Text, int For, int Against, int Abstentions)[] votes =
            [("Les comptes de l'exercice écoulé sont approuvés et quitus est donné au trésorier.", 11, 0, 1), ("Le budget prévisionnel est adopté.", 10, 1, 1)];
        db.Meetings().Add(ag);
        foreach (var (vote, i) in votes.Select((v, i) => (v, i)))
        {
            var motion = new Motion
            {
                Id = Guid.NewGuid(), MeetingId = ag.Id, AgendaItemId = ag.Agenda[i + 1].Id, Position = i + 1, Text = vote.Text, Majority = Majority.Simple,
                For = vote.For, Against = vote.Against, Abstentions = vote.Abstentions, Result = MotionResult.Adopted, VotedAt = held.AddMinutes(40 + (20 * i)),
            };
            ag.Motions.Add(motion);
            await DecisionRegister.AddAsync(db, cptsId, assembly.Id, LocalClock.InParis(clock).DateOf(held), vote.Text, Actor.System.Name, now, ag.Id, motion.Id, ct: ct);
        }

        var next = new DateTimeOffset(now.UtcDateTime.Date.AddDays(35).AddHours(17), TimeSpan.Zero);
        var draft = new Meeting
        {
            Id = Guid.NewGuid(), CptsId = cptsId, BodyId = assembly.Id, Title = "Assemblée générale annuelle", StartsAt = next, EndsAt = next.AddHours(2),
            Location = "Salle du Parc, Redon", Status = MeetingStatus.Draft,
        };
        draft.Agenda.AddRange(agenda.Select((t, i) => new AgendaItem { Id = Guid.NewGuid(), MeetingId = draft.Id, Position = i + 1, Title = t }));
        db.Meetings().Add(draft);
    }

    /// <summary>Time declared by a few members: some validated at the barème's rate, some awaiting the coordinator.</summary>
    private void AddDeclarations(Guid cptsId, List<Member> members, Scale scale, DateTimeOffset now)
    {
        var today = LocalClock.InParis(clock).DateOf(now);
        (int Member, int DaysAgo, Activity Activity, decimal Hours, string What, bool Validated)[] lines =
        [
            (7, 40, Activity.Meeting, 2m, "Groupe de travail « soins non programmés »", true),
            (9, 38, Activity.Action, 3.5m, "Journée de dépistage du diabète au marché de Redon", true),
            (12, 30, Activity.Training, 2m, "Formation des infirmiers au protocole de sortie d'hospitalisation", true),
            (7, 12, Activity.Meeting, 1.5m, "Réunion du parcours insuffisance cardiaque", false),
            (11, 6, Activity.Action, 2.75m, "Permanence de prévention au collège", false),
        ];
        foreach (var (member, daysAgo, activity, hours, what, validated) in lines)
        {
            var rate = scale.Rates.Single(r => r.Activity == activity).HourlyRate;
            db.TimeDeclarations().Add(new TimeDeclaration
            {
                Id = Guid.NewGuid(), CptsId = cptsId, MemberId = members[member].Id, MissionDate = today.AddDays(-daysAgo), Activity = activity, Hours = hours,
                Description = what, DeclaredBy = Actor.System.Name, DeclaredAt = now.AddDays(-daysAgo + 1),
                Status = validated ? DeclarationStatus.Validated : DeclarationStatus.Declared,
                ReviewedBy = validated ? "coordination@cpts-redon.demo" : null, ReviewedAt = validated ? now.AddDays(-daysAgo + 3) : null,
                ScaleId = validated ? scale.Id : null, HourlyRate = validated ? rate : null, Amount = validated ? decimal.Round(hours * rate, 2) : null,
            });
        }
    }

    /// <summary>The adhérent a demo account speaks for, by RPPS.</summary>
    public Task<Guid> MemberIdAsync(Guid cptsId, string rpps, CancellationToken ct = default) =>
        (from m in db.Members() join p in db.Professionals() on m.ProfessionalId equals p.Id where m.CptsId == cptsId && p.Rpps == rpps select m.Id)
            .SingleAsync(ct);

    private static MembershipPeriod Period(Member member, MembershipStatus status, DateOnly from, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), MemberId = member.Id, Status = status, From = from, By = Actor.System.Name, RecordedAt = now };

    private static void PayDues(List<Member> members, DateOnly today)
    {
        var seq = 0;
        foreach (var dues in members.SelectMany(m => m.Dues).Take(12))
        {
            dues.PaidOn = today.AddDays(-60 + seq);
            dues.ReceiptNumber = $"CPTS-{dues.Year.ToString(CultureInfo.InvariantCulture)}-{(++seq).ToString("D4", CultureInfo.InvariantCulture)}";
        }
    }

    internal static string Rpps(int n) => WithKey("1" + n.ToString("D9", CultureInfo.InvariantCulture));

    internal static string WithKey(string payload) =>
        Enumerable.Range(0, 10).Select(k => payload + k.ToString(CultureInfo.InvariantCulture)).First(Identifiers.HasValidLuhnKey);
}
