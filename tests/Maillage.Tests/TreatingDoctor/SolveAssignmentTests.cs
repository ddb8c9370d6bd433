using Google.OrTools.LinearSolver;
using Maillage.TreatingDoctor.Assignment;

namespace Maillage.Tests.TreatingDoctor;

/// <summary>
/// The assignment solver against exact references it shares nothing with: brute force over every assignment on small random instances,
/// and a linear program over the individual pairs (GLOP; the bipartite b-matching polytope is integral, so its optimum is the assignment's)
/// on larger ones (a quarter of the requests already refused by a doctor or two) — and every answer checked for feasibility: capacities,
/// allowed pairs (never a doctor who refused the request), levels and values, total = objective.
/// </summary>
public sealed class SolveAssignmentTests
{
    private static readonly PriorityWeights Weights = new(10, 50, 30, 25, 20, 15, 15, 15, 10);

    private static readonly ProximityFactors Proximity = new(1, 0.8, 0.5, 0.2);

    private static readonly SolveAssignment Assigner = new(Reference.Geo);

    /// <summary>Redon, a commune of its EPCI, one of Ille-et-Vilaine outside it, one of Loire-Atlantique next door, Paris and its 1st arrondissement.</summary>
    private static readonly Lazy<string[]> Communes = new(() =>
    {
        var geo = Reference.Geo;
        var redon = geo.Find("35236")!;
        var sameEpci = geo.Epcis[redon.Epci!].Members.First(m => m != redon.Code);
        var sameDepartement = geo.Units.Values.First(u => u.Departement == "35" && u.Type == Maillage.Territories.Published.GeoUnitType.Commune && u.Epci != redon.Epci).Code;
        return [redon.Code, sameEpci, sameDepartement, "44109", "75056", "75101"];
    });

    [Fact]
    public void Small_random_instances_reach_the_brute_force_optimum()
    {
        for (var seed = 0; seed < 300; seed++)
        {
            var instance = Random(seed, requests: 1 + (seed % 7), doctors: 1 + (seed % 4), maxCapacity: 2);
            var solved = Assigner.Run(instance);
            Assert.True(solved.Succeeded, string.Join(" ", solved.Errors.Select(e => e.Message)));
            AssertFeasible(instance, solved.Value!);
            Assert.True(Math.Abs(BruteForce(instance) - solved.Value!.Objective) < 1e-6, $"seed {seed}: {solved.Value!.Objective} vs brute force {BruteForce(instance)}");
        }
    }

    [Fact]
    public void Larger_random_instances_reach_the_linear_programs_optimum()
    {
        for (var seed = 1000; seed < 1012; seed++)
        {
            var instance = Random(seed, requests: 400, doctors: 40, maxCapacity: 12);
            var solved = Assigner.Run(instance);
            Assert.True(solved.Succeeded);
            AssertFeasible(instance, solved.Value!);
            var lp = LinearProgram(instance);
            Assert.True(Math.Abs(lp - solved.Value!.Objective) < 1e-6 * Math.Max(1, lp), $"seed {seed}: {solved.Value!.Objective} vs LP {lp}");
            Assert.True(solved.Value!.Assigned > 0);
        }
    }

    [Fact]
    public void The_closest_level_counts_an_arrondissement_as_its_city_and_beyond_needs_the_doctors_consent()
    {
        var instance = new AssignmentInstance(Weights, Proximity,
            [new AssignmentRequest("paris-1er", "75101", [Criterion.Ald], false), new AssignmentRequest("nantes", "44109", [Criterion.Ald], false)],
            [new AssignmentDoctor("paris", "75056", 1, null, false, Beyond: false), new AssignmentDoctor("redon", "35236", 5, [Criterion.Ald], false, Beyond: false)]);
        var result = Assigner.Run(instance).Value!;
        var paris = Assert.Single(result.Assignments);
        Assert.Equal(("paris-1er", "paris", ProximityLevel.Commune, 60.0), (paris.Request, paris.Doctor, paris.Level, paris.Value));

        var willing = instance with { Doctors = [instance.Doctors[0], instance.Doctors[1] with { Beyond = true }] };
        var both = Assigner.Run(willing).Value!;
        Assert.Equal(2, both.Assigned);
        Assert.Equal(ProximityLevel.Beyond, both.Assignments.Single(a => a.Request == "nantes").Level);
        Assert.Equal(60 + (60 * 0.2), both.Objective, 6);
    }

