using System.Globalization;
using Maillage.Funding.Contracts;
using Maillage.Platform;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Indicators;

/// <summary>What a user gives to create or change an indicator, with its targets per contract year (1–5).</summary>
public sealed record IndicatorDraft(string? Mission, string? Name, string? Kind, string? Unit, bool LocalInitiative, decimal? Weight,
    IReadOnlyList<TargetDraft>? Targets)
{
    /// <summary>The targets by year, once <see cref="IndicatorRules.Check"/> found no error.</summary>
    public IReadOnlyDictionary<int, decimal> TargetsByYear => (Targets ?? []).ToDictionary(t => t.Year!.Value, t => t.Target!.Value);
}

/// <summary>The target of one contract year.</summary>
public sealed record TargetDraft(int? Year, decimal? Target);

/// <summary>
/// One indicator of a mission in a year, as the variable computation needs it; no target or no value is a <c>null</c>; an obsolete indicator
/// is neutralised that year (left out, the others' weights rescaled).
/// </summary>
public sealed record IndicatorYear(decimal Weight, decimal? Target, decimal? Achieved, bool LocalInitiative, bool Obsolete = false);

/// <summary>
/// The pure rules of contract indicators (domain-rules §4): checks of what a user gives, achievement rates and the expected variable
/// part of a mission = envelope × Σ weightᵢ × rateᵢ / Σ weightᵢ over the indicators not obsolete that year, rounded to the cent, the rate
/// following the contract's <see cref="VariableRule"/>.
/// </summary>
public static class IndicatorRules
{
    /// <summary>The guideline: up to 30 % of the objectives on local initiatives (shown as information).</summary>
    public const decimal LocalInitiativeGuideline = 0.3m;

    /// <summary>
    /// min(achieved / target, 1). A target of 0 asks for nothing, so any value (≥ 0) reaches it: rate 1. No value recorded: rate 0.
    /// No target for the year: no rate (<c>null</c>), and the indicator brings nothing to the variable part.
    /// </summary>
    public static decimal? Rate(decimal? target, decimal? achieved) =>
        target is not { } t ? null
        : achieved is not { } a ? 0m
        : t == 0 ? 1m
        : Math.Min(a / t, 1m);

    public static decimal WeightsSum(IEnumerable<IndicatorYear> indicators) => indicators.Sum(i => i.Weight);

    /// <summary>Whether the weights of a mission sum to 1 (to the fourth decimal, the stored precision).</summary>
    public static bool WeightsAreComplete(IEnumerable<IndicatorYear> indicators) => Math.Round(WeightsSum(indicators), 4) == 1m;

    /// <summary>
    /// The rate of an indicator under a contract's rule: <see cref="VariableRule.Proportional"/> is <see cref="Rate(decimal?, decimal?)"/>;
    /// <see cref="VariableRule.Threshold"/> is the same but a rate below the floor counts 0 (no floor: as proportional);
    /// <see cref="VariableRule.AllOrNothing"/> is 1 when the value reaches the target, else 0. Same conventions for a target of 0
    /// (reached), no value (0) and no target (no rate).
    /// </summary>
    public static decimal? Rate(VariableRule rule, decimal? floor, decimal? target, decimal? achieved)
    {
        var rate = Rate(target, achieved);
        return rule switch
        {
            VariableRule.Threshold when rate is { } r && floor is { } f && r < f => 0m,
            VariableRule.AllOrNothing when rate is { } r => r >= 1m ? 1m : 0m,
            _ => rate,
        };
    }

    /// <summary>
    /// envelope × Σ weightᵢ × rateᵢ / Σ weightᵢ over the indicators not obsolete that year, rounded to the cent (half away from zero);
    /// <c>null</c> when the mission has no indicator, its weights (all of them, obsolete ones included) do not sum to 1, or every indicator
    /// is obsolete that year.
    /// </summary>
    public static decimal? MissionVariable(decimal envelope, IReadOnlyList<IndicatorYear> indicators, VariableRule rule = VariableRule.Proportional,
        decimal? floor = null)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var active = indicators.Where(i => !i.Obsolete).ToList();
        if (indicators.Count == 0 || !WeightsAreComplete(indicators) || active.Count == 0)
        {
            return null;
        }

