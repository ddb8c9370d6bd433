using Microsoft.Extensions.DependencyInjection;
using Maillage.Territories.Published;

namespace Maillage.Funding;

/// <summary>Wires the Funding module: the ACI rule sets (validated when first resolved, at start-up), the simulator, contracts, indicators, schedules, reviews and budgets.</summary>
public static class FundingModule
{
    public static IServiceCollection AddFunding(this IServiceCollection services)
    {
        services.AddSingleton(sp => AciRuleSets.LoadEmbedded(sp.GetRequiredService<SizeTiers>()));
        services.AddScoped<FundingAccess>();
        services.AddScoped<Maillage.Lifecycle.Published.IToDoSource, FundingToDo>();
        services.AddScoped<Maillage.Lifecycle.Published.IKeyFigureSource, FundingFigures>();
        services.AddSingleton<SimulateAci>();
        services.AddScoped<SimulateAciForCpts>();
        services.AddScoped<Contracts.RecordContract>();
        services.AddScoped<Contracts.EditContract>();
        services.AddScoped<Contracts.AmendContract>();
        services.AddScoped<Contracts.ReadContract>();
        services.AddScoped<Contracts.ChangeContractParameters>();
        services.AddScoped<Contracts.RecordCrisis>();
        services.AddScoped<Contracts.DeleteCrisis>();
        services.AddScoped<Contracts.ReadFunderRecords>();
        services.AddScoped<Payments.RecordPayment>();
        services.AddScoped<Payments.DeletePayment>();
        services.AddScoped<Indicators.SaveIndicator>();
        services.AddScoped<Indicators.RecordIndicatorValue>();
        services.AddScoped<Indicators.ComputeIndicatorValue>();
        services.AddScoped<Indicators.AdjustIndicatorTarget>();
        services.AddScoped<Indicators.MarkIndicatorObsolete>();
        services.AddScoped<Indicators.ReadIndicators>();
        services.AddScoped<Schedule.ReadFunding>();
        services.AddScoped<Reviews.ReviewStore>();
        services.AddScoped<Reviews.ReadReviews>();
        services.AddScoped<Reviews.OpenReview>();
        services.AddScoped<Reviews.EditReview>();
        services.AddScoped<Reviews.AddReviewAction>();
        services.AddScoped<Reviews.RemoveReviewAction>();
        services.AddScoped<Reviews.DecideReview>();
        services.AddScoped<Reviews.ReopenReview>();
        services.AddScoped<Reviews.BuildReviewPack>();
        services.AddScoped<Budget.SaveBudgetLine>();
        services.AddScoped<Budget.DeleteBudgetLine>();
        services.AddScoped<Budget.ReadBudget>();
        return services;
    }
}
