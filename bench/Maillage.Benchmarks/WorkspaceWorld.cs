extern alias web;

using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Maillage.Association;
using Maillage.Association.Storage;
using Maillage.Directory;
using Maillage.Directory.Published;
using Maillage.Directory.Storage;
using Maillage.Funding.Reviews;
using Maillage.Funding.Storage;
using Maillage.Indemnities;
using Maillage.Indemnities.Storage;
using Maillage.Lifecycle;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Lifecycle.Workspace;
using Maillage.Membership;
using Maillage.Membership.Published;
using Maillage.Membership.Storage;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Benchmarks;

/// <summary>One reader of the homes: the CPTS they open, who they are, and an HTTP client carrying their API token.</summary>
public sealed record Seat(Guid Cpts, Actor Actor, HttpClient Client);

/// <summary>
/// The platform <see cref="WorkspaceBenchmarks"/> reads, seeded once per engine into a throw-away database and served by the real web host
/// (in memory, as the integration tests do): 200 CPTS of 30 territory units each spread over France as in <see cref="TenancyBenchmarks"/>,
/// a fifth en projet (one in ten of them with a complete lettre d'intention), a fifth at each of the two next stages, two fifths with the ACI
/// signed — three quarters of those with a contract from <see cref="FundingGenerator"/> (half of them signed two years later, half with the
/// dialogue de gestion of year 4 open), the others waiting for theirs. Each CPTS has 100 adhérents (90 professionals, 10 structures) with their
/// periods (a third active, one in fifteen gone) and the dues of last year (paid) and this year (70% paid); a bureau and a conseil with their
/// mandates (the treasurer is adhérent 1), an AG last year and this year's for two CPTS in three, board meetings closed, one held awaiting its
/// minutes on half of them, a bureau meeting convened next week and a draft; four proposals at every status (and the treasurer's own on
/// half of them); twelve time declarations declared, validated, paid and refused. Readers: the coordinator and the treasurer's member account
/// of 20 CPTS of every stage, and an ARS officer of the région holding the most CPTS.
/// </summary>
public sealed class WorkspaceWorld : IAsyncDisposable
{
    public const int CptsCount = 200;
    public const int MembersPerCpts = 100;
    public const int StructuresPerCpts = 10;
    public const int UnitsPerCpts = 30;
    public const int Sampled = 20;

    private static readonly Dictionary<Engine, WorkspaceWorld> Worlds = [];
    private static readonly string[] LastNames = ["Martin", "Bernard", "Le Gall", "Kerbrat", "Dubois", "Hoarau", "Nguyen", "Lefèvre", "Garcia", "Morel"];
    private static readonly string[] FirstNames = ["Marie", "Jean", "Claire", "Yann", "Sophie", "Karim", "Gaëlle", "Hugo", "Inès", "Loïc"];
    private static readonly string[] Professions = ["10", "60", "60", "60", "70", "21", "40", "50"];

    private readonly BenchDatabase database;
    private readonly BenchHost host;
    private readonly Dictionary<string, string> queries = [];

    private WorkspaceWorld(BenchDatabase database, BenchHost host)
    {
        this.database = database;
        this.host = host;
    }

    public IReadOnlyList<Seat> Coordinators { get; private set; } = [];

    public IReadOnlyList<Seat> Members { get; private set; } = [];

    public Seat Officer { get; private set; } = null!;

    /// <summary>SQL commands per call of each benchmark, by engine and method (min–max over the sampled CPTS, and the mean).</summary>
    public static Dictionary<string, string> Queries { get; } = [];

    /// <summary>The world of an engine, seeded on first use and kept for the class's other benchmarks (they only read).</summary>
    public static WorkspaceWorld For(Engine engine)
    {
        lock (Worlds)
        {
            if (!Worlds.TryGetValue(engine, out var world))
            {
                world = CreateAsync(engine).GetAwaiter().GetResult();
                Worlds[engine] = world;
            }

            return world;
        }
    }

    /// <summary>Stops the hosts and drops the databases (at the end of the run).</summary>
    public static async Task DisposeAllAsync()
    {
        foreach (var world in Worlds.Values)
        {
            await world.DisposeAsync();
        }

        Worlds.Clear();
    }

