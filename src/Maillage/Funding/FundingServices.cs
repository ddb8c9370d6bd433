using Maillage.Territories;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Funding;

/// <summary>Wires the Funding module: the ACI rule sets (validated when first resolved, at start-up) and the simulator.</summary>
public static class FundingServices
{
    public static void AddFunding(IServiceCollection services)
    {
        services.AddSingleton(sp => AciRuleSets.LoadEmbedded(sp.GetRequiredService<SizeTiers>()));
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
        services.AddScoped<Demo.SeedFundingPaymentsDemo>();
        services.AddScoped<Indicators.SaveIndicator>();
        services.AddScoped<Indicators.RecordIndicatorValue>();
        services.AddScoped<Indicators.ComputeIndicatorValue>();
        services.AddScoped<Indicators.AdjustIndicatorTarget>();
        services.AddScoped<Indicators.MarkIndicatorObsolete>();
        services.AddScoped<Indicators.ReadIndicators>();
        services.AddScoped<Schedule.ReadFunding>();
        Reviews.ReviewServices.AddReviews(services);
        services.AddScoped<Budget.SaveBudgetLine>();
        services.AddScoped<Budget.DeleteBudgetLine>();
        services.AddScoped<Budget.ReadBudget>();
        services.AddScoped<Demo.SeedFundingBudgetDemo>();
        services.AddScoped<Demo.SeedFundingIndicatorsDemo>();
    }
}
