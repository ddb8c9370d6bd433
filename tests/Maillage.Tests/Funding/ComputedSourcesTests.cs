using Maillage.Association;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;
using Maillage.Indemnities;
using Maillage.Membership;
using Maillage.Membership.Published;
using Maillage.Platform.Indicators;
using Maillage.Platform.Time;

namespace Maillage.Tests.Funding;

/// <summary>
/// The figures the modules contribute to contract indicators, without a database: keys, periods of a contract year in the CPTS's local time,
/// what a member and a joining are.
/// </summary>
public sealed class ComputedSourcesTests
{
    private static readonly IndicatorSources Sources = new(
    [
        new ActiveMembersSource(null!), new NewMembersSource(null!), new PaidDuesMembersSource(null!), new CampaignMessagesSource(null!),
        new MeetingsHeldSource(null!), new ActiveGroupsSource(null!), new DeclaredHoursSource(null!),
    ]);

    private static AciContract Contract()
    {
        var draft = new ContractDraft("avenant2-2021", new DateOnly(2024, 3, 15), "DG de l'ARS", "Directeur de la CPAM", ["quality"], null, null);
        var result = AciContract.Sign(draft, Guid.NewGuid(), 3, new DateOnly(2024, 6, 1), "officier", DateTimeOffset.UnixEpoch);
        Assert.True(result.Succeeded);
        return result.Value!;
    }

