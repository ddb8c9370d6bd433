using System.Globalization;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Budget;

/// <summary>What a user gives to add or change a budget line; ids as in <see cref="BudgetLabels"/>.</summary>
public sealed record BudgetLineDraft(string? Direction, int? Year, string? Source, string? Category, string? Mission, string? ActionSheet, string? Label,
    decimal? Planned, decimal? Actual, string? Note);

/// <summary>A checked draft, ready to be written on a line.</summary>
public sealed record BudgetLineFields(BudgetDirection Direction, int Year, IncomeSource? Source, SpendingCategory? Category, string? Mission,
    string? ActionSheet, string Label, decimal Planned, decimal? Actual, string? Note)
{
    public void ApplyTo(BudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        (line.Direction, line.Year, line.Source, line.Category, line.Mission, line.ActionSheet, line.Label, line.Planned, line.Actual, line.Note) =
            (Direction, Year, Source, Category, Mission, ActionSheet, Label, Planned, Actual, Note);
    }
}

/// <summary>
/// The pure rules of the budget of a CPTS (budget fléché): checks of a line and the totals of a year. Spending that funds care
/// (<see cref="BudgetLine.FundsCare"/>) is accepted but flagged and totalled apart (domain-rules §4: the ACI funds organisation, not care).
/// </summary>
public static class BudgetRules
{
    /// <summary>The first year a budget may have: the ACI for CPTS dates from 2019.</summary>
    public const int FirstYear = 2019;

    /// <summary>How many years ahead a budget may be planned.</summary>
    public const int YearsAhead = 5;

    public const int LabelMax = 300;

    public const int ActionSheetMax = 200;

    public const int NoteMax = 2000;

    /// <summary>The largest amount of a line (the column holds 18 digits; no CPTS budget line comes near).</summary>
    public const decimal AmountMax = 100_000_000m;

    public static int LastYear(int currentYear) => currentYear + YearsAhead;

    public static Error? YearError(int? year, int currentYear) =>
        year is not { } y ? new Error("year_required", "Indiquez l'année du budget.", "year")
        : y < FirstYear || y > LastYear(currentYear)
            ? new Error("year_out_of_range", $"L'année {y} est hors de la plage acceptée ({FirstYear} à {LastYear(currentYear)}).", "year")
            : null;

    /// <summary>Checks a draft; every error names its field, and a draft with an error saves nothing.</summary>
    public static Result<BudgetLineFields> Check(BudgetLineDraft draft, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<Error>();
        if (YearError(draft.Year, currentYear) is { } yearError)
        {
            errors.Add(yearError);
        }

        var direction = Direction(draft.Direction, errors);
        IncomeSource? source = null;
        SpendingCategory? category = null;
        var mission = Blank(draft.Mission)?.ToLowerInvariant();
        var sheet = Blank(draft.ActionSheet);
        if (direction == BudgetDirection.Income)
        {
            source = Choice<IncomeSource>(draft.Source, "source", "Une recette indique sa source", "Source", errors);
            Forbid(draft.Category, "category_for_income", "category", "Une recette n'a pas de catégorie de dépense : indiquez sa source.", errors);
            Forbid(mission == BudgetLabels.None ? null : mission, "mission_for_income", "mission",
                "Une recette n'est pas rattachée à une mission : la mission sert à flécher les dépenses.", errors);
            Forbid(sheet, "action_sheet_for_income", "actionSheet",
                "Une recette n'est pas rattachée à une fiche action : la fiche action sert à flécher les dépenses.", errors);
        }
        else if (direction == BudgetDirection.Spending)
        {
            category = Choice<SpendingCategory>(draft.Category, "category", "Une dépense indique sa catégorie", "Catégorie", errors);
            Forbid(draft.Source, "source_for_spending", "source", "Une dépense n'a pas de source de recette : indiquez sa catégorie.", errors);
            if (mission == BudgetLabels.None)
            {
                mission = null;
            }
            else if (mission is not null && !BudgetLabels.Missions.Contains(mission))
            {
                errors.Add(new Error("mission_unknown",
                    $"Mission « {draft.Mission!.Trim()} » inconnue : {string.Join(", ", BudgetLabels.Missions)}, ou aucune.", "mission"));
            }
        }

        var label = Blank(draft.Label);
        if (label is null)
        {
            errors.Add(new Error("label_required", "Indiquez un libellé.", "label"));
        }

        Length(label, LabelMax, "label", "Le libellé", errors);
        Length(sheet, ActionSheetMax, "actionSheet", "La fiche action", errors);
        var note = Blank(draft.Note);
        Length(note, NoteMax, "note", "La note", errors);
        if (draft.Planned is null)
        {
            errors.Add(new Error("planned_required", "Indiquez le montant prévu (0 si rien n'est prévu).", "planned"));
        }

        Amount(draft.Planned, "planned", "Le montant prévu", errors);
        Amount(draft.Actual, "actual", "Le montant réalisé", errors);
        return errors.Count > 0
            ? Result<BudgetLineFields>.Fail(errors)
            : Result<BudgetLineFields>.Ok(new BudgetLineFields(direction!.Value, draft.Year!.Value, source, category, mission, sheet, label!, draft.Planned!.Value,
                draft.Actual, note));
    }

