using Maillage.Association.Published;
using Maillage.Platform.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Association;

/// <summary>Wires the Association module: bodies, mandates, working groups, referents, proposals, decisions and meetings.</summary>
public static class AssociationModule
{
    public static IServiceCollection AddAssociation(this IServiceCollection services)
    {
        services.AddScoped<AssociationStanding>();
        services.AddScoped<AssociationAccess>();
        services.AddScoped<MeetingVoters>();
        services.AddScoped<IIndicatorSource, MeetingsHeldSource>();
        services.AddScoped<IIndicatorSource, ActiveGroupsSource>();
        services.AddScoped<Maillage.Lifecycle.Published.IToDoSource, AssociationToDo>();
        services.AddScoped<Maillage.Lifecycle.Published.IKeyFigureSource, AssociationFigures>();
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
