using Maillage.Lifecycle.Published;
using Maillage.Membership.Storage;
using Maillage.Platform;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Membership;

/// <summary>
/// Adhérents today and this year's dues: who has not paid, for the coordinator and for the member concerned. Scoped: « À faire » and the key
/// figures of a home both need it for the same tenant (WorkspaceBenchmarks), so the members are loaded once per resolved tenant.
/// </summary>
public sealed class DuesStanding(MaillageDbContext db)
{
    private readonly Dictionary<Tenant, List<(Guid Member, bool Paid)>> read = new(ReferenceEqualityComparer.Instance);

    /// <summary>The adhérents (member or active) on the tenant's today, and whether each paid the dues of that year.</summary>
    public async Task<IReadOnlyList<(Guid Member, bool Paid)>> OfYearAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!read.TryGetValue(tenant, out var standing))
        {
            var today = tenant.Today;
            var year = today.Year;
            // Only what the status and the year's dues need: including whole members, periods and dues (a row per period × dues) allocated
            // ~0.9 MB for 100 adhérents and was most of the home's time.
            var members = await db.Members().Where(m => m.CptsId == tenant.Id).Select(m => new
            {
                m.Id,
                Periods = m.Periods.Select(p => new MembershipPeriod { Id = p.Id, Status = p.Status, From = p.From, RecordedAt = p.RecordedAt }).ToList(),
                Paid = m.Dues.Any(d => d.Year == year && d.PaidOn != null),
            }).ToListAsync(ct);
            standing = [.. members.Where(m => MembershipIndicators.IsMemberOn(m.Periods, today)).Select(m => (m.Id, m.Paid))];
            read[tenant] = standing;
        }

        return standing;
    }
}

/// <summary>Dues unpaid this year: the count for the coordinator, the reminder for the member account concerned.</summary>
public sealed class MembershipToDo(DuesStanding dues) : IToDoSource
{
    public async Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.ManagesMembers() && tenant.ClaimedMemberId is null)
        {
            return [];
        }

        var year = tenant.Today.Year;
        var standing = await dues.OfYearAsync(tenant, ct);
        var lines = new List<ToDo>();
        if (tenant.ManagesMembers() && standing.Count(s => !s.Paid) is var unpaid and > 0)
        {
            lines.Add(new("membership.dues-unpaid", $"{French.Count(unpaid, "adhérent n'a pas réglé sa cotisation", "adhérents n'ont pas réglé leur cotisation")} {year}",
                $"/cpts/{tenant.Id}/adherents", unpaid));
        }

        if (tenant.ClaimedMemberId is { } mine && standing.Any(s => s.Member == mine && !s.Paid))
        {
            lines.Add(new("membership.my-dues", $"Votre cotisation {year} n'est pas réglée", $"/cpts/{tenant.Id}/adherents/{mine}"));
        }

        return lines;
    }
}

/// <summary>The adhérents today and the share who paid this year's dues, for every reader of the CPTS (the officers see the rates too).</summary>
public sealed class MembershipFigures(DuesStanding dues) : IKeyFigureSource
{
    public async Task<IReadOnlyList<KeyFigure>> OfAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var standing = await dues.OfYearAsync(tenant, ct);
        var paid = standing.Count(s => s.Paid);
        var href = $"/cpts/{tenant.Id}/adherents";
        return
        [
            new("membership.members", "Adhérents", French.Number(standing.Count), "adhérents à ce jour", href),
            new("membership.dues", $"Cotisations {tenant.Today.Year}", $"{French.Number(paid)} / {French.Number(standing.Count)}",
                standing.Count == 0 ? "aucun adhérent" : French.Percent((double)paid / standing.Count) + " des adhérents à jour", href),
        ];
    }
}
