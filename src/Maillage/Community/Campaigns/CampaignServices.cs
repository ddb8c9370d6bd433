using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Community.Campaigns;

/// <summary>Wires the use cases of this part of the Community module.</summary>
public static class CampaignServices
{
    /// <summary>
    /// The campaign use cases, the send queue and its background worker (started by a host; the command line has none), and the default
    /// mail transport (a pickup directory) until a host calls <see cref="MailServices.AddMail"/> with its setting. Unsubscribe tokens need
    /// the host's Data Protection keys.
    /// </summary>
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.AddDefaultMail();
        services.AddSingleton<CampaignSends>();
        services.AddHostedService<CampaignSendWorker>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddScoped<CampaignAudience>();
        services.AddScoped<CreateCampaign>();
        services.AddScoped<ReadCampaigns>();
        services.AddScoped<StartCampaignSend>();
        services.AddScoped<SendCampaign>();
        services.AddScoped<Unsubscribe>();
        return services;
    }
}
