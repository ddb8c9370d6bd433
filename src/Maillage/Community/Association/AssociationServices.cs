using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Community.Association;

/// <summary>Wires the use cases of this part of the Community module.</summary>
public static class AssociationServices
{
    public static IServiceCollection AddAssociation(this IServiceCollection services)
    {
        return services;
    }
}
