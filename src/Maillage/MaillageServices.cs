using Maillage.Lifecycle;
using Maillage.Platform.Audit;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Territories;
using Maillage.Territories.Coverage;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage;

/// <summary>Wires the domain: the database, the reference data and every module's use cases.</summary>
public static class MaillageServices
{
    public static IServiceCollection AddMaillageDomain(this IServiceCollection services, DatabaseSetting database)
    {
        services.AddSingleton(database);
        services.AddDbContext<MaillageDbContext>(database.Apply);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => GeoCatalog.LoadEmbedded());
        services.AddSingleton(_ => SizeTiers.LoadEmbedded());
        services.AddScoped<AuditTrail>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<CreateAccount>();
        services.AddTerritories();
        services.AddLifecycle();
        services.AddSingleton(_ => Community.Nomenclatures.LoadEmbedded());
        services.AddScoped<Community.MergeDirectory>();
        Community.DirectoryServices.AddDirectory(services);
        Community.MembershipServices.AddMembership(services);
        Community.Campaigns.CampaignServices.AddCampaigns(services);
        Community.Association.AssociationServices.AddAssociation(services);
        Community.Association.MeetingServices.AddMeetings(services);
        Community.Indemnities.IndemnityServices.AddIndemnities(services);
        Funding.FundingServices.AddFunding(services);
        services.AddScoped<Demo.SeedDemo>();
        services.AddScoped<Demo.SeedCommunityDemo>();
        services.AddScoped<Demo.SeedFundingDemo>();
        services.AddScoped<DatabaseStartup>();
        return services;
    }

    private static void AddTerritories(this IServiceCollection services)
    {
        services.AddScoped<ComputeTerritory>();
        services.AddScoped<AssignTerritory>();
        services.AddScoped<LoadGeography>();
        services.AddScoped<ComputeCoverage>();
    }

    private static void AddLifecycle(this IServiceCollection services)
    {
        services.AddScoped<CptsSaver>();
        services.AddScoped<CreateCpts>();
        services.AddScoped<UpdateCpts>();
        services.AddScoped<RecordStage>();
        services.AddScoped<UpdateLetter>();
        services.AddScoped<ReadCpts>();
        services.AddScoped<ComputeStageDelays>();
        services.AddScoped<ImportCpts>();
        services.AddScoped<ExportCpts>();
    }
}