        var achieved = active.Sum(i => i.Weight * (Rate(rule, floor, i.Target, i.Achieved) ?? 0m));
        return Math.Round(envelope * achieved / active.Sum(i => i.Weight), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The variable envelope of a mission for a tier: <c>null</c> when the grid has no breakdown by mission (or no such line or
    /// tier); the crisis mission's envelope counts only in a year with a declared serious crisis (0 otherwise).</summary>
    public static decimal? Envelope(AciRuleSet? set, string mission, int tier, bool crisisDeclared) =>
        set is { HasMissionBreakdown: true } && set.Line(mission) is { } line && tier >= 1 && tier <= line.Tiers.Count
            ? (mission == AciLineIds.Crisis && !crisisDeclared ? 0m : line.For(tier).Variable)
            : null;

    /// <summary>The note on the crisis mission's variable part in a year without a declared serious crisis.</summary>
    public const string NoCrisisNote = "Aucune crise sanitaire grave déclarée cette année : la part variable de la mission crises sanitaires graves est de 0 €.";

    /// <summary>The warning when a mission's weights do not sum to 1 (the decision of a dialogue de gestion then needs an explicit amount).</summary>
    public const string WeightsWarning =
        "Les poids des indicateurs de la mission ne totalisent pas 1 : la part variable n'est pas calculée tant qu'ils ne sont pas corrigés.";

    /// <summary>Why a mission's variable part is not computed (or is 0 without a crisis), in French; <c>null</c> when it is computed.</summary>
    public static string? VariableWarning(AciRuleSet? set, string mission, bool crisisDeclared, decimal? envelope, IReadOnlyList<IndicatorYear> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        return envelope is null ? $"Le barème « {set?.ShortName} » ne donne pas d'enveloppe variable par mission : la part variable n'est pas calculée."
            : mission == AciLineIds.Crisis && !crisisDeclared ? NoCrisisNote
            : indicators.Count == 0 ? "Aucun indicateur : la part variable de la mission n'est pas calculée."
            : !WeightsAreComplete(indicators) ? WeightsWarning
            : indicators.All(i => i.Obsolete) ? "Tous les indicateurs de la mission sont obsolètes cette année : la part variable n'est pas calculée, elle est à décider lors du dialogue de gestion."
            : indicators.Any(i => i.Obsolete)
                ? $"{French.Plural(indicators.Count(i => i.Obsolete), "Indicateur obsolète neutralisé", "Indicateurs obsolètes neutralisés")} cette année : "
                    + "la part variable est calculée sur les autres, leurs poids ramenés à 1."
            : null;
    }

    /// <summary>The inputs of a mission's indicators for a contract year.</summary>
    public static IReadOnlyList<IndicatorYear> Inputs(IEnumerable<ContractIndicator> indicators, int year) =>
        [.. (indicators ?? []).Select(i => new IndicatorYear(i.Weight, i.TargetFor(year), i.ValueFor(year)?.Achieved, i.LocalInitiative, i.IsObsoleteIn(year)))];

    /// <summary>
    /// The expected variable part of a mission in a contract year and why it is not (fully) computed: the envelope for the tier (crisis
    /// only with a declared crisis), the contract's rule, obsolete indicators neutralised.
    /// </summary>
    public static MissionVariableOutcome Variable(AciContract contract, AciRuleSet? set, string mission, int tier, bool crisisDeclared,
        IReadOnlyList<IndicatorYear> inputs)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(inputs);
        var envelope = Envelope(set, mission, tier, crisisDeclared);
        var expected = envelope is not { } e ? null
            : mission == AciLineIds.Crisis && !crisisDeclared ? 0m
            : MissionVariable(e, inputs, contract.VariableRule, contract.VariableFloor);
        return new MissionVariableOutcome(envelope, expected, VariableWarning(set, mission, crisisDeclared, envelope, inputs));
    }

    /// <summary>The share of the contract's indicators that are local initiatives, by count (each indicator is one objective).</summary>
    public static decimal LocalInitiativeShare(IReadOnlyCollection<IndicatorYear> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        return indicators.Count == 0 ? 0m : Math.Round((decimal)indicators.Count(i => i.LocalInitiative) / indicators.Count, 4);
    }

    /// <summary>The missions an indicator may belong to: those of the contract at signature or added by an amendment, never operating.</summary>
    public static IReadOnlyList<string> Missions(AciContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return ContractMissions.Ordered(contract.MissionIds.Concat(contract.Amendments.SelectMany(a => a.Added)).Where(m => m != AciLineIds.Operating));
    }

    /// <summary>Checks a draft against the contract; returns the parsed kind and the errors (each names its field).</summary>
    public static (IndicatorKind Kind, List<Error> Errors) Check(IndicatorDraft draft, AciContract contract)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(contract);
        var errors = new List<Error>();
        var missions = Missions(contract);
        var mission = draft.Mission?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(mission))
        {
            errors.Add(new Error("mission_required", $"Indiquez la mission de l'indicateur : {ContractMissions.Describe(missions)}.", "mission"));
        }
        else if (!missions.Contains(mission))
        {
            errors.Add(new Error(ContractMissions.All.Contains(mission) ? "mission_not_in_contract" : "unknown_mission",
                $"La mission « {mission} » n'est pas une mission du contrat. Missions du contrat : {ContractMissions.Describe(missions)}.", "mission"));
        }

        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            errors.Add(new Error("name_required", "Le nom de l'indicateur est obligatoire.", "name"));
        }
        else if (draft.Name.Trim().Length > 300)
        {
            errors.Add(new Error("name_too_long", "Le nom de l'indicateur est limité à 300 caractères.", "name"));
        }

        var kind = ParseKind(draft.Kind);
        if (kind is null)
        {
            errors.Add(new Error("unknown_kind", $"Type d'indicateur inconnu : « {draft.Kind} ». Types : means (moyens), process (processus), result (résultats).", "kind"));
        }

        if ((draft.Unit?.Trim().Length ?? 0) > 50)
        {
            errors.Add(new Error("unit_too_long", "L'unité est limitée à 50 caractères.", "unit"));
        }

        if (draft.Weight is not { } weight)
        {
            errors.Add(new Error("weight_required", "Indiquez le poids de l'indicateur dans sa mission (entre 0 exclu et 1).", "weight"));
        }
        else if (weight <= 0 || weight > 1 || Math.Round(weight, 4) != weight)
        {
            errors.Add(new Error("weight_out_of_range",
                $"Le poids {weight.ToString(CultureInfo.InvariantCulture)} est hors limites : il doit être supérieur à 0 et au plus 1 (quatre décimales au plus).", "weight"));
        }

        var seen = new HashSet<int>();
        foreach (var (given, value) in draft.Targets ?? [])
        {
            if (given is not { } year || value is not { } target)
            {
                errors.Add(new Error("target_incomplete", "Chaque cible indique son année (1 à 5) et sa valeur.", "targets"));
            }
            else if (YearError(year, "targets") is { } error)
            {
                errors.Add(error);
            }
            else if (!seen.Add(year))
            {
                errors.Add(new Error("target_duplicate_year", $"L'année {year} a deux cibles : donnez-en une seule.", "targets"));
            }
            else if (target < 0)
            {
                errors.Add(new Error("target_negative", $"La cible de l'année {year} ne peut pas être négative ({target.ToString(CultureInfo.InvariantCulture)}).", "targets"));
            }
        }

        return (kind ?? IndicatorKind.Means, errors);
    }

    /// <summary>A contract year is 1 to 5 (the contract lasts five years).</summary>
    public static Error? YearError(int year, string field) =>
        year is >= 1 and <= AciContract.Years ? null
        : new Error("year_outside_contract", $"L'année {year} est hors du contrat : les années du contrat vont de 1 à {AciContract.Years}.", field);

    /// <summary>The first day of a contract year.</summary>
    public static DateOnly YearStart(AciContract contract, int year)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return contract.SignedOn.AddYears(year - 1);
    }

    /// <summary>The contract year a date falls in (1 before the contract, 5 after it).</summary>
    public static int YearOf(AciContract contract, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var year = 1;
        while (year < AciContract.Years && YearStart(contract, year + 1) <= date)
        {
            year++;
        }

        return year;
    }

    public static IndicatorKind? ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "means" or "moyens" => IndicatorKind.Means,
        "process" or "processus" => IndicatorKind.Process,
        "result" or "resultats" or "résultats" => IndicatorKind.Result,
        _ => null,
    };

    public static string Id(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Means => "means",
        IndicatorKind.Process => "process",
        _ => "result",
    };

    public static string Label(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Means => "Moyens",
        IndicatorKind.Process => "Processus",
        _ => "Résultats",
    };
}

/// <summary>A mission's variable envelope for the year, the expected variable part (<c>null</c> when not computed) and the French warning.</summary>
public sealed record MissionVariableOutcome(decimal? Envelope, decimal? Expected, string? Warning);
