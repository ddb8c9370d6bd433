using Maillage.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Territories.Published;

namespace Maillage.Territories;

/// <summary>Wires the Territories module: the reference geography (embedded, checked at load) and the size tiers.</summary>
public static class TerritoriesModule
{
    public static IServiceCollection AddTerritories(this IServiceCollection services)
    {
        services.AddSingleton(_ => GeoCatalog.LoadEmbedded());
        services.AddSingleton(_ => SizeTiers.LoadEmbedded());
        services.AddScoped<ComputeTerritory>();
        services.AddScoped<LoadGeography>();
        services.AddScoped<IReferenceData>(sp => sp.GetRequiredService<LoadGeography>());
        return services;
    }
}
