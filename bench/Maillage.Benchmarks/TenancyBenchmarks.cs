using BenchmarkDotNet.Attributes;
using Maillage.Directory;
using Maillage.Directory.Published;
using Maillage.Directory.Storage;
using Maillage.Lifecycle;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Membership;
using Maillage.Membership.Storage;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Benchmarks;

/// <summary>
/// What confining a unit of work to a CPTS costs (<see cref="Tenancy.ResolveAsync"/>, then the named query filter of every
/// <see cref="ICptsOwned"/> table) on a realistic read: one CPTS's adhérents among 200 CPTS of 100 adhérents each (20,000 members,
/// 90 professionals and 10 structures per CPTS), each call in a new scope and DbContext as a web request gets, the CPTS picked
/// round-robin. Baseline: the same read unconfined, with the hand-written filter and the confinement ignored (<c>EveryCpts()</c>).
/// PostgreSQL runs only when <c>MAILLAGE_TEST_POSTGRES</c> is set.
/// </summary>
[Config(typeof(ShortConfig))]
public class TenancyBenchmarks
{
    public const int CptsCount = 200;
    public const int ProfessionalsPerCpts = 90;
    public const int StructuresPerCpts = 10;
    public const int UnitsPerCpts = 30;

    private static readonly string[] LastNames = ["Martin", "Bernard", "Le Gall", "Kerbrat", "Dubois", "Hoarau", "Nguyen", "Lefèvre", "Garcia", "Morel"];
    private static readonly string[] FirstNames = ["Marie", "Jean", "Claire", "Yann", "Sophie", "Karim", "Gaëlle", "Hugo", "Inès", "Loïc"];
    private static readonly string[] Professions = ["10", "60", "60", "60", "70", "21", "40", "50"];

    private BenchDatabase database = null!;
    private List<Guid> cptsIds = null!;
    private int next;

    [ParamsSource(nameof(Engines))]
    public Engine Engine { get; set; }