    public async Task<int> ResolveAsync(Seat seat)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var tenant = await scope.ServiceProvider.GetRequiredService<Tenancy>().ResolveAsync(seat.Cpts, seat.Actor);
        return tenant.Succeeded ? tenant.Value!.Cpts.Name.Length : throw new InvalidOperationException("CPTS not found");
    }

    public async Task<int> HomeAsync(Seat seat)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var home = await scope.ServiceProvider.GetRequiredService<ReadWorkspace>().ForCptsAsync(seat.Cpts, seat.Actor);
        return home.Succeeded ? home.Value!.ToDo.Count + home.Value.Figures.Count : throw new InvalidOperationException("CPTS not found");
    }

    public async Task<int> ListAsync(Seat seat)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ReadCpts>().ListAsync(seat.Actor)).Count;
    }

    public async Task<int> SteeringAsync(Seat seat)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ReadWorkspace>().ForSteeringAsync(seat.Actor)).Queue.Count;
    }

    public async Task<int> GetAsync(Seat seat, Func<Guid, string> path)
    {
        ArgumentNullException.ThrowIfNull(seat);
        ArgumentNullException.ThrowIfNull(path);
        using var response = await seat.Client.GetAsync(new Uri(path(seat.Cpts), UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path(seat.Cpts)} answered {(int)response.StatusCode}");
        }

        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    /// <summary>
    /// Runs each benchmark of <paramref name="bench"/> once to warm it, then once per sampled CPTS, counting the SQL commands each call sends
    /// (once per engine: the first benchmark case of the engine does it).
    /// </summary>
    public void CountQueries(WorkspaceBenchmarks bench)
    {
        ArgumentNullException.ThrowIfNull(bench);
        lock (queries)
        {
            if (queries.Count > 0)
            {
                return;
            }

            foreach (var method in WorkspaceBenchmarks.Benchmarks)
            {
                Task<int> Call() => (Task<int>)method.Invoke(bench, null)!;
                Call().GetAwaiter().GetResult();
                var counts = new List<long>();
                for (var i = 0; i < Sampled; i++)
                {
                    var before = QueryCounter.Instance.Count;
                    Call().GetAwaiter().GetResult();
                    counts.Add(QueryCounter.Instance.Count - before);
                }

                var text = counts.Min() == counts.Max()
                    ? counts.Min().ToString(CultureInfo.InvariantCulture)
                    : $"{counts.Min()}–{counts.Max()} (mean {counts.Average():0.#})";
                queries[method.Name] = text;
                Queries[$"{bench.Engine}/{method.Name}"] = text;
                Console.WriteLine($"// {bench.Engine} {method.Name}: {text} SQL commands per call");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var seat in Coordinators.Concat(Members).Append(Officer))
        {
            seat?.Client.Dispose();
        }

        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    private static async Task<WorkspaceWorld> CreateAsync(Engine engine)
    {
        var database = await BenchDatabase.CreateEmptyAsync(engine);
        var host = new BenchHost(database, null, QueryCounter.Instance);
        // Starting the host migrates the database and loads the geography (its own start-up checks).
        _ = host.Services;
        var world = new WorkspaceWorld(database, host);
        var started = DateTimeOffset.UtcNow;
        var cpts = await world.SeedAsync();
        await world.AddReadersAsync(cpts);
        Console.WriteLine($"// {engine}: seeded in {(DateTimeOffset.UtcNow - started).TotalSeconds:0.0} s");
        await world.PrintToDoAsync();
        return world;
    }

    /// <summary>The platform's rows, added through the DbContext as <see cref="TenancyBenchmarks"/> does; returns the CPTS in order.</summary>
    private async Task<List<Cpts>> SeedAsync()
    {
        var geo = Reference.Geo;
        var compute = new ComputeTerritory(geo, Reference.Tiers);
        var eligible = geo.Units.Values.Where(u => u.IsTerritoryUnit && geo.ArrondissementsOf(u.Code).Count == 0)
            .OrderBy(u => u.Departement, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => u.Code).Chunk(UnitsPerCpts).Where(c => c.Length == UnitsPerCpts).ToList();
        var chunks = Enumerable.Range(0, CptsCount).Select(i => eligible[(int)((long)i * eligible.Count / CptsCount)]).ToList();
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var year = today.Year;
        var all = new List<Cpts>();
        var contracted = new List<Guid>();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rpps = 0L;
        for (var i = 0; i < chunks.Count; i++)
        {
            var territory = compute.Run(chunks[i]);
            var stage = (i % 10) switch { < 2 => Stage.PreProject, < 4 => Stage.LetterValidated, < 6 => Stage.HealthProjectValidated, _ => Stage.AciSigned };
            var cpts = new Cpts
            {
                Id = Guid.NewGuid(), Name = $"CPTS de banc d'essai {i + 1:000}", Stage = stage, Population = territory.Population, Tier = territory.Tier,
                TierRuleSet = territory.RuleSet, Departements = Cpts.AsCodeList(territory.Departements), Regions = Cpts.AsCodeList(territory.Regions),
                CreatedAt = now,
                Letter = new LetterOfIntent
                {
                    Actors = "Médecins, pharmaciens, infirmiers du territoire", Context = "Territoire rural", Needs = "Accès au médecin traitant",
                    Objectives = i % 20 == 0 ? "Soins non programmés" : null, Calendar = i % 20 == 0 ? "Assemblée constitutive au printemps" : null,
                    Obstacles = i % 20 == 0 ? "Temps de coordination" : null,
                },
            };
            var since = new DateOnly(2019, 1, 7).AddDays(i);
            foreach (var reached in Enum.GetValues<Stage>().Where(s => s != Stage.Dissolved && s <= stage))
            {
                cpts.Transitions.Add(new StageTransition
                {
                    Id = Guid.NewGuid(), CptsId = cpts.Id, Stage = reached, Date = since.AddYears((int)reached), RecordedBy = "banc", RecordedAt = now,
                });
            }

            all.Add(cpts);
            db.Cpts().Add(cpts);
            db.TerritoryUnits().AddRange(chunks[i].Select(code => new TerritoryUnit { CptsId = cpts.Id, Code = code }));
            var members = AddMembers(db, cpts.Id, i, chunks[i], ref rpps, now, today);
            AddAssociation(db, cpts.Id, i, members, now, today);
            AddDeclarations(db, cpts.Id, i, members, now, today);
            if (stage == Stage.AciSigned && i % 10 != 9)
            {
                contracted.Add(cpts.Id);
            }
        }

        AddContracts(db, contracted);
        await db.SaveChangesAsync();
        Console.WriteLine($"// {await db.Cpts().CountAsync()} CPTS, {await db.Members().CountAsync()} members, {await db.MembershipPeriods().CountAsync()} periods, "
            + $"{await db.Dues().CountAsync()} dues, {await db.Mandates().CountAsync()} mandates, {await db.Meetings().CountAsync()} meetings, "
            + $"{await db.Proposals().CountAsync()} proposals, {await db.TimeDeclarations().CountAsync()} declarations, {await db.AciContracts().CountAsync()} contracts, "
            + $"{await db.ContractIndicators().CountAsync()} indicators, {await db.AnnualReviews().CountAsync()} reviews, {await db.FundingPayments().CountAsync()} payments "
            + $"({year})");
        return all;
    }

    private static List<Member> AddMembers(MaillageDbContext db, Guid cptsId, int i, string[] communes, ref long rpps, DateTimeOffset now, DateOnly today)
    {
        var members = new List<Member>();
        for (var k = 0; k < MembersPerCpts; k++)
        {
            var member = new Member { Id = Guid.NewGuid(), CptsId = cptsId, CreatedAt = now };
            if (k < MembersPerCpts - StructuresPerCpts)
            {
                var professional = new Professional
                {
                    Id = Guid.NewGuid(), Rpps = DirectoryGenerator.RppsOf(rpps++), LastName = LastNames[k % LastNames.Length],
                    FirstName = FirstNames[(k / LastNames.Length) % FirstNames.Length], ProfessionCode = Professions[k % Professions.Length],
                    PracticeMode = PracticeMode.Liberal, Source = "csv", UpdatedAt = now,
                    Practices = [new Practice { Id = Guid.NewGuid(), CommuneCode = communes[k % communes.Length] }],
                };
                db.Professionals().Add(professional);
                (member.ProfessionalId, member.College) = (professional.Id, "Professionnels libéraux");
            }
            else
            {
                var structure = new Structure
                {
                    Id = Guid.NewGuid(), Kind = k % 2 == 0 ? StructureKind.Pharmacie : StructureKind.Msp, Name = $"Structure {k + 1} de la CPTS {i + 1:000}",
                    CommuneCode = communes[k % communes.Length], UpdatedAt = now,
                };
                db.Structures().Add(structure);
                (member.StructureId, member.College) = (structure.Id, "Structures");
            }

            var joined = today.AddDays(-(400 + ((k * 37) + i) % 1500));
            member.Periods.Add(Period(member, MembershipStatus.Member, joined, now));
            if (k % 3 == 0)
            {
                member.Periods.Add(Period(member, MembershipStatus.Active, joined.AddDays(120), now));
            }

            var gone = k % 15 == 14;
            if (gone)
            {
                member.Periods.Add(Period(member, MembershipStatus.Former, today.AddDays(-20), now));
            }

            member.Dues.Add(new Dues { Id = Guid.NewGuid(), MemberId = member.Id, CptsId = cptsId, Year = today.Year - 1, Amount = 30m, PaidOn = today.AddYears(-1) });
            if (!gone)
            {
                var paid = (k + i) % 10 < 7;
                member.Dues.Add(new Dues { Id = Guid.NewGuid(), MemberId = member.Id, CptsId = cptsId, Year = today.Year, Amount = 30m, PaidOn = paid ? today.AddDays(-30) : null });
            }

            members.Add(member);
        }

        db.Members().AddRange(members);
        return members;
    }

    private static MembershipPeriod Period(Member member, MembershipStatus status, DateOnly from, DateTimeOffset now) =>
        new() { Id = Guid.NewGuid(), MemberId = member.Id, Status = status, From = from, By = "banc", RecordedAt = now };

    private static void AddAssociation(MaillageDbContext db, Guid cptsId, int i, List<Member> members, DateTimeOffset now, DateOnly today)
    {
        Body NewBody(BodyKind kind)
        {
            var (notice, quorum, proxies) = BodyDefaults.For(kind);
            var body = new Body { Id = Guid.NewGuid(), CptsId = cptsId, Kind = kind, NoticeDays = notice, QuorumPercent = quorum, MaxProxiesPerHolder = proxies };
            db.Bodies().Add(body);
            return body;
        }

        var (assembly, board, bureau) = (NewBody(BodyKind.GeneralAssembly), NewBody(BodyKind.Board), NewBody(BodyKind.Bureau));
        var elected = today.AddDays(-400);
        Office[] offices = [Office.President, Office.Treasurer, Office.Secretary, Office.VicePresident];
        for (var k = 0; k < 9; k++)
        {
            var office = k < offices.Length ? offices[k] : Office.Member;
            db.Mandates().Add(new Mandate { Id = Guid.NewGuid(), CptsId = cptsId, BodyId = board.Id, MemberId = members[k].Id, Office = office, From = elected });
            if (k < offices.Length)
            {
                db.Mandates().Add(new Mandate { Id = Guid.NewGuid(), CptsId = cptsId, BodyId = bureau.Id, MemberId = members[k].Id, Office = office, From = elected });
            }
        }

        var startOfYear = new DateTimeOffset(today.Year, 1, 1, 16, 0, 0, TimeSpan.Zero);
        var earlier = now.AddDays(-2) < startOfYear.AddDays(110) ? now.AddDays(-2) : startOfYear.AddDays(110);
        void Meeting(Body body, string title, DateTimeOffset startsAt, MeetingStatus status) => db.Meetings().Add(new Meeting
        {
            Id = Guid.NewGuid(), CptsId = cptsId, BodyId = body.Id, Title = title, StartsAt = startsAt, EndsAt = startsAt.AddHours(2), Location = "Maison de santé",
            Status = status, ConvenedAt = status == MeetingStatus.Draft ? null : startsAt.AddDays(-21), ConvenedBy = status == MeetingStatus.Draft ? null : "banc",
            Minutes = status is MeetingStatus.Held or MeetingStatus.Closed ? "Procès-verbal de la séance." : null,
            MinutesApprovedAt = status == MeetingStatus.Closed ? startsAt.AddDays(20) : null,
        });
        Meeting(assembly, "Assemblée générale annuelle", startOfYear.AddYears(-1).AddDays(165), MeetingStatus.Closed);
        if (i % 3 != 0)
        {
            Meeting(assembly, "Assemblée générale annuelle", earlier, MeetingStatus.Closed);
        }

        Meeting(board, "Conseil d'administration", earlier.AddDays(-30), MeetingStatus.Closed);
        Meeting(board, "Conseil d'administration", now.AddDays(-60), MeetingStatus.Closed);
        Meeting(board, "Conseil d'administration", now.AddDays(-21), i % 2 == 0 ? MeetingStatus.Held : MeetingStatus.Closed);
        Meeting(bureau, "Bureau", now.AddDays(7), MeetingStatus.Convened);
        Meeting(board, "Conseil d'administration", now.AddDays(40), MeetingStatus.Draft);

        void Propose(int k, ProposalStatus status, string title, int daysAgo) => db.Proposals().Add(new Proposal
        {
            Id = Guid.NewGuid(), CptsId = cptsId, MemberId = members[k].Id, Title = title, Description = "Proposition d'action pour le territoire.",
            Status = status, SubmittedAt = now.AddDays(-daysAgo),
        });
        Propose(10, ProposalStatus.Submitted, "Permanence de soins non programmés le samedi", 12);
        Propose(11, ProposalStatus.AtBoard, "Parcours insuffisance cardiaque", 40);
        Propose(12, ProposalStatus.Adopted, "Journée de dépistage du diabète", 120);
        Propose(13, ProposalStatus.Rejected, "Achat d'un véhicule", 90);
        if (i % 2 == 0)
        {
            Propose(1, ProposalStatus.Submitted, "Soirée d'accueil des nouveaux installés", 5);
        }
    }

    private static void AddDeclarations(MaillageDbContext db, Guid cptsId, int i, List<Member> members, DateTimeOffset now, DateOnly today)
    {
        (int Member, DeclarationStatus Status)[] lines =
        [
            (20, DeclarationStatus.Declared), (21, DeclarationStatus.Declared), (1, i % 2 == 1 ? DeclarationStatus.Declared : DeclarationStatus.Validated),
            (22, DeclarationStatus.Validated), (23, DeclarationStatus.Validated), (24, DeclarationStatus.Validated), (25, DeclarationStatus.Validated),
            (26, DeclarationStatus.Paid), (27, DeclarationStatus.Paid), (28, DeclarationStatus.Paid), (30, DeclarationStatus.Rejected),
            (1, i % 3 == 0 ? DeclarationStatus.Rejected : DeclarationStatus.Paid),
        ];
        foreach (var (k, (member, status)) in lines.Select((l, k) => (k, l)))
        {
            var done = status is DeclarationStatus.Validated or DeclarationStatus.Paid;
            var day = today.AddDays(-(5 + (3 * k)));
            db.TimeDeclarations().Add(new TimeDeclaration
            {
                Id = Guid.NewGuid(), CptsId = cptsId, MemberId = members[member].Id, MissionDate = day.Year == today.Year ? day : today, Activity = (Activity)(k % 4),
                Hours = 1.5m + (k % 3), Description = "Réunion du groupe de travail", DeclaredBy = "banc", DeclaredAt = now.AddDays(-(4 + (3 * k))), Status = status,
                ReviewedBy = status == DeclarationStatus.Declared ? null : "banc", ReviewedAt = status == DeclarationStatus.Declared ? null : now.AddDays(-(2 + (3 * k))),
                RejectionReason = status == DeclarationStatus.Rejected ? "Hors des missions de la CPTS" : null,
                HourlyRate = done ? 60m : null, Amount = done ? 60m * (1.5m + (k % 3)) : null,
            });
        }
    }

    /// <summary>
    /// The contracts of <see cref="FundingGenerator"/> (signed early 2021, years 1–3 decided, values for years 1–4): half signed two years later
    /// (in force, year 4 ending soon for some), and on the others the dialogue de gestion of year 4 open, for the officers to conclude.
    /// </summary>
    private static void AddContracts(MaillageDbContext db, List<Guid> contracted)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var (g, n) in FundingGenerator.Contracts(contracted.Count, n => contracted[n]).Select((g, n) => (g, n)))
        {
            if (n % 2 == 1)
            {
                var c = g.Contract;
                (c.SignedOn, c.EndsOn) = (c.SignedOn.AddYears(2), c.EndsOn.AddYears(2));
                c.Amendments.ForEach(a => a.EffectiveOn = a.EffectiveOn.AddYears(2));
                g.Crises.ForEach(x => x.DeclaredOn = x.DeclaredOn.AddYears(2));
                g.Reviews.ForEach(r => (r.HeldOn, r.DecidedOn) = (r.HeldOn?.AddYears(2), r.DecidedOn?.AddYears(2)));
                g.Payments.ForEach(p => p.PaidOn = p.PaidOn.AddYears(2));
            }
            else
            {
                g.Reviews.Add(new AnnualReview { Id = Guid.NewGuid(), ContractId = g.Contract.Id, Year = 4, Status = ReviewStatus.Open, CreatedBy = "banc", CreatedAt = now });
            }

            db.AciContracts().Add(g.Contract);
            db.ContractIndicators().AddRange(g.Indicators);
            db.ContractCrises().AddRange(g.Crises);
            db.AnnualReviews().AddRange(g.Reviews);
            db.FundingPayments().AddRange(g.Payments);
        }
    }

    /// <summary>The accounts: coordinator and treasurer of 20 CPTS of every stage, an ARS officer of the région with the most CPTS.</summary>
    private async Task AddReadersAsync(List<Cpts> all)
    {
        var region = all.SelectMany(c => c.RegionCodes).GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var sampled = Enumerable.Range(0, Sampled).Select(k => all[(k * 10) + (k % 10)]).ToList();
        var coordinators = new List<Seat>();
        var members = new List<Seat>();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        foreach (var cpts in sampled)
        {
            coordinators.Add(await SeatAsync(scope, Role.Coordinator, cpts.Id, null, null));
            // Adhérent 1 holds the treasurer's seat of the bureau (AddAssociation).
            var treasurer = await db.Mandates().Where(m => m.CptsId == cpts.Id && m.Office == Office.Treasurer).Select(m => m.MemberId).FirstAsync();
            members.Add(await SeatAsync(scope, Role.Member, cpts.Id, treasurer, null));
        }

        (Coordinators, Members) = (coordinators, members);
        Officer = await SeatAsync(scope, Role.Officer, null, null, region.Key);
        Console.WriteLine($"// readers: coordinators and treasurers of {Sampled} CPTS ({string.Join(", ", sampled.GroupBy(c => c.Stage).Select(g => $"{g.Count()} {g.Key}"))}); "
            + $"an ARS officer of région {region.Key}, which holds {region.Count()} of the {all.Count} CPTS");
    }

    private async Task<Seat> SeatAsync(AsyncServiceScope scope, Role role, Guid? cpts, Guid? member, string? region)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..10]}@banc.maillage.example";
        var user = new MaillageUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = role.ToString(), Role = role, CptsId = cpts, ScopeRegion = region, MemberId = member,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "banc");
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Seat(cpts ?? Guid.Empty, Actor.From(user), client);
    }

    /// <summary>What the homes show on this dataset: every « À faire » source must have lines, or the benchmark would measure empty sources.</summary>
    private async Task PrintToDoAsync()
    {
        async Task<string> Keys(IEnumerable<Seat> seats)
        {
            var keys = new List<string>();
            foreach (var seat in seats)
            {
                await using var scope = host.Services.CreateAsyncScope();
                keys.AddRange((await scope.ServiceProvider.GetRequiredService<ReadWorkspace>().ForCptsAsync(seat.Cpts, seat.Actor)).Value!.ToDo.Select(l => l.Key));
            }

            return string.Join(", ", keys.GroupBy(k => k).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));
        }

        Console.WriteLine($"// coordinators' « À faire »: {await Keys(Coordinators)}");
        Console.WriteLine($"// treasurers' « Pour vous »: {await Keys(Members)}");
        await using var scope = host.Services.CreateAsyncScope();
        var steering = await scope.ServiceProvider.GetRequiredService<ReadWorkspace>().ForSteeringAsync(Officer.Actor);
        Console.WriteLine($"// officer's queue across {steering.CptsCount} CPTS: "
            + string.Join(", ", steering.Queue.GroupBy(l => l.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}")));
    }
}

/// <summary>Counts the SQL commands every DbContext of the host sends (readers, scalars, non-queries).</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private long count;

    public static QueryCounter Instance { get; } = new();

    public long Count => Interlocked.Read(ref count);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Interlocked.Increment(ref count);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref count);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The « Queries » column: SQL commands per call, counted by <see cref="WorkspaceWorld.CountQueries"/>.</summary>
public sealed class QueriesColumn : IColumn
{
    public string Id => "Queries";

    public string ColumnName => "Queries";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "SQL commands sent per call (min–max over the 20 sampled CPTS, and the mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var key = $"{benchmarkCase.Parameters["Engine"]}/{benchmarkCase.Descriptor.WorkloadMethod.Name}";
        return WorkspaceWorld.Queries.TryGetValue(key, out var value) ? value : "?";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds the <see cref="QueriesColumn"/> to a benchmark class.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class QueriesColumnAttribute : BenchmarkDotNet.Attributes.ColumnConfigBaseAttribute
{
    public QueriesColumnAttribute()
        : base(new QueriesColumn())
    {
    }
}
