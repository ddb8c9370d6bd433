using Maillage.Web.Platform.Workspace;
namespace Maillage.Web.Membership;

/// <summary>The Membership module on the web: its API (members, colleges, dues, rates and recruitment campaigns); its pages, in this folder, are found by Razor Pages.</summary>
public static class MembershipWeb
{
    public static WebApplication MapMembership(this WebApplication app)
    {
        app.MapMembershipApi();
        app.MapCampaignsApi();
        app.AddToWorkspace(Missions.Community, "Adhérents", "adherents")
            .AddToWorkspace(Missions.Community, "Campagnes", "campagnes", Maillage.Membership.MembershipAccess.ManagesMembers);
        return app;
    }
}
