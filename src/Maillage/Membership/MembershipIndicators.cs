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

    internal static async Task<List<List<MembershipPeriod>>> PeriodsAsync(MaillageDbContext db, Guid cptsId, CancellationToken ct) =>
        (await db.Members().AsNoTracking().Include(m => m.Periods).Where(m => m.CptsId == cptsId).ToListAsync(ct)).Select(m => m.Periods).ToList();
}

/// <summary>Adhérents (member or active) on the last day of the period.</summary>
public sealed class ActiveMembersSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "members.active";

    public string Label => "Adhérents à la fin de la période";

    public string Unit => "adhérents";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct) =>
        (await MembershipIndicators.PeriodsAsync(db, cptsId, ct)).Count(p => MembershipIndicators.IsMemberOn(p, period.LastDay));
}

/// <summary>Adhérents whose first membership starts in the period.</summary>
public sealed class NewMembersSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "members.new";

    public string Label => "Nouvelles adhésions sur la période";

    public string Unit => "adhésions";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct) =>
        (await MembershipIndicators.PeriodsAsync(db, cptsId, ct)).Count(p => MembershipIndicators.JoinedIn(p, period));
}

/// <summary>Campaign messages sent in the period (unsubscribed and failed addresses left out).</summary>
public sealed class CampaignMessagesSource(MaillageDbContext db) : IIndicatorSource
{
    public string Key => "campaigns.messages";

    public string Label => "Messages de campagne envoyés sur la période";

    public string Unit => "messages";

    public async Task<decimal> ComputeAsync(Guid cptsId, IndicatorPeriod period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await db.CampaignMessages().CountAsync(m => m.CptsId == cptsId && m.Outcome == MessageOutcome.Sent && m.At >= period.From && m.At < period.To, ct);
    }
}
