using System.Globalization;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Platform;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Reviews;

/// <summary>What the officer gives for one mission when deciding a review; an amount left out takes its default (see <see cref="ReviewRules.Decide"/>).</summary>
public sealed record MissionDecisionDraft(string? Mission, bool MeansDeployed, decimal? DecidedFixed, decimal? DecidedVariable, string? Comment);

/// <summary>What the officer gives to decide a review: a decision per mission of the year, the outcome, the day it applies.</summary>
public sealed record DecisionDraft(IReadOnlyList<MissionDecisionDraft>? Missions, string? Outcome, DateOnly? DecidedOn);

/// <summary>A mission line of the year as the decision needs it: the grid's maxima and what is expected.</summary>
/// <summary>A mission line as a decision needs it; <paramref name="WeightsIncomplete"/>: its indicators' weights do not sum to 1, so its
/// variable part was not computed and the decision must state it.</summary>
public sealed record DecisionLine(string Line, string Name, decimal MaximumFixed, decimal MaximumVariable, decimal? ExpectedVariable,
    bool WeightsIncomplete = false);

/// <summary>
/// The pure rules of the dialogue de gestion: which contract years may be reviewed, what a record and an action may hold, and the checks
/// of a decision (one per mission of the year, amounts ≥ 0 in euros and cents and at most the grid's maximum, an outcome, a decision day
/// after the year has ended and not in the future).
/// </summary>
public static class ReviewRules
{
    public const int ParticipantsMax = 2000;
    public const int OutcomeMax = 4000;
    public const int CommentMax = 2000;
    public const int TitleMax = 300;
    public const int DescriptionMax = 4000;

    /// <summary>A year of the contract (1–5) that has begun on <paramref name="today"/>.</summary>
    public static Error? OpenableYear(AciContract contract, int year, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (IndicatorRules.YearError(year, "year") is { } error)
        {
            return error;
        }

        var start = IndicatorRules.YearStart(contract, year);
        return start > today
            ? new Error("year_not_started", $"L'année {year} du contrat commence le {French.Date(start)} : son dialogue de gestion ne peut pas encore être ouvert.", "year")
            : null;
    }

    /// <summary>The record of the meeting: held on a day of the contract year or after it; participants within the length allowed.</summary>
    public static List<Error> CheckRecord(AciContract contract, int year, DateOnly? heldOn, string? participants)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var errors = new List<Error>();
        var start = IndicatorRules.YearStart(contract, year);
        if (heldOn is { } held && held < start)
        {
            errors.Add(new Error("held_on_before_year", $"Le dialogue de l'année {year} ne peut pas se tenir avant le début de cette année ({French.Date(start)}).", "heldOn"));
        }

        if ((participants?.Trim().Length ?? 0) > ParticipantsMax)
        {
            errors.Add(new Error("participants_too_long", "La liste des participants est limitée à 2 000 caractères.", "participants"));
        }

