using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;

namespace Maillage.Lifecycle;

/// <summary>How long CPTS took from one stage to the next: how many made the step, the median and the longest.</summary>
public sealed record StageDelay(Stage From, Stage To, int Count, int? MedianDays, int? LongestDays);

/// <summary>
/// The delays between stages (domain-rules §3: "the time between stages is a tracked figure"), over every CPTS
/// or those of one région; dissolved CPTS count for the steps they made.
/// </summary>
public sealed class ComputeStageDelays(MaillageDbContext db)
{
    public async Task<IReadOnlyList<StageDelay>> RunAsync(string? region = null, CancellationToken ct = default)
    {
        var query = db.StageTransitions().EveryCpts().AsNoTracking();
        if (region is not null)
        {
            var ids = db.Cpts().Where(c => c.Regions.Contains("," + region + ",")).Select(c => c.Id);
            query = query.Where(t => ids.Contains(t.CptsId));
        }

        var byCpts = (await query.Select(t => new { t.CptsId, t.Stage, t.Date }).ToListAsync(ct))
            .GroupBy(t => t.CptsId)
            .Select(g => g.Where(t => t.Stage != Stage.Dissolved).ToDictionary(t => t.Stage, t => t.Date))
            .ToList();
        return [.. Stages.Ordered.Zip(Stages.Ordered.Skip(1)).Select(step =>
        {
            var days = byCpts.Where(d => d.ContainsKey(step.First) && d.ContainsKey(step.Second))
                .Select(d => d[step.Second].DayNumber - d[step.First].DayNumber).Order().ToList();
            return new StageDelay(step.First, step.Second, days.Count, Median(days), days.Count == 0 ? null : days[^1]);
        })];
    }

    private static int? Median(List<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
