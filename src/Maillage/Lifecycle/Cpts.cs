using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Lifecycle.Published;

namespace Maillage.Lifecycle;

/// <summary>A CPTS: its association identity, the snapshot of its territory, its stage and history.</summary>
public sealed class Cpts : Maillage.Platform.Persistence.IVersioned
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>RNA number of the association, once it is declared (a pre-project may not be one yet).</summary>
    public string? Rna { get; set; }

    public string? Siret { get; set; }

    /// <summary>FINESS number of the CPTS (9 characters, TRE_R66 category 604), when it has one: the SAS identifies the CPTS by it.</summary>
    public string? Finess { get; set; }

    /// <summary>The association's contact address (a generic one, not a person's).</summary>
    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    public Stage Stage { get; set; }

    /// <summary>Legal population of the territory when it was last saved.</summary>
    public long Population { get; set; }

    /// <summary>Size tier computed from <see cref="Population"/> under <see cref="TierRuleSet"/>.</summary>
    public int Tier { get; set; }

    public string TierRuleSet { get; set; } = "";

    /// <summary>Départements of the territory as ",35,44," so that a scope test is a plain LIKE.</summary>
    public string Departements { get; set; } = ",";

    /// <summary>Régions of the territory as ",52,53,".</summary>
    public string Regions { get; set; } = ",";

    /// <summary>The codes the territory had when the CPTS was dissolved; its units are released.</summary>
    public string? DissolvedTerritory { get; set; }

    public LetterOfIntent Letter { get; set; } = new();

    public List<StageTransition> Transitions { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Application-managed concurrency token, incremented on every save.</summary>
    public int Version { get; set; }

    public IEnumerable<string> DepartementCodes => Departements.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<string> RegionCodes => Regions.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string AsCodeList(IEnumerable<string> codes) => "," + string.Join(',', codes) + (codes.Any() ? "," : "");

    /// <summary>A new CPTS at the pre-project stage since the given date.</summary>
    public static Cpts Register(DateOnly since, string recordedBy, DateTimeOffset recordedAt)
    {
        var cpts = new Cpts { Id = Guid.NewGuid(), Stage = Stage.PreProject, CreatedAt = recordedAt };
        cpts.Transitions.Add(new StageTransition
        {
            Id = Guid.NewGuid(), CptsId = cpts.Id, Stage = Stage.PreProject, Date = since, RecordedBy = recordedBy, RecordedAt = recordedAt,
        });
        return cpts;
    }

    /// <summary>Keeps the snapshot of the territory: population, tier and the rule set it comes from, départements and régions.</summary>
    public void SetPerimeter(long population, int tier, string ruleSet, IEnumerable<string> departements, IEnumerable<string> regions)
    {
        (Population, Tier, TierRuleSet) = (population, tier, ruleSet);
        (Departements, Regions) = (AsCodeList(departements), AsCodeList(regions));
    }

    /// <summary>Moves to the next stage, or dissolves (domain-rules §3).</summary>
    /// <remarks>
    /// Rule: a stage can only move forward one step at a time, or to dissolution from any stage;
    /// the date cannot precede the previous transition nor be after today.
    /// </remarks>
    public Error? MoveTo(Stage target, DateOnly date, DateOnly today, string recordedBy, DateTimeOffset recordedAt)
    {
        if (Stage == Stage.Dissolved)
        {
            return new Error("dissolved", "Cette CPTS est dissoute : son étape ne peut plus changer.", "stage", ErrorKind.Conflict);
        }

        var isNext = target != Stage.Dissolved && (int)target == (int)Stage + 1;
        if (target != Stage.Dissolved && !isNext)
        {
            var expected = Stage == Stage.AciSigned ? "seule la dissolution est possible" : $"l'étape suivante est « {((Stage)((int)Stage + 1)).French()} »";
            return new Error("stage_order", $"Passage de « {Stage.French()} » à « {target.French()} » impossible : {expected}.", "stage", ErrorKind.Conflict);
        }

        var last = Transitions.Count == 0 ? (DateOnly?)null : Transitions.Max(t => t.Date);
        if (last is { } previous && date < previous)
        {
            return new Error("date_before_previous", $"La date du {French.Date(date)} précède celle de l'étape précédente ({French.Date(previous)}).", "date");
        }

        if (date > today)
        {
            return new Error("date_in_future", $"La date du {French.Date(date)} est dans le futur.", "date");
        }

        Transitions.Add(new StageTransition { Id = Guid.NewGuid(), CptsId = Id, Stage = target, Date = date, RecordedBy = recordedBy, RecordedAt = recordedAt });
        Stage = target;
        return null;
    }

    /// <summary>Days spent in each stage reached, up to today for the current one.</summary>
    public IReadOnlyList<StageDuration> Timeline(DateOnly today)
    {
        var ordered = Transitions.OrderBy(t => t.Date).ThenBy(t => t.Stage).ToList();
        return [.. ordered.Select((t, i) =>
        {
            var end = i + 1 < ordered.Count ? ordered[i + 1].Date : (DateOnly?)null;
            var days = t.Stage == Stage.Dissolved ? (int?)null : (end ?? today).DayNumber - t.Date.DayNumber;
            return new StageDuration(t.Stage, t.Date, end, days, t.RecordedBy);
        })];
    }

    public override string ToString() => $"CPTS {Id}";
}

/// <summary>A dated change of stage.</summary>
public sealed class StageTransition : Maillage.Platform.Persistence.ICptsOwned
{
    public Guid Id { get; set; }

    public Guid CptsId { get; set; }

    public Stage Stage { get; set; }

    public DateOnly Date { get; set; }

    public string RecordedBy { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>How long a CPTS stayed at a stage; <see cref="Days"/> runs to today for the current stage.</summary>
public sealed record StageDuration(Stage Stage, DateOnly From, DateOnly? To, int? Days, string RecordedBy);

/// <summary>The lettre d'intention (domain-rules §3); the intended territory is the CPTS's territory.</summary>
public sealed class LetterOfIntent
{
    /// <summary>Les acteurs engagés.</summary>
    public string? Actors { get; set; }

    /// <summary>Le contexte.</summary>
    public string? Context { get; set; }

    /// <summary>Les besoins identifiés.</summary>
    public string? Needs { get; set; }

    /// <summary>Les objectifs.</summary>
    public string? Objectives { get; set; }

    /// <summary>Le calendrier prévisionnel.</summary>
    public string? Calendar { get; set; }

    /// <summary>Les premiers obstacles.</summary>
    public string? Obstacles { get; set; }
}
