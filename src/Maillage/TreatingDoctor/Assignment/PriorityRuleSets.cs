using System.Text.Json;

namespace Maillage.TreatingDoctor.Assignment;

/// <summary>One versioned set of priority weights and proximity factors, with its source (data/rules/treating-doctor-priorities.json).</summary>
public sealed record PriorityRuleSet(string Id, string Name, string Source, PriorityWeights Weights, ProximityFactors Proximity, string? Note)
{
    /// <summary>The score of these criteria and how it is made, in French (<see cref="PriorityWeights.Explain"/>).</summary>
    public (long Score, string Explanation) Explain(IEnumerable<Criterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var list = criteria.ToList();
        return (Weights.Score(list), Weights.Explain(list));
    }
}

/// <summary>The French names of the criteria and levels, as the coordinator reads them.</summary>
public static class PriorityLabels
{
    public static string Of(Criterion c) => c switch
    {
        Criterion.Ald => "ALD",
        Criterion.Age70 => "70 ans et plus",
        Criterion.LostDoctor => "médecin parti (retraite, départ, décès)",
        Criterion.C2s => "C2S",
        Criterion.Chronic => "maladie chronique",
        Criterion.Disability => "handicap",
        Criterion.Pregnancy => "grossesse",
        _ => "précarité",
    };

    public static string Of(ProximityLevel level) => level switch
    {
        ProximityLevel.Commune => "même commune",
        ProximityLevel.Epci => "même intercommunalité",
        ProximityLevel.Departement => "même département",
        _ => "hors du département",
    };
}

/// <summary>
/// The priority rule sets, loaded once and checked: ids unique, the default one present, every weight and factor within what the solver
/// takes (<see cref="SolveAssignment"/>), factors non-increasing with distance. A faulty file stops the start with its reason.
/// </summary>
public sealed class PriorityRuleSets
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private PriorityRuleSets(IReadOnlyList<PriorityRuleSet> all, PriorityRuleSet @default)
    {
        All = all;
        Default = @default;
    }

    public IReadOnlyList<PriorityRuleSet> All { get; }

    public PriorityRuleSet Default { get; }

    public PriorityRuleSet? Find(string id) => All.FirstOrDefault(r => r.Id == id);

    public static PriorityRuleSets LoadEmbedded()
    {
        using var stream = typeof(PriorityRuleSets).Assembly.GetManifestResourceStream("rules/treating-doctor-priorities.json")
            ?? throw new InvalidDataException("rules/treating-doctor-priorities.json is not embedded.");
        return Load(stream);
    }

    public static PriorityRuleSets Load(Stream json)
    {
        const string Name = "treating-doctor-priorities.json";
        var file = JsonSerializer.Deserialize<FileShape>(json, JsonOptions) ?? throw new InvalidDataException($"{Name} is empty.");
        if (file.RuleSets is not { Count: > 0 })
        {
            throw new InvalidDataException($"{Name} lists no rule set.");
        }

        var sets = new List<PriorityRuleSet>();
        foreach (var r in file.RuleSets)
        {
            if (string.IsNullOrWhiteSpace(r.Id) || string.IsNullOrWhiteSpace(r.Name) || string.IsNullOrWhiteSpace(r.Source) || r.Weights is null || r.Proximity is null)
            {
                throw new InvalidDataException($"{Name}: every rule set needs an id, a name, a source, weights and proximity factors ({r.Id ?? "?"}).");
            }

            if (sets.Any(s => s.Id == r.Id))
            {
                throw new InvalidDataException($"{Name}: the rule set {r.Id} is listed twice.");
            }

            var w = r.Weights;
            if (new[] { w.Base, w.Ald, w.Age70, w.LostDoctor, w.C2s, w.Chronic, w.Disability, w.Pregnancy, w.Precarity }.Any(x => x is < 0 or > SolveAssignment.MaxWeight))
            {
                throw new InvalidDataException($"{Name}: {r.Id}: weights go from 0 to {SolveAssignment.MaxWeight}.");
            }

            var p = r.Proximity;
            if (new[] { p.Commune, p.Epci, p.Departement, p.Beyond }.Any(f => f is < 0 or > SolveAssignment.MaxFactor)
                || !(p.Commune >= p.Epci && p.Epci >= p.Departement && p.Departement >= p.Beyond))
            {
                throw new InvalidDataException($"{Name}: {r.Id}: factors go from 0 to {SolveAssignment.MaxFactor} and do not grow with distance.");
            }

            sets.Add(new PriorityRuleSet(r.Id, r.Name, r.Source, w, p, r.Note));
        }

        var @default = sets.FirstOrDefault(s => s.Id == file.Default) ?? throw new InvalidDataException($"{Name}: the default rule set « {file.Default} » is not listed.");
        return new PriorityRuleSets(sets, @default);
    }

    private sealed record FileShape(string? Default, List<RuleSetShape>? RuleSets);

    private sealed record RuleSetShape(string? Id, string? Name, string? Source, PriorityWeights? Weights, ProximityFactors? Proximity, string? Note);
}
