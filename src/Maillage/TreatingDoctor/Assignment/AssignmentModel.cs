namespace Maillage.TreatingDoctor.Assignment;

/// <summary>A priority criterion of a request for a treating doctor (the national plan's fragile patients first).</summary>
public enum Criterion
{
    /// <summary>Affection de longue durée.</summary>
    Ald,

    /// <summary>70 years old or more.</summary>
    Age70,

    /// <summary>Their treating doctor retired, moved or died.</summary>
    LostDoctor,

    /// <summary>Complémentaire santé solidaire.</summary>
    C2s,

    Chronic,

    Disability,

    Pregnancy,

    Precarity,
}

/// <summary>How close a doctor is to a patient: the closest of these that holds (an arrondissement counts as its commune).</summary>
public enum ProximityLevel
{
    Commune,
    Epci,
    Departement,
    Beyond,
}

/// <summary>The names criteria and levels take in files and JSON (camelCase, as the CLI's instance format).</summary>
public static class AssignmentNames
{
    private static readonly Dictionary<string, Criterion> ByName = Enum.GetValues<Criterion>().ToDictionary(Name, StringComparer.Ordinal);

    public static string Name(Criterion c) => c switch
    {
        Criterion.Ald => "ald",
        Criterion.Age70 => "age70",
        Criterion.LostDoctor => "lostDoctor",
        Criterion.C2s => "c2s",
        Criterion.Chronic => "chronic",
        Criterion.Disability => "disability",
        Criterion.Pregnancy => "pregnancy",
        _ => "precarity",
    };

    public static string Name(ProximityLevel level) => level switch
    {
        ProximityLevel.Commune => "commune",
        ProximityLevel.Epci => "epci",
        ProximityLevel.Departement => "departement",
        _ => "beyond",
    };

    public static bool TryCriterion(string? name, out Criterion criterion) => ByName.TryGetValue(name ?? "", out criterion);

    public static IReadOnlyList<string> CriterionNames { get; } = [.. Enum.GetValues<Criterion>().Select(Name)];
}

/// <summary>
/// A request's priority score: <see cref="Base"/> plus the weight of each of its criteria (docs/treating-doctor.md). Integers, so that the
/// solver's objective is exact.
/// </summary>
public sealed record PriorityWeights(int Base, int Ald, int Age70, int LostDoctor, int C2s, int Chronic, int Disability, int Pregnancy, int Precarity)
{
    public int Of(Criterion c) => c switch
    {
        Criterion.Ald => Ald,
        Criterion.Age70 => Age70,
        Criterion.LostDoctor => LostDoctor,
        Criterion.C2s => C2s,
        Criterion.Chronic => Chronic,
        Criterion.Disability => Disability,
        Criterion.Pregnancy => Pregnancy,
        _ => Precarity,
    };

    /// <summary>The score of a request with these criteria (each counted once).</summary>
    public long Score(IEnumerable<Criterion> criteria) => Base + (long)criteria.Distinct().Sum(Of);

    /// <summary>The score as the coordinator reads it: « base 10 + ALD 50 + 70 ans et plus 30 = 90 », or « 10 » without criteria.</summary>
    public string Explain(IEnumerable<Criterion> criteria)
    {
        var distinct = criteria.Distinct().Order().ToList();
        if (distinct.Count == 0)
        {
            return Base.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var terms = distinct.Select(c => $"{PriorityLabels.Of(c)} {Of(c)}").Prepend($"base {Base}");
        return $"{string.Join(" + ", terms)} = {Score(distinct)}";
    }
}

/// <summary>What a proposal is worth at each level: its score times the factor. Non-increasing from commune to beyond, between 0 and 1000.</summary>
public sealed record ProximityFactors(double Commune, double Epci, double Departement, double Beyond)
{
    public double Of(ProximityLevel level) => level switch
    {
        ProximityLevel.Commune => Commune,
        ProximityLevel.Epci => Epci,
        ProximityLevel.Departement => Departement,
        _ => Beyond,
    };
}

/// <summary>A patient waiting for a treating doctor, as the solver sees it: where they live (INSEE code), their criteria, whether the
/// doctor must come to them, and the doctors who already refused them (never proposed them again).</summary>
public sealed record AssignmentRequest(string Id, string Commune, IReadOnlyList<Criterion> Criteria, bool HomeVisit, IReadOnlyList<string>? RefusedBy = null);

/// <summary>A volunteer doctor as the solver sees it: where they practise, how many new patients they can still take, the criteria they
/// accept (null: all), whether they visit at home, whether they take patients beyond their département.</summary>
public sealed record AssignmentDoctor(string Id, string Commune, int Capacity, IReadOnlyList<Criterion>? Accepts, bool HomeVisits, bool Beyond);

/// <summary>One campaign to solve.</summary>
public sealed record AssignmentInstance(PriorityWeights Weights, ProximityFactors Proximity, IReadOnlyList<AssignmentRequest> Requests,
    IReadOnlyList<AssignmentDoctor> Doctors);

/// <summary>One proposal: this request to this doctor, at this level, worth score × factor.</summary>
public sealed record Assignment(string Request, string Doctor, ProximityLevel Level, double Value);

/// <summary>The solver's answer: how many requests, how many assigned, the total value, the proposals (in the requests' order).</summary>
public sealed record AssignmentResult(int Requests, int Assigned, double Objective, IReadOnlyList<Assignment> Assignments);
