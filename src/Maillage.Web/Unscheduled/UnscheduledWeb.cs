using Maillage.Lifecycle.Published;
using Maillage.Unscheduled;
using Maillage.Web.Platform.Workspace;

namespace Maillage.Web.Unscheduled;

/// <summary>The Unscheduled module on the web: its API (<see cref="UnscheduledEndpoints"/>) and its pages under <c>/cpts/{id}/snp</c>, each entry shown only to who may open it.</summary>
public static class UnscheduledWeb
{
    public static WebApplication MapUnscheduled(this WebApplication app)
    {
        app.MapUnscheduledApi();
        app.AddToWorkspace(Missions.AccessToCare, "Soins non programmés", "snp", t => t.Manages)
            .AddToWorkspace(Missions.AccessToCare, "Agenda SNP", "snp/agenda", (t, http) => MayAsync(t, http, s => s.Manages || s.IsEffector))
            .AddToWorkspace(Missions.AccessToCare, "Réserver un créneau", "snp/reserver", (t, http) => MayAsync(t, http, s => s.Books))
            .AddToWorkspace(Missions.AccessToCare, "Mes réservations", "snp/reservations", (t, http) => MayAsync(t, http, s => s.Books))
            .AddToWorkspace(Missions.AccessToCare, "Statistiques SNP", "snp/statistiques", (t, http) => MayAsync(t, http, s => s.ReadsStatistics));
        return app;
    }

    private static async Task<bool> MayAsync(Tenant tenant, HttpContext http, Func<SnpScope, bool> may)
    {
        // An officer steering the CPTS neither belongs nor manages, yet reads the statistics.
        if (!tenant.Belongs && !tenant.Manages && !tenant.Steers)
        {
            return false;
        }

        return may(await http.RequestServices.GetRequiredService<SnpStanding>().OfAsync(tenant, http.RequestAborted));
    }
}
