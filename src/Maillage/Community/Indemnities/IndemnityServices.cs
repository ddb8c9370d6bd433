using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Community.Indemnities;

/// <summary>Wires the use cases of this part of the Community module.</summary>
public static class IndemnityServices
{
    public static IServiceCollection AddIndemnities(this IServiceCollection services)
    {
        services.AddSingleton(_ => Smic.LoadEmbedded());
        services.AddScoped<ReadIndemnities>();
        services.AddScoped<CreateScale>();
        services.AddScoped<DeleteScale>();
        services.AddScoped<DeclareTime>();
        services.AddScoped<ValidateDeclaration>();
        services.AddScoped<RejectDeclaration>();
        services.AddScoped<CreatePaymentBatch>();
        services.AddScoped<MarkBatchPaid>();
        services.AddScoped<CancelPaymentBatch>();
        services.AddScoped<SaveProfessionNote>();
        return services;
    }
}
