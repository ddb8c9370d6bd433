using Maillage.Platform.Time;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;
using Maillage.Membership.Published;

namespace Maillage.Association;

/// <summary>A proposal in a list: its author by name, status, and the number of its decision once adopted.</summary>
public sealed record ProposalRow(Guid Id, string Title, Guid MemberId, string Author, ProposalStatus Status, DateTimeOffset SubmittedAt, int Version,
    Guid? DecisionId, string? DecisionNumber)
{
    public override string ToString() => $"proposal {Id}";
}

/// <summary>The proposals of a CPTS, latest first, and whether the reader may submit one (a linked adhérent).</summary>
public sealed record ProposalList(Guid CptsId, string CptsName, bool CanSubmit, IReadOnlyList<ProposalRow> Proposals);

/// <summary>One step of the trail, with the meeting's title when it was decided in one.</summary>
public sealed record ProposalStepView(ProposalStatus From, ProposalStatus To, string By, DateTimeOffset At, string? Comment, Guid? MeetingId, string? MeetingTitle);

/// <summary>A meeting a step may be decided in (bureau or conseil of the CPTS).</summary>
public sealed record MeetingOption(Guid Id, BodyKind Body, string Title, DateTimeOffset StartsAt);

/// <summary>A proposal with its description, its trail (oldest first), the moves the reader may make now and the meetings to choose from.</summary>
public sealed record ProposalDetail(Guid CptsId, string CptsName, ProposalRow Proposal, string Description, IReadOnlyList<ProposalStepView> Steps,
    IReadOnlyList<ProposalMove> Allowed, IReadOnlyList<MeetingOption> Meetings, LocalClock Clock)
{
    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Clock.Today;
}

/// <summary>Reads the proposals of a CPTS: its members and managers see them all; officers do not.</summary>
public sealed class ReadProposals(MaillageDbContext db, AssociationAccess access, MemberRoll roll)
{
    public async Task<Result<ProposalList>> ListAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.ReadAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<ProposalList>.Fail(scope.Errors);
        }

        var members = await roll.AllAsync(cptsId, ct);
        var proposals = await db.Proposals().AsNoTracking().Where(p => p.CptsId == cptsId).ToListAsync(ct);
        var numbers = await NumbersAsync(cptsId, ct);
        var rows = proposals.OrderByDescending(p => p.SubmittedAt).Select(p => Row(p, members, numbers)).ToList();
        var canSubmit = scope.Value!.Rights.MemberId is { } me && members.TryGetValue(me, out var self) && self.Eligible;
        return Result<ProposalList>.Ok(new ProposalList(scope.Value.Cpts.Id, scope.Value.Cpts.Name, canSubmit, rows));
    }

    public async Task<Result<ProposalDetail>> GetAsync(Guid cptsId, Guid proposalId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.ReadAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<ProposalDetail>.Fail(scope.Errors);
        }

        var proposal = await db.Proposals().AsNoTracking().Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == proposalId && p.CptsId == cptsId, ct);
        if (proposal is null)
        {
            return Error.NotFound("Proposition");
        }

        var members = await roll.AllAsync(cptsId, ct);
        var meetings = await (from m in db.Meetings().AsNoTracking()
                              join b in db.Bodies() on m.BodyId equals b.Id
                              where m.CptsId == cptsId && b.Kind != BodyKind.GeneralAssembly && m.Status != MeetingStatus.Cancelled
                              select new MeetingOption(m.Id, b.Kind, m.Title, m.StartsAt)).ToListAsync(ct);
        meetings = [.. meetings.OrderByDescending(m => m.StartsAt)];
        var titles = meetings.ToDictionary(m => m.Id, m => m.Title);
        var steps = proposal.Steps.OrderBy(s => s.At).ThenBy(s => s.From)
            .Select(s => new ProposalStepView(s.From, s.To, s.By, s.At, s.Comment, s.MeetingId, s.MeetingId is { } mid ? titles.GetValueOrDefault(mid) : null))
            .ToList();
        var row = Row(proposal, members, await NumbersAsync(cptsId, ct));
        return Result<ProposalDetail>.Ok(new ProposalDetail(scope.Value!.Cpts.Id, scope.Value.Cpts.Name, row, proposal.Description, steps,
            ProposalFlow.Allowed(proposal.Status, scope.Value.Rights, proposal.MemberId), meetings, scope.Value.Tenant.Clock));
    }

    private Task<Dictionary<Guid, string>> NumbersAsync(Guid cptsId, CancellationToken ct) =>
        db.Decisions().AsNoTracking().Where(d => d.CptsId == cptsId && d.ProposalId != null).ToDictionaryAsync(d => d.Id, d => d.Number, ct);

    private static ProposalRow Row(Proposal p, IReadOnlyDictionary<Guid, MemberRef> members, Dictionary<Guid, string> numbers) =>
        new(p.Id, p.Title, p.MemberId, members.TryGetValue(p.MemberId, out var m) ? m.Name : "Adhérent", p.Status, p.SubmittedAt, p.Version, p.DecisionId,
            p.DecisionId is { } d ? numbers.GetValueOrDefault(d) : null);
}
