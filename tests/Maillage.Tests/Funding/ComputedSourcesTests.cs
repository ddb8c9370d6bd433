using Maillage.Membership;
using Maillage.Funding.Contracts;
using Maillage.Funding.Indicators;

namespace Maillage.Tests.Funding;

/// <summary>The registry of computed indicator sources without a database: keys, periods of a contract year, what a member and a joining are.</summary>
public sealed class ComputedSourcesTests
{
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
        Assert.Equal(ComputedSources.All.Count, ComputedSources.All.Select(s => s.Key).Distinct().Count());
        Assert.All(ComputedSources.All, s => Assert.False(string.IsNullOrWhiteSpace(s.Label)));
        Assert.Contains(ComputedSources.All, s => s.Key == "members.active");
        Assert.Equal("meetings.held", ComputedSources.Find(" Meetings.Held ")?.Key);
        Assert.Null(ComputedSources.Find("members.all"));
        Assert.Null(ComputedSources.Find(null));
        Assert.Contains("indemnities.hours (", ComputedSources.Describe(), StringComparison.Ordinal);
        Assert.NotEmpty(ComputedSources.Coming);
    }

    [Fact]
    public void A_past_year_is_counted_whole_and_a_running_year_up_to_today_included()
    {
        var contract = Contract();
        var past = ComputedSources.Period(contract, 1, new DateOnly(2025, 6, 1));
        Assert.Equal((new DateOnly(2024, 3, 15), new DateOnly(2025, 3, 15)), (past.Start, past.End));
        Assert.Equal(new DateOnly(2025, 3, 14), past.LastDay);
        var running = ComputedSources.Period(contract, 2, new DateOnly(2025, 6, 1));
        Assert.Equal((new DateOnly(2025, 3, 15), new DateOnly(2025, 6, 2)), (running.Start, running.End));
        var last = ComputedSources.Period(contract, 5, new DateOnly(2030, 1, 1));
        Assert.Equal(new DateOnly(2029, 3, 15), last.End);
    }

    [Fact]
    public void A_day_starts_at_midnight_in_paris()
    {
        Assert.Equal(new DateTimeOffset(2025, 1, 14, 23, 0, 0, TimeSpan.Zero), ComputePeriod.Instant(new DateOnly(2025, 1, 15)));
        Assert.Equal(new DateTimeOffset(2025, 7, 14, 22, 0, 0, TimeSpan.Zero), ComputePeriod.Instant(new DateOnly(2025, 7, 15)));
    }

    [Fact]
    public void A_member_counts_by_its_status_on_the_day_and_joins_on_its_first_membership()
    {
        var periods = new[]
        {
            Period(MembershipStatus.Prospect, new DateOnly(2024, 1, 1)), Period(MembershipStatus.Member, new DateOnly(2024, 5, 1)),
            Period(MembershipStatus.Former, new DateOnly(2025, 2, 1)), Period(MembershipStatus.Active, new DateOnly(2025, 4, 1)),
        };
        Assert.False(ComputedSources.IsMemberOn(periods, new DateOnly(2024, 4, 30)));
        Assert.True(ComputedSources.IsMemberOn(periods, new DateOnly(2024, 5, 1)));
        Assert.False(ComputedSources.IsMemberOn(periods, new DateOnly(2025, 3, 1)));
        Assert.True(ComputedSources.IsMemberOn(periods, new DateOnly(2025, 4, 1)));
        Assert.True(ComputedSources.JoinedIn(periods, new ComputePeriod(new DateOnly(2024, 3, 15), new DateOnly(2025, 3, 15))));
        Assert.False(ComputedSources.JoinedIn(periods, new ComputePeriod(new DateOnly(2025, 3, 15), new DateOnly(2026, 3, 15))));
        Assert.False(ComputedSources.JoinedIn([Period(MembershipStatus.Prospect, new DateOnly(2024, 5, 1))],
            new ComputePeriod(new DateOnly(2024, 3, 15), new DateOnly(2025, 3, 15))));
    }

    [Fact]
    public void The_justification_says_when_what_and_over_which_days()
    {
        var source = ComputedSources.Find("indemnities.hours")!;
        var text = ComputedSources.Justification(source, new ComputePeriod(new DateOnly(2025, 3, 15), new DateOnly(2025, 6, 2)), 12.5m, new DateOnly(2025, 6, 1));
        Assert.Equal($"Calculé automatiquement le 01/06/2025 : {source.Label} = 12,5 (du 15/03/2025 au 01/06/2025).", text);
    }
}
