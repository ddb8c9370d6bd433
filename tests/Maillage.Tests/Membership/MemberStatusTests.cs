using Maillage.Membership;
using Maillage.Membership.Published;

namespace Maillage.Tests.Membership;

/// <summary>The status history of a member: the current status is the latest period; changes are dated and may go back.</summary>
public sealed class MemberStatusTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_current_status_is_the_one_of_the_latest_period_and_a_former_member_may_come_back()
    {
        var member = new Member { Id = Guid.NewGuid() };
        Assert.Null(member.ChangeStatus(MembershipStatus.Prospect, Today.AddDays(-30), Today, "coordinatrice", null, Now));
        Assert.Null(member.ChangeStatus(MembershipStatus.Member, Today.AddDays(-20), Today, "coordinatrice", null, Now));
        Assert.Null(member.ChangeStatus(MembershipStatus.Former, Today.AddDays(-10), Today, "coordinatrice", "Non renouvelée", Now));
        Assert.Null(member.ChangeStatus(MembershipStatus.Member, Today, Today, "coordinatrice", "  Reprise  ", Now));

        Assert.Equal(MembershipStatus.Member, member.Status);
        Assert.True(member.IsMember);
        Assert.Equal(4, member.Periods.Count);
        Assert.Equal("Reprise", member.Current!.Reason);
    }

    [Fact]
    public void A_change_dated_before_the_current_status_in_the_future_or_to_the_same_status_is_refused()
    {
        var member = new Member { Id = Guid.NewGuid() };
        member.ChangeStatus(MembershipStatus.Member, Today.AddDays(-5), Today, "coordinatrice", null, Now);

        Assert.Equal("date_before_previous", member.ChangeStatus(MembershipStatus.Active, Today.AddDays(-6), Today, "c", null, Now)?.Code);
        Assert.Equal("date_in_future", member.ChangeStatus(MembershipStatus.Active, Today.AddDays(1), Today, "c", null, Now)?.Code);
        Assert.Equal("same_status", member.ChangeStatus(MembershipStatus.Member, Today, Today, "c", null, Now)?.Code);
        Assert.Single(member.Periods);
    }

    [Theory]
    [InlineData("prospect", MembershipStatus.Prospect)]
    [InlineData("Active", MembershipStatus.Active)]
    [InlineData(" former ", MembershipStatus.Former)]
    public void Statuses_are_read_by_name(string text, MembershipStatus expected) => Assert.Equal(expected, MembershipStatuses.Parse(text).Value);

    [Theory]
    [InlineData("1")]
    [InlineData("honoraire")]
    [InlineData("")]
    public void Unknown_statuses_and_numbers_are_refused(string text) => Assert.Equal("unknown_status", MembershipStatuses.Parse(text).Errors.Single().Code);
}