    [Fact]
    public void Criteria_and_home_visits_restrict_the_pairs_and_the_highest_scores_win_the_scarce_capacity()
    {
        var instance = new AssignmentInstance(Weights, Proximity,
        [
            new AssignmentRequest("c2s", "35236", [Criterion.C2s], false),
            new AssignmentRequest("ald", "35236", [Criterion.Ald], false),
            new AssignmentRequest("home", "35236", [Criterion.Ald, Criterion.Age70], true),
        ],
        [new AssignmentDoctor("ald-only", "35236", 1, [Criterion.Ald], HomeVisits: false, Beyond: false), new AssignmentDoctor("all", "35236", 1, null, false, false)]);
        var result = Assigner.Run(instance).Value!;
        Assert.Equal([("ald", "ald-only"), ("c2s", "all")], result.Assignments.Select(a => (a.Request, a.Doctor)).Order());
    }

    [Fact]
    public void A_bad_instance_is_refused_with_each_reason_and_its_place()
    {
        var bad = new AssignmentInstance(Weights, new ProximityFactors(0.5, 0.8, 0.5, 0.2),
            [new AssignmentRequest("r", "99999", [], false), new AssignmentRequest("r", "35236", [], false)],
            [new AssignmentDoctor("d", "35236", -1, null, false, false)]);
        var refused = Assigner.Run(bad);
        Assert.False(refused.Succeeded);
        Assert.Equal(["capacity_range", "commune_unknown", "factor_order", "id_duplicate"], refused.Errors.Select(e => e.Code).Order());
        Assert.Contains(refused.Errors, e => e.Field == "requests[0].commune" && e.Message.Contains("99999", StringComparison.Ordinal));
    }

