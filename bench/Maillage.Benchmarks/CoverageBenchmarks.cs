using BenchmarkDotNet.Attributes;
using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Lifecycle.Coverage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Territories.Published;

namespace Maillage.Benchmarks;

/// <summary>
/// National coverage computed from scratch (a new scope and DbContext per call, as a web request gets)
/// with 1,000 CPTS holding 30 units each (30,000 of the 35,014 units), spread over every département and
/// over the four stages. Baseline: loading the same units ⋈ CPTS join into memory, the query
/// <see cref="ComputeCoverage"/> starts with. PostgreSQL runs only when <c>MAILLAGE_TEST_POSTGRES</c> is set.
/// </summary>
[Config(typeof(ShortConfig))]
public class CoverageBenchmarks
{
    public const int CptsCount = 1_000;
    public const int UnitsPerCpts = 30;

    private static readonly Stage[] Stages = [Stage.PreProject, Stage.LetterValidated, Stage.HealthProjectValidated, Stage.AciSigned];

    private BenchDatabase database = null!;

    [ParamsSource(nameof(Engines))]
    public Engine Engine { get; set; }

    public static IEnumerable<Engine> Engines => BenchDatabase.Engines;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "Load the units ⋈ CPTS join into memory (floor)")]
    public async Task<int> LoadJoin()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var held = await db.TerritoryUnits()
            .Join(db.Cpts().Where(c => c.Stage != Stage.Dissolved), u => u.CptsId, c => c.Id, (u, c) => new { u.Code, c.Id, c.Name, c.Stage })
            .AsNoTracking().ToListAsync();
        return held.Count;
    }

    /// <summary>
    /// Not what the platform does: the same information as two narrow queries (each CPTS's name once, not
    /// once per unit it holds), to size what reshaping the query could save.
    /// </summary>
    [Benchmark(Description = "What-if: (Code, CptsId) + CPTS (Id, Name, Stage) queries")]
    public async Task<int> LoadNarrow()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var cpts = await db.Cpts().Where(c => c.Stage != Stage.Dissolved).Select(c => new { c.Id, c.Name, c.Stage })
            .AsNoTracking().ToDictionaryAsync(c => c.Id);
        var held = await db.TerritoryUnits().Select(u => new { u.Code, u.CptsId }).AsNoTracking().ToListAsync();
        return held.Count(h => cpts.ContainsKey(h.CptsId));
    }

    [Benchmark(Description = "ComputeCoverage.RunAsync(Departement)")]
    public async Task<CoverageReport> ByDepartement()
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<ComputeCoverage>().RunAsync(CoverageLevel.Departement);
    }

    [Benchmark(Description = "ComputeCoverage.RunAsync(Region)")]
    public async Task<CoverageReport> ByRegion()
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<ComputeCoverage>().RunAsync(CoverageLevel.Region);
    }

    [Benchmark(Description = "ComputeCoverage.UncoveredAsync(\"35\") (one département)")]
    public async Task<Result<IReadOnlyList<UncoveredCommune>>> UncoveredOneDepartement()
    {
        await using var scope = database.Scope();
        return await scope.ServiceProvider.GetRequiredService<ComputeCoverage>().UncoveredAsync("35");
    }

    private async Task SetupAsync()
    {
        database = await BenchDatabase.CreateLoadedAsync(Engine);
        var geo = Reference.Geo;
        var compute = new ComputeTerritory(geo, Reference.Tiers);
        // Every territory unit, PLM cities standing for their arrondissements, in (département, code) order;
        // 1,000 chunks of 30 picked evenly among the ~1,160 so that every département has CPTS and gaps.
        var eligible = geo.Units.Values.Where(u => u.IsTerritoryUnit && geo.ArrondissementsOf(u.Code).Count == 0)
            .OrderBy(u => u.Departement, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(u => u.Code).Chunk(UnitsPerCpts).Where(c => c.Length == UnitsPerCpts).ToList();
        var chunks = Enumerable.Range(0, CptsCount).Select(i => eligible[(int)((long)i * eligible.Count / CptsCount)]).ToList();
        var now = DateTimeOffset.UtcNow;
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < chunks.Count; i++)
        {
            var territory = compute.Run(chunks[i]);
            var cpts = new Cpts
            {
                Id = Guid.NewGuid(),
                Name = $"CPTS de banc d'essai {i + 1:0000}",
                Stage = Stages[i % Stages.Length],
                Population = territory.Population,
                Tier = territory.Tier,
                TierRuleSet = territory.RuleSet,
                Departements = Cpts.AsCodeList(territory.Departements),
                Regions = Cpts.AsCodeList(territory.Regions),
                CreatedAt = now,
            };
            db.Cpts().Add(cpts);
            db.TerritoryUnits().AddRange(chunks[i].Select(code => new TerritoryUnit { CptsId = cpts.Id, Code = code }));
        }

        await db.SaveChangesAsync();
        var departements = await db.Cpts().Select(c => c.Departements).ToListAsync();
        Console.WriteLine($"// {CptsCount} CPTS, {await db.TerritoryUnits().CountAsync()} units held, " +
            $"{departements.SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().Count()} départements");
    }
}
