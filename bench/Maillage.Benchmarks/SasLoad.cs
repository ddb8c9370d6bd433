extern alias web;

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Serialization;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Unscheduled.Sas;
using Maillage.Unscheduled.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Benchmarks;

/// <summary>
/// Load runs of issue 12 through the real web host on a real TCP port (bench/README.md, « Unscheduled care and the SAS (issue 12) »), two
/// program modes rather than BenchmarkDotNet classes, since an external load generator drives them:
/// <list type="bullet">
/// <item><c>sas-load</c>: the SAS's slot search (<c>GET /fhir/Slot</c>, 25 IDNPS, 48 hours, every include) under N concurrent clients, with
/// <c>wrk</c> (Debian: <c>apt-get install -y wrk</c>) or, without it, a .NET loop of N HttpClient workers; against <c>GET /health</c> (the
/// host's trivial endpoint, anonymous, no database) and <c>GET /fhir/metadata</c> (trivial but behind the SAS's bearer token), in the same run;</item>
/// <item><c>snp-booking</c>: N workers (coordinators of one CPTS, each with its token) posting bookings for the same small set of slots in the
/// same order through <c>POST /api/cpts/{id}/snp/slots/{slotId}/bookings</c>; then the live bookings per slot read back from the database.</item>
/// </list>
/// </summary>
public static class SasLoad
{
    private const string WrkMissing = "wrk is not installed: on Debian/Ubuntu `apt-get install -y wrk` (as root), or pass --driver dotnet for the .NET load loop.";

