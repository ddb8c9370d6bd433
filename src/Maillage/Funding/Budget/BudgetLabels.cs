using Maillage.Funding.Contracts;

namespace Maillage.Funding.Budget;

/// <summary>
/// The ids the API and the exports use for directions, income sources, spending categories and missions (kebab-case, e.g.
/// <c>call-for-projects</c>, <c>fee-top-up</c>) and their French labels.
/// </summary>
public static class BudgetLabels
{
    /// <summary>What a spending line without a mission or action sheet is grouped under.</summary>
    public const string None = "none";

    /// <summary>The missions a spending line may serve: the ACI lines in the order of the grid (operating first).</summary>
    public static IReadOnlyList<string> Missions { get; } = [AciLineIds.Operating, .. ContractMissions.All];

    /// <summary>The spending categories that fund care (as <see cref="BudgetLine.FundsCare"/> says): flagged, outside the ACI.</summary>
    public static IReadOnlyList<SpendingCategory> CareCategories { get; } =
        [.. Enum.GetValues<SpendingCategory>().Where(c => new BudgetLine { Direction = BudgetDirection.Spending, Category = c }.FundsCare)];

    public static string Id<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var id = new System.Text.StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && id.Length > 0)
            {
                id.Append('-');
            }

            id.Append(char.ToLowerInvariant(c));
        }

        return id.ToString();
    }

    /// <summary>An enum value from its id (<c>fee-top-up</c>) or its name in any case (<c>FeeTopUp</c>); <c>null</c> if unknown.</summary>
    public static T? Parse<T>(string? text)
        where T : struct, Enum
    {
        var key = (text ?? "").Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal);
        return key.Length > 0 && key.All(char.IsLetter) && Enum.TryParse<T>(key, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value : null;
    }

    public static string Ids<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Id(v)));

    public static string Label(BudgetDirection direction) => direction == BudgetDirection.Income ? "Recette" : "Dépense";

    public static string Label(IncomeSource source) => source switch
    {
        IncomeSource.Aci => "ACI (Assurance maladie)",
        IncomeSource.Fir => "FIR, financement d'amorçage de l'ARS",
        IncomeSource.CallForProjects => "Appel à projets",
        IncomeSource.LocalAuthority => "Collectivités territoriales",
        _ => "Autre recette",
    };

    public static string Label(SpendingCategory category) => category switch
    {
        SpendingCategory.Coordination => "Coordination (salaires, prestations)",
        SpendingCategory.Indemnities => "Indemnisation des professionnels",
        SpendingCategory.Equipment => "Équipement et logiciels",
        SpendingCategory.Communication => "Communication",
        SpendingCategory.Training => "Formation",
        SpendingCategory.Events => "Événements et réunions",
        SpendingCategory.SalariedCare => "Salariat de soignants (soins)",
        SpendingCategory.HealthCentreDeficit => "Déficit d'un centre de santé",
        SpendingCategory.FeeTopUp => "Complément d'honoraires",
        _ => "Autre dépense",
    };

    public static string MissionLabel(string? mission) => mission switch
    {
        null or None => "Sans mission",
        _ => AciLabels.Line(mission),
    };

    /// <summary>The source of an income line or the category of a spending line.</summary>
    public static string Kind(BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Source is { } s ? Label(s) : line.Category is { } c ? Label(c) : "—";
    }

    /// <summary>Why a line is flagged (spending that funds care), or <c>null</c>.</summary>
    public static string? Warning(BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Direction == BudgetDirection.Spending && line.FundsCare
            ? $"Hors ACI : « {Label(line.Category!.Value)} » finance des soins, pas l'organisation ; l'ACI ne peut pas la financer (dépense comptée à part)."
            : null;
    }
}
