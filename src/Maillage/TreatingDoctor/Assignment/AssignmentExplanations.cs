using System.Globalization;

namespace Maillage.TreatingDoctor.Assignment;

/// <summary>Why a request got its doctor, or why it still waits, in French and without naming other patients.</summary>
public enum WaitingReason
{
    /// <summary>Proposed to a doctor.</summary>
    Assigned,

    /// <summary>No doctor within reach accepts its criteria (or visits at home when it needs it), or every one of them has no room at all.</summary>
    NoDoctorWithinReach,

    /// <summary>Doctors within reach would take it, but their capacity went to requests worth more (score × proximity).</summary>
    CapacityTaken,
}

/// <summary>The explanation of one request's outcome: the reason, a French sentence, and for a waiting request the scores (and levels)
/// of the requests that took the capacity within its reach — by score, never by person.</summary>
public sealed record AssignmentExplanation(WaitingReason Reason, string Text, IReadOnlyList<(long Score, ProximityLevel Level)> TakenBy);

/// <summary>Explains a solved instance's outcome for one request (docs/treating-doctor.md, « Explanations »).</summary>
public static class AssignmentExplanations
{
    /// <param name="placeOf">The place of a commune code (<see cref="SolveAssignment.PlaceOf"/>).</param>
    /// <param name="doctorName">How to name the doctor of a proposal to the coordinator (the directory's name).</param>
    public static AssignmentExplanation Explain(AssignmentInstance instance, AssignmentResult result, string requestId,
        Func<string, SolveAssignment.Place?> placeOf, Func<string, string> doctorName) =>
        new AssignmentExplainer(instance, result, placeOf, doctorName).Explain(requestId);
}

/// <summary>
/// Explains many requests of one solved instance: the scores, the proposals by request and the proposals by doctor are indexed once, so
/// explaining every request of a run costs requests × doctors, not requests².
/// </summary>
public sealed class AssignmentExplainer
{
    private const int MaxNamed = 5;

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private readonly AssignmentInstance instance;

    private readonly Func<string, SolveAssignment.Place?> placeOf;

    private readonly Func<string, string> doctorName;

    private readonly Dictionary<string, AssignmentRequest> requests;

    private readonly Dictionary<string, long> scores;

    private readonly Dictionary<string, Assignment> byRequest;

    private readonly ILookup<string, Assignment> byDoctor;

    private readonly List<(AssignmentDoctor Doctor, SolveAssignment.Place Place)> doctors;

    /// <param name="placeOf">The place of a commune code (<see cref="SolveAssignment.PlaceOf"/>).</param>
    /// <param name="doctorName">How to name the doctor of a proposal to the coordinator (the directory's name).</param>
    public AssignmentExplainer(AssignmentInstance instance, AssignmentResult result, Func<string, SolveAssignment.Place?> placeOf, Func<string, string> doctorName)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(placeOf);
        ArgumentNullException.ThrowIfNull(doctorName);
        this.instance = instance;
        this.placeOf = placeOf;
        this.doctorName = doctorName;
        requests = instance.Requests.ToDictionary(r => r.Id, StringComparer.Ordinal);
        scores = instance.Requests.ToDictionary(r => r.Id, r => instance.Weights.Score(r.Criteria), StringComparer.Ordinal);
        byRequest = result.Assignments.ToDictionary(a => a.Request, StringComparer.Ordinal);
        byDoctor = result.Assignments.ToLookup(a => a.Doctor, StringComparer.Ordinal);
        doctors = [.. instance.Doctors.Where(d => d.Capacity > 0).Select(d => (d, placeOf(d.Commune))).Where(d => d.Item2 is not null).Select(d => (d.d, d.Item2!))];
    }

    /// <summary>Whether the request got a doctor in this run.</summary>
    public bool IsAssigned(string requestId) => byRequest.ContainsKey(requestId);

    public AssignmentExplanation Explain(string requestId)
    {
        var request = requests[requestId];
        var place = placeOf(request.Commune)!;
        var scoreText = instance.Weights.Explain(request.Criteria);
        if (byRequest.TryGetValue(requestId, out var mine))
        {
            var factor = instance.Proximity.Of(mine.Level).ToString("0.##", French);
            return new AssignmentExplanation(WaitingReason.Assigned,
                $"Proposé à {doctorName(mine.Doctor)} ({PriorityLabels.Of(mine.Level)}) : score {scoreText}, × {factor} pour la proximité = {mine.Value.ToString("0.##", French)}.", []);
        }

        // A doctor who refused this patient is not within their reach any more.
        var reachable = doctors.Where(d => request.RefusedBy?.Contains(d.Doctor.Id, StringComparer.Ordinal) != true
                && SolveAssignment.Value(instance, request, place, d.Doctor, d.Place) is not null)
            .Select(d => d.Doctor.Id).ToList();
        if (reachable.Count == 0)
        {
            var what = request.HomeVisit ? "ces critères avec des visites à domicile" : "ces critères";
            return new AssignmentExplanation(WaitingReason.NoDoctorWithinReach,
                $"En attente : aucun médecin volontaire à portée (même commune, intercommunalité ou département, ou au-delà s'il l'accepte) n'accepte {what} "
                + $"ou n'a de place. Score {scoreText}.", []);
        }

        var takenBy = reachable.SelectMany(d => byDoctor[d]).Select(a => (Score: scores[a.Request], a.Level))
            .OrderByDescending(t => t.Score).ThenBy(t => t.Level).ToList();
        var named = string.Join(", ", takenBy.Take(MaxNamed).Select(t => $"{t.Score} ({PriorityLabels.Of(t.Level)})"))
            + (takenBy.Count > MaxNamed ? $" et {takenBy.Count - MaxNamed} autres" : "");
        return new AssignmentExplanation(WaitingReason.CapacityTaken,
            $"En attente : {reachable.Count} médecin(s) à portée l'accepteraient, mais leurs places sont allées à des demandes de plus grande valeur "
            + $"(score × proximité) — scores {named}. Score de cette demande {scoreText} ; elle passe au prochain calcul, ou dès qu'une place se libère.",
            takenBy);
    }
}
