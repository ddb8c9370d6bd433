using Maillage.Web.Platform.Workspace;
namespace Maillage.Web.Indemnities;

/// <summary>The Indemnities module on the web: its API (time declared, barème and payment batches); its pages, in this folder, are found by Razor Pages.</summary>
public static class IndemnitiesWeb
{
    public static WebApplication MapIndemnities(this WebApplication app)
    {
        app.MapIndemnitiesApi();
        app.AddToWorkspace(Missions.Association, "Temps et indemnités", "indemnites");
        return app;
    }
}
