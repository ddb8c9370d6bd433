using System.Globalization;
using Maillage.Platform.Errors;

namespace Maillage.Funding;

/// <summary>
/// Reads the simulator's inputs as the command line, the API and the page receive them (text), with French errors naming
/// the field: <c>population</c>, <c>missions</c>, <c>crisisPlan</c>, <c>crisisOccurred</c>.
/// </summary>
public static class AciInput
{
    /// <summary>The crisis plan is drafted this year.</summary>
    public const string FirstDrafting = "first";

    /// <summary>The crisis plan is only updated this year.</summary>
    public const string YearlyUpdate = "update";

    public static string Id(CrisisPlanYear plan) => plan == CrisisPlanYear.FirstDrafting ? FirstDrafting : YearlyUpdate;

    /// <summary>A number of inhabitants, more than zero; spaces between thousands (« 81 000 ») are accepted.</summary>
    public static Result<long> ParsePopulation(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Error("population_required", "La population est obligatoire : un nombre d'habitants, par exemple 81000.", "population");
        }

        var digits = string.Concat(text.Where(c => !char.IsWhiteSpace(c) && c != '\u202F'));
        if (!long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var population))
        {
            return new Error("invalid_population",
                $"La population « {text.Trim()} » n'est pas un nombre entier d'habitants (par exemple 81000).", "population");
        }

        return population > 0 ? Result<long>.Ok(population) : PopulationNotPositive();
    }

    /// <summary>
    /// Above this population a simulation is made but comes with a warning: the largest CPTS territories hold about one million
    /// inhabitants, so 1,500,000 leaves room for a larger one while catching a digit typed twice (999,999,999 or 810,000 for 81,000 is
    /// not caught: it is a plausible territory). The geography cannot answer better cheaply: the largest units a CPTS could span
    /// (a métropole, a département) are several millions.
    /// </summary>
    public const long PopulationWarningAbove = 1_500_000;

    /// <summary>The warning for a population above <see cref="PopulationWarningAbove"/>, or <c>null</c>.</summary>
    public static string? PopulationWarning(long population, int tier) => population > PopulationWarningAbove
        ? $"Population inhabituelle : {Platform.French.Number(population)} habitants, alors que les plus grands territoires de CPTS comptent environ "
            + $"1 million d'habitants (avertissement au-delà de {Platform.French.Number(PopulationWarningAbove)}). Vérifiez le nombre saisi ; "
            + $"la simulation est faite en taille {tier}."
        : null;

    public static Error PopulationNotPositive() =>
        new("invalid_population", "La population doit être un nombre d'habitants supérieur à zéro.", "population");

    /// <summary>Rule set, missions (« all » or ids separated by commas or spaces), crisis plan (first|update) and whether a crisis occurred.</summary>
    public static Result<AciOptions> ParseOptions(string? ruleSet, string? missions, string? crisisPlan, string? crisisOccurred)
    {
        var errors = new List<Error>();
        var plan = CrisisPlanYear.FirstDrafting;
        switch (crisisPlan?.Trim().ToLowerInvariant())
        {
            case null or "" or FirstDrafting:
                break;
            case YearlyUpdate:
                plan = CrisisPlanYear.YearlyUpdate;
                break;
            default:
                errors.Add(new Error("invalid_crisis_plan",
                    $"Année du plan de crise « {crisisPlan.Trim()} » inconnue : {FirstDrafting} (première rédaction) ou {YearlyUpdate} (actualisation annuelle).",
                    "crisisPlan"));
                break;
        }

        var occurred = false;
        switch (crisisOccurred?.Trim().ToLowerInvariant())
        {
            case null or "" or "false" or "0" or "non":
                break;
            case "true" or "1" or "on" or "oui":
                occurred = true;
                break;
            default:
                errors.Add(new Error("invalid_crisis_occurred",
                    $"« {crisisOccurred.Trim()} » ne dit pas si une crise sanitaire grave est survenue : true ou false.", "crisisOccurred"));
                break;
        }

        return errors.Count > 0
            ? Result<AciOptions>.Fail(errors)
            : Result<AciOptions>.Ok(new AciOptions(string.IsNullOrWhiteSpace(ruleSet) ? null : ruleSet.Trim(), ParseMissions(missions), plan, occurred));
    }

    /// <summary>The line ids of a list (commas or spaces), or null for « all » or nothing.</summary>
    public static IReadOnlyList<string>? ParseMissions(string? text)
    {
        var ids = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(m => m.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        return ids.Count == 0 || ids.Contains(SimulateAci.AllMissions) ? null : ids;
    }
}
