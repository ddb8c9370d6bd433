using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Membership.Published;

namespace Maillage.Association;

/// <summary>
/// Adds an adhérent (status adhérent or actif) to an open working group, once, or takes a participant out of it. Those who run the
/// association; the group's version guards concurrent changes.
/// </summary>
public sealed class ChangeParticipants(MaillageDbContext db, AuditTrail audit, AssociationAccess access, MemberRoll roll)
{
    public async Task<Result<WorkingGroup>> AddAsync(Guid cptsId, Guid groupId, Guid? memberId, Actor actor, CancellationToken ct = default)
    {
        var found = await WorkingGroupLookup.OpenAsync(db, access, cptsId, groupId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<WorkingGroup>.Fail(found.Errors);
        }

        var (group, today) = found.Value!;
        var member = await roll.EligibleAsync(cptsId, memberId, "memberId", ct);
        if (!member.Succeeded)
        {
            return Result<WorkingGroup>.Fail(member.Errors);
        }

        if (group.Participants.Any(p => p.MemberId == member.Value!.Id))
        {
            return new Error("already_participant", "Cet adhérent participe déjà à ce groupe de travail.", "memberId", ErrorKind.Conflict);
        }

        var participant = new WorkingGroupParticipant { Id = Guid.NewGuid(), WorkingGroupId = group.Id, MemberId = member.Value!.Id, JoinedOn = today };
        db.Add(participant);
        group.Participants.Add(participant);
        return await SaveAsync(group, actor, cptsId, "working-group.participant-added", $"Groupe de travail {group.Id} : adhérent {participant.MemberId} ajouté.", ct);
    }

    public async Task<Result<WorkingGroup>> RemoveAsync(Guid cptsId, Guid groupId, Guid memberId, Actor actor, CancellationToken ct = default)
    {
        var found = await WorkingGroupLookup.OpenAsync(db, access, cptsId, groupId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<WorkingGroup>.Fail(found.Errors);
        }

        var group = found.Value.Group;
        if (group.Participants.FirstOrDefault(p => p.MemberId == memberId) is not { } participant)
        {
            return Error.NotFound("Participant");
        }

        db.Remove(participant);
        group.Participants.Remove(participant);
        return await SaveAsync(group, actor, cptsId, "working-group.participant-removed", $"Groupe de travail {group.Id} : adhérent {memberId} retiré.", ct);
    }

    private async Task<Result<WorkingGroup>> SaveAsync(WorkingGroup group, Actor actor, Guid cptsId, string action, string details, CancellationToken ct)
    {
        AssociationStore.Touch(db, group);
        audit.Record(actor, cptsId, action, details);
        return await db.SaveAsync(group, ct, conflict: AssociationStore.Busy("Les participants de ce groupe"));
    }
}
