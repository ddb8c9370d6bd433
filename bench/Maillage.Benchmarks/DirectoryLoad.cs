using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Maillage.Directory;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Directory.Published;

namespace Maillage.Benchmarks;

/// <summary>
/// <c>--directory-load [COUNT=250000] [SMALL=25000]</c>: the national-size directory import as single timed runs, on
/// SQLite and (with <c>MAILLAGE_TEST_POSTGRES</c>) PostgreSQL, each on a fresh migrated database with the geography
/// loaded: the raw bulk insert of the same rows (floor), <see cref="MergeDirectory"/> of SMALL and of COUNT records,
/// and the re-import of the COUNT records (all unchanged). Each phase reports its wall time, records per second, the
/// managed bytes it allocated and the peak working set and GC heap sampled every 20 ms while it ran. Parsing the
/// same directory as CSV is timed too when <c>ReadDirectoryCsv</c> exists. A markdown report goes to bench/results/.
/// </summary>
public static class DirectoryLoad
{
    private sealed record Phase(string Engine, string Name, int Records, TimeSpan Elapsed, long Allocated, long WorkingSetBefore, long PeakWorkingSet,
        long PeakHeap, string Outcome)
    {
        public double PerSecond => Records / Elapsed.TotalSeconds;
    }

    public static async Task<int> MainAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 250_000;
        var small = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 25_000;
        var started = DateTimeOffset.UtcNow;
        var nomenclatures = Nomenclatures.LoadEmbedded();
        var generation = Stopwatch.StartNew();
        var batch = DirectoryGenerator.Generate(Reference.Geo, nomenclatures, count);
        var smallBatch = DirectoryGenerator.Generate(Reference.Geo, nomenclatures, small);
        var records = batch.Structures.Count + batch.Professionals.Count;
        var smallRecords = smallBatch.Structures.Count + smallBatch.Professionals.Count;
        var practices = batch.Professionals.Sum(p => p.Practices.Count);
        Console.WriteLine($"// generated {batch.Professionals.Count:N0} professionals ({practices:N0} practices) and {batch.Structures.Count:N0} structures "
            + $"in {generation.Elapsed.TotalSeconds:N1} s; {small:N0}-professional batch: {smallRecords:N0} records");
        var phases = new List<Phase>();

        if (ReadCsv() is { } read)
        {
            var path = Path.Combine(Path.GetTempPath(), $"maillage-directory-{count}.csv");
            await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
            {
                DirectoryGenerator.WriteCsv(batch, writer);
            }

            phases.Add(await MeasureAsync("—", $"ReadDirectoryCsv.Read, {count:N0}-professional CSV ({new FileInfo(path).Length / 1_048_576:N0} MB)", practices, () =>
            {
                using var file = File.OpenRead(path);
                var parsed = read(file);
                return Task.FromResult($"{parsed.Professionals.Count:N0} professionals, {parsed.Structures.Count:N0} structures, {parsed.Unreadable.Count} unreadable");
            }));
            File.Delete(path);
        }

        foreach (var engine in BenchDatabase.Engines)
        {
            await using (var floor = await BenchDatabase.CreateLoadedAsync(engine))
            {
                phases.Add(await MeasureAsync(engine.ToString(), $"Raw bulk insert of the same rows, no EF (floor), {count:N0}", records, async () =>
                    $"{await DirectoryBulkInsert.RunAsync(floor, batch):N0} rows"));
            }

            await using (var db = await BenchDatabase.CreateLoadedAsync(engine))
            {
                phases.Add(await MeasureAsync(engine.ToString(), $"MergeDirectory, fresh, {small:N0}", smallRecords, () => MergeAsync(db, smallBatch)));
            }

            await using (var db = await BenchDatabase.CreateLoadedAsync(engine))
            {
                phases.Add(await MeasureAsync(engine.ToString(), $"MergeDirectory, fresh, {count:N0}", records, () => MergeAsync(db, batch)));
                phases.Add(await MeasureAsync(engine.ToString(), $"MergeDirectory, re-import of the same {count:N0} (unchanged)", records, () => MergeAsync(db, batch)));
            }
        }

        var report = Report(phases, started, count, small, records, practices);
        Console.WriteLine(report);
        if (BenchConfig.BenchDirectory is { } bench)
        {
            var target = Path.Combine(System.IO.Directory.CreateDirectory(Path.Combine(bench, "results")).FullName, "DirectoryLoad-report.md");
            await File.WriteAllTextAsync(target, report);
            Console.WriteLine($"// report written to {Path.GetRelativePath(Environment.CurrentDirectory, target)}");
        }

