using Maillage.Association.Published;
using Maillage.Association.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Platform;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Association;

/// <summary>
/// What the association life has waiting. For those who run it: proposals awaiting the bureau or the conseil, the year's AG not yet
/// convened, minutes of a held meeting to approve. For a member: the meetings they are convened to, their proposals on their way.
/// </summary>
public sealed class AssociationToDo(MaillageDbContext db, AssociationStanding standing, MeetingVoters voters) : IToDoSource
{
    public async Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.Belongs && !tenant.Manages)
        {
            return [];
        }

        var rights = await standing.RightsAsync(tenant, ct);
        var lines = new List<ToDo>();
        var year = tenant.Today.Year;
        var now = tenant.Clock.UtcNow;
        if (rights.Run)
        {
            var waiting = await db.Proposals().CountAsync(p => p.Status == ProposalStatus.Submitted || p.Status == ProposalStatus.AtBoard, ct);
            if (waiting > 0)
            {
                lines.Add(new("association.proposals", French.Count(waiting, "proposition attend une décision", "propositions attendent une décision"),
                    $"/cpts/{tenant.Id}/propositions", waiting));
            }

            var assemblies = await (from m in db.Meetings()
                                    join b in db.Bodies() on m.BodyId equals b.Id
                                    where b.Kind == BodyKind.GeneralAssembly && m.Status != MeetingStatus.Cancelled && m.Status != MeetingStatus.Draft
                                    select m.StartsAt).ToListAsync(ct);
            if (!assemblies.Any(s => tenant.Clock.DateOf(s).Year == year))
            {
                lines.Add(new("association.annual-assembly", $"Convoquer l'assemblée générale {year}", $"/cpts/{tenant.Id}/reunions",
                    Due: new DateOnly(year, 6, 30)));
            }

            var minutes = await db.Meetings().Where(m => m.Status == MeetingStatus.Held).OrderBy(m => m.StartsAt)
                .Select(m => new { m.Id, m.Title, m.StartsAt }).ToListAsync(ct);
            lines.AddRange(minutes.Select(m => new ToDo("association.minutes",
                $"Approuver le procès-verbal : {m.Title} du {French.Date(tenant.Clock.DateOf(m.StartsAt))}", $"/cpts/{tenant.Id}/reunions/{m.Id}")));
        }

        if (rights.MemberId is { } member)
        {
            var convened = await (from m in db.Meetings().AsNoTracking()
                                  join b in db.Bodies().AsNoTracking() on m.BodyId equals b.Id
                                  where m.Status == MeetingStatus.Convened
                                  select new { Meeting = m, Body = b }).ToListAsync(ct);
            foreach (var c in convened.Where(c => c.Meeting.EndsAt >= now).OrderBy(c => c.Meeting.StartsAt))
            {
                var day = tenant.Clock.DateOf(c.Meeting.StartsAt);
                if ((await voters.IdsAsync(c.Meeting, c.Body, day, ct)).Contains(member))
                {
                    lines.Add(new ToDo("association.convocation",
                        $"Convocation : {c.Meeting.Title}, le {French.Date(day)} à {tenant.Clock.Local(c.Meeting.StartsAt):HH'h'mm}",
                        $"/cpts/{tenant.Id}/reunions/{c.Meeting.Id}"));
                }
            }

            var mine = await db.Proposals().Where(p => p.MemberId == member && (p.Status == ProposalStatus.Submitted || p.Status == ProposalStatus.AtBoard))
                .OrderBy(p => p.SubmittedAt).Select(p => new { p.Id, p.Title, p.Status }).ToListAsync(ct);
            lines.AddRange(mine.Select(p => new ToDo("association.my-proposal",
                $"Votre proposition « {p.Title} » attend {(p.Status == ProposalStatus.Submitted ? "le bureau" : "le conseil d'administration")}",
                $"/cpts/{tenant.Id}/propositions/{p.Id}")));
        }

        return lines;
    }
}

/// <summary>The meetings held this year, for those who read the association life.</summary>
public sealed class AssociationFigures(MaillageDbContext db, AssociationStanding standing) : IKeyFigureSource
{
    public async Task<IReadOnlyList<KeyFigure>> OfAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!(await standing.RightsAsync(tenant, ct)).Read)
        {
            return [];
        }

        var year = tenant.Today.Year;
        var held = (await db.Meetings().Where(m => m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Closed).Select(m => m.StartsAt).ToListAsync(ct))
            .Count(s => tenant.Clock.DateOf(s).Year == year);
        return [new("association.meetings", $"Réunions tenues en {year}", French.Number(held), "assemblées, conseils et bureaux", $"/cpts/{tenant.Id}/reunions")];
    }
}
