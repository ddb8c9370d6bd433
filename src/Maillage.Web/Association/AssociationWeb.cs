using Maillage.Web.Platform.Workspace;
namespace Maillage.Web.Association;

/// <summary>The Association module on the web: its API (bodies, mandates, working groups, referents, proposals, decisions and meetings); its pages, in this folder, are found by Razor Pages.</summary>
public static class AssociationWeb
{
    public static WebApplication MapAssociation(this WebApplication app)
    {
        app.MapAssociationApi();
        app.MapMeetingsApi();
        // The association's life is read by its own (coordinator, members) and the admins; the officers see only aggregates elsewhere.
        static bool Own(Maillage.Lifecycle.Published.Tenant t) => t.Manages || t.Belongs;
        app.AddToWorkspace(Missions.Association, "Instances", "association", Own)
            .AddToWorkspace(Missions.Association, "Réunions", "reunions", Own)
            .AddToWorkspace(Missions.Association, "Propositions", "propositions", Own);
        return app;
    }
}
