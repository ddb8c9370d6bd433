using Maillage.Web.Platform.Workspace;
namespace Maillage.Web.Directory;

/// <summary>The Directory module on the web: its API (the directory of professionals and structures of a CPTS, its exports and imports); its pages, in this folder, are found by Razor Pages.</summary>
public static class DirectoryWeb
{
    public static WebApplication MapDirectory(this WebApplication app)
    {
        app.MapDirectoryApi();
        app.AddToWorkspace(Missions.Community, "Annuaire", "annuaire");
        return app;
    }
}
