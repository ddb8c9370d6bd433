using Maillage.Web.Platform.Workspace;
namespace Maillage.Web.Lifecycle;

/// <summary>The Lifecycle module on the web: its API (the CPTS registry, territories, stages, and national coverage); its pages, in this folder, are found by Razor Pages.</summary>
public static class LifecycleWeb
{
    public static WebApplication MapLifecycle(this WebApplication app)
    {
        app.MapCptsApi();
        app.MapCoverageApi();
        app.AddToWorkspace(Missions.Cpts, "Accueil", "accueil")
            .AddToWorkspace(Missions.Cpts, "Fiche et étapes", "")
            .AddToWorkspace(Missions.Cpts, "Lettre d'intention", "lettre-intention")
            .AddToWorkspace(Missions.Cpts, "Territoire", "territoire", t => t.Shapes && t.Cpts.Stage != Maillage.Lifecycle.Published.Stage.Dissolved)
            .AddToWorkspace(Missions.Cpts, "Journal", "journal", t => t.Manages || t.Steers);
        return app;
    }
}
