using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>The day a working group closes (today by default) and the <see cref="Version"/> the user saw.</summary>
public sealed record CloseWorkingGroupInput(DateOnly? ClosedOn = null, int? Version = null);

/// <summary>
/// Closes a working group on a day between its creation and today; its running referent's mandate ends the same day. A closed group takes
/// no more participants nor referents. Those who run the association.
/// </summary>
public sealed class CloseWorkingGroup(MaillageDbContext db, AuditTrail audit, AssociationAccess access)
{
    public async Task<Result<WorkingGroup>> RunAsync(Guid cptsId, Guid groupId, CloseWorkingGroupInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await WorkingGroupLookup.OpenAsync(db, access, cptsId, groupId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<WorkingGroup>.Fail(found.Errors);
        }

        var (group, today) = found.Value!;
        var closedOn = input.ClosedOn ?? today;
        if (closedOn < group.CreatedOn || closedOn > today)
        {
            return new Error("invalid_date", $"Le groupe se clôt entre sa création ({French.Date(group.CreatedOn)}) et aujourd'hui.", "closedOn");
        }

        var referents = await db.Referents().Where(r => r.WorkingGroupId == group.Id && (r.To == null || r.To > closedOn)).ToListAsync(ct);
        if (referents.FirstOrDefault(r => r.From > closedOn) is { } later)
        {
            return new Error("referent_after_close", $"Le référent de ce groupe l'est depuis le {French.Date(later.From)}, après le {French.Date(closedOn)}.",
                "closedOn", ErrorKind.Conflict);
        }

        foreach (var referent in referents)
        {
            referent.To = closedOn;
        }

        if (input.Version is { } version)
        {
            db.Entry(group).Property(g => g.Version).OriginalValue = version;
        }

        group.ClosedOn = closedOn;
        audit.Record(actor, cptsId, "working-group.closed", $"Groupe de travail {group.Id} clos le {French.Date(closedOn)}"
            + (referents.Count > 0 ? $" ; fin du référent {string.Join(", ", referents.Select(r => r.Id))}." : "."));
        return await db.SaveAsync(group, ct);
    }
}

/// <summary>Resolves a working group of a CPTS for those who run the association, the one way ids from a request reach a group.</summary>
public static class WorkingGroupLookup
{
    /// <summary>The group (tracked, with its participants) when it exists in the CPTS and is still open, and today.</summary>
    public static async Task<Result<(WorkingGroup Group, DateOnly Today)>> OpenAsync(MaillageDbContext db, AssociationAccess access, Guid cptsId,
        Guid groupId, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        var scope = await access.RunAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<(WorkingGroup, DateOnly)>.Fail(scope.Errors);
        }

        var group = await db.WorkingGroups().Include(g => g.Participants).FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return Error.NotFound("Groupe de travail");
        }

        return group.ClosedOn is { } closed
            ? new Error("group_closed", $"Ce groupe de travail est clos depuis le {French.Date(closed)}.", null, ErrorKind.Conflict)
            : Result<(WorkingGroup, DateOnly)>.Ok((group, scope.Value!.Today));
    }
}
