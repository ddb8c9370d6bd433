using Maillage.Membership.Campaigns;
using Maillage.Membership.Published;
using Maillage.Membership.Storage;
using Maillage.Platform.Indicators;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Membership;

/// <summary>The figures of the Membership module that contract indicators may be fed by.</summary>
public static class MembershipIndicators
{
    /// <summary>Whether an adhérent counts as a member on a date: its status then (the latest period started on or before it) is member or active.</summary>
    public static bool IsMemberOn(IEnumerable<MembershipPeriod> periods, DateOnly day) =>
        ComputeMembershipHistory.StatusAt(periods, day) is MembershipStatus.Member or MembershipStatus.Active;

    /// <summary>Whether an adhérent joined in the period: its first period as a member (or active member) starts in it.</summary>
    public static bool JoinedIn(IEnumerable<MembershipPeriod> periods, IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var joined = periods.Where(p => p.Status is MembershipStatus.Member or MembershipStatus.Active).Select(p => (DateOnly?)p.From).Min();
        return joined is { } day && day >= period.Start && day < period.End;
    }

    /// <summary>
    /// Whether a member paid the dues of the period: the dues of a calendar year the period touches (from the year of its first day to the
    /// year of its last), paid on or before its last day. Late dues of an earlier year do not count, nor a payment after the period.
    /// </summary>
    public static bool PaidDuesOf(IEnumerable<Dues> dues, IndicatorPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return dues.Any(d => d.PaidOn is { } paid && paid <= period.LastDay && d.Year >= period.Start.Year && d.Year <= period.LastDay.Year);
    }

    internal static async Task<List<List<MembershipPeriod>>> PeriodsAsync(MaillageDbContext db, Guid cptsId, CancellationToken ct) =>
        (await db.Members().AsNoTracking().Include(m => m.Periods).Where(m => m.CptsId == cptsId).ToListAsync(ct)).Select(m => m.Periods).ToList();
}

/// <summary>Adhérents (member or active) on the last day of the period, whether or not they paid their dues.</summary>
public sealed class ActiveMembersSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "members.active";

    public string Label => "Adhérents au dernier jour de la période (adhérents et adhérents actifs, cotisation payée ou non)";

    public string Unit => "adhérents";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct) =>
        (await MembershipIndicators.PeriodsAsync(db, cptsId, ct)).Count(p => MembershipIndicators.IsMemberOn(p, period.LastDay));
}

/// <summary>Adhérents whose first membership starts in the period.</summary>
public sealed class NewMembersSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "members.new";

    public string Label => "Premières adhésions commencées sur la période (retours d'anciens adhérents exclus)";

    public string Unit => "adhésions";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct) =>
        (await MembershipIndicators.PeriodsAsync(db, cptsId, ct)).Count(p => MembershipIndicators.JoinedIn(p, period));
}

/// <summary>
/// Adhérents who paid the dues of the period (<see cref="MembershipIndicators.PaidDuesOf"/>): « à jour de leur cotisation », whatever their
/// status; an adhérent counts once however many years it paid.
/// </summary>
public sealed class PaidDuesMembersSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "members.dues-paid";

    public string Label => "Adhérents ayant payé leur cotisation de la période (cotisation d'une année civile de la période, payée au plus tard son dernier jour)";

    public string Unit => "adhérents";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var paid = await db.Dues().AsNoTracking().Where(d => d.CptsId == cptsId && d.PaidOn != null).ToListAsync(ct);
        return paid.GroupBy(d => d.MemberId).Count(member => MembershipIndicators.PaidDuesOf(member, period));
    }
}

/// <summary>Campaign messages sent in the period (unsubscribed and failed addresses left out).</summary>
public sealed class CampaignMessagesSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "campaigns.messages";

    public string Label => "Messages de campagne effectivement envoyés sur la période (désinscrits et échecs exclus)";

    public string Unit => "messages";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await db.CampaignMessages().CountAsync(m => m.CptsId == cptsId && m.Outcome == MessageOutcome.Sent && m.At >= period.From && m.At < period.To, ct);
    }
}
