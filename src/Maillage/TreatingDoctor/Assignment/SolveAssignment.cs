using Google.OrTools.Graph;
using Maillage.Platform.Errors;
using Maillage.Territories.Published;

namespace Maillage.TreatingDoctor.Assignment;

/// <summary>
/// The optimal assignment of requests to volunteer doctors (docs/treating-doctor.md, « The assignment »): each request at most one doctor,
/// each doctor at most its capacity, a pair allowed only when the doctor accepts one of the request's criteria (or all) and visits at home
/// when the request needs it, has not refused the request already, and is within reach (same commune, EPCI or département, or beyond when the doctor accepts beyond), worth
/// score × the level's factor; the total value is maximised exactly, by a min-cost flow (Google OR-Tools), not greedily.
/// </summary>
/// <remarks>
/// The flow is not drawn pair by pair (a region is 500,000 requests × 20,000 doctors): requests alike (same commune, criteria and home-visit
/// need: the same score and the same reach) are one node carrying their count; doctors alike (same commune, accepted criteria, home visits,
/// beyond) are one node carrying their summed capacity; between them, a hub per level, place and kind of doctor (accepted criteria and home
/// visits): the commune's, the EPCI's, the département's, and one for the doctors who go beyond. A request node reaches the hubs of its own
/// commune, EPCI and département (and the beyond hub) of every kind of doctor compatible with it, at the cost −score × factor of that level;
/// a hub reaches, at no cost, every doctor node of its place and kind. A request may also stay unassigned (an arc straight to the sink).
/// A request some doctors already refused is a node of its own, and each of those doctors too: it reaches straight every other doctor node
/// within reach, at its closest level (refusals come from one CPTS's desk, so these arcs stay few).
/// Since the factors do not increase with distance, a pair's best path is through the hub of its closest common level, so the flow's
/// optimum is the assignment's; each proposal is then reported at its actual closest level. Values are scaled to integers (factors to
/// 10⁻⁴), so the optimum is exact for factors given to four decimals; weights up to 10,000 and factors up to 100 keep the total within 64 bits
/// for ten million requests.
/// </remarks>
public sealed class SolveAssignment(GeoCatalog geo)
{
    /// <summary>Factors are taken to this precision.</summary>
    public const long FactorScale = 10_000;

    public const double MaxFactor = 100;

    public const int MaxWeight = 10_000;

    public Result<AssignmentResult> Run(AssignmentInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var errors = Check(instance, out var places);
        if (errors.Count > 0)
        {
            return Result<AssignmentResult>.Fail(errors);
        }

        using var flow = new Flow(instance, places);
        return Result<AssignmentResult>.Ok(flow.Solve());
    }

    /// <summary>Where a commune sits: its commune (a city's for an arrondissement), EPCI and département.</summary>
    public sealed record Place(string Commune, string? Epci, string Departement);

    /// <summary>The closest level two places share, or null when none (beyond).</summary>
    public static ProximityLevel Closest(Place a, Place b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Commune == b.Commune ? ProximityLevel.Commune
            : a.Epci is not null && a.Epci == b.Epci ? ProximityLevel.Epci
            : a.Departement == b.Departement ? ProximityLevel.Departement
            : ProximityLevel.Beyond;
    }

