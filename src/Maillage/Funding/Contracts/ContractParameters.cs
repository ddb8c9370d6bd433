using System.Globalization;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Contracts;

/// <summary>
/// What a user gives for the payment parameters of a contract: the share of the fixed part paid at the start of the year, the rule of
/// the variable part (<c>proportional</c>, <c>threshold</c>, <c>all-or-nothing</c>, or their French labels) with its floor, and the
/// months after the end of a year when the balance is expected.
/// </summary>
public sealed record ParametersDraft(decimal? FixedAdvanceShare, string? VariableRule, decimal? VariableFloor, int? BalanceMonths);

/// <summary>The checked parameters, ready to be set on a contract.</summary>
public sealed record PaymentParameters(decimal FixedAdvanceShare, VariableRule VariableRule, decimal? VariableFloor, int BalanceMonths)
{
    public static PaymentParameters Of(AciContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new(contract.FixedAdvanceShare, contract.VariableRule, contract.VariableFloor, contract.BalanceMonths);
    }

    public void ApplyTo(AciContract contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        (contract.FixedAdvanceShare, contract.VariableRule, contract.VariableFloor, contract.BalanceMonths) =
            (FixedAdvanceShare, VariableRule, VariableFloor, BalanceMonths);
    }

    /// <summary>For the audit trail, in French words: « avance de la part fixe 75 %, part variable « seuil » (seuil 50 %), solde 6 mois ».</summary>
    public string Describe() =>
        $"avance de la part fixe {ContractParameters.Percent(FixedAdvanceShare)}, part variable « {ContractParameters.Label(VariableRule)} »"
        + (VariableFloor is { } floor ? $" (seuil {ContractParameters.Percent(floor)})" : "")
        + $", solde {BalanceMonths} mois";
}

/// <summary>
/// The pure rules of a contract's payment parameters (domain-rules §4: the fixed part is paid 75 % then 25 %, the report asks for
/// 100 % at once, so the split is a parameter; the variable part has a default computation and per-contract overrides).
/// </summary>
public static class ContractParameters
{
    public const int MaxBalanceMonths = 24;

    /// <summary>
    /// Checks a draft. With <paramref name="defaults"/> (recording a contract) a missing value takes its default (0.75, proportional,
    /// 3 months); without (changing them) the share, the rule and the months are required. Rules: the share is in [0, 1] with at most
    /// four decimals; the floor is required in ]0, 1] (four decimals at most) with the threshold rule and refused with the others;
    /// the months are 0 to 24.
    /// </summary>
    public static Result<PaymentParameters> Check(ParametersDraft? draft, bool defaults)
    {
        draft ??= new ParametersDraft(null, null, null, null);
        var errors = new List<Error>();
        var share = draft.FixedAdvanceShare ?? (defaults ? AciContract.DefaultFixedAdvanceShare : null);
        if (share is not { } s)
        {
            errors.Add(new Error("fixed_advance_share_required", "Indiquez la part fixe versée en début d'année (0 à 1, par exemple 0,75).", "fixedAdvanceShare"));
        }
        else if (s < 0 || s > 1 || !FourDecimals(s))
        {
            errors.Add(new Error("fixed_advance_share_out_of_range",
                $"La part fixe versée en début d'année ({Show(s)}) est hors limites : entre 0 et 1, quatre décimales au plus (1 = tout en une fois).",
                "fixedAdvanceShare"));
        }

        VariableRule? rule = string.IsNullOrWhiteSpace(draft.VariableRule) ? (defaults ? VariableRule.Proportional : null) : ParseRule(draft.VariableRule);
        if (rule is null)
        {
            errors.Add(string.IsNullOrWhiteSpace(draft.VariableRule)
                ? new Error("variable_rule_required", $"Indiquez la règle de la part variable : {KnownRules}.", "variableRule")
                : new Error("unknown_variable_rule", $"Règle de part variable « {draft.VariableRule!.Trim()} » inconnue : {KnownRules}.", "variableRule"));
        }

        if (rule == VariableRule.Threshold)
        {
            if (draft.VariableFloor is not { } floor)
            {
                errors.Add(new Error("variable_floor_required", "Avec la règle du seuil, indiquez le seuil (taux entre 0 exclu et 1).", "variableFloor"));
            }
            else if (floor <= 0 || floor > 1 || !FourDecimals(floor))
            {
                errors.Add(new Error("variable_floor_out_of_range",
                    $"Le seuil ({Show(floor)}) est hors limites : un taux entre 0 exclu et 1, quatre décimales au plus.", "variableFloor"));
            }
        }
        else if (draft.VariableFloor is not null && rule is not null)
        {
            errors.Add(new Error("variable_floor_not_allowed",
                $"Un seuil ne s'applique qu'avec la règle « {Label(VariableRule.Threshold)} » (règle choisie : « {Label(rule.Value)} »).", "variableFloor"));
        }

        var months = draft.BalanceMonths ?? (defaults ? AciContract.DefaultBalanceMonths : null);
        if (months is not { } m)
        {
            errors.Add(new Error("balance_months_required", $"Indiquez le délai du solde, en mois après la fin de l'année (0 à {MaxBalanceMonths}).", "balanceMonths"));
        }
        else if (m is < 0 or > MaxBalanceMonths)
        {
            errors.Add(new Error("balance_months_out_of_range", $"Le délai du solde ({m} mois) est hors limites : 0 à {MaxBalanceMonths} mois.", "balanceMonths"));
        }

        return errors.Count > 0
            ? Result<PaymentParameters>.Fail(errors)
            : Result<PaymentParameters>.Ok(new PaymentParameters(share!.Value, rule!.Value, rule == VariableRule.Threshold ? draft.VariableFloor : null, months!.Value));
    }

    /// <summary>The rule from its id (<c>proportional</c>, <c>threshold</c>, <c>all-or-nothing</c>) or its French label; <c>null</c> if unknown.</summary>
    public static VariableRule? ParseRule(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "proportional" or "proportionnelle" or "proportionnel" => VariableRule.Proportional,
        "threshold" or "seuil" => VariableRule.Threshold,
        "all-or-nothing" or "tout-ou-rien" or "tout ou rien" => VariableRule.AllOrNothing,
        _ => null,
    };

    public static string Id(VariableRule rule) => rule switch
    {
        VariableRule.Threshold => "threshold",
        VariableRule.AllOrNothing => "all-or-nothing",
        _ => "proportional",
    };

    public static string Label(VariableRule rule) => rule switch
    {
        VariableRule.Threshold => "seuil",
        VariableRule.AllOrNothing => "tout ou rien",
        _ => "proportionnelle",
    };

    /// <summary>How the rule computes an indicator's rate, for the page.</summary>
    public static string Explain(VariableRule rule, decimal? floor) => rule switch
    {
        VariableRule.Threshold => $"taux = min(réalisé / cible, 1), compté 0 sous le seuil de {Percent(floor ?? 0)}",
        VariableRule.AllOrNothing => "taux = 1 si la cible est atteinte, 0 sinon",
        _ => "taux = min(réalisé / cible, 1)",
    };

    /// <summary>75 %, 62,5 %: a share written the French way.</summary>
    public static string Percent(decimal share) => (share * 100).ToString("0.##", Platform.French.Culture) + "\u202F%";

    private static string KnownRules => string.Join(", ", Enum.GetValues<VariableRule>().Select(r => $"{Id(r)} ({Label(r)})"));

    private static bool FourDecimals(decimal value) => decimal.Round(value, 4) == value;

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
