using Maillage.Platform;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Contracts;

/// <summary>
/// The notice before a contract's tier is lowered (domain-rules §2; national report, proposition 16: « une période d'observation et
/// de préavis de trois ans avant une baisse de classification »). The tier used for funding is a contract attribute, kept when the
/// population changes; an amendment that lowers it takes effect at least <see cref="Years"/> years after the day it is recorded (the
/// notice is given that day). Raising the tier needs no notice. <see cref="Years"/> comes from the contract's rule set
/// (<c>tierDropNoticeYears</c>); 0 means no notice.
/// </summary>
public sealed record TierDropNotice(int Years, DateOnly Today)
{
    /// <summary>The notice when a rule-set file does not give one: three years, as the national report proposes.</summary>
    public const int DefaultYears = 3;

    public const int MaxYears = 10;

    /// <summary>The notice of a contract's rule set (the default if the rule set is no longer loaded), counted from today.</summary>
    public static TierDropNotice For(AciRuleSet? ruleSet, DateOnly today) => new(ruleSet?.TierDropNoticeYears ?? DefaultYears, today);

    /// <summary>The earliest day a drop notified today can take effect.</summary>
    public DateOnly EarliestDrop => Today.AddYears(Years);

    /// <summary>
    /// The error of an amendment to <paramref name="newTier"/> effective on <paramref name="effectiveOn"/>, or <c>null</c>: a drop below the
    /// tier in force on that date (<see cref="ContractTerms.On"/>) effective before <see cref="EarliestDrop"/> is refused.
    /// </summary>
    public Error? Check(AciContract contract, int newTier, DateOnly effectiveOn)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var inForce = ContractTerms.On(contract, effectiveOn).Tier;
        if (Years == 0 || newTier >= inForce || effectiveOn >= EarliestDrop)
        {
            return null;
        }

        var message = $"Une baisse de taille (de {inForce} à {newTier}) ne peut prendre effet qu'après un préavis de {Describe(Years)} : "
            + $"au plus tôt le {French.Date(EarliestDrop)} (date d'effet demandée : le {French.Date(effectiveOn)}).";
        if (EarliestDrop > contract.LastDay)
        {
            message += $" Cette date est après la fin du contrat (le {French.Date(contract.LastDay)}) : la taille {inForce} est conservée jusqu'au renouvellement.";
        }

        return new Error("tier_drop_notice", message, "tier");
    }

    /// <summary>
    /// For the contract page: when the CPTS's stored tier (recomputed from its population) is below the tier of the contract in force today,
    /// the line saying the contract keeps its tier until the notice has run; otherwise <c>null</c>.
    /// </summary>
    public string? PopulationLine(AciContract contract, int storedTier)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (!contract.Covers(Today))
        {
            return null;
        }

        var inForce = ContractTerms.On(contract, Today).Tier;
        return storedTier >= inForce ? null
            : $"La population de la CPTS correspond aujourd'hui à la taille {storedTier} : la taille du contrat ({inForce}) est conservée ; "
              + (Years == 0
                  ? "le barème ne prévoit pas de préavis avant une baisse."
                  : $"une baisse ne peut prendre effet qu'après un préavis de {Describe(Years)}, au plus tôt le {French.Date(EarliestDrop)}.");
    }

    /// <summary>« 1 an », « 3 ans ».</summary>
    public static string Describe(int years) => years == 1 ? "1 an" : $"{years} ans";
}