    /// <summary>Whether the doctor may be proposed this request, whatever the distance.</summary>
    public static bool Compatible(AssignmentRequest r, AssignmentDoctor d)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(d);
        return (!r.HomeVisit || d.HomeVisits) && (d.Accepts is null || r.Criteria.Any(d.Accepts.Contains)) && r.RefusedBy?.Contains(d.Id) != true;
    }

    /// <summary>The value of proposing r to d, or null when the pair is not allowed (incompatible, out of reach, or worth nothing).</summary>
    public static (ProximityLevel Level, double Value)? Value(AssignmentInstance instance, AssignmentRequest r, Place rp, AssignmentDoctor d, Place dp)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (!Compatible(r, d))
        {
            return null;
        }

        var level = Closest(rp, dp);
        if (level == ProximityLevel.Beyond && !d.Beyond)
        {
            return null;
        }

        var value = instance.Weights.Score(r.Criteria) * instance.Proximity.Of(level);
        return value > 0 ? (level, value) : null;
    }

    /// <summary>The place of an INSEE code of the geography (commune or arrondissement), or null.</summary>
    public Place? PlaceOf(string? code)
    {
        if (code is null || geo.Find(code.Trim()) is not { Type: GeoUnitType.Commune or GeoUnitType.Arrondissement } unit)
        {
            return null;
        }

        var commune = unit.Type == GeoUnitType.Arrondissement && unit.Parent is { } parent && geo.Find(parent) is { } city ? city : unit;
        return new Place(commune.Code, commune.Epci ?? unit.Epci, unit.Departement);
    }

    private List<Error> Check(AssignmentInstance instance, out Dictionary<string, Place> places)
    {
        var errors = new List<Error>();
        places = new Dictionary<string, Place>(StringComparer.Ordinal);
        var p = instance.Proximity;
        double[] factors = [p.Commune, p.Epci, p.Departement, p.Beyond];
        if (factors.Any(f => double.IsNaN(f) || f < 0 || f > MaxFactor))
        {
            errors.Add(new Error("factor_range", $"Les facteurs de proximité vont de 0 à {MaxFactor:0}.", "proximity"));
        }
        else if (!(p.Commune >= p.Epci && p.Epci >= p.Departement && p.Departement >= p.Beyond))
        {
            errors.Add(new Error("factor_order", "Les facteurs de proximité ne peuvent pas croître avec la distance : commune ≥ epci ≥ departement ≥ beyond.", "proximity"));
        }

        var w = instance.Weights;
        if (new[] { w.Base, w.Ald, w.Age70, w.LostDoctor, w.C2s, w.Chronic, w.Disability, w.Pregnancy, w.Precarity }.Any(x => x is < 0 or > MaxWeight))
        {
            errors.Add(new Error("weight_range", $"Les poids vont de 0 à {MaxWeight:N0}.".Replace(',', ' '), "weights"));
        }

        Unique(instance.Requests.Select(r => r.Id), "requests", errors);
        Unique(instance.Doctors.Select(d => d.Id), "doctors", errors);
        for (var i = 0; i < instance.Requests.Count; i++)
        {
            Locate(instance.Requests[i].Commune, $"requests[{i}].commune", places, errors);
        }

        for (var i = 0; i < instance.Doctors.Count; i++)
        {
            var d = instance.Doctors[i];
            Locate(d.Commune, $"doctors[{i}].commune", places, errors);
            if (d.Capacity is < 0 or > 100_000)
            {
                errors.Add(new Error("capacity_range", $"La capacité du médecin « {d.Id} » doit aller de 0 à 100 000 (reçu {d.Capacity}).", $"doctors[{i}].capacity"));
            }
        }

        return errors;
    }

    private void Locate(string commune, string field, Dictionary<string, Place> places, List<Error> errors)
    {
        if (places.ContainsKey(commune ?? ""))
        {
            return;
        }

        if (PlaceOf(commune) is { } place)
        {
            places[commune!] = place;
        }
        else if (errors.Count(e => e.Code == "commune_unknown") < 20)
        {
            errors.Add(new Error("commune_unknown", $"Commune inconnue de la géographie : « {commune} » (code INSEE d'une commune ou d'un arrondissement attendu).", field));
        }
    }

    private static void Unique(IEnumerable<string> ids, string field, List<Error> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add(new Error("id_required", "Chaque élément doit avoir un identifiant (id).", field));
                return;
            }

            if (!seen.Add(id))
            {
                errors.Add(new Error("id_duplicate", $"Identifiant en double : « {id} ».", field));
                return;
            }
        }
    }

    /// <summary>The aggregated network of one instance, solved once.</summary>
    private sealed class Flow(AssignmentInstance instance, Dictionary<string, Place> places) : IDisposable
    {
        private const int AllCriteria = -1;

        private readonly MinCostFlow network = new();
        private int nodes = 2;

        private const int Source = 0;

        private const int Sink = 1;

        public void Dispose() => network.Dispose();

        public AssignmentResult Solve()
        {
            var requests = instance.Requests;
            if (requests.Count == 0)
            {
                return new AssignmentResult(0, 0, 0, []);
            }

            // Requests alike: same commune, criteria and home visit (so the same score and reach); a request some doctor refused is alone.
            var requestClasses = requests.Select((r, i) => (r, i))
                .GroupBy(x => (places[x.r.Commune].Commune, Mask(x.r.Criteria), x.r.HomeVisit, Alone: x.r.RefusedBy is { Count: > 0 } ? x.i : -1))
                .Select(g => new RequestClass(places[g.First().r.Commune], g.Key.Item2, g.Key.HomeVisit, instance.Weights.Score(g.First().r.Criteria),
                    [.. g.Select(x => x.i)], g.First().r.RefusedBy is { Count: > 0 } refused ? [.. refused] : null))
                .ToList();

            // Doctors alike: same commune, accepted criteria, home visits and beyond (a doctor who refused a request is alone); kinds: accepted
            // criteria and home visits.
            var refusing = requests.SelectMany(r => r.RefusedBy ?? []).ToHashSet(StringComparer.Ordinal);
            var doctorClasses = instance.Doctors.Select((d, i) => (d, i)).Where(x => x.d.Capacity > 0)
                .GroupBy(x => (places[x.d.Commune].Commune, Accepts: x.d.Accepts is null ? AllCriteria : Mask(x.d.Accepts), x.d.HomeVisits, x.d.Beyond,
                    Alone: refusing.Contains(x.d.Id) ? x.i : -1))
                .Select(g => new DoctorClass(places[g.First().d.Commune], (g.Key.Accepts, g.Key.HomeVisits), g.Key.Beyond, [.. g.Select(x => x.i)]))
                .ToList();
            var kinds = doctorClasses.Select(c => c.Kind).Distinct().ToList();

            // Hubs that have doctors: (level, place key, kind).
            var hubs = new Dictionary<(ProximityLevel, string, (int, bool)), int>();
            var hubToDoctor = new List<(int Arc, int Hub, DoctorClass To)>();
            foreach (var dc in doctorClasses)
            {
                dc.Node = nodes++;
                dc.SinkArc = network.AddArcWithCapacityAndUnitCost(dc.Node, Sink, dc.Doctors.Sum(i => (long)instance.Doctors[i].Capacity), 0);
                foreach (var (level, key) in Keys(dc.Place, dc.Beyond))
                {
                    var hubKey = (level, key, dc.Kind);
                    if (!hubs.TryGetValue(hubKey, out var hub))
                    {
                        hubs[hubKey] = hub = nodes++;
                    }

                    hubToDoctor.Add((network.AddArcWithCapacityAndUnitCost(hub, dc.Node, requests.Count, 0), hub, dc));
                }
            }

            var requestToHub = new List<(int Arc, int Hub, RequestClass From, ProximityLevel Level)>();
            var requestToDoctor = new List<(int Arc, RequestClass From, DoctorClass To)>();
            foreach (var rc in requestClasses)
            {
                rc.Node = nodes++;
                network.AddArcWithCapacityAndUnitCost(Source, rc.Node, rc.Requests.Count, 0);
                if (rc.RefusedBy is { } refused)
                {
                    // The hubs would lead to the doctors who refused it too: straight to every other doctor node within reach, at its closest level.
                    foreach (var dc in doctorClasses.Where(dc => Fits(rc, dc.Kind) && !dc.Doctors.Any(i => refused.Contains(instance.Doctors[i].Id))))
                    {
                        var level = Closest(rc.Place, dc.Place);
                        var factor = (long)Math.Round(instance.Proximity.Of(level) * FactorScale);
                        if ((level != ProximityLevel.Beyond || dc.Beyond) && factor > 0 && rc.Score > 0)
                        {
                            requestToDoctor.Add((network.AddArcWithCapacityAndUnitCost(rc.Node, dc.Node, rc.Requests.Count, -rc.Score * factor), rc, dc));
                        }
                    }

                    continue;
                }

                foreach (var kind in kinds.Where(k => Fits(rc, k)))
                {
                    foreach (var (level, key) in Keys(rc.Place, beyond: true))
                    {
                        var factor = (long)Math.Round(instance.Proximity.Of(level) * FactorScale);
                        if (factor > 0 && rc.Score > 0 && hubs.TryGetValue((level, key, kind), out var hub))
                        {
                            requestToHub.Add((network.AddArcWithCapacityAndUnitCost(rc.Node, hub, rc.Requests.Count, -rc.Score * factor), hub, rc, level));
                        }
                    }
                }
            }

            network.AddArcWithCapacityAndUnitCost(Source, Sink, requests.Count, 0);
            network.SetNodeSupply(Source, requests.Count);
            network.SetNodeSupply(Sink, -requests.Count);
            var status = network.Solve();
            if (status != MinCostFlowBase.Status.OPTIMAL)
            {
                throw new InvalidOperationException($"The assignment's min-cost flow ended {status}.");
            }

            return Decompose(requestToHub, hubToDoctor, requestToDoctor);
        }

        /// <summary>Pairs the flow through each hub: any request that came in with any doctor that went out is a pair of that hub's level
        /// and kind, hence allowed; each pair is reported at its actual closest level.</summary>
        private AssignmentResult Decompose(List<(int Arc, int Hub, RequestClass From, ProximityLevel Level)> requestToHub,
            List<(int Arc, int Hub, DoctorClass To)> hubToDoctor, List<(int Arc, RequestClass From, DoctorClass To)> requestToDoctor)
        {
            var outgoing = hubToDoctor.Select(h => (h.Hub, h.To, Flow: network.Flow(h.Arc))).Where(h => h.Flow > 0)
                .GroupBy(h => h.Hub).ToDictionary(g => g.Key, g => new HubOut([.. g.Select(h => h.To)], [.. g.Select(h => h.Flow)]));
            var assigned = new List<(int Request, int Doctor)>();
            foreach (var (arc, hub, from, _) in requestToHub)
            {
                var amount = network.Flow(arc);
                var doctors = amount > 0 ? outgoing[hub] : null;
                for (; amount > 0; amount--)
                {
                    assigned.Add((from.Requests[from.Taken++], doctors!.Next().NextDoctor(instance)));
                }
            }

            foreach (var (arc, from, to) in requestToDoctor)
            {
                for (var amount = network.Flow(arc); amount > 0; amount--)
                {
                    assigned.Add((from.Requests[from.Taken++], to.NextDoctor(instance)));
                }
            }

            var list = assigned.OrderBy(a => a.Request).Select(a =>
            {
                var (r, d) = (instance.Requests[a.Request], instance.Doctors[a.Doctor]);
                var level = Closest(places[r.Commune], places[d.Commune]);
                return new Assignment(r.Id, d.Id, level, instance.Weights.Score(r.Criteria) * instance.Proximity.Of(level));
            }).ToList();
            return new AssignmentResult(instance.Requests.Count, list.Count, list.Sum(a => a.Value), list);
        }

        private static IEnumerable<(ProximityLevel Level, string Key)> Keys(Place place, bool beyond)
        {
            yield return (ProximityLevel.Commune, place.Commune);
            if (place.Epci is not null)
            {
                yield return (ProximityLevel.Epci, place.Epci);
            }

            yield return (ProximityLevel.Departement, place.Departement);
            if (beyond)
            {
                yield return (ProximityLevel.Beyond, "");
            }
        }

        private static bool Fits(RequestClass rc, (int Accepts, bool HomeVisits) kind) =>
            (!rc.HomeVisit || kind.HomeVisits) && (kind.Accepts == AllCriteria || (kind.Accepts & rc.Criteria) != 0);

        private static int Mask(IEnumerable<Criterion> criteria) => criteria.Aggregate(0, (m, c) => m | (1 << (int)c));
    }

    /// <summary>What left a hub, doctor node by doctor node, handed out one unit at a time.</summary>
    private sealed class HubOut(List<DoctorClass> to, List<long> flows)
    {
        private int index;
        private long used;

        public DoctorClass Next()
        {
            while (used >= flows[index])
            {
                index++;
                used = 0;
            }

            used++;
            return to[index];
        }
    }

    private sealed class RequestClass(Place place, int criteria, bool homeVisit, long score, List<int> requests, HashSet<string>? refusedBy)
    {
        public Place Place => place;

        public int Criteria => criteria;

        public bool HomeVisit => homeVisit;

        public long Score => score;

        public List<int> Requests => requests;

        /// <summary>The doctors who refused this request (a class of one), or null.</summary>
        public HashSet<string>? RefusedBy => refusedBy;

        public int Node { get; set; }

        public int Taken { get; set; }
    }

    private sealed class DoctorClass(Place place, (int Accepts, bool HomeVisits) kind, bool beyond, List<int> doctors)
    {
        private int current;
        private int used;

        public Place Place => place;

        public (int Accepts, bool HomeVisits) Kind => kind;

        public bool Beyond => beyond;

        public List<int> Doctors => doctors;

        public int Node { get; set; }

        public int SinkArc { get; set; }

        /// <summary>The next doctor of this class with capacity left (the flow never sends more than their summed capacity).</summary>
        public int NextDoctor(AssignmentInstance instance)
        {
            while (used >= instance.Doctors[doctors[current]].Capacity)
            {
                current++;
                used = 0;
            }

            used++;
            return doctors[current];
        }
    }
}
