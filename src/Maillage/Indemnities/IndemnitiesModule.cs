using Maillage.Platform.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Indemnities;

/// <summary>Wires the Indemnities module: barèmes, time declared by members, validation and payment batches.</summary>
public static class IndemnitiesModule
{
    public static IServiceCollection AddIndemnities(this IServiceCollection services)
    {
        services.AddSingleton(_ => Smic.LoadEmbedded());
        services.AddScoped<IndemnityAccess>();
        services.AddScoped<IIndicatorSource, DeclaredHoursSource>();
        services.AddScoped<Maillage.Lifecycle.Published.IToDoSource, IndemnityToDo>();
        services.AddScoped<Maillage.Lifecycle.Published.IKeyFigureSource, IndemnityFigures>();
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
