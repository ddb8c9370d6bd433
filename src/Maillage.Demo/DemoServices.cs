using Maillage.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Demo;

/// <summary>Wires the demo seeding: the start-up seeds it on an empty database when the demo is on.</summary>
public static class DemoServices
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<SeedDemo>();
        services.AddScoped<IDemoSeeding>(sp => sp.GetRequiredService<SeedDemo>());
        services.AddScoped<SeedCommunityDemo>();
        services.AddScoped<SeedFundingDemo>();
        services.AddScoped<SeedFundingPaymentsDemo>();
        services.AddScoped<SeedFundingBudgetDemo>();
        services.AddScoped<SeedFundingIndicatorsDemo>();
        services.AddScoped<SeedUnscheduledDemo>();
        services.AddScoped<SeedTreatingDoctorDemo>();
        return services;
    }
}
