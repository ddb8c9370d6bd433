using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Published;
using Maillage.Membership.Published;

namespace Maillage.Membership;

/// <summary>
/// The members and active members of a CPTS at the end of a month (<see cref="Month"/> is its first day), and their share of the
/// professionals and structures the directory counts in the territory today.
/// </summary>
public sealed record MembershipMonth(DateOnly Month, int Members, int Active, double? Rate);

/// <summary>
/// How membership evolved over the last 24 months, from the dates of the status periods: a member counts at a date when its latest
/// period starting on or before that date is « adhérent » or « adhérent actif » (« actif » for the active ones). The current month is
/// counted at today's date. The denominator of the rate is the directory as it is today (professionals practising in the territory plus
/// its structures): the directory keeps no history. Aggregates only: every reader of the CPTS, officers included.
/// </summary>
public sealed class ComputeMembershipHistory(MaillageDbContext db, Tenancy tenancy, CptsTerritories territories, DirectoryLookup directory)
{
    public const int Months = 24;

    public async Task<Result<IReadOnlyList<MembershipMonth>>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<IReadOnlyList<MembershipMonth>>.Fail(scope.Errors);
        }

        var communes = await territories.CommunesAsync(cptsId, ct);
        var periods = (await db.Members().AsNoTracking().Include(m => m.Periods).ToListAsync(ct)).Select(m => m.Periods).ToList();
        var counts = await directory.CountsAsync(communes, ct);
        return Result<IReadOnlyList<MembershipMonth>>.Ok(History(periods, counts.Professionals + counts.Structures, scope.Value!.Today));
    }

    /// <summary>The <see cref="Months"/> months ending with today's, oldest first.</summary>
    public static IReadOnlyList<MembershipMonth> History(IReadOnlyList<IReadOnlyList<MembershipPeriod>> members, int territory, DateOnly today)
    {
        var current = new DateOnly(today.Year, today.Month, 1);
        return [.. Enumerable.Range(0, Months).Select(i =>
        {
            var month = current.AddMonths(i - Months + 1);
            var end = month.AddMonths(1).AddDays(-1);
            var at = end < today ? end : today;
            var statuses = members.Select(periods => StatusAt(periods, at)).ToList();
            var count = statuses.Count(s => s is MembershipStatus.Member or MembershipStatus.Active);
            return new MembershipMonth(month, count, statuses.Count(s => s == MembershipStatus.Active),
                territory == 0 ? null : (double)count / territory);
        })];
    }

    /// <summary>The status of the latest period starting on or before the date (ties: the one recorded last), null before the first.</summary>
    public static MembershipStatus? StatusAt(IEnumerable<MembershipPeriod> periods, DateOnly at) =>
        periods.Where(p => p.From <= at).OrderBy(p => p.From).ThenBy(p => p.RecordedAt).LastOrDefault()?.Status;
}
