using Maillage.Platform;
using Maillage.Platform.Errors;

namespace Maillage.Indemnities;

/// <summary>The pure rules of mission time and indemnities (domain-rules §5): hours, amounts, the officers' cap, concentration.</summary>
public static class IndemnityRules
{
    public const decimal MinHours = 0.25m;

    public const decimal MaxHours = 24m;

    /// <summary>A mission is declared within this many months (the accounts of a year close; late claims are refused).</summary>
    public const int MaxAgeMonths = 12;

    public const decimal MaxHourlyRate = 1_000m;

    /// <summary>The « gestion désintéressée » tolerance: an officer's monthly pay stays within 3/4 of the monthly SMIC.</summary>
    public const decimal OfficerCapShare = 0.75m;

    /// <summary>One recipient above this share of the indemnities of 12 months is a concentration to surface.</summary>
    public const decimal OneRecipientShare = 0.25m;

    /// <summary>The three largest recipients above this share of the indemnities of 12 months is a concentration to surface.</summary>
    public const decimal TopThreeShare = 0.50m;

    /// <summary>Below this many recipients, one of them necessarily gets a quarter or more: the single-recipient rule is not applied.</summary>
    public const int MinPeopleForOneRecipient = 4;

    /// <summary>Below this many recipients, three of them get half or more even when all get the same: the top-three rule is not applied.</summary>
    public const int MinPeopleForTopThree = 6;

    /// <summary>Hours × hourly rate, rounded to the cent (half away from zero).</summary>
    public static decimal Amount(decimal hours, decimal hourlyRate) => decimal.Round(hours * hourlyRate, 2, MidpointRounding.AwayFromZero);

    /// <summary>3/4 of the monthly SMIC, rounded down to the cent so the cap never exceeds the tolerance.</summary>
    public static decimal OfficerCap(decimal monthlySmic) => decimal.Round(monthlySmic * OfficerCapShare, 2, MidpointRounding.ToZero);

    /// <summary>Whether a new amount fits under the officer's cap given what is already validated or paid for the month.</summary>
    public static CapCheck CheckCap(decimal cap, decimal alreadyValidated, decimal amount)
    {
        var remaining = Math.Max(0m, cap - alreadyValidated);
        return new CapCheck(alreadyValidated + amount <= cap, cap, alreadyValidated, remaining, amount);
    }

    /// <summary>Hours in quarter hours, from 0.25 to 24.</summary>
    public static Error? CheckHours(decimal? hours) => hours switch
    {
        null => new Error("hours_required", "Indiquez le nombre d'heures.", "hours"),
        < MinHours or > MaxHours => new Error("invalid_hours", "Le temps déclaré va de 0,25 à 24 heures.", "hours"),
        { } h when h * 4 != decimal.Truncate(h * 4) => new Error("invalid_hours", "Le temps se déclare en quarts d'heure (0,25 ; 0,5 ; 0,75…).", "hours"),
        _ => null,
    };

    /// <summary>A mission date is neither in the future nor older than <see cref="MaxAgeMonths"/> months.</summary>
    public static Error? CheckMissionDate(DateOnly? date, DateOnly today) => date switch
    {
        null => new Error("date_required", "Indiquez la date de la mission.", "missionDate"),
        { } d when d > today => new Error("date_in_future", $"La date du {French.Date(d)} est dans le futur.", "missionDate"),
        { } d when d < today.AddMonths(-MaxAgeMonths) => new Error("date_too_old",
            $"La mission du {French.Date(d)} date de plus de {MaxAgeMonths} mois : elle ne peut plus être déclarée.", "missionDate"),
        _ => null,
    };

    /// <summary>The scale version in force on a day: the latest that started on or before it.</summary>
    public static Scale? InForce(IEnumerable<Scale> scales, DateOnly day) =>
        scales.Where(s => s.EffectiveFrom <= day).MaxBy(s => s.EffectiveFrom);

    /// <summary>The rate of an activity for a profession: the profession's own rate, else the one for every profession.</summary>
    public static ScaleRate? RateFor(Scale scale, Activity activity, string? professionCode)
    {
        ArgumentNullException.ThrowIfNull(scale);
        return scale.Rates.FirstOrDefault(r => r.Activity == activity && professionCode is not null && r.ProfessionCode == professionCode)
            ?? scale.Rates.FirstOrDefault(r => r.Activity == activity && r.ProfessionCode is null);
    }

    /// <summary>How concentrated the indemnities of a period are among the people who received them.</summary>
    public static Concentration Concentration(IEnumerable<(Guid Person, decimal Amount)> amounts)
    {
        var byPerson = amounts.GroupBy(a => a.Person).Select(g => (Person: g.Key, Amount: g.Sum(a => a.Amount)))
            .Where(p => p.Amount > 0).OrderByDescending(p => p.Amount).ThenBy(p => p.Person).ToList();
        var total = byPerson.Sum(p => p.Amount);
        if (total == 0)
        {
            return new Concentration(0, 0, null, null, [], []);
        }

        var top = byPerson[0].Amount / total;
        var topThree = byPerson.Take(3).Sum(p => p.Amount) / total;
        var warnings = new List<string>();
        if (byPerson.Count >= MinPeopleForOneRecipient && top > OneRecipientShare)
        {
            warnings.Add($"Une seule personne reçoit {Percent(top)} des indemnités des 12 derniers mois (seuil d'alerte : {Percent(OneRecipientShare)}).");
        }

        if (byPerson.Count >= MinPeopleForTopThree && topThree > TopThreeShare)
        {
            warnings.Add($"Les trois premiers bénéficiaires reçoivent {Percent(topThree)} des indemnités des 12 derniers mois (seuil d'alerte : {Percent(TopThreeShare)}).");
        }

        return new Concentration(byPerson.Count, total, top, topThree, [.. byPerson.Take(3)], warnings);
    }

    private static string Percent(decimal share) => French.Percent((double)share);
}

/// <summary>The outcome of the officers' cap for one validation: the cap, what the month already holds, what remains.</summary>
public sealed record CapCheck(bool Allowed, decimal Cap, decimal AlreadyValidated, decimal Remaining, decimal Amount);

/// <summary>
/// The people who received indemnities over a period, their total, the share of the largest recipient and of the three largest, the
/// three largest (ids, for the managers) and the French warnings (no names).
/// </summary>
public sealed record Concentration(int People, decimal Total, decimal? TopShare, decimal? TopThreeShare,
    IReadOnlyList<(Guid Person, decimal Amount)> Largest, IReadOnlyList<string> Warnings)
{
    /// <summary>Whether there are too few recipients for the rules to mean anything.</summary>
    public bool TooFewPeople => People < IndemnityRules.MinPeopleForOneRecipient;
}
