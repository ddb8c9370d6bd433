namespace Maillage.Web.Territories;

/// <summary>The Territories module on the web: its API (the reference geography: communes, EPCI, the population and tier of a set of codes); its pages, in this folder, are found by Razor Pages.</summary>
public static class TerritoriesWeb
{
    public static WebApplication MapTerritories(this WebApplication app)
    {
        app.MapTerritoriesApi();
        return app;
    }
}
