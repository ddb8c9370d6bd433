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
        return app;
    }
}
