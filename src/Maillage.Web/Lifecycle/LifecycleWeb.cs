namespace Maillage.Web.Lifecycle;

/// <summary>The Lifecycle module on the web: its API (the CPTS registry, territories, stages, and national coverage); its pages, in this folder, are found by Razor Pages.</summary>
public static class LifecycleWeb
{
    public static WebApplication MapLifecycle(this WebApplication app)
    {
        app.MapCptsApi();
        app.MapCoverageApi();
        return app;
    }
}
