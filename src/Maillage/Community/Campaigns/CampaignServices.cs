using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Community.Campaigns;

/// <summary>Wires the use cases of this part of the Community module.</summary>
public static class CampaignServices
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        return services;
    }
}
