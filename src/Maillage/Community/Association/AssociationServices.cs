using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Community.Association;

/// <summary>Wires the use cases of this part of the Community module.</summary>
public static class AssociationServices
{
    public static IServiceCollection AddAssociation(this IServiceCollection services)
    {
        services.AddScoped<ReadAssociation>();
        services.AddScoped<UpdateBody>();
        services.AddScoped<AddMandate>();
        services.AddScoped<EndMandate>();
        services.AddScoped<CreateWorkingGroup>();
        services.AddScoped<CloseWorkingGroup>();
        services.AddScoped<ChangeParticipants>();
        services.AddScoped<AddReferent>();
        services.AddScoped<EndReferent>();
        services.AddScoped<SubmitProposal>();
        services.AddScoped<MoveProposal>();
        services.AddScoped<ReadProposals>();
        services.AddScoped<ReadDecisions>();
        return services;
    }
}
