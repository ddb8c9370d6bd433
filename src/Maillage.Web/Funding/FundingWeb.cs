using Maillage.Web.Platform.Workspace;
using Maillage.Web.Funding.Budget;
using Maillage.Web.Funding.Contracts;
using Maillage.Web.Funding.Reviews;
using Maillage.Web.Funding.Schedule;

namespace Maillage.Web.Funding;

/// <summary>The Funding module on the web: its API (the ACI simulator, contracts, indicators, schedules, payments, reviews and budgets); its pages, in this folder, are found by Razor Pages.</summary>
public static class FundingWeb
{
    public static WebApplication MapFunding(this WebApplication app)
    {
        app.MapFundingApi();
        app.MapScheduleApi();
        app.MapPaymentApi();
        app.MapBudgetApi();
        app.MapReviewApi();
        static Task<bool> HasContract(Maillage.Lifecycle.Published.Tenant t, HttpContext http) =>
            http.RequestServices.GetRequiredService<Maillage.Funding.FundingAccess>().HasContractAsync(t, http.RequestAborted);
        app.AddToWorkspace(Missions.Funding, "Contrat ACI", "contrat")
            .AddToWorkspace(Missions.Funding, "Indicateurs", "contrat/indicateurs", HasContract)
            .AddToWorkspace(Missions.Funding, "Financement du contrat", "contrat/financement", HasContract)
            .AddToWorkspace(Missions.Funding, "Échéancier et versements", "contrat/versements", HasContract)
            .AddToWorkspace(Missions.Funding, "Dialogue de gestion", "contrat/dialogue", HasContract)
            .AddToWorkspace(Missions.Funding, "Budget", "budget");
        return app;
    }
}