    public static IEnumerable<Engine> Engines => BenchDatabase.Engines;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "Unconfined: EveryCpts().Where(CptsId == id) (floor)")]
    public async Task<int> Unconfined()
    {
        var id = NextCpts();
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var members = await db.Members().EveryCpts().Where(m => m.CptsId == id).AsNoTracking().ToListAsync();
        return members.Count;
    }

    [Benchmark(Description = "Tenancy.ResolveAsync + Members() (the filter alone)")]
    public async Task<int> ResolvedFilterOnly()
    {
        var id = NextCpts();
        await using var scope = database.Scope();
        await scope.ServiceProvider.GetRequiredService<Tenancy>().ResolveAsync(id, Actor.System);
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var members = await db.Members().AsNoTracking().ToListAsync();
        return members.Count;
    }

    [Benchmark(Description = "Tenancy.ResolveAsync + Members().Where(CptsId == id) (filter + hand-written where)")]
    public async Task<int> ResolvedFilterAndWhere()
    {
        var id = NextCpts();
        await using var scope = database.Scope();
        await scope.ServiceProvider.GetRequiredService<Tenancy>().ResolveAsync(id, Actor.System);
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var members = await db.Members().Where(m => m.CptsId == id).AsNoTracking().ToListAsync();
        return members.Count;
    }

    /// <summary>The filter without the resolution's query: <see cref="MaillageDbContext.ConfineTo"/> called directly.</summary>
    [Benchmark(Description = "db.ConfineTo(id) + Members() (the filter, no resolution)")]
    public async Task<int> ConfinedFilterOnly()
    {
        var id = NextCpts();
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        db.ConfineTo(id);
        var members = await db.Members().AsNoTracking().ToListAsync();
        return members.Count;
    }

    [Benchmark(Description = "Tenancy.ResolveAsync alone (per request)")]
    public async Task<Result<Tenant>> ResolveOnly()
    {
        var id = NextCpts();
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<Tenancy>().ResolveAsync(id, Actor.System);
    }

    private Guid NextCpts() => cptsIds[next++ % cptsIds.Count];

    private async Task SetupAsync()
    {
        database = await BenchDatabase.CreateLoadedAsync(Engine);
        var geo = Reference.Geo;
        var compute = new ComputeTerritory(geo, Reference.Tiers);
        // 200 territories of 30 units picked evenly among the territory units in (département, code) order, as CoverageBenchmarks does.
        var eligible = geo.Units.Values.Where(u => u.IsTerritoryUnit && geo.ArrondissementsOf(u.Code).Count == 0)
            .OrderBy(u => u.Departement, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => u.Code).Chunk(UnitsPerCpts).Where(c => c.Length == UnitsPerCpts).ToList();
        var chunks = Enumerable.Range(0, CptsCount).Select(i => eligible[(int)((long)i * eligible.Count / CptsCount)]).ToList();
        var now = DateTimeOffset.UtcNow;
        cptsIds = [];
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var rpps = 0L;
            for (var i = 0; i < chunks.Count; i++)
            {
                var territory = compute.Run(chunks[i]);
                var cpts = new Cpts
                {
                    Id = Guid.NewGuid(),
                    Name = $"CPTS de banc d'essai {i + 1:000}",
                    Stage = Stage.AciSigned,
                    Population = territory.Population,
                    Tier = territory.Tier,
                    TierRuleSet = territory.RuleSet,
                    Departements = Cpts.AsCodeList(territory.Departements),
                    Regions = Cpts.AsCodeList(territory.Regions),
                    CreatedAt = now,
                };
                cptsIds.Add(cpts.Id);
                db.Cpts().Add(cpts);
                db.TerritoryUnits().AddRange(chunks[i].Select(code => new TerritoryUnit { CptsId = cpts.Id, Code = code }));
                for (var k = 0; k < ProfessionalsPerCpts; k++)
                {
                    var professional = new Professional
                    {
                        Id = Guid.NewGuid(), Rpps = DirectoryGenerator.RppsOf(rpps++), LastName = LastNames[k % LastNames.Length],
                        FirstName = FirstNames[(k / LastNames.Length) % FirstNames.Length], ProfessionCode = Professions[k % Professions.Length],
                        PracticeMode = PracticeMode.Liberal, Source = "csv", UpdatedAt = now,
                        Practices = [new Practice { Id = Guid.NewGuid(), CommuneCode = chunks[i][k % UnitsPerCpts] }],
                    };
                    db.Professionals().Add(professional);
                    db.Members().Add(new Member { Id = Guid.NewGuid(), CptsId = cpts.Id, ProfessionalId = professional.Id, College = "Professionnels libéraux", CreatedAt = now });
                }

                for (var k = 0; k < StructuresPerCpts; k++)
                {
                    var structure = new Structure
                    {
                        Id = Guid.NewGuid(), Kind = k % 2 == 0 ? StructureKind.Pharmacie : StructureKind.Msp, Name = $"Structure {k + 1} de la CPTS {i + 1:000}",
                        CommuneCode = chunks[i][k], UpdatedAt = now,
                    };
                    db.Structures().Add(structure);
                    db.Members().Add(new Member { Id = Guid.NewGuid(), CptsId = cpts.Id, StructureId = structure.Id, College = "Structures", CreatedAt = now });
                }
            }

            await db.SaveChangesAsync();
            Console.WriteLine($"// {await db.Cpts().CountAsync()} CPTS, {await db.Members().CountAsync()} members, "
                + $"{await db.Professionals().CountAsync()} professionals, {await db.Structures().CountAsync()} structures");
        }

        // The SQL each variant sends, for the report (the confined filter must reduce to CptsId = @p and use the index).
        await using (var scope = database.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
            var id = cptsIds[0];
            Console.WriteLine("// unconfined:\n" + db.Members().EveryCpts().Where(m => m.CptsId == id).AsNoTracking().ToQueryString());
            await scope.ServiceProvider.GetRequiredService<Tenancy>().ResolveAsync(id, Actor.System);
            Console.WriteLine("// confined, filter alone:\n" + db.Members().AsNoTracking().ToQueryString());
            Console.WriteLine("// confined, filter + where:\n" + db.Members().Where(m => m.CptsId == id).AsNoTracking().ToQueryString());
            Console.WriteLine($"// confined: {await db.Members().CountAsync()} members seen, {await db.Members().EveryCpts().CountAsync()} with EveryCpts()");
        }
    }
}
