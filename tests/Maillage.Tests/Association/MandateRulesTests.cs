using Maillage.Association;
using Maillage.Platform.Errors;

namespace Maillage.Tests.Association;

/// <summary>Mandates in the conseil and the bureau: overlapping periods, one président/trésorier/secrétaire at a time, bureau within the conseil.</summary>
public sealed class MandateRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 1);

    [Theory]
    [InlineData(0, null, 10, null, true)]      // two open mandates
    [InlineData(0, 9, 10, null, false)]        // the first ended the day before
    [InlineData(0, 10, 10, null, true)]        // ends the day the other starts: one shared day
    [InlineData(10, 20, 0, 5, false)]
    [InlineData(10, 20, 0, 10, true)]
    [InlineData(10, null, 0, 5, false)]
    [InlineData(5, 6, 0, null, true)]
    public void Periods_overlap_when_they_share_a_day(int aFrom, int? aTo, int bFrom, int? bTo, bool overlap)
    {
        Assert.Equal(overlap, MandateRules.Overlap(Day.AddDays(aFrom), aTo is { } a ? Day.AddDays(a) : null, Day.AddDays(bFrom), bTo is { } b ? Day.AddDays(b) : null));
        Assert.Equal(overlap, MandateRules.Overlap(Day.AddDays(bFrom), bTo is { } c ? Day.AddDays(c) : null, Day.AddDays(aFrom), aTo is { } d ? Day.AddDays(d) : null));
    }

    [Theory]
    [InlineData(Office.President)]
    [InlineData(Office.Treasurer)]
    [InlineData(Office.Secretary)]
    public void A_body_has_one_president_treasurer_and_secretary_at_a_time(Office office)
    {
        var current = Seat(Guid.NewGuid(), office, 0);
        var error = MandateRules.CheckOverlaps(BodyKind.Bureau, Seat(Guid.NewGuid(), office, 30), [current]);

        Assert.Equal(("office_taken", ErrorKind.Conflict, "office"), (error?.Code, error?.Kind, error?.Field));
        Assert.Contains("au bureau", error!.Message, StringComparison.Ordinal);
        Assert.Contains("depuis le 01/03/2026", error.Message, StringComparison.Ordinal);

        current.To = Day.AddDays(29);
        Assert.Null(MandateRules.CheckOverlaps(BodyKind.Bureau, Seat(Guid.NewGuid(), office, 30), [current]));
        Assert.NotNull(MandateRules.CheckOverlaps(BodyKind.Bureau, Seat(Guid.NewGuid(), office, 29), [current]));
    }

    [Fact]
    public void Vice_presidents_and_plain_seats_may_be_several()
    {
        Mandate[] seats = [Seat(Guid.NewGuid(), Office.VicePresident, 0), Seat(Guid.NewGuid(), Office.Member, 0)];
        Assert.Null(MandateRules.CheckOverlaps(BodyKind.Board, Seat(Guid.NewGuid(), Office.VicePresident, 1), seats));
        Assert.Null(MandateRules.CheckOverlaps(BodyKind.Board, Seat(Guid.NewGuid(), Office.Member, 1), seats));
    }

    [Fact]
    public void A_member_holds_one_mandate_at_a_time_in_a_body()
    {
        var member = Guid.NewGuid();
        var error = MandateRules.CheckOverlaps(BodyKind.Board, Seat(member, Office.President, 5), [Seat(member, Office.Member, 0)]);
        Assert.Equal(("member_overlap", "memberId"), (error?.Code, error?.Field));
        Assert.Contains("au conseil d'administration", error!.Message, StringComparison.Ordinal);

        var ended = Seat(member, Office.Member, 0);
        ended.To = Day.AddDays(4);
        Assert.Null(MandateRules.CheckOverlaps(BodyKind.Board, Seat(member, Office.President, 5), [ended]));
    }

    [Fact]
    public void A_bureau_seat_needs_a_running_seat_in_the_conseil_on_its_first_day()
    {
        Assert.Null(MandateRules.CheckBureauSeat(Day.AddDays(10), [Seat(Guid.NewGuid(), Office.Member, 0)]));
        Assert.Equal("board_seat_required", MandateRules.CheckBureauSeat(Day, [Seat(Guid.NewGuid(), Office.Member, 1)])?.Code);
        Assert.Equal("board_seat_required", MandateRules.CheckBureauSeat(Day, [])?.Code);
        var ended = Seat(Guid.NewGuid(), Office.Member, -30);
        ended.To = Day.AddDays(-1);
        Assert.Equal("board_seat_required", MandateRules.CheckBureauSeat(Day, [ended])?.Code);
    }

    [Fact]
    public void Leaving_the_conseil_ends_the_running_bureau_seat_and_is_refused_before_a_later_one()
    {
        var running = Seat(Guid.NewGuid(), Office.Treasurer, 0);
        var past = Seat(running.MemberId, Office.Secretary, -60);
        past.To = Day.AddDays(-1);

        var ending = MandateRules.BureauSeatsEndingWith(Day.AddDays(20), [running, past]);
        Assert.Same(running, Assert.Single(ending.Value!));

        var later = MandateRules.BureauSeatsEndingWith(Day.AddDays(-5), [running]);
        Assert.Equal("bureau_after_end", Assert.Single(later.Errors).Code);
    }

    [Theory]
    [InlineData("10", "SM54", true)]
    [InlineData("10", "SM53", true)]
    [InlineData("10", "SM26", true)]
    [InlineData("10", "SM40", false)]   // pédiatrie
    [InlineData("10", null, false)]
    [InlineData("60", "SM54", false)]
    [InlineData(null, null, false)]     // a structure
    public void A_first_line_doctor_is_a_medecin_in_general_medicine(string? profession, string? specialty, bool expected) =>
        Assert.Equal(expected, MandateRules.IsFirstLineDoctor(profession, specialty));

    [Fact]
    public void The_conseil_without_a_general_practitioner_gets_a_warning_not_a_refusal()
    {
        Assert.Equal([MandateRules.NoFirstLineDoctor], MandateRules.BoardWarnings([]));
        Assert.Single(MandateRules.BoardWarnings([("60", null), ("10", "SM40")]));
        Assert.Empty(MandateRules.BoardWarnings([("60", null), ("10", "SM54")]));
    }

    private static Mandate Seat(Guid member, Office office, int fromDay) =>
        new() { Id = Guid.NewGuid(), MemberId = member, Office = office, From = Day.AddDays(fromDay) };
}
