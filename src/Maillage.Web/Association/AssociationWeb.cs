namespace Maillage.Web.Association;

/// <summary>The Association module on the web: its API (bodies, mandates, working groups, referents, proposals, decisions and meetings); its pages, in this folder, are found by Razor Pages.</summary>
public static class AssociationWeb
{
    public static WebApplication MapAssociation(this WebApplication app)
    {
        app.MapAssociationApi();
        app.MapMeetingsApi();
        return app;
    }
}
