using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Maillage.Directory;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Directory.Published;

namespace Maillage.Benchmarks;

/// <summary>
/// A directory import of 10,000 generated professionals (+ 800 structures, see <see cref="DirectoryGenerator"/>) into
/// a fresh migrated database with the geography loaded, and its re-import (every record unchanged). Baseline: the raw
/// bulk insert of the same rows without EF Core (<see cref="DirectoryBulkInsert"/>). The national size (250,000) is
/// measured as single runs by <c>--directory-load</c> (<see cref="DirectoryLoad"/>), which also samples the peak
/// working set. PostgreSQL runs only when <c>MAILLAGE_TEST_POSTGRES</c> is set.
/// </summary>
[Config(typeof(DirectoryConfig))]
public class DirectoryImportBenchmarks
{
    public const int Professionals = 10_000;

    private DirectoryBatch batch = null!;
    private BenchDatabase? database;

    [ParamsSource(nameof(Engines))]
    public Engine Engine { get; set; }

    public static IEnumerable<Engine> Engines => BenchDatabase.Engines;

    [GlobalSetup]
    public void Setup() => batch = DirectoryGenerator.Generate(Reference.Geo, Nomenclatures.LoadEmbedded(), Professionals);

    [IterationSetup(Targets = [nameof(RawBulkInsert), nameof(MergeFresh)])]
    public void FreshDatabase() => database = BenchDatabase.CreateLoadedAsync(Engine).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(MergeAgain))]
    public void ImportedDatabase()
    {
        FreshDatabase();
        MergeFresh().GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void DropDatabase()
    {
        database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        database = null;
    }

    [Benchmark(Baseline = true, Description = "Raw bulk insert of the same rows, no EF (floor)")]
    public Task<int> RawBulkInsert() => DirectoryBulkInsert.RunAsync(database!, batch);

    [Benchmark(Description = "MergeDirectory.RunAsync, fresh database")]
    public async Task<DirectoryMergeReport> MergeFresh()
    {
        await using var scope = database!.Scope();
        return await scope.ServiceProvider.GetRequiredService<MergeDirectory>().RunAsync(batch, "annuaire");
    }

    [Benchmark(Description = "MergeDirectory.RunAsync, re-import (all unchanged)")]
    public async Task<DirectoryMergeReport> MergeAgain()
    {
        await using var scope = database!.Scope();
        return await scope.ServiceProvider.GetRequiredService<MergeDirectory>().RunAsync(batch, "annuaire");
    }
}

/// <summary>Cold, long operations: one invocation per iteration on a fresh database, 1 warm-up and 3 measured iterations.</summary>
public sealed class DirectoryConfig : ManualConfig
{
    public DirectoryConfig() => AddJob(Job.Default.WithToolchain(BenchConfig.Toolchain).WithStrategy(RunStrategy.Monitoring)
        .WithInvocationCount(1).WithUnrollFactor(1)
        .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3).WithId("Directory"));
}