    private static MembershipPeriod Period(MembershipStatus status, DateOnly from) => new() { Status = status, From = from, RecordedAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public void The_registry_has_unique_keys_with_a_french_label_and_finds_them_whatever_the_case()
    {
        Assert.Equal(Sources.All.Count, Sources.All.Select(s => s.Key).Distinct().Count());
        Assert.All(Sources.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Label)));
        Assert.Equal(Sources.All.Count, Sources.All.Select(s => s.Label).Distinct().Count());
        Assert.Contains(Sources.All, s => s.Key == "members.active");
        Assert.Equal("meetings.held", Sources.Find(" Meetings.Held ")?.Key);
        Assert.Null(Sources.Find("members.all"));
        Assert.Null(Sources.Find(null));
        Assert.Contains("indemnities.hours (", Sources.Describe(), StringComparison.Ordinal);
        Assert.NotEmpty(ComputedSources.Coming);
    }

    [Fact]
    public void A_past_year_is_counted_whole_and_a_running_year_up_to_today_included()
    {
        var contract = Contract();
        var past = ComputedSources.Period(contract, 1, new DateOnly(2025, 6, 1), LocalClock.Paris);
        Assert.Equal((new DateOnly(2024, 3, 15), new DateOnly(2025, 3, 15)), (past.Start, past.End));
        Assert.Equal(new DateOnly(2025, 3, 14), past.LastDay);
        var running = ComputedSources.Period(contract, 2, new DateOnly(2025, 6, 1), LocalClock.Paris);
        Assert.Equal((new DateOnly(2025, 3, 15), new DateOnly(2025, 6, 2)), (running.Start, running.End));
        var last = ComputedSources.Period(contract, 5, new DateOnly(2030, 1, 1), LocalClock.Paris);
        Assert.Equal(new DateOnly(2029, 3, 15), last.End);
    }

    [Fact]
    public void A_day_starts_at_midnight_where_the_cpts_is()
    {
        Assert.Equal(new DateTimeOffset(2025, 1, 14, 23, 0, 0, TimeSpan.Zero), new IndicatorPeriod(new DateOnly(2025, 1, 15), new DateOnly(2025, 1, 16), LocalClock.Paris).From);
        Assert.Equal(new DateTimeOffset(2025, 7, 14, 22, 0, 0, TimeSpan.Zero), new IndicatorPeriod(new DateOnly(2025, 7, 15), new DateOnly(2025, 7, 16), LocalClock.Paris).From);
        var reunion = TimeZoneInfo.FindSystemTimeZoneById("Indian/Reunion");
        Assert.Equal(new DateTimeOffset(2025, 7, 14, 20, 0, 0, TimeSpan.Zero), new IndicatorPeriod(new DateOnly(2025, 7, 15), new DateOnly(2025, 7, 16), reunion).From);
    }

    [Fact]
    public void A_member_counts_by_its_status_on_the_day_and_joins_on_its_first_membership()
    {
        var periods = new[]
        {
            Period(MembershipStatus.Prospect, new DateOnly(2024, 1, 1)), Period(MembershipStatus.Member, new DateOnly(2024, 5, 1)),
            Period(MembershipStatus.Former, new DateOnly(2025, 2, 1)), Period(MembershipStatus.Active, new DateOnly(2025, 4, 1)),
        };
        var paris = LocalClock.Paris;
        Assert.False(MembershipIndicators.IsMemberOn(periods, new DateOnly(2024, 4, 30)));
        Assert.True(MembershipIndicators.IsMemberOn(periods, new DateOnly(2024, 5, 1)));
        Assert.False(MembershipIndicators.IsMemberOn(periods, new DateOnly(2025, 3, 1)));
        Assert.True(MembershipIndicators.IsMemberOn(periods, new DateOnly(2025, 4, 1)));
        Assert.True(MembershipIndicators.JoinedIn(periods, new IndicatorPeriod(new DateOnly(2024, 3, 15), new DateOnly(2025, 3, 15), paris)));
        Assert.False(MembershipIndicators.JoinedIn(periods, new IndicatorPeriod(new DateOnly(2025, 3, 15), new DateOnly(2026, 3, 15), paris)));
        Assert.False(MembershipIndicators.JoinedIn([Period(MembershipStatus.Prospect, new DateOnly(2024, 5, 1))],
            new IndicatorPeriod(new DateOnly(2024, 3, 15), new DateOnly(2025, 3, 15), paris)));
    }

    [Fact]
    public void Each_membership_label_says_what_it_counts_and_only_paid_dues_make_an_adherent_up_to_date()
    {
        Assert.Equal("Adhérents au dernier jour de la période (adhérents et adhérents actifs, cotisation payée ou non)", Sources.Find("members.active")!.Label);
        Assert.StartsWith("Adhérents ayant payé leur cotisation de la période", Sources.Find("members.dues-paid")!.Label, StringComparison.Ordinal);

        var year = new IndicatorPeriod(new DateOnly(2026, 1, 28), new DateOnly(2027, 1, 28), LocalClock.Paris);
        Dues Paid(int y, DateOnly? on) => new() { Year = y, Amount = 30m, PaidOn = on };
        Assert.True(MembershipIndicators.PaidDuesOf([Paid(2026, new DateOnly(2026, 10, 7))], year));
        Assert.True(MembershipIndicators.PaidDuesOf([Paid(2026, new DateOnly(2025, 12, 20))], year));     // paid early, before the contract year
        Assert.True(MembershipIndicators.PaidDuesOf([Paid(2027, new DateOnly(2027, 1, 27))], year));      // the year's last day is in 2027
        Assert.False(MembershipIndicators.PaidDuesOf([Paid(2026, null)], year));                           // recorded, not paid
        Assert.False(MembershipIndicators.PaidDuesOf([Paid(2025, new DateOnly(2026, 3, 1))], year));      // last year's dues paid late
        Assert.False(MembershipIndicators.PaidDuesOf([Paid(2026, new DateOnly(2027, 1, 28))], year));     // paid after the period
        Assert.False(MembershipIndicators.PaidDuesOf([], year));
    }

    [Fact]
    public void The_justification_says_when_what_and_over_which_days()
    {
        var source = Sources.Find("indemnities.hours")!;
        var text = ComputedSources.Justification(source, new IndicatorPeriod(new DateOnly(2025, 3, 15), new DateOnly(2025, 6, 2), LocalClock.Paris), 12.5m,
            new DateOnly(2025, 6, 1));
        Assert.Equal($"Calculé automatiquement le 01/06/2025 : {source.Label} = 12,5 (du 15/03/2025 au 01/06/2025).", text);
    }
}
