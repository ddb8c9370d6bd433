using Maillage.Directory.Published;
using Maillage.Membership.Campaigns;
using Maillage.Membership.Published;
using Maillage.Platform.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Membership;

/// <summary>Wires the Membership module: adhérents, colleges, dues, rates, and the recruitment campaigns with their send queue and background worker (started by a host; the command line has none). Unsubscribe tokens need the host's Data Protection keys.</summary>
public static class MembershipModule
{
    public static IServiceCollection AddMembership(this IServiceCollection services)
    {
        services.AddScoped<MemberRoll>();
        services.AddScoped<IMembershipStanding, MembershipStanding>();
        services.AddScoped<IIndicatorSource, ActiveMembersSource>();
        services.AddScoped<IIndicatorSource, NewMembersSource>();
        services.AddScoped<IIndicatorSource, PaidDuesMembersSource>();
        services.AddScoped<IIndicatorSource, CampaignMessagesSource>();
        services.AddScoped<DuesStanding>();
        services.AddScoped<Maillage.Lifecycle.Published.IToDoSource, MembershipToDo>();
        services.AddScoped<Maillage.Lifecycle.Published.IKeyFigureSource, MembershipFigures>();
        services.AddScoped<ReadMembers>();
        services.AddScoped<AddMember>();
        services.AddScoped<ChangeMemberStatus>();
        services.AddScoped<RecordDues>();
        services.AddScoped<ReadMember>();
        services.AddScoped<ReadColleges>();
        services.AddScoped<AddCollege>();
        services.AddScoped<UpdateCollege>();
        services.AddScoped<RemoveCollege>();
        services.AddScoped<ChangeMemberCollege>();
        services.AddScoped<ComputeMembershipRates>();
        services.AddScoped<ComputeMembershipHistory>();
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
