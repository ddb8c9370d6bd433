using Maillage.Funding.Indicators;
using Maillage.Platform;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Contracts;

/// <summary>What a user gives to declare a serious health crisis in a contract year.</summary>
public sealed record CrisisDraft(int? Year, DateOnly? DeclaredOn, string? Description);

/// <summary>The pure rules of the serious health crises declared on a contract (domain-rules §4: the crisis variable part is due only then).</summary>
public static class CrisisRules
{
    public const int MaxDescription = 1000;

    /// <summary>
    /// Checks a declaration: the year is a contract year (1 to 5) that has begun; the declaration date lies inside that contract year and
    /// is not in the future; the description is required, at most 1,000 characters. (One crisis per year is the use case's check.)
    /// </summary>
    public static List<Error> Check(AciContract contract, CrisisDraft draft, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new List<Error>();
        DateOnly? start = null, last = null;
        if (draft.Year is not { } year)
        {
            errors.Add(new Error("year_required", "Indiquez l'année du contrat (1 à 5) de la crise.", "year"));
        }
        else if (IndicatorRules.YearError(year, "year") is { } yearError)
        {
            errors.Add(yearError);
        }
        else if (IndicatorRules.YearStart(contract, year) > today)
        {
            errors.Add(new Error("year_not_started",
                $"L'année {year} du contrat commence le {French.Date(IndicatorRules.YearStart(contract, year))} : une crise ne peut pas encore y être déclarée.", "year"));
        }
        else
        {
            (start, last) = (IndicatorRules.YearStart(contract, year), IndicatorRules.YearStart(contract, year + 1).AddDays(-1));
        }

        if (draft.DeclaredOn is not { } declared)
        {
            errors.Add(new Error("declared_on_required", "Indiquez la date de déclaration de la crise.", "declaredOn"));
        }
        else if (declared > today)
        {
            errors.Add(new Error("declared_on_in_future", $"La date de déclaration du {French.Date(declared)} est dans le futur.", "declaredOn"));
        }
        else if (start is { } from && last is { } to && (declared < from || declared > to))
        {
            errors.Add(new Error("declared_on_outside_year",
                $"La date de déclaration du {French.Date(declared)} est hors de l'année {draft.Year} du contrat (du {French.Date(from)} au {French.Date(to)}).", "declaredOn"));
        }

        if (string.IsNullOrWhiteSpace(draft.Description))
        {
            errors.Add(new Error("description_required", "Décrivez la crise sanitaire grave.", "description"));
        }
        else if (draft.Description.Trim().Length > MaxDescription)
        {
            errors.Add(new Error("description_too_long", "La description de la crise est limitée à 1 000 caractères.", "description"));
        }

        return errors;
    }

    public static Error AlreadyDeclared(int year) =>
        new("crisis_exists", $"Une crise sanitaire grave est déjà déclarée pour l'année {year} du contrat : supprimez-la d'abord pour la remplacer.", "year",
            ErrorKind.Conflict);

    public static Error NotFound(int year) =>
        new("crisis_not_found", $"Aucune crise sanitaire grave n'est déclarée pour l'année {year} du contrat.", "year", ErrorKind.NotFound);
}
