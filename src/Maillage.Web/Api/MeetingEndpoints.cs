namespace Maillage.Web.Api;

/// <summary>API routes of this part of the Community module (filled in as it is built).</summary>
public static class MeetingEndpoints
{
    public static void MapMeetingsApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
    }
}