    /// <summary>The totals of the lines of <paramref name="year"/> (other years' lines are ignored).</summary>
    public static BudgetSummary Summarise(int year, IEnumerable<BudgetLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var of = lines.Where(l => l.Year == year).ToList();
        var income = of.Where(l => l.Direction == BudgetDirection.Income).ToList();
        var spending = of.Where(l => l.Direction == BudgetDirection.Spending).ToList();
        var bySource = income.GroupBy(l => l.Source!.Value).OrderBy(g => g.Key)
            .Select(g => new BudgetGroup(BudgetLabels.Id(g.Key), BudgetLabels.Label(g.Key), BudgetAmount.Of(g))).ToList();
        var byCategory = spending.GroupBy(l => l.Category!.Value).OrderBy(g => g.Key)
            .Select(g => new BudgetGroup(BudgetLabels.Id(g.Key), BudgetLabels.Label(g.Key), BudgetAmount.Of(g))).ToList();
        var byMission = spending.GroupBy(l => l.Mission ?? BudgetLabels.None).OrderBy(g => MissionOrder(g.Key))
            .Select(g => new BudgetGroup(g.Key, BudgetLabels.MissionLabel(g.Key), BudgetAmount.Of(g))).ToList();
        var bySheet = spending.GroupBy(l => l.ActionSheet?.Trim() ?? "", StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.Create(Platform.French.Culture, ignoreCase: true))
            .Select(g => new BudgetGroup(g.Key.Length == 0 ? BudgetLabels.None : g.First().ActionSheet!.Trim(),
                g.Key.Length == 0 ? "Sans fiche action" : g.First().ActionSheet!.Trim(), BudgetAmount.Of(g))).ToList();
        return new BudgetSummary(year, bySource, byCategory, byMission, bySheet, BudgetAmount.Of(income), BudgetAmount.Of(spending),
            BudgetAmount.Of(spending.Where(l => l.FundsCare)), BudgetAmount.Of(spending.Where(l => !l.FundsCare)));
    }

    /// <summary>The totals of every year that has lines, oldest first (years side by side).</summary>
    public static IReadOnlyList<BudgetSummary> ByYear(IEnumerable<BudgetLine> lines)
    {
        var all = lines.ToList();
        return [.. all.Select(l => l.Year).Distinct().Order().Select(y => Summarise(y, all))];
    }

    private static int MissionOrder(string mission)
    {
        var i = BudgetLabels.Missions.ToList().IndexOf(mission);
        return i < 0 ? int.MaxValue : i;
    }

