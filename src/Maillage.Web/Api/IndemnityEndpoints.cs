namespace Maillage.Web.Api;

/// <summary>API routes of this part of the Community module (filled in as it is built).</summary>
public static class IndemnityEndpoints
{
    public static void MapIndemnitiesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
