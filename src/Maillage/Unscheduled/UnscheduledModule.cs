using Maillage.Platform.Indicators;
using Maillage.Unscheduled.Sas;
using Maillage.Unscheduled.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Unscheduled;

/// <summary>Wires the Unscheduled module: effectors' places, patterns and slots, registrars' bookings and their outcomes.</summary>
public static class UnscheduledModule
{
    public static IServiceCollection AddUnscheduled(this IServiceCollection services)
    {
        services.AddScoped<SnpAccess>();
        services.AddScoped<EnrollEffector>();
        services.AddScoped<EnrollRegistrar>();
        services.AddScoped<SavePlace>();
        services.AddScoped<OpenSlot>();
        services.AddScoped<SavePattern>();
        services.AddScoped<RollSlotsForward>();
        services.AddHostedService<SlotRollForwardWorker>();
        services.AddScoped<SearchSlots>();
        services.AddScoped<SnpNotifications>();
        services.AddScoped<BookSlot>();
        services.AddScoped<CancelBooking>();
        services.AddScoped<RecordOutcome>();
        services.AddScoped<ReadBooking>();
        services.AddScoped<ReadSnp>();
        services.AddScoped<SnpStanding>();
        services.AddScoped<Maillage.Lifecycle.Published.IToDoSource, SnpToDo>();
        services.AddScoped<Maillage.Lifecycle.Published.IKeyFigureSource, SnpFigures>();
        services.AddSingleton(_ => SasSupplement.LoadEmbedded());
        services.AddScoped<ReadSnpStatistics>();
        services.AddScoped<ExportSnpStatistics>();
        services.AddScoped<IIndicatorSource, SnpConsultationsSource>();
        services.AddScoped<IIndicatorSource, SnpSasConsultationsSource>();
        services.AddScoped<IIndicatorSource, SnpOfferedHoursSource>();
        services.AddScoped<IIndicatorSource, SnpSasSlotsSource>();
        services.AddScoped<Sas.SasAgendaAssembler>();
        services.AddScoped<Sas.SearchSasSlots>();
        services.AddScoped<Sas.ReadSasAgenda>();
        services.AddSasOutbox();
        return services;
    }
}
