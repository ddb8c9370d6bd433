using Maillage.Lifecycle.Coverage;
using Maillage.Lifecycle.Published;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Lifecycle;

/// <summary>Wires the Lifecycle module: the CPTS registry, their territories and stages, and the coverage they give.</summary>
public static class LifecycleModule
{
    public static IServiceCollection AddLifecycle(this IServiceCollection services)
    {
        services.AddScoped<Tenancy>();
        services.AddScoped<CptsTerritories>();
        services.AddScoped<CptsLookup>();
        services.AddScoped<CptsSaver>();
        services.AddScoped<AssignTerritory>();
        services.AddScoped<CreateCpts>();
        services.AddScoped<UpdateCpts>();
        services.AddScoped<RecordStage>();
        services.AddScoped<UpdateLetter>();
        services.AddScoped<ReadCpts>();
        services.AddScoped<ComputeStageDelays>();
        services.AddScoped<ImportCpts>();
        services.AddScoped<ExportCpts>();
        services.AddScoped<ComputeCoverage>();
        services.AddScoped<Workspace.ReadWorkspace>();
        services.AddScoped<Journal.ReadJournal>();
        services.AddScoped<IKeyFigureSource, Workspace.CptsFigures>();
        services.AddScoped<IToDoSource, Workspace.LifecycleToDo>();
        return services;
    }
}
