using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>A decision of the register, with the title of the proposal or of the meeting it comes from.</summary>
public sealed record DecisionRow(Guid Id, string Number, DateOnly Date, BodyKind Body, string Text, Guid? ProposalId, string? ProposalTitle,
    Guid? MeetingId, string? MeetingTitle, string RecordedBy, DateTimeOffset RecordedAt)
{
    public override string ToString() => $"decision {Number}";
}

/// <summary>The register of decisions of a CPTS, in the order of their numbers.</summary>
public sealed record DecisionList(Guid CptsId, string CptsName, IReadOnlyList<DecisionRow> Decisions);

/// <summary>Reads the register of decisions (<see cref="DecisionRegister"/>): the CPTS's members and managers.</summary>
public sealed class ReadDecisions(MaillageDbContext db, AssociationAccess access)
{
    public async Task<Result<DecisionList>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.ReadAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<DecisionList>.Fail(scope.Errors);
        }

        var rows = await (from d in db.Decisions().AsNoTracking()
                          join b in db.Bodies() on d.BodyId equals b.Id
                          join p in db.Proposals() on d.ProposalId equals (Guid?)p.Id into proposals
                          from p in proposals.DefaultIfEmpty()
                          join m in db.Meetings() on d.MeetingId equals (Guid?)m.Id into meetings
                          from m in meetings.DefaultIfEmpty()
                          where d.CptsId == cptsId
                          orderby d.Year, d.Sequence
                          select new DecisionRow(d.Id, d.Number, d.Date, b.Kind, d.Text, d.ProposalId, p == null ? null : p.Title, d.MeetingId,
                              m == null ? null : m.Title, d.RecordedBy, d.RecordedAt)).ToListAsync(ct);
        return Result<DecisionList>.Ok(new DecisionList(scope.Value!.Cpts.Id, scope.Value.Cpts.Name, rows));
    }
}
