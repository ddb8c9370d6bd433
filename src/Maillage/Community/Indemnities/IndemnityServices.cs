using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Community.Indemnities;

/// <summary>Wires the use cases of this part of the Community module.</summary>
public static class IndemnityServices
{
    public static IServiceCollection AddIndemnities(this IServiceCollection services)
    {
        return services;
    }
}
