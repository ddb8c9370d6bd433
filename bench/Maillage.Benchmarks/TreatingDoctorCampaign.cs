using System.Diagnostics;
using System.Globalization;
using System.Text;
using Google.OrTools.LinearSolver;
using Maillage.Territories.Published;
using Maillage.TreatingDoctor.Assignment;

namespace Maillage.Benchmarks;

/// <summary>
/// <c>treating-doctor-campaign</c> (bench/README.md, « Treating-doctor assignment (issue 13) »): a campaign generated on the real geography —
/// regional (Bretagne, 500,000 requests, 20,000 doctors) or national (6,000,000, 100,000) — solved by <see cref="SolveAssignment"/>: its
/// time and the process's peak memory; against, in the same run, a greedy baseline (highest scores first, each to its closest doctor with
/// room) and, on a sample of one département small enough for it, an independent exact optimum (a linear program over the pairs, GLOP).
/// </summary>
public static class TreatingDoctorCampaign
{
    public static readonly PriorityWeights Weights = new(10, 50, 30, 25, 20, 15, 15, 15, 10);

    public static readonly ProximityFactors Proximity = new(1, 0.8, 0.5, 0.2);

    public static int Run(string[] args)
    {
        var scope = Value(args, "--scope") ?? "regional";
        var national = scope == "national";
        var requests = int.Parse(Value(args, "--requests") ?? (national ? "6000000" : "500000"), CultureInfo.InvariantCulture);
        var doctors = int.Parse(Value(args, "--doctors") ?? (national ? "100000" : "20000"), CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var geo = Reference.Geo;
        Say($"# treating-doctor-campaign {scope} — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC — {requests:N0} requests, {doctors:N0} doctors");
        Say($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; load average at start {LoadAverage()}");
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        var watch = Stopwatch.StartNew();
        var instance = Generate(geo, national ? null : "53", requests, doctors, seed: 13);
        Say(string.Create(CultureInfo.InvariantCulture, $"- generated in {watch.Elapsed.TotalSeconds:0.0} s on {instance.Requests.Select(r => r.Commune).Distinct().Count():N0} communes; working set {Mb(Process.GetCurrentProcess().WorkingSet64)} MB"));

        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        watch.Restart();
        var solved = new SolveAssignment(geo).Run(instance);
        var solveTime = watch.Elapsed;
        var peak = PeakWorkingSet();
        if (!solved.Succeeded)
        {
            Say("refused: " + string.Join(" ", solved.Errors.Select(e => e.Message)));
            return 1;
        }

        var result = solved.Value!;
        watch.Restart();
        var greedy = Greedy(geo, instance);
        var greedyTime = watch.Elapsed;
        Say(string.Create(CultureInfo.InvariantCulture,
            $"- SolveAssignment: {solveTime.TotalSeconds:0.0} s; assigned {result.Assigned:N0} of {result.Requests:N0}; objective {result.Objective:N1}; process peak working set {Mb(peak)} MB (before solving {Mb(before)} MB, at start {Mb(baseline)} MB)"));
        Say(string.Create(CultureInfo.InvariantCulture,
            $"- greedy baseline (highest scores first, closest doctor with room): {greedyTime.TotalSeconds:0.0} s; assigned {greedy.Assigned:N0}; objective {greedy.Objective:N1} = {greedy.Objective / result.Objective:0.0000} × the optimum"));
        Say($"- by level: {string.Join(", ", result.Assignments.GroupBy(a => a.Level).OrderBy(g => g.Key).Select(g => $"{AssignmentNames.Name(g.Key)} {g.Count():N0}"))}");

        // An independent exact optimum on a sample small enough for a linear program over the pairs.
        var sample = Sample(instance, geo, national ? "35" : "29", 2_000, 100);
        var sampleSolved = new SolveAssignment(geo).Run(sample).Value!;
        watch.Restart();
        var lp = LinearProgram(geo, sample);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"- sample of one département ({sample.Requests.Count:N0} requests × {sample.Doctors.Count:N0} doctors): SolveAssignment {sampleSolved.Objective:N4}, linear program (GLOP, {watch.Elapsed.TotalSeconds:0.0} s) {lp:N4}: {(Math.Abs(lp - sampleSolved.Objective) < 1e-6 * Math.Max(1, lp) ? "equal" : "DIFFERENT")}; greedy {Greedy(geo, sample).Objective:N4}"));
        var folder = System.IO.Directory.Exists("bench/results") ? "bench/results" : ".";
        var file = Path.Combine(folder, $"treating-doctor-{scope}-{DateTimeOffset.UtcNow:yyyyMMdd-HHmm}.md");
        File.WriteAllText(file, report.ToString());
        Console.WriteLine($"// raw report: {file}");
        return 0;
    }

