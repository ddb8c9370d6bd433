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
        services.AddScoped<Indicators.SaveIndicator>();
        services.AddScoped<Indicators.RecordIndicatorValue>();
        services.AddScoped<Indicators.ReadIndicators>();
    }
}
