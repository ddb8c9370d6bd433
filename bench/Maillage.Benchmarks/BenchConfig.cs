using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Maillage.Benchmarks;

/// <summary>
/// What every run shares: the memory diagnoser, ratio columns against each class's baseline, and the
/// GitHub markdown exporter. Benchmarks run in process: no per-job project is generated and built, which
/// keeps the run short and runs the assembly where <c>dotnet run</c> built it. BenchmarkDotNet's logs and reports go to
/// <see cref="ArtifactsPath"/>, or where its own <c>--artifacts &lt;dir&gt;</c> option says (the command line wins over this config).
/// </summary>
public static class BenchConfig
{
    /// <summary>Generous: the fresh-database benchmarks migrate a schema before each iteration.</summary>
    public static readonly InProcessEmitToolchain Toolchain = new(TimeSpan.FromMinutes(10), logOutput: true);

    public static IConfig Create() => ManualConfig.CreateEmpty()
        .AddLogger(ConsoleLogger.Default)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddColumn(RankColumn.Arabic)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddExporter(MarkdownExporter.GitHub)
        .WithArtifactsPath(ArtifactsPath)
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
        .WithOption(ConfigOptions.JoinSummary, false);

    /// <summary>Where BenchmarkDotNet writes its logs and reports (bench/.artifacts, ignored by git).</summary>
    public static string ArtifactsPath => Path.Combine(BenchDirectory ?? Path.GetTempPath(), ".artifacts");

    /// <summary>bench/ of the repository the run was started from, or null when run from elsewhere.</summary>
    public static string? BenchDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Maillage.slnx")))
                {
                    return Path.Combine(dir.FullName, "bench");
                }
            }

            return null;
        }
    }

    /// <summary>Copies the markdown report of each benchmark class to bench/results/.</summary>
    public static void CopyReports(IEnumerable<Summary> summaries)
    {
        if (BenchDirectory is not { } bench)
        {
            return;
        }

        var results = System.IO.Directory.CreateDirectory(Path.Combine(bench, "results"));
        foreach (var summary in summaries)
        {
            foreach (var report in System.IO.Directory.EnumerateFiles(summary.ResultsDirectoryPath, "*-report-github.md"))
            {
                var target = Path.Combine(results.FullName, Path.GetFileName(report).Replace("Maillage.Benchmarks.", "", StringComparison.Ordinal));
                File.Copy(report, target, overwrite: true);
                Console.WriteLine($"// report copied to {Path.GetRelativePath(Environment.CurrentDirectory, target)}");
            }
        }
    }
}

/// <summary>
/// In-memory operations: a short throughput job (2 warm-up, 10 measured iterations: they are cheap, and
/// more iterations tame the noise of a shared 2-core machine).
/// </summary>
public sealed class ShortConfig : ManualConfig
{
    public ShortConfig() => AddJob(Job.Default.WithToolchain(BenchConfig.Toolchain)
        .WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(10).WithId("Short"));
}

/// <summary>
/// Cold, one-shot operations on a database (each iteration gets a fresh one): monitoring strategy, one
/// invocation per iteration (for every method of the class, so that they all compare to one baseline),
/// 4 warm-up iterations (the tiered JIT needs them before a 35,000-row loop settles) and 5 measured.
/// </summary>
public sealed class ColdConfig : ManualConfig
{
    public ColdConfig() => AddJob(Job.Default.WithToolchain(BenchConfig.Toolchain).WithStrategy(RunStrategy.Monitoring)
        .WithInvocationCount(1).WithUnrollFactor(1)
        .WithLaunchCount(1).WithWarmupCount(4).WithIterationCount(5).WithId("Cold"));
}
