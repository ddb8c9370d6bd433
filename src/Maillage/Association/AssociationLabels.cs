namespace Maillage.Association;

/// <summary>French labels of offices and proposal statuses (bodies: <see cref="MeetingLabels.Label(BodyKind)"/>).</summary>
public static class AssociationLabels
{
    /// <summary>The seat's name: a plain seat is « Administrateur » in the conseil and « Membre du bureau » in the bureau.</summary>
    public static string Office(Office office, BodyKind body) => office switch
    {
        Association.Office.President => "Président(e)",
        Association.Office.VicePresident => "Vice-président(e)",
        Association.Office.Treasurer => "Trésorier(ère)",
        Association.Office.Secretary => "Secrétaire",
        _ => body == BodyKind.Bureau ? "Membre du bureau" : "Administrateur(trice)",
    };

    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.Submitted => "Déposée, en attente du bureau",
        ProposalStatus.AtBoard => "Transmise au conseil d'administration",
        ProposalStatus.Adopted => "Adoptée",
        ProposalStatus.Rejected => "Rejetée",
        ProposalStatus.Withdrawn => "Retirée",
        _ => status.ToString(),
    };

    public static string Move(ProposalMove move) => move switch
    {
        ProposalMove.Forward => "Transmettre au conseil d'administration",
        ProposalMove.Reject => "Rejeter",
        ProposalMove.Adopt => "Adopter",
        ProposalMove.Withdraw => "Retirer",
        _ => move.ToString(),
    };

    /// <summary>« au conseil d'administration », « au bureau »: the body after « au ».</summary>
    public static string InBody(BodyKind body) => body switch
    {
        BodyKind.Board => "au conseil d'administration",
        BodyKind.Bureau => "au bureau",
        _ => "à l'assemblée générale",
    };
}