        return errors;
    }

    /// <summary>An action outside the contract: a title, an optional mission among the missions of the year, an optional description.</summary>
    public static List<Error> CheckAction(string? title, string? mission, string? description, IReadOnlyList<DecisionLine> missions)
    {
        ArgumentNullException.ThrowIfNull(missions);
        var errors = new List<Error>();
        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add(new Error("title_required", "Donnez un intitulé à l'action.", "title"));
        }
        else if (title.Trim().Length > TitleMax)
        {
            errors.Add(new Error("title_too_long", "L'intitulé de l'action est limité à 300 caractères.", "title"));
        }

        if (Clean(mission) is { } id && !missions.Any(m => m.Line == id))
        {
            errors.Add(new Error("mission_not_in_year", $"« {id} » n'est pas une mission du contrat cette année. Missions : {Describe(missions)}.", "mission"));
        }

        if ((description?.Trim().Length ?? 0) > DescriptionMax)
        {
            errors.Add(new Error("description_too_long", "La description de l'action est limitée à 4 000 caractères.", "description"));
        }

        return errors;
    }

    /// <summary>
    /// The first day the review of a contract year may be decided: the day after the year's last day (the next year's first day), since
    /// the year's results are assessed once it is over (issue 11: Redon's year-1 review was closed in December, its year ending on 27 January).
    /// </summary>
    public static DateOnly DecidableFrom(AciContract contract, int year) => IndicatorRules.YearStart(contract, year + 1);

    /// <summary>« La revue de l'année 1 ne peut être conclue qu'après la fin de l'année de contrat, le 27/01/2027. »</summary>
    public static Error YearNotEnded(int year, DateOnly decidableFrom) =>
        new("year_not_ended",
            $"La revue de l'année {year} ne peut être conclue qu'après la fin de l'année de contrat, le {French.Date(decidableFrom.AddDays(-1))}.", "decidedOn");

    /// <summary>
    /// Checks a decision and gives the mission decisions to store, every amount explicit so that the decision stays as taken whatever
    /// changes afterwards: a fixed part left out is the grid's maximum when the means are deployed and 0 otherwise; a variable part left
    /// out is the one computed from the indicators (0 when it cannot be computed). The decision is dated (by default today) after the year
    /// has ended (<see cref="DecidableFrom"/>) and not in the future.
    /// </summary>
    public static (List<ReviewMission> Missions, List<Error> Errors) Decide(DecisionDraft draft, IReadOnlyList<DecisionLine> lines, int year,
        DateOnly decidableFrom, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(lines);
        var errors = new List<Error>();
        var decided = new List<ReviewMission>();
        var given = draft.Missions ?? [];
        foreach (var group in given.GroupBy(m => Clean(m.Mission) ?? ""))
        {
            if (lines.FirstOrDefault(l => l.Line == group.Key) is not { } line)
            {
                errors.Add(new Error("mission_not_in_year", $"« {group.Key} » n'est pas une mission du contrat cette année. Missions : {Describe(lines)}.", "missions"));
                continue;
            }

            if (group.Count() > 1)
            {
                errors.Add(new Error("mission_duplicate", $"La mission {line.Name} est décidée deux fois : donnez une seule décision par mission.", "missions"));
                continue;
            }

            var m = group.Single();
            if (m.DecidedVariable is null && line.WeightsIncomplete)
            {
                errors.Add(new Error("weights_incomplete", $"{line.Name} : les poids de ses indicateurs ne totalisent pas 1, sa part variable n'a donc pas "
                    + "été calculée : corrigez les poids sur la page des indicateurs ou indiquez la part variable décidée.", "missions"));
                continue;
            }

            var fixedPart = m.DecidedFixed ?? (m.MeansDeployed ? line.MaximumFixed : 0m);
            var variablePart = m.DecidedVariable ?? Math.Min(line.ExpectedVariable ?? 0m, line.MaximumVariable);
            errors.AddRange(CheckAmount(fixedPart, line.MaximumFixed, $"La part fixe décidée pour {line.Name}", "missions"));
            errors.AddRange(CheckAmount(variablePart, line.MaximumVariable, $"La part variable décidée pour {line.Name}", "missions"));
            if ((m.Comment?.Trim().Length ?? 0) > CommentMax)
            {
                errors.Add(new Error("comment_too_long", $"Le commentaire sur {line.Name} est limité à 2 000 caractères.", "missions"));
            }

            decided.Add(new ReviewMission
            {
                Id = Guid.NewGuid(), Mission = line.Line, MeansDeployed = m.MeansDeployed, DecidedFixed = fixedPart, DecidedVariable = variablePart,
                Comment = Clean(m.Comment, keepCase: true),
            });
        }

        var missing = lines.Where(l => !given.Any(m => Clean(m.Mission) == l.Line)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new Error("mission_missing", $"Décidez chaque mission de l'année ; il manque : {string.Join(", ", missing.Select(l => l.Name))}.", "missions"));
        }

        if (string.IsNullOrWhiteSpace(draft.Outcome))
        {
            errors.Add(new Error("outcome_required", "Rédigez la conclusion du dialogue de gestion.", "outcome"));
        }
        else if (draft.Outcome.Trim().Length > OutcomeMax)
        {
            errors.Add(new Error("outcome_too_long", "La conclusion est limitée à 4 000 caractères.", "outcome"));
        }

        var on = draft.DecidedOn ?? today;
        if (on > today)
        {
            errors.Add(new Error("decided_on_in_future", $"La date de décision du {French.Date(on)} est dans le futur.", "decidedOn"));
        }
        else if (on < decidableFrom)
        {
            errors.Add(YearNotEnded(year, decidableFrom));
        }

        return ([.. decided.OrderBy(d => lines.ToList().FindIndex(l => l.Line == d.Mission))], errors);
    }

    /// <summary>An amount decided: ≥ 0, in euros and cents, at most the maximum of the grid.</summary>
    public static IEnumerable<Error> CheckAmount(decimal amount, decimal maximum, string what, string field)
    {
        if (amount < 0)
        {
            yield return new Error("amount_negative", $"{what} ne peut pas être négative ({Amount(amount)}).", field);
        }
        else if (decimal.Round(amount, 2) != amount)
        {
            yield return new Error("amount_not_in_cents", $"{what} s'exprime en euros et centimes ({Amount(amount)}).", field);
        }
        else if (amount > maximum)
        {
            yield return new Error("amount_above_maximum", $"{what} ({AciLabels.Euros(amount)}) dépasse le maximum de la grille ({AciLabels.Euros(maximum)}).", field);
        }
    }

    /// <summary>Trimmed text, <c>null</c> when empty; mission ids are lower-cased.</summary>
    public static string? Clean(string? text, bool keepCase = false) =>
        string.IsNullOrWhiteSpace(text) ? null : keepCase ? text.Trim() : text.Trim().ToLowerInvariant();

    public static string StatusLabel(ReviewStatus? status) => status switch
    {
        ReviewStatus.Open => "En préparation",
        ReviewStatus.Decided => "Décidé",
        _ => "Non ouvert",
    };

    private static string Describe(IReadOnlyList<DecisionLine> lines) => string.Join(", ", lines.Select(l => $"{l.Name} ({l.Line})"));

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);
}
