using Maillage.Lifecycle.Published;
using Maillage.Platform.Indicators;
using Maillage.TreatingDoctor.Assignment;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.TreatingDoctor;

/// <summary>Wires the TreatingDoctor module: requests, volunteers, the assignment, proposals and the follow-up.</summary>
public static class TreatingDoctorModule
{
    public static IServiceCollection AddTreatingDoctor(this IServiceCollection services)
    {
        services.AddSingleton(_ => PriorityRuleSets.LoadEmbedded());
        services.AddSingleton<SolveAssignment>();
        services.AddScoped<TreatingAccess>();
        services.AddScoped<FileRequest>();
        services.AddScoped<ImportRequests>();
        services.AddScoped<SaveVolunteer>();
        services.AddScoped<DeskInstances>();
        services.AddScoped<MatchRequests>();
        services.AddScoped<Proposals>();
        services.AddScoped<FollowUp>();
        services.AddScoped<ReadTreating>();
        services.AddScoped<DeskCommunes>();
        services.AddSingleton(sp => TreatingSetting.From(sp.GetService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddScoped<PatientData>();
        services.AddHostedService<TreatingAnonymisationWorker>();
        services.AddScoped<ReadTreatingStatistics>();
        services.AddScoped<IToDoSource, TreatingToDo>();
        services.AddScoped<IKeyFigureSource, TreatingFigures>();
        services.AddScoped<IIndicatorSource, TreatingRequestsSource>();
        services.AddScoped<IIndicatorSource, TreatingDeclaredSource>();
        services.AddScoped<IIndicatorSource, TreatingAldShareSource>();
        return services;
    }
}
