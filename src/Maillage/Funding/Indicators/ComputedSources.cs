using Maillage.Membership;
using Maillage.Association;
using Maillage.Membership.Campaigns;
using Maillage.Indemnities;
using Maillage.Funding.Contracts;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;
using Maillage.Indemnities.Storage;
using Maillage.Membership.Storage;

namespace Maillage.Funding.Indicators;

/// <summary>The dates a computed value covers: from <see cref="Start"/> (included) to <see cref="End"/> (excluded).</summary>
public sealed record ComputePeriod(DateOnly Start, DateOnly End)
{
    /// <summary>The last day counted.</summary>
    public DateOnly LastDay => End.AddDays(-1);

    /// <summary>The instant a French day starts (midnight in Europe/Paris), as a UTC instant for the database.</summary>
    public static DateTimeOffset Instant(DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Maillage.Lifecycle.CreateCpts.Paris), TimeSpan.Zero);

    public DateTimeOffset From => Instant(Start);

    public DateTimeOffset To => Instant(End);
}

/// <summary>A figure of the platform an indicator may take its values from: its key, its French label, its unit and its query over a period.</summary>
public sealed record ComputedSource(string Key, string Label, string Unit, Func<MaillageDbContext, Guid, ComputePeriod, CancellationToken, Task<decimal>> Query);

/// <summary>
/// The registry of computed sources: the figures of the Community module a contract indicator may be fed by. A value is computed over a
/// contract year (its start included, the next year's start excluded; for a year still running, up to today included) and stored like a
/// typed value, so the funding computation only reads stored values. The access-to-care figures (treating-doctor requests, SAS slots)
/// come with their module.
/// </summary>
public static class ComputedSources
{
    public static IReadOnlyList<ComputedSource> All { get; } =
    [
        new("members.active", "Adhérents à la fin de la période", "adhérents", ActiveMembersAsync),
        new("members.new", "Nouvelles adhésions sur la période", "adhésions", NewMembersAsync),
        new("meetings.held", "Réunions dont le compte rendu a été clos sur la période", "réunions", async (db, cpts, p, ct) =>
            await db.Meetings().CountAsync(m => m.CptsId == cpts && m.Status == MeetingStatus.Closed
                && m.MinutesApprovedAt >= p.From && m.MinutesApprovedAt < p.To, ct)),
        new("indemnities.hours", "Heures déclarées et validées sur la période (date de la mission)", "heures", async (db, cpts, p, ct) =>
            (await db.TimeDeclarations().Where(d => d.CptsId == cpts && (d.Status == DeclarationStatus.Validated || d.Status == DeclarationStatus.Paid)
                && d.MissionDate >= p.Start && d.MissionDate < p.End).Select(d => d.Hours).ToListAsync(ct)).Sum()),
        new("campaigns.messages", "Messages de campagne envoyés sur la période", "messages", async (db, cpts, p, ct) =>
            await db.CampaignMessages().CountAsync(m => m.CptsId == cpts && m.Outcome == MessageOutcome.Sent && m.At >= p.From && m.At < p.To, ct)),
        new("groups.active", "Groupes de travail actifs sur la période", "groupes", async (db, cpts, p, ct) =>
            await db.WorkingGroups().CountAsync(g => g.CptsId == cpts && g.CreatedOn < p.End && (g.ClosedOn == null || g.ClosedOn >= p.Start), ct)),
    ];

    /// <summary>Figures that will be computed once their module exists (shown as « à venir »).</summary>
    public static IReadOnlyList<string> Coming { get; } =
        ["Demandes de médecin traitant satisfaites (module accès aux soins)", "Créneaux SAS proposés (module accès aux soins)"];

    public static ComputedSource? Find(string? key) => All.FirstOrDefault(s => s.Key == key?.Trim().ToLowerInvariant());

    /// <summary>« members.active (Adhérents à la fin de la période), … » for an error message.</summary>
    public static string Describe() => string.Join(", ", All.Select(s => $"{s.Key} ({s.Label})"));

    /// <summary>The period of a contract year that a computed value covers on <paramref name="today"/>: the year, cut at today (included) while it runs.</summary>
    public static ComputePeriod Period(AciContract contract, int year, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var start = IndicatorRules.YearStart(contract, year);
        var end = IndicatorRules.YearStart(contract, year + 1);
        var tomorrow = today.AddDays(1);
        return new ComputePeriod(start, end < tomorrow ? end : tomorrow);
    }

    /// <summary>« Calculé automatiquement le 3 mars 2026 : Adhérents à la fin de la période = 12 (du … au …). »</summary>
    public static string Justification(ComputedSource source, ComputePeriod period, decimal value, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(period);
        return $"Calculé automatiquement le {Platform.French.Date(today)} : {source.Label} = {value.ToString("0.####", Platform.French.Culture)} "
            + $"(du {Platform.French.Date(period.Start)} au {Platform.French.Date(period.LastDay)}).";
    }

    /// <summary>Whether an adhérent counts as a member on a date: its status then (the latest period started on or before it) is member or active.</summary>
    public static bool IsMemberOn(IEnumerable<MembershipPeriod> periods, DateOnly day) =>
        ComputeMembershipHistory.StatusAt(periods, day) is MembershipStatus.Member or MembershipStatus.Active;

    /// <summary>Whether an adhérent joined in the period: its first period as a member (or active member) starts in it.</summary>
    public static bool JoinedIn(IEnumerable<MembershipPeriod> periods, ComputePeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var joined = periods.Where(p => p.Status is MembershipStatus.Member or MembershipStatus.Active).Select(p => (DateOnly?)p.From).Min();
        return joined is { } day && day >= period.Start && day < period.End;
    }

    private static async Task<List<List<MembershipPeriod>>> PeriodsAsync(MaillageDbContext db, Guid cpts, CancellationToken ct) =>
        (await db.Members().AsNoTracking().Include(m => m.Periods).Where(m => m.CptsId == cpts).ToListAsync(ct)).Select(m => m.Periods).ToList();

    private static async Task<decimal> ActiveMembersAsync(MaillageDbContext db, Guid cpts, ComputePeriod period, CancellationToken ct) =>
        (await PeriodsAsync(db, cpts, ct)).Count(p => IsMemberOn(p, period.LastDay));

    private static async Task<decimal> NewMembersAsync(MaillageDbContext db, Guid cpts, ComputePeriod period, CancellationToken ct) =>
        (await PeriodsAsync(db, cpts, ct)).Count(p => JoinedIn(p, period));
}
