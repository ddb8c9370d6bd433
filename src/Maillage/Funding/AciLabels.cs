using System.Globalization;
using Maillage.Platform;

namespace Maillage.Funding;

/// <summary>How the Funding module writes for French readers: amounts « 487 500 € », source dates, kinds of line.</summary>
public static class AciLabels
{
    /// <summary>487 500 € (narrow no-break spaces between thousands, a no-break space before the sign); cents only when there are some.</summary>
    public static string Euros(decimal amount) =>
        amount.ToString(decimal.Truncate(amount) == amount ? "N0" : "N2", French.Culture) + "\u00A0€";

    /// <summary>20/12/2021 for a full date; a year or a month stays as the source gives it.</summary>
    public static string SourceDate(AciSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return DateOnly.TryParseExact(source.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? French.Date(date)
            : source.Date;
    }

    /// <summary>A line of the grid by its id, as users read it: « Fonctionnement de la communauté », « Accès aux soins », « Toutes missions ».</summary>
    public static string Line(string id) => id switch
    {
        AciLineIds.Operating => "Fonctionnement de la communauté",
        AciLineIds.Total => "Toutes missions",
        _ => Contracts.ContractMissions.Name(id),
    };

    public static string Kind(AciLineKind kind) => kind switch
    {
        AciLineKind.Operating => "toujours compris",
        AciLineKind.Socle => "mission socle",
        AciLineKind.Optional => "mission optionnelle",
        _ => "toutes missions",
    };

    public static string CrisisPlan(CrisisPlanYear plan) =>
        plan == CrisisPlanYear.FirstDrafting ? "année de première rédaction du plan" : "année d'actualisation du plan";
}