    public static async Task<int> MainAsync(string mode, string[] args)
    {
        var o = Options.Parse(args);
        var engines = o.Engine switch
        {
            "sqlite" => [Engine.Sqlite],
            "postgres" => [Engine.Postgres],
            _ => BenchDatabase.Engines.ToArray(),
        };
        if (engines.Contains(Engine.Postgres) && BenchDatabase.PostgresAdmin is null)
        {
            Console.Error.WriteLine($"{BenchDatabase.PostgresVariable} is not set (an Npgsql admin connection string).");
            return 2;
        }

        if (o.Driver == "wrk" && !WrkAvailable())
        {
            Console.Error.WriteLine(WrkMissing + " Falling back to the .NET load loop.");
            o = o with { Driver = "dotnet" };
        }

        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Say($"# {mode} — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC — {o}");
        Say($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average at start {LoadAverage()}");
        foreach (var engine in engines)
        {
            Say("");
            Say($"## {engine}, {o.Shape}");
            await using var world = await SasWorld.CreateAsync(engine, o.Shape);
            Say($"seeded in {world.SeedTime.TotalSeconds:0.0} s: {world.Counts}; host at {world.Address}");
            if (mode == "snp-booking")
            {
                await BookingFightAsync(world, o, Say);
            }
            else
            {
                await SearchLoadAsync(world, o, Say);
            }
        }

        var folder = o.Results ?? (System.IO.Directory.Exists("bench/results") ? "bench/results" : ".");
        var file = Path.Combine(folder, $"{mode}-{o.Shape.Cpts}x{o.Shape.EffectorsPerCpts}x{o.Shape.Days}d-{string.Join('-', engines).ToLowerInvariant()}-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"// raw report: {file}");
        return 0;
    }

    private static async Task SearchLoadAsync(SasWorld world, Options o, Action<string> say)
    {
        var token = await world.TokenAsync(Role.Member, null, sas: true);
        var searches = world.SasSearches(64, o.Hours);
        var sas = searches.Select(s => s.Path).ToList();
        var cases = new (string Name, IReadOnlyList<string> Paths, string? Token)[]
        {
            ("GET /health (trivial, anonymous)", ["/health"], null),
            ("GET /fhir/metadata (trivial, SAS token)", ["/fhir/metadata"], token),
            ($"GET /fhir/Slot (SAS search, 25 IDNPS, {o.Hours} h, all includes)", sas, token),
        };

        // One request at a time first: status, size, slots per answer and SQL commands per request (the host's DbCommandInterceptor).
        using (var client = new HttpClient { BaseAddress = world.Address })
        {
            foreach (var (name, paths, auth) in cases)
            {
                var (queries, bytes, totals, times) = (new List<long>(), new List<long>(), new List<int>(), new List<double>());
                for (var i = 0; i < 20; i++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, paths[i % paths.Count]);
                    request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
                    if (auth is not null)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auth);
                    }

                    var before = QueryCounter.Instance.Count;
                    var watch = Stopwatch.StartNew();
                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new InvalidOperationException($"{paths[i % paths.Count]} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)[..Math.Min(400, body.Length)]}");
                    }

                    if (i >= 10)
                    {
                        // The first ten warm the JIT and EF Core's query cache.
                        queries.Add(QueryCounter.Instance.Count - before);
                        bytes.Add(body.Length);
                        times.Add(watch.Elapsed.TotalMilliseconds);
                        using var json = JsonDocument.Parse(body);
                        totals.Add(json.RootElement.TryGetProperty("total", out var total) ? total.GetInt32() : 0);
                    }
                }

                say(string.Create(CultureInfo.InvariantCulture,
                    $"- {name}: SQL commands per request {queries.Min()}–{queries.Max()}, answer {bytes.Average() / 1024:0.#} KB, slots per answer {totals.Min()}–{totals.Max()} (mean {totals.Average():0}), alone {times.Order().ElementAt(times.Count / 2):0.0} ms (median)"));
            }
        }

        await BreakdownAsync(world, searches, say);
        say("");
        say($"| Endpoint | requests/s | ratio to /health | p50 ms | p90 ms | p99 ms | max ms | errors | load avg before → after |");
        say("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        var results = new List<(string Name, LoadResult Result)>();
        foreach (var (name, paths, auth) in cases.Append(("GET /health again (trivial, anonymous)", (IReadOnlyList<string>)["/health"], null)))
        {
            await RunAsync(world, o, paths, auth, o.Warmup);
            var result = await RunAsync(world, o, paths, auth, o.Duration);
            results.Add((name, result));
            var trivial = results[0].Result.Rps;
            say(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {result.Rps:N0} | {result.Rps / trivial:0.000} | {result.P50:0.0} | {result.P90:0.0} | {result.P99:0.0} | {result.Max:0} | {result.Errors} | {result.LoadBefore} → {result.LoadAfter} |"));
            if (result.Raw.Length > 0)
            {
                Console.WriteLine(result.Raw);
            }
        }

        var health = (results[0].Result.Rps + results[3].Result.Rps) / 2;
        var search = results[2].Result;
        say("");
        say(string.Create(CultureInfo.InvariantCulture,
            $"SAS search: {search.Rps:N0} req/s = {search.Rps / health:0.000} × the mean of the two /health runs ({health:N0} req/s); p50 {search.P50:0.0} ms, p99 {search.P99:0.0} ms "
            + $"(goal: p99 < 50 ms {(search.P99 < 50 && search.Errors == 0 ? "met" : "MISSED")}{(search.Errors > 0 ? $", {search.Errors} requests failed or timed out (10 s), the percentiles are of the others" : "")}, ≥ 0.25 × trivial {(search.Rps / health >= 0.25 ? "met" : "MISSED")}); {o.Clients} clients, {o.Driver}, {o.Duration.TotalSeconds:0} s"));
    }

    /// <summary>Where one search's time goes, in process and one at a time: the domain (SQL and assembly), then its JSON as the host writes
    /// it (<c>SasSlotBundleWriter</c>), and, for comparison, the FHIR POCOs and Firely's serializer it replaced — whose text it must equal.</summary>
    private static async Task BreakdownAsync(SasWorld world, IReadOnlyList<(string Path, SasSlotQuery Query)> searches, Action<string> say)
    {
        var (domain, written, pocos, json, queries) = (new List<double>(), new List<double>(), new List<double>(), new List<double>(), new List<long>());
        var serializer = new FhirJsonSerializer();
        var (baseUrl, fhirBase) = (world.Address.ToString().TrimEnd('/'), world.Address + "fhir");
        var resources = new web::Maillage.Web.Fhir.SasResources(baseUrl, fhirBase);
        var writer = new web::Maillage.Web.Fhir.SasSlotBundleWriter(baseUrl, fhirBase);
        var identical = true;
        for (var i = 0; i < 20; i++)
        {
            await using var scope = world.Services.CreateAsyncScope();
            var before = QueryCounter.Instance.Count;
            var watch = Stopwatch.StartNew();
            var agenda = (await scope.ServiceProvider.GetRequiredService<SearchSasSlots>().RunAsync(searches[i % searches.Count].Query)).Value!;
            var t1 = watch.Elapsed.TotalMilliseconds;
            var bytes = writer.ToUtf8(agenda, cptsCase: true, "self", "id");
            var t2 = watch.Elapsed.TotalMilliseconds;
            var bundle = resources.SlotBundle(agenda, cptsCase: true, "self");
            bundle.Id = "id";
            var t3 = watch.Elapsed.TotalMilliseconds;
            var text = serializer.SerializeToString(bundle);
            var t4 = watch.Elapsed.TotalMilliseconds;
            identical &= Encoding.UTF8.GetString(bytes) == text;
            if (i >= 10)
            {
                domain.Add(t1);
                written.Add(t2 - t1);
                pocos.Add(t3 - t2);
                json.Add(t4 - t3);
                queries.Add(QueryCounter.Instance.Count - before);
            }
        }

        // The SQL of one search, each command with its execution time (to the first row).
        SqlLog.Instance.Start();
        await using (var scope = world.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SearchSasSlots>().RunAsync(searches[0].Query);
        }

        foreach (var (sql, ms) in SqlLog.Instance.Stop())
        {
            say(string.Create(CultureInfo.InvariantCulture, $"  - {ms:0.00} ms: `{sql.ReplaceLineEndings(" ")}`"));
        }

        static double Median(List<double> l) => l.Order().ElementAt(l.Count / 2);
        say(string.Create(CultureInfo.InvariantCulture,
            $"- one search in process (median of 10): SearchSasSlots.RunAsync {Median(domain):0.0} ms ({queries.Max()} SQL commands), SasSlotBundleWriter {Median(written):0.00} ms; "
            + $"what it replaced: SasResources.SlotBundle {Median(pocos):0.0} ms + FhirJsonSerializer {Median(json):0.0} ms; texts identical: {(identical ? "yes" : "NO")}"));
    }

    private static async Task BookingFightAsync(SasWorld world, Options o, Action<string> say)
    {
        var cpts = world.CptsIds[0];
        var tokens = new List<string>();
        for (var i = 0; i < o.Clients; i++)
        {
            tokens.Add(await world.TokenAsync(Role.Coordinator, cpts, sas: false));
        }

        List<Guid> slots;
        await using (var scope = world.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
            var after = DateTimeOffset.UtcNow.AddDays(1);
            slots = await db.Slots().EveryCpts().AsNoTracking()
                .Where(s => s.CptsId == cpts && s.WithdrawnAt == null && s.Start > after && !db.Bookings().EveryCpts().Any(b => b.SlotId == s.Id && b.CancelledAt == null))
                .OrderBy(s => s.Start).ThenBy(s => s.Id).Select(s => s.Id).Take(o.Slots + 1).ToListAsync();
        }

        var clients = tokens.Select(t =>
        {
            var c = new HttpClient { BaseAddress = world.Address, Timeout = TimeSpan.FromSeconds(60) };
            c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", t);
            return c;
        }).ToList();
        var body = new { familyName = "Durand", givenName = "Camille", birthDate = new DateOnly(1958, 4, 12), phone = "06 12 34 56 78", reason = "fever" };
        string Url(Guid slot) => $"/api/cpts/{cpts}/snp/slots/{slot}/bookings";

        // Warm-up on a slot outside the fight: a win, then a refusal (the 409 path with its next free slots).
        var warm = slots[^1];
        slots.RemoveAt(slots.Count - 1);
        foreach (var expected in new[] { HttpStatusCode.Created, HttpStatusCode.Conflict })
        {
            using var response = await clients[0].PostAsJsonAsync(Url(warm), body);
            if (response.StatusCode != expected)
            {
                throw new InvalidOperationException($"warm-up booking answered {(int)response.StatusCode}, expected {(int)expected}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var latencies = new List<double>[clients.Count];
        var loadBefore = LoadAverage();
        var queriesBefore = QueryCounter.Instance.Count;
        var watch = Stopwatch.StartNew();
        using var progress = new Timer(_ => Console.WriteLine(
            $"// {watch.Elapsed.TotalSeconds:0} s: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}×{s.Key}"))}"), null, 10_000, 10_000);
        await Task.WhenAll(clients.Select(async (client, w) =>
        {
            var mine = latencies[w] = new List<double>(slots.Count);
            foreach (var slot in slots)
            {
                // A cap on the run: a worker starts no new attempt after the duration (SQLite's writers can queue behind its one lock).
                if (watch.Elapsed > o.Duration)
                {
                    break;
                }

                var t0 = Stopwatch.GetTimestamp();
                int status;
                try
                {
                    using var response = await client.PostAsJsonAsync(Url(slot), body);
                    await response.Content.ReadAsByteArrayAsync();
                    status = (int)response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    status = -1;
                }
                catch (TaskCanceledException)
                {
                    status = -2;
                }

                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            }
        }));
        watch.Stop();
        var queries = QueryCounter.Instance.Count - queriesBefore;
        var loadAfter = LoadAverage();
        clients.ForEach(c => c.Dispose());

        int doubles, live, liveOnFight;
        await using (var scope = world.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
            var liveBookings = db.Bookings().EveryCpts().AsNoTracking().Where(b => b.CancelledAt == null);
            doubles = await liveBookings.GroupBy(b => b.SlotId).Where(g => g.Count() > 1).CountAsync();
            live = await liveBookings.CountAsync();
            liveOnFight = await liveBookings.CountAsync(b => slots.Contains(b.SlotId));
        }

        var all = latencies.SelectMany(l => l).Order().ToList();
        var attempts = all.Count;
        double Pct(double p) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(p / 100 * all.Count) - 1)];
        say($"{o.Clients} workers (coordinators of one CPTS, one token each) × the same {slots.Count} free slots in the same order (no new attempt after {o.Duration.TotalSeconds:0} s), through POST {Url(Guid.Empty).Replace(Guid.Empty.ToString(), "{slotId}", StringComparison.Ordinal)}");
        say("");
        say("| attempts | seconds | attempts/s (bookings + refusals) | 201 booked | 409 refused | other | p50 ms | p99 ms | SQL commands per attempt | live bookings on these slots | slots with 2+ live bookings (whole table) | load avg before → after |");
        say("|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|");
        var other = string.Join(", ", statuses.Where(s => s.Key is not (201 or 409)).Select(s => $"{s.Value}×{s.Key}"));
        say(string.Create(CultureInfo.InvariantCulture,
            $"| {attempts:N0} | {watch.Elapsed.TotalSeconds:0.0} | {attempts / watch.Elapsed.TotalSeconds:N0} | {statuses.GetValueOrDefault(201):N0} | {statuses.GetValueOrDefault(409):N0} | {(other.Length == 0 ? "0" : other)} | {Pct(50):0} | {Pct(99):0} | {(double)queries / attempts:0.0} | {liveOnFight} of {slots.Count} | **{doubles}** | {loadBefore} → {loadAfter} |"));
        say($"(live bookings in the whole database: {live:N0})");
        if (doubles != 0 || liveOnFight != statuses.GetValueOrDefault(201))
        {
            say("**DOUBLE BOOKING or lost booking: the live bookings do not match the 201 answers.**");
        }
    }

    private static async Task<LoadResult> RunAsync(SasWorld world, Options o, IReadOnlyList<string> paths, string? token, TimeSpan duration)
    {
        var before = LoadAverage();
        var result = o.Driver == "wrk" ? await WrkAsync(world.Address, paths, token, o, duration) : await DotnetAsync(world.Address, paths, token, o.Clients, duration);
        return result with { LoadBefore = before, LoadAfter = LoadAverage() };
    }

    private static async Task<LoadResult> WrkAsync(Uri address, IReadOnlyList<string> paths, string? token, Options o, TimeSpan duration)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, paths);
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "wrk", "paths.lua");
            var info = new ProcessStartInfo("wrk")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         $"-t{o.Threads}", $"-c{o.Clients}", $"-d{(int)duration.TotalSeconds}s", "--timeout", "10s", "--latency", "-s", script,
                         address.ToString().TrimEnd('/'), "--", file, token ?? "-",
                     })
            {
                info.ArgumentList.Add(a);
            }

            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("WRK_JSON ", StringComparison.Ordinal))
                       ?? throw new InvalidOperationException($"wrk gave no summary (exit {process.ExitCode}): {output} {error}");
            using var json = JsonDocument.Parse(line["WRK_JSON ".Length..]);
            var r = json.RootElement;
            long L(string name) => r.GetProperty(name).GetInt64();
            var errors = L("connect") + L("read") + L("write") + L("status") + L("timeout");
            return new LoadResult(L("requests"), L("duration_us") / 1e6, L("p50_us") / 1e3, L("p90_us") / 1e3, L("p99_us") / 1e3, L("max_us") / 1e3, errors, "", "",
                output.Replace(token ?? "\u0000", "<token>", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The fallback without wrk: <paramref name="clients"/> workers sharing one HttpClient (one connection each), for the duration.</summary>
    private static async Task<LoadResult> DotnetAsync(Uri address, IReadOnlyList<string> paths, string? token, int clients, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var errors = 0L;
        var latencies = new List<double>[clients];
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async w =>
        {
            var mine = latencies[w] = [];
            for (var i = w; watch.Elapsed < duration; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(paths[i % paths.Count], HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        double Pct(double p) => all[Math.Min(all.Count - 1, (int)Math.Ceiling(p / 100 * all.Count) - 1)];
        return new LoadResult(all.Count, seconds, Pct(50), Pct(90), Pct(99), all[^1], errors, "", "", "");
    }

    private static bool WrkAvailable()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("wrk", "--version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit();
            return true;
        }
        catch (Win32Exception)
        {
            return false;
        }
    }

    /// <summary>The 1-minute load average (Linux), « ? » elsewhere.</summary>
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private sealed record LoadResult(long Requests, double Seconds, double P50, double P90, double P99, double Max, long Errors, string LoadBefore, string LoadAfter,
        string Raw)
    {
        public double Rps => Requests / Seconds;
    }

    private sealed record Options(string Engine, int Clients, TimeSpan Duration, TimeSpan Warmup, int Threads, SasShape Shape, int Slots, string Driver, string? Results, int Hours)
    {
        public static Options Parse(string[] args)
        {
            var booking = false;
            string Value(int i) => i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            static TimeSpan Seconds(string s) => TimeSpan.FromSeconds(double.Parse(s.TrimEnd('s'), CultureInfo.InvariantCulture));
            var (engine, clients, duration, warmup, threads, cpts, effectors, days, slots, driver, results, hours) =
                ("both", 0, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5), 2, 5, 100, 14, 100, "wrk", (string?)null, 48);
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--booking": booking = true; break;
                    case "--engine": engine = Value(i++); break;
                    case "--clients": clients = int.Parse(Value(i++), CultureInfo.InvariantCulture); break;
                    case "--duration": duration = Seconds(Value(i++)); break;
                    case "--warmup": warmup = Seconds(Value(i++)); break;
                    case "--threads": threads = int.Parse(Value(i++), CultureInfo.InvariantCulture); break;
                    case "--cpts": cpts = int.Parse(Value(i++), CultureInfo.InvariantCulture); break;
                    case "--effectors": effectors = int.Parse(Value(i++), CultureInfo.InvariantCulture); break;
                    case "--days": days = int.Parse(Value(i++), CultureInfo.InvariantCulture); break;
                    case "--slots": slots = int.Parse(Value(i++), CultureInfo.InvariantCulture); break;
                    case "--driver": driver = Value(i++); break;
                    case "--results": results = Value(i++); break;
                    case "--hours": hours = int.Parse(Value(i++), CultureInfo.InvariantCulture); break;
                    default: throw new ArgumentException($"Unknown option {args[i]}");
                }
            }

            return new Options(engine, clients > 0 ? clients : booking ? 64 : 200, duration, warmup, threads, new SasShape(cpts, effectors, days), slots, driver, results, hours);
        }

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Clients} clients, driver {Driver} ({Threads} threads), {Duration.TotalSeconds:0} s runs after {Warmup.TotalSeconds:0} s warm-up, SAS window {Hours} h");
    }
}
