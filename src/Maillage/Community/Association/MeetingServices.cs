using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Community.Association;

/// <summary>Wires the use cases of this part of the Community module.</summary>
public static class MeetingServices
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddScoped<MeetingChanges>();
        services.AddScoped<ReadMeetings>();
        services.AddScoped<ReadMeeting>();
        services.AddScoped<MeetingInvitation>();
        services.AddScoped<CreateMeeting>();
        services.AddScoped<EditMeeting>();
        services.AddScoped<AddAgendaItem>();
        services.AddScoped<EditAgendaItem>();
        services.AddScoped<RemoveAgendaItem>();
        services.AddScoped<ReorderAgenda>();
        services.AddScoped<ConveneMeeting>();
        services.AddScoped<SendConvocation>();
        services.AddScoped<CancelMeeting>();
        services.AddScoped<RecordAttendance>();
        services.AddScoped<AddMotion>();
        services.AddScoped<RemoveMotion>();
        services.AddScoped<RecordVote>();
        services.AddScoped<SaveMinutes>();
        services.AddScoped<ApproveMinutes>();
        return services;
    }
}