    [Fact]
    public void The_instance_file_is_read_and_its_mistakes_named_by_their_place()
    {
        const string Json = """
            {"weights": {"base": 10, "ald": 50, "age70": 30, "lostDoctor": 25, "c2s": 20, "chronic": 15, "disability": 15, "pregnancy": 15, "precarity": 10},
             "proximity": {"commune": 1, "epci": 0.8, "departement": 0.5, "beyond": 0.2},
             "requests": [{"id": "r1", "commune": "35236", "criteria": ["ald", "lostDoctor"], "homeVisit": true}],
             "doctors": [{"id": "d1", "commune": "35236", "capacity": 3, "accepts": null, "homeVisits": true, "beyond": false},
                         {"id": "d2", "commune": "35236", "capacity": 1, "accepts": ["c2s"]}]}
            """;
        var read = AssignmentFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Json)));
        Assert.True(read.Succeeded, string.Join(" ", read.Errors.Select(e => e.Message)));
        Assert.Equal([Criterion.Ald, Criterion.LostDoctor], read.Value!.Requests[0].Criteria);
        Assert.Null(read.Value.Doctors[0].Accepts);
        Assert.Equal([Criterion.C2s], read.Value.Doctors[1].Accepts);
        var document = AssignmentFile.Document(Assigner.Run(read.Value).Value!);
        Assert.Equal((1, 1, 85.0), (document.Requests, document.Assigned, document.Objective));
        Assert.Equal(("r1", "d1", "commune", 85.0), (document.Assignments[0].Request, document.Assignments[0].Doctor, document.Assignments[0].Level, document.Assignments[0].Value));

        var broken = AssignmentFile.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
            Json.Replace("\"lostDoctor\"]", "\"doctorLost\"]", StringComparison.Ordinal).Replace("\"capacity\": 3", "\"capacity\": \"trois\"", StringComparison.Ordinal))));
        Assert.Equal(["requests[0].criteria[1]", "doctors[0].capacity"], broken.Errors.Select(e => e.Field));
        var notJson = AssignmentFile.Read(new MemoryStream("{\"weights\": "u8.ToArray()));
        Assert.Equal("json_invalid", Assert.Single(notJson.Errors).Code);
    }

    private static AssignmentInstance Random(int seed, int requests, int doctors, int maxCapacity)
    {
        var random = new Random(seed);
        var communes = Communes.Value;
        var criteria = Enum.GetValues<Criterion>();
        IReadOnlyList<Criterion> Some(int most) => [.. criteria.Where(_ => random.Next(criteria.Length) < most).Distinct()];
        return new AssignmentInstance(Weights, Proximity,
            [.. Enumerable.Range(0, requests).Select(i => new AssignmentRequest($"r{i}", communes[random.Next(communes.Length)], Some(2), random.Next(5) == 0,
                random.Next(4) == 0 ? [$"d{random.Next(doctors)}", $"d{random.Next(doctors)}"] : null))],
            [.. Enumerable.Range(0, doctors).Select(i => new AssignmentDoctor($"d{i}", communes[random.Next(communes.Length)], random.Next(maxCapacity + 1),
                random.Next(3) == 0 ? null : Some(4), random.Next(2) == 0, random.Next(3) == 0))]);
    }

    private static (SolveAssignment.Place R, SolveAssignment.Place D) Places(AssignmentRequest r, AssignmentDoctor d) =>
        (Assigner.PlaceOf(r.Commune)!, Assigner.PlaceOf(d.Commune)!);

    private static double? PairValue(AssignmentInstance instance, AssignmentRequest r, AssignmentDoctor d)
    {
        var (rp, dp) = Places(r, d);
        return SolveAssignment.Value(instance, r, rp, d, dp)?.Value;
    }

    private static void AssertFeasible(AssignmentInstance instance, AssignmentResult result)
    {
        var requests = instance.Requests.ToDictionary(r => r.Id);
        var doctors = instance.Doctors.ToDictionary(d => d.Id);
        Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => a.Request).Distinct().Count());
        foreach (var group in result.Assignments.GroupBy(a => a.Doctor))
        {
            Assert.True(group.Count() <= doctors[group.Key].Capacity, $"doctor {group.Key} over capacity");
        }

        foreach (var a in result.Assignments)
        {
            var (r, d) = (requests[a.Request], doctors[a.Doctor]);
            var (rp, dp) = Places(r, d);
            var allowed = SolveAssignment.Value(instance, r, rp, d, dp);
            Assert.NotNull(allowed);
            Assert.Equal((allowed.Value.Level, allowed.Value.Value), (a.Level, a.Value));
        }

        Assert.Equal(result.Assignments.Count, result.Assigned);
        Assert.Equal(result.Assignments.Sum(a => a.Value), result.Objective, 6);
    }

    private static double BruteForce(AssignmentInstance instance)
    {
        var left = instance.Doctors.Select(d => d.Capacity).ToArray();
        double Best(int i)
        {
            if (i == instance.Requests.Count)
            {
                return 0;
            }

            var best = Best(i + 1);
            for (var j = 0; j < instance.Doctors.Count; j++)
            {
                if (left[j] > 0 && PairValue(instance, instance.Requests[i], instance.Doctors[j]) is { } value)
                {
                    left[j]--;
                    best = Math.Max(best, value + Best(i + 1));
                    left[j]++;
                }
            }

            return best;
        }

        return Best(0);
    }

    private static double LinearProgram(AssignmentInstance instance)
    {
        using var solver = Solver.CreateSolver("GLOP");
        var objective = solver.Objective();
        var perDoctor = instance.Doctors.Select(d => solver.MakeConstraint(0, d.Capacity)).ToArray();
        foreach (var r in instance.Requests)
        {
            var one = solver.MakeConstraint(0, 1);
            for (var j = 0; j < instance.Doctors.Count; j++)
            {
                if (PairValue(instance, r, instance.Doctors[j]) is { } value)
                {
                    var x = solver.MakeNumVar(0, 1, $"{r.Id}-{instance.Doctors[j].Id}");
                    one.SetCoefficient(x, 1);
                    perDoctor[j].SetCoefficient(x, 1);
                    objective.SetCoefficient(x, value);
                }
            }
        }

        objective.SetMaximization();
        Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
        return objective.Value();
    }
}

/// <summary>The versioned priorities: the embedded file loads, its default explains a score in French, and a faulty file is refused.</summary>
public sealed class PriorityRuleSetsTests
{
    [Fact]
    public void The_embedded_default_puts_ald_first_and_explains_a_score()
    {
        var sets = PriorityRuleSets.LoadEmbedded();
        var w = sets.Default.Weights;
        Assert.True(w.Ald > w.Age70 && w.Age70 > w.LostDoctor && w.LostDoctor > w.C2s, "ALD, then 70+, then the lost doctor, then C2S");
        Assert.NotEmpty(sets.Default.Source);
        var (score, text) = sets.Default.Explain([Criterion.Age70, Criterion.Ald, Criterion.Ald]);
        Assert.Equal(w.Base + w.Ald + w.Age70, score);
        Assert.Equal($"base {w.Base} + ALD {w.Ald} + 70 ans et plus {w.Age70} = {score}", text);
    }