    /// <summary>Requests and doctors spread over the communes of a region (or of France) in proportion to their population.</summary>
    public static AssignmentInstance Generate(GeoCatalog geo, string? region, int requests, int doctors, int seed)
    {
        ArgumentNullException.ThrowIfNull(geo);
        var random = new Random(seed);
        var communes = geo.Units.Values.Where(u => u.Type == GeoUnitType.Commune && u.Population > 0 && (region is null || u.Region == region)
            && (region is not null || u.IsTerritoryUnit)).OrderBy(u => u.Code, StringComparer.Ordinal).ToArray();
        var cumulative = new long[communes.Length];
        long total = 0;
        for (var i = 0; i < communes.Length; i++)
        {
            cumulative[i] = total += communes[i].Population;
        }

        string Draw()
        {
            var x = (long)(random.NextDouble() * total);
            var i = Array.BinarySearch(cumulative, x);
            return communes[i < 0 ? ~i : i].Code;
        }

        (Criterion C, double P)[] frequencies = [(Criterion.Ald, 0.25), (Criterion.Age70, 0.2), (Criterion.LostDoctor, 0.3), (Criterion.C2s, 0.1),
            (Criterion.Chronic, 0.15), (Criterion.Disability, 0.05), (Criterion.Pregnancy, 0.02), (Criterion.Precarity, 0.08)];
        var requestList = new List<AssignmentRequest>(requests);
        for (var i = 0; i < requests; i++)
        {
            requestList.Add(new AssignmentRequest("r" + i.ToString(CultureInfo.InvariantCulture), Draw(),
                [.. frequencies.Where(f => random.NextDouble() < f.P).Select(f => f.C)], random.NextDouble() < 0.05));
        }

        IReadOnlyList<Criterion>?[] accepts = [null, [Criterion.Ald], [Criterion.Ald, Criterion.Age70, Criterion.LostDoctor]];
        var doctorList = new List<AssignmentDoctor>(doctors);
        for (var i = 0; i < doctors; i++)
        {
            var kind = random.NextDouble();
            doctorList.Add(new AssignmentDoctor("d" + i.ToString(CultureInfo.InvariantCulture), Draw(), 5 + random.Next(36),
                kind < 0.6 ? accepts[0] : kind < 0.85 ? accepts[1] : accepts[2], random.NextDouble() < 0.3, random.NextDouble() < 0.1));
        }

        return new AssignmentInstance(Weights, Proximity, requestList, doctorList);
    }

