using Maillage.Association.Published;
using Maillage.Indemnities.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Platform;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Indemnities;

/// <summary>
/// Time waiting for someone: declarations to validate (those who run the CPTS), validated declarations to pay (the treasurer), and a
/// member's own declarations still waiting or turned down.
/// </summary>
public sealed class IndemnityToDo(MaillageDbContext db, AssociationStanding standing) : IToDoSource
{
    public async Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (!tenant.Belongs && !tenant.Manages)
        {
            return [];
        }

        var rights = await standing.RightsAsync(tenant, ct);
        var href = $"/cpts/{tenant.Id}/indemnites";
        var lines = new List<ToDo>();
        if (rights.Run)
        {
            var waiting = await db.TimeDeclarations().Where(d => d.Status == DeclarationStatus.Declared).CountAsync(ct);
            if (waiting > 0)
            {
                lines.Add(new("indemnities.to-validate", French.Count(waiting, "déclaration de temps à valider", "déclarations de temps à valider"), href, waiting));
            }
        }

        if (rights.Pay)
        {
            var unpaid = await db.TimeDeclarations().Where(d => d.Status == DeclarationStatus.Validated && d.PaymentBatchId == null).CountAsync(ct);
            if (unpaid > 0)
            {
                lines.Add(new("indemnities.to-pay", French.Count(unpaid, "déclaration validée à mettre en paiement", "déclarations validées à mettre en paiement"), href, unpaid));
            }
        }

        if (rights.MemberId is { } member)
        {
            var mine = await db.TimeDeclarations().Where(d => d.MemberId == member && (d.Status == DeclarationStatus.Declared || d.Status == DeclarationStatus.Rejected))
                .GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
            if (mine.FirstOrDefault(m => m.Status == DeclarationStatus.Rejected) is { } rejected)
            {
                lines.Add(new("indemnities.mine-rejected", French.Count(rejected.Count, "de vos déclarations a été refusée : voir le motif", "de vos déclarations ont été refusées : voir les motifs"), href, rejected.Count));
            }

            if (mine.FirstOrDefault(m => m.Status == DeclarationStatus.Declared) is { } declared)
            {
                lines.Add(new("indemnities.mine-waiting", French.Count(declared.Count, "de vos déclarations attend sa validation", "de vos déclarations attendent leur validation"), href, declared.Count));
            }
        }

        return lines;
    }
}

/// <summary>The year's time: hours validated and the amount owed or paid, for those who read the CPTS's indemnities in full.</summary>
public sealed class IndemnityFigures(MaillageDbContext db, AssociationStanding standing) : IKeyFigureSource
{
    public async Task<IReadOnlyList<KeyFigure>> OfAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var rights = await standing.RightsAsync(tenant, ct);
        if (!rights.Aggregates)
        {
            return [];
        }

        var year = tenant.Today.Year;
        var (start, end) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        var done = await db.TimeDeclarations().Where(d => (d.Status == DeclarationStatus.Validated || d.Status == DeclarationStatus.Paid)
            && d.MissionDate >= start && d.MissionDate < end).Select(d => new { d.Hours, d.Amount }).ToListAsync(ct);
        var hours = done.Sum(d => d.Hours);
        var amount = done.Sum(d => d.Amount ?? 0m);
        return [new("indemnities.hours", $"Temps validé en {year}", hours.ToString("0.##", French.Culture) + " h", amount.ToString("N2", French.Culture) + " € d'indemnités", $"/cpts/{tenant.Id}/indemnites")];
    }
}