    [Theory]
    [InlineData("""{"default": "x", "ruleSets": []}""", "no rule set")]
    [InlineData("""{"default": "y", "ruleSets": [{"id": "x", "name": "n", "source": "s", "weights": {"base": 1}, "proximity": {"commune": 1}}]}""", "default rule set")]
    [InlineData("""{"default": "x", "ruleSets": [{"id": "x", "name": "n", "source": "s", "weights": {"base": 1}, "proximity": {"commune": 0.5, "epci": 0.8}}]}""", "do not grow")]
    [InlineData("""{"default": "x", "ruleSets": [{"id": "x", "name": "n", "source": "s", "weights": {"ald": 20000}, "proximity": {"commune": 1}}]}""", "weights go")]
    public void A_faulty_file_is_refused_with_its_reason(string json, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => PriorityRuleSets.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}

/// <summary>Per patient: why this doctor, or why still waiting — no doctor within reach, or the capacity went to requests worth more,
/// named by their scores.</summary>
public sealed class AssignmentExplanationsTests
{
    private static readonly SolveAssignment Assigner = new(Reference.Geo);

    [Fact]
    public void Each_request_is_told_why_its_doctor_or_why_it_waits()
    {
        var weights = new PriorityWeights(10, 50, 30, 25, 20, 15, 15, 15, 10);
        var instance = new AssignmentInstance(weights, new ProximityFactors(1, 0.8, 0.5, 0.2),
        [
            new AssignmentRequest("ald-70", "35236", [Criterion.Ald, Criterion.Age70], false),
            new AssignmentRequest("c2s", "35236", [Criterion.C2s], false),
            new AssignmentRequest("home", "35236", [Criterion.Ald], HomeVisit: true),
        ],
        [new AssignmentDoctor("d1", "35236", 1, null, HomeVisits: false, Beyond: false)]);
        var result = Assigner.Run(instance).Value!;
        string Why(string id) => AssignmentExplanations.Explain(instance, result, id, Assigner.PlaceOf, d => $"Dr {d}").Text;

        Assert.Equal("Proposé à Dr d1 (même commune) : score base 10 + ALD 50 + 70 ans et plus 30 = 90, × 1 pour la proximité = 90.", Why("ald-70"));
        var waiting = AssignmentExplanations.Explain(instance, result, "c2s", Assigner.PlaceOf, d => d);
        Assert.Equal(WaitingReason.CapacityTaken, waiting.Reason);
        Assert.Equal([(90L, ProximityLevel.Commune)], waiting.TakenBy);
        Assert.Contains("scores 90 (même commune)", waiting.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ald-70", waiting.Text, StringComparison.Ordinal);
        var nobody = AssignmentExplanations.Explain(instance, result, "home", Assigner.PlaceOf, d => d);
        Assert.Equal(WaitingReason.NoDoctorWithinReach, nobody.Reason);
        Assert.Contains("visites à domicile", nobody.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_doctor_who_refused_the_patient_is_not_counted_within_their_reach()
    {
        var weights = new PriorityWeights(10, 50, 30, 25, 20, 15, 15, 15, 10);
        var instance = new AssignmentInstance(weights, new ProximityFactors(1, 0.8, 0.5, 0.2),
        [
            new AssignmentRequest("refused", "35236", [Criterion.Ald], false, RefusedBy: ["d1"]),
            new AssignmentRequest("other", "35236", [Criterion.C2s], false),
        ],
        [new AssignmentDoctor("d1", "35236", 2, null, HomeVisits: false, Beyond: false)]);
        var result = Assigner.Run(instance).Value!;
        var explainer = new AssignmentExplainer(instance, result, Assigner.PlaceOf, d => d);

        // d1 has room left (2 places, one used), but refused this patient: nobody within reach, not « capacity taken ».
        Assert.Equal((false, true), (explainer.IsAssigned("refused"), explainer.IsAssigned("other")));
        Assert.Equal(WaitingReason.NoDoctorWithinReach, explainer.Explain("refused").Reason);
        Assert.Equal(WaitingReason.Assigned, explainer.Explain("other").Reason);
    }
}