        return 0;
    }

    private static async Task<string> MergeAsync(BenchDatabase database, DirectoryBatch batch)
    {
        await using var scope = database.Scope();
        var r = await scope.ServiceProvider.GetRequiredService<MergeDirectory>().RunAsync(batch, "annuaire");
        return $"created {r.Created:N0}, updated {r.Updated:N0}, unchanged {r.Unchanged:N0}, rejected {r.Rejected.Count:N0}"
            + (r.Rejected.Count > 0 ? $" (first: {r.Rejected[0].Record} — {r.Rejected[0].Reason})" : "");
    }

    /// <summary><c>new ReadDirectoryCsv(geo).Read(stream)</c> when the platform has it (found by reflection so the bench builds without it).</summary>
    private static Func<Stream, DirectoryBatch>? ReadCsv()
    {
        var type = typeof(MergeDirectory).Assembly.GetType("Maillage.Community.ReadDirectoryCsv");
        if (type?.GetMethod("Read", [typeof(Stream)]) is not { } read || type.GetConstructors().FirstOrDefault() is not { } constructor)
        {
            Console.WriteLine("// ReadDirectoryCsv not found: CSV parsing not timed");
            return null;
        }

        var services = constructor.GetParameters().Select(p => p.ParameterType == typeof(Maillage.Territories.Published.GeoCatalog) ? Reference.Geo
            : p.ParameterType == typeof(Nomenclatures) ? (object)Nomenclatures.LoadEmbedded()
            : throw new InvalidOperationException($"ReadDirectoryCsv needs a {p.ParameterType.Name}.")).ToArray();
        var reader = constructor.Invoke(services);
        return stream =>
        {
            try
            {
                return (DirectoryBatch)read.Invoke(reader, [stream])!;
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        };
    }

    private static async Task<Phase> MeasureAsync(string engine, string name, int records, Func<Task<string>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        long peakWorkingSet = before, peakHeap = GC.GetTotalMemory(false);
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!stop.IsCancellationRequested)
            {
                self.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, self.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                try
                {
                    await Task.Delay(20, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var outcome = await run();
        watch.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        var phase = new Phase(engine, name, records, watch.Elapsed, allocated, before, Math.Max(peakWorkingSet, process.WorkingSet64), peakHeap, outcome);
        Console.WriteLine($"// {engine} {name}: {phase.Elapsed.TotalSeconds:N1} s, {phase.PerSecond:N0} records/s, allocated {Mb(allocated)}, "
            + $"working set {Mb(before)} → peak {Mb(phase.PeakWorkingSet)}, GC heap peak {Mb(peakHeap)} — {outcome}");
        return phase;
    }

    private static string Report(List<Phase> phases, DateTimeOffset started, int count, int small, int records, int practices)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Directory import load — {started:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`--directory-load {count} {small}`: {count:N0} professionals ({practices:N0} practices) + {records - count:N0} structures = {records:N0} records, "
            + $"seed {DirectoryGenerator.DefaultSeed}. Single runs; the floor is the raw bulk insert of the same rows on the same engine.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Process peak working set over the whole run: {Mb(Process.GetCurrentProcess().PeakWorkingSet64)}. {RuntimeInformationText()}");
        text.AppendLine();
        text.AppendLine("| Engine | Phase | Records | Time | Records/s | vs floor | Allocated | Working set before → peak | GC heap peak | Outcome |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var p in phases)
        {
            var floor = phases.FirstOrDefault(f => f.Engine == p.Engine && f.Name.StartsWith("Raw bulk", StringComparison.Ordinal));
            var ratio = floor is null ? "—" : $"{p.Elapsed.TotalSeconds / floor.Elapsed.TotalSeconds * floor.Records / p.Records:N1}×";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Engine} | {p.Name} | {p.Records:N0} | {p.Elapsed.TotalSeconds:N1} s | {p.PerSecond:N0} | {ratio} | {Mb(p.Allocated)} | {Mb(p.WorkingSetBefore)} → {Mb(p.PeakWorkingSet)} | {Mb(p.PeakHeap)} | {p.Outcome} |");
        }

        text.AppendLine();
        text.AppendLine("\"vs floor\" compares time per record (a phase of 25,000 is compared per record to the floor of the full batch).");
        return text.ToString();
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} logical cores, server GC: {System.Runtime.GCSettings.IsServerGC}.";

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_048_576.0:N0} MB");
}
