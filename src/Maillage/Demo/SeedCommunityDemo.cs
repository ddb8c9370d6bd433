using System.Globalization;
using Maillage.Community;
using Maillage.Community.Association;
using Maillage.Community.Indemnities;
using Maillage.Platform.Identifiers;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Demo;

/// <summary>
/// The community of the demo CPTS du Pays de Redon: a small directory (fictional professionals with valid RPPS keys), members in
/// three colleges with dues, a conseil d'administration and a bureau (président généraliste, trésorière pharmacienne, secrétaire
/// infirmier) and a barème — so the association, meeting and indemnity pages have something to show.
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

    /// <summary>Seeds the community of the CPTS when it has no member yet.</summary>
    public async Task RunAsync(Guid cptsId, CancellationToken ct = default)
    {
        if (await db.Members.AnyAsync(m => m.CptsId == cptsId, ct))
        {
            return;
        }

        var communes = await db.TerritoryUnits.Where(u => u.CptsId == cptsId).Select(u => u.Code).OrderBy(c => c).Take(6).ToListAsync(ct);
        var msp = new StructureRecord(StructureKind.Msp, "MSP du Pays de Redon", WithKey("35000900"), null, communes[0], "2 rue de l'Oust");
        var records = People.Select((p, i) => new ProfessionalRecord(Rpps(9000001 + i), p.Last, p.First, p.Profession, p.Specialty, PracticeMode.Liberal,
            [new PracticeRecord(communes[i % communes.Count], i % 4 == 0 ? msp.Key : null)],
            WorkEmail: $"pro{i + 1}@redon.demo", PublishContacts: i % 3 != 2, Origin: "démo")).ToList();
        var report = await merge.RunAsync(new DirectoryBatch([msp], records, []), "demo", cptsId, null, ct);
        if (report.Rejected.Count > 0)
        {
            throw new InvalidOperationException($"Demo directory refused: {report.Rejected[0].Reason}");
        }

        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var ids = await db.Professionals.Where(p => records.Select(r => r.Rpps).Contains(p.Rpps)).ToDictionaryAsync(p => p.Rpps, p => p.Id, ct);
        var colleges = new[] { "Médecins", "Autres professionnels de santé", "Structures" };
        db.Colleges.AddRange(colleges.Select((c, i) => new College { Id = Guid.NewGuid(), CptsId = cptsId, Name = c, Position = i }));
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

        var structure = await db.Structures.Where(s => s.Finess == msp.Finess).Select(s => s.Id).SingleAsync(ct);
        var mspMember = new Member { Id = Guid.NewGuid(), CptsId = cptsId, StructureId = structure, College = colleges[2], CreatedAt = now };
        mspMember.Periods.Add(Period(mspMember, MembershipStatus.Active, today.AddMonths(-30), now));
        members.Add(mspMember);
        db.Members.AddRange(members);
        PayDues(members, today);

        var board = await DecisionRegister.BodyAsync(db, cptsId, BodyKind.Board, ct);
        var bureau = await DecisionRegister.BodyAsync(db, cptsId, BodyKind.Bureau, ct);
        await DecisionRegister.BodyAsync(db, cptsId, BodyKind.GeneralAssembly, ct);
        var elected = today.AddMonths(-14);
        (int Index, Office Office)[] seats = [(0, Office.President), (5, Office.Treasurer), (4, Office.Secretary), (1, Office.Member), (8, Office.Member), (10, Office.Member)];
        foreach (var (index, office) in seats)
        {
            db.Mandates.Add(new Mandate { Id = Guid.NewGuid(), CptsId = cptsId, BodyId = board.Id, MemberId = members[index].Id, Office = office, From = elected });
            if (office is not Office.Member)
            {
                db.Mandates.Add(new Mandate { Id = Guid.NewGuid(), CptsId = cptsId, BodyId = bureau.Id, MemberId = members[index].Id, Office = office, From = elected });
            }
        }

        var scale = new Scale
        {
            Id = Guid.NewGuid(), CptsId = cptsId, EffectiveFrom = new DateOnly(today.Year - 1, 1, 1), CreatedBy = Actor.System.Name, CreatedAt = now,
            Reference = "Règlement intérieur, article 9 — conseil d'administration du 12 décembre " + (today.Year - 2).ToString(CultureInfo.InvariantCulture),
        };
        scale.Rates.AddRange(Enum.GetValues<Activity>().Select(a => new ScaleRate { Id = Guid.NewGuid(), ScaleId = scale.Id, Activity = a, HourlyRate = 60m }));
        db.Scales.Add(scale);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The adhérent a demo account speaks for, by RPPS.</summary>
    public Task<Guid> MemberIdAsync(Guid cptsId, string rpps, CancellationToken ct = default) =>
        (from m in db.Members join p in db.Professionals on m.ProfessionalId equals p.Id where m.CptsId == cptsId && p.Rpps == rpps select m.Id)
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

    private static string Rpps(int n) => WithKey("1" + n.ToString("D9", CultureInfo.InvariantCulture));

    private static string WithKey(string payload) =>
        Enumerable.Range(0, 10).Select(k => payload + k.ToString(CultureInfo.InvariantCulture)).First(Identifiers.HasValidLuhnKey);
}
