using Maillage.Platform;

namespace Maillage.Funding.Reviews;

/// <summary>The words of the review pack, shared by the page, the Excel workbook and the PDF.</summary>
public static class ReviewPackText
{
    public static string Title(ReviewPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return $"Dialogue de gestion — année {pack.Year} du contrat — {pack.CptsName}";
    }

    public static string Contract(ReviewPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        return $"Contrat ACI n° {pack.ContractNumber} signé le {French.Date(pack.SignedOn)} (jusqu'au {French.Date(pack.LastDay)}), barème « {pack.RuleSetName ?? pack.RuleSet} », taille {pack.Tier}. "
            + $"Année {pack.Year} : du {French.Date(pack.YearStart)} au {French.Date(pack.YearEnd)}"
            + (pack.CrisisDeclared ? " ; crise sanitaire grave déclarée." : ".");
    }

    public static string Record(ReviewPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var r = pack.Review;
        return $"Statut : {r.StatusLabel}"
            + (r.HeldOn is { } held ? $" ; réunion du {French.Date(held)}" : " ; date de réunion non renseignée")
            + (r.DecidedOn is { } on ? $" ; décision du {French.Date(on)}" : "") + ".";
    }

    public static string Number(decimal? value) => value is { } v ? v.ToString("0.####", French.Culture) : "—";

    public static string Euros(decimal? amount) => amount is { } a ? AciLabels.Euros(a) : "—";

    public static string Rate(decimal? rate) => rate is { } r ? French.Percent((double)r) : "—";

    public static string Deployed(bool? deployed) => deployed switch { true => "oui", false => "non", _ => "—" };

    /// <summary>The text alternative of an indicator's trajectory chart.</summary>
    public static string Trajectory(PackIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return string.Join(" ; ", indicator.Trajectory.Select(p => $"année {p.Year} : cible {Number(p.Target)}, réalisé {Number(p.Achieved)}"));
    }

    public static string Adjustments(PackIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return string.Join(" ; ", indicator.Adjustments.Select(a =>
            $"cible {Number(a.PreviousTarget)} → {Number(a.NewTarget)} le {French.Date(a.AgreedOn)} ({a.AgreedBy}) : {a.Reason}"));
    }

    public static string Obsolete(PackIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Obsolete ? "neutralisé" + (indicator.ObsoleteReason is { } why ? $" : {why}" : "") : "";
    }
}
