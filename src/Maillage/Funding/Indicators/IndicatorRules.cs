using System.Globalization;
using Maillage.Funding.Contracts;
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

/// <summary>One indicator of a mission in a year, as the variable computation needs it; no target or no value is a <c>null</c>.</summary>
public sealed record IndicatorYear(decimal Weight, decimal? Target, decimal? Achieved, bool LocalInitiative);

/// <summary>
/// The pure rules of contract indicators (domain-rules §4): checks of what a user gives, achievement rates and the expected variable
/// part of a mission = envelope × Σ weightᵢ × min(achievedᵢ / targetᵢ, 1), rounded to the cent.
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

    /// <summary>envelope × Σ weightᵢ × rateᵢ, rounded to the cent; <c>null</c> when the mission has no indicator or its weights do not sum to 1.</summary>
    public static decimal? MissionVariable(decimal envelope, IReadOnlyList<IndicatorYear> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        if (indicators.Count == 0 || !WeightsAreComplete(indicators))
        {
            return null;
        }

        var achieved = indicators.Sum(i => i.Weight * (Rate(i.Target, i.Achieved) ?? 0m));
        return Math.Round(envelope * achieved, 2, MidpointRounding.AwayFromZero);
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