    private static BudgetDirection? Direction(string? text, List<Error> errors)
    {
        var key = Blank(text)?.ToLowerInvariant();
        BudgetDirection? direction = key switch
        {
            null => null,
            "income" or "recette" => BudgetDirection.Income,
            "spending" or "dépense" or "depense" => BudgetDirection.Spending,
            _ => BudgetLabels.Parse<BudgetDirection>(key),
        };
        if (direction is null)
        {
            errors.Add(key is null
                ? new Error("direction_required", "Indiquez s'il s'agit d'une recette (income) ou d'une dépense (spending).", "direction")
                : new Error("direction_unknown", $"Sens « {text!.Trim()} » inconnu : income (recette) ou spending (dépense).", "direction"));
        }

        return direction;
    }

    private static T? Choice<T>(string? text, string field, string required, string what, List<Error> errors)
        where T : struct, Enum
    {
        if (Blank(text) is not { } given)
        {
            errors.Add(new Error(field + "_required", $"{required} ({BudgetLabels.Ids<T>()}).", field));
            return null;
        }

        var value = BudgetLabels.Parse<T>(given);
        if (value is null)
        {
            errors.Add(new Error(field + "_unknown", $"{what} « {given} » inconnue : {BudgetLabels.Ids<T>()}.", field));
        }

        return value;
    }

    private static void Forbid(string? text, string code, string field, string message, List<Error> errors)
    {
        if (Blank(text) is not null)
        {
            errors.Add(new Error(code, message, field));
        }
    }

    private static void Length(string? text, int max, string field, string what, List<Error> errors)
    {
        if (text is not null && text.Length > max)
        {
            errors.Add(new Error(field + "_too_long", $"{what} dépasse {max.ToString("N0", Platform.French.Culture)} caractères ({text.Length}).", field));
        }
    }

    private static void Amount(decimal? amount, string field, string what, List<Error> errors)
    {
        if (amount is not { } a)
        {
            return;
        }

        if (a < 0)
        {
            errors.Add(new Error(field + "_negative", $"{what} ne peut pas être négatif ({a.ToString(CultureInfo.InvariantCulture)}).", field));
        }
        else if (a > AmountMax)
        {
            errors.Add(new Error(field + "_too_large", $"{what} dépasse {AciLabels.Euros(AmountMax)}.", field));
        }
        else if (decimal.Round(a, 2) != a)
        {
            errors.Add(new Error(field + "_cents", $"{what} s'exprime en euros et centimes : deux décimales au plus ({a.ToString(CultureInfo.InvariantCulture)}).", field));
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Planned and actual amounts of some lines; a line without an actual amount counts 0 in <see cref="Actual"/> and in <see cref="WithoutActual"/>.</summary>
public sealed record BudgetAmount(decimal Planned, decimal Actual, int Lines, int WithoutActual)
{
    public static BudgetAmount Zero { get; } = new(0m, 0m, 0, 0);

    public static BudgetAmount Of(IEnumerable<BudgetLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var list = lines.ToList();
        return new BudgetAmount(list.Sum(l => l.Planned), list.Sum(l => l.Actual ?? 0m), list.Count, list.Count(l => l.Actual is null));
    }
}

/// <summary>A group of lines: an income source, a spending category, a mission or an action sheet (key <c>none</c> when not given).</summary>
public sealed record BudgetGroup(string Key, string Label, BudgetAmount Amount);

/// <summary>Income minus spending (all of it, flagged lines included).</summary>
public sealed record BudgetBalance(decimal Planned, decimal Actual);

/// <summary>
/// The totals of a year: income by source, spending by category, by mission and by action sheet; the flagged spending (funding care, outside the
/// ACI) and the rest (organisation) apart; the balance.
/// </summary>
public sealed record BudgetSummary(int Year, IReadOnlyList<BudgetGroup> IncomeBySource, IReadOnlyList<BudgetGroup> SpendingByCategory,
    IReadOnlyList<BudgetGroup> SpendingByMission, IReadOnlyList<BudgetGroup> SpendingByActionSheet, BudgetAmount Income, BudgetAmount Spending,
    BudgetAmount Flagged, BudgetAmount Organisation)
{
    public BudgetBalance Balance => new(Income.Planned - Spending.Planned, Income.Actual - Spending.Actual);
}