    /// <summary>The highest scores first, each given a compatible doctor with room at its closest level (doctors pooled by place, level and
    /// kind — accepted criteria and home visits — each pool handing out its doctors in order).</summary>
    public static (int Assigned, double Objective) Greedy(GeoCatalog geo, AssignmentInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var solver = new SolveAssignment(geo);
        var places = instance.Requests.Select(r => r.Commune).Concat(instance.Doctors.Select(d => d.Commune)).Distinct()
            .ToDictionary(c => c, c => solver.PlaceOf(c)!);
        var left = instance.Doctors.Select(d => d.Capacity).ToArray();
        var pools = new Dictionary<(ProximityLevel, string), Dictionary<string, Pool>>();
        void Add(ProximityLevel level, string? key, int doctor)
        {
            if (key is null)
            {
                return;
            }

            if (!pools.TryGetValue((level, key), out var kinds))
            {
                pools[(level, key)] = kinds = [];
            }

            var d = instance.Doctors[doctor];
            var kind = (d.Accepts is null ? "*" : string.Join(',', d.Accepts.Order())) + (d.HomeVisits ? "+home" : "");
            if (!kinds.TryGetValue(kind, out var pool))
            {
                kinds[kind] = pool = new Pool(doctor);
            }

            pool.Doctors.Add(doctor);
        }

        for (var j = 0; j < instance.Doctors.Count; j++)
        {
            var p = places[instance.Doctors[j].Commune];
            Add(ProximityLevel.Commune, p.Commune, j);
            Add(ProximityLevel.Epci, p.Epci, j);
            Add(ProximityLevel.Departement, p.Departement, j);
            if (instance.Doctors[j].Beyond)
            {
                Add(ProximityLevel.Beyond, "", j);
            }
        }

        var (assigned, objective) = (0, 0.0);
        foreach (var r in instance.Requests.OrderByDescending(r => instance.Weights.Score(r.Criteria)))
        {
            var rp = places[r.Commune];
            foreach (var (level, key) in new (ProximityLevel, string?)[]
                { (ProximityLevel.Commune, rp.Commune), (ProximityLevel.Epci, rp.Epci), (ProximityLevel.Departement, rp.Departement), (ProximityLevel.Beyond, "") })
            {
                var factor = instance.Proximity.Of(level);
                if (key is null || factor <= 0 || !pools.TryGetValue((level, key), out var kinds))
                {
                    continue;
                }

                var pool = kinds.Values.FirstOrDefault(k => SolveAssignment.Compatible(r, instance.Doctors[k.Sample]) && k.HasRoom(left));
                if (pool is not null)
                {
                    var j = pool.Take(left);
                    assigned++;
                    objective += SolveAssignment.Value(instance, r, rp, instance.Doctors[j], places[instance.Doctors[j].Commune])!.Value.Value;
                    break;
                }
            }
        }

        return (assigned, objective);
    }

    private sealed class Pool(int sample)
    {
        private int index;

        public int Sample => sample;

        public List<int> Doctors { get; } = [];

        public bool HasRoom(int[] left)
        {
            while (index < Doctors.Count && left[Doctors[index]] == 0)
            {
                index++;
            }

            return index < Doctors.Count;
        }

        public int Take(int[] left)
        {
            var j = Doctors[index];
            left[j]--;
            return j;
        }
    }

    /// <summary>The first requests and doctors of one département.</summary>
    private static AssignmentInstance Sample(AssignmentInstance instance, GeoCatalog geo, string departement, int requests, int doctors) => instance with
    {
        Requests = [.. instance.Requests.Where(r => geo.Find(r.Commune)?.Departement == departement).Take(requests)],
        Doctors = [.. instance.Doctors.Where(d => geo.Find(d.Commune)?.Departement == departement).Take(doctors)],
    };

    private static double LinearProgram(GeoCatalog geo, AssignmentInstance instance)
    {
        var assign = new SolveAssignment(geo);
        using var lp = Solver.CreateSolver("GLOP");
        var objective = lp.Objective();
        var perDoctor = instance.Doctors.Select(d => lp.MakeConstraint(0, d.Capacity)).ToArray();
        var doctorPlaces = instance.Doctors.Select(d => assign.PlaceOf(d.Commune)!).ToArray();
        foreach (var r in instance.Requests)
        {
            var rp = assign.PlaceOf(r.Commune)!;
            var one = lp.MakeConstraint(0, 1);
            for (var j = 0; j < instance.Doctors.Count; j++)
            {
                if (SolveAssignment.Value(instance, r, rp, instance.Doctors[j], doctorPlaces[j]) is { } v)
                {
                    var x = lp.MakeNumVar(0, 1, "");
                    one.SetCoefficient(x, 1);
                    perDoctor[j].SetCoefficient(x, 1);
                    objective.SetCoefficient(x, v.Value);
                }
            }
        }

        objective.SetMaximization();
        return lp.Solve() == Solver.ResultStatus.OPTIMAL ? objective.Value() : double.NaN;
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static long PeakWorkingSet()
    {
        // VmHWM: the resident peak of the whole process, the native solver's memory included.
        foreach (var line in File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status") : [])
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Process.GetCurrentProcess().PeakWorkingSet64;
    }

    private static string Mb(long bytes) => (bytes / 1024 / 1024).ToString("N0", CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
