using BenchmarkDotNet.Attributes;
using Maillage.Funding.Schedule;
using Maillage.Lifecycle;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Funding.Storage;
using Maillage.Lifecycle.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Benchmarks;

/// <summary>
/// The schedules of 1,000 stored contracts × 5 years read as the platform reads them: <see cref="ReadFunding.RunAsync"/> once per CPTS
/// (a new scope and DbContext each, as a web request gets: access check, contract, indicators with targets, values and adjustments,
/// crises, reviews, payments, then the computation). Baseline: loading the same rows for all 1,000 contracts at once, without any
/// computation — the floor of reading them. PostgreSQL runs only when <c>MAILLAGE_TEST_POSTGRES</c> is set.
/// </summary>
[Config(typeof(ShortConfig))]
public class FundingScheduleDatabaseBenchmarks
{
    private BenchDatabase database = null!;
    private List<Guid> cptsIds = null!;

    [ParamsSource(nameof(Engines))]
    public Engine Engine { get; set; }

    public static IEnumerable<Engine> Engines => BenchDatabase.Engines;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => database.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "Load every contract's rows at once (floor)")]
    public async Task<int> LoadRows()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var contracts = await db.AciContracts().Include(c => c.Amendments).AsNoTracking().ToListAsync();
        var indicators = await db.ContractIndicators().Include(i => i.Targets).Include(i => i.Values).Include(i => i.Adjustments).AsSplitQuery().AsNoTracking().ToListAsync();
        var crises = await db.ContractCrises().AsNoTracking().ToListAsync();
        var reviews = await db.AnnualReviews().Include(r => r.Missions).Include(r => r.Actions).AsSplitQuery().AsNoTracking().ToListAsync();
        var payments = await db.FundingPayments().AsNoTracking().ToListAsync();
        return contracts.Count + indicators.Count + crises.Count + reviews.Count + payments.Count;
    }

    [Benchmark(Description = "ReadFunding.RunAsync for each of the 1,000 CPTS")]
    public async Task<decimal> ReadEach()
    {
        var total = 0m;
        foreach (var id in cptsIds)
        {
            await using var scope = database.Scope();
            var result = await scope.ServiceProvider.GetRequiredService<ReadFunding>().RunAsync(id, Actor.System);
            total += result.Value!.Computation.Totals.Expected;
        }

        return total;
    }

    private async Task SetupAsync()
    {
        database = await BenchDatabase.CreateMigratedAsync(Engine);
        cptsIds = [.. Enumerable.Range(0, FundingScheduleBenchmarks.ContractCount).Select(_ => Guid.NewGuid())];
        var generated = FundingGenerator.Contracts(cptsIds.Count, i => cptsIds[i]);
        var now = DateTimeOffset.UtcNow;
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (g, i) in generated.Select((g, i) => (g, i)))
        {
            db.Cpts().Add(new Cpts
            {
                Id = cptsIds[i], Name = $"CPTS de banc d'essai {i + 1:0000}", Stage = Stage.AciSigned, Population = 30_000 + (i * 1_000),
                Tier = g.Contract.TierAtSignature, TierRuleSet = "aci-2019-avenant-2", Departements = ",35,", Regions = ",53,", CreatedAt = now,
            });
            db.AciContracts().Add(g.Contract);
            db.ContractIndicators().AddRange(g.Indicators);
            db.ContractCrises().AddRange(g.Crises);
            db.AnnualReviews().AddRange(g.Reviews);
            db.FundingPayments().AddRange(g.Payments);
        }

        await db.SaveChangesAsync();
        Console.WriteLine($"// {cptsIds.Count} contracts, {await db.ContractIndicators().CountAsync()} indicators, {await db.IndicatorValues().CountAsync()} values, "
            + $"{await db.AnnualReviews().CountAsync()} reviews, {await db.FundingPayments().CountAsync()} payments");
    }
}
