using Maillage.Membership.Campaigns;

namespace Maillage.Web.Membership;

/// <summary>French words of the campaign pages.</summary>
public static class CampaignPages
{
    public static string French(CampaignState state) => state switch
    {
        CampaignState.Sending => "Envoi en cours",
        CampaignState.Interrupted => "Envoi interrompu",
        CampaignState.Sent => "Envoyée",
        _ => "Brouillon",
    };

    public static string French(MessageOutcome outcome) => outcome switch
    {
        MessageOutcome.Unsubscribed => "Désinscrit (rien envoyé)",
        MessageOutcome.Failed => "Échec",
        _ => "Envoyé",
    };
}
