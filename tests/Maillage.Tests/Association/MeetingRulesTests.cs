using Maillage.Lifecycle.Published;
using Maillage.Platform.Time;
using Maillage.Territories.Published;
using Ical.Net.CalendarComponents;
using Maillage.Association;

namespace Maillage.Tests.Association;

/// <summary>The rules of the association's meetings: quorum, majorities, notice in jours francs, times in France, the invitation.</summary>
public sealed class MeetingRulesTests
{
    [Theory]
    [InlineData(40, 25, 10)]
    [InlineData(41, 25, 11)]   // 10.25 rounds up
    [InlineData(8, 50, 4)]
    [InlineData(7, 50, 4)]
    [InlineData(3, 100, 3)]
    [InlineData(10, 0, 1)]     // no statutory quorum: still one voter present
    [InlineData(0, 25, 1)]     // no voters: never reached
    public void The_quorum_is_the_percentage_of_the_voters_rounded_up_and_at_least_one(int voters, int percent, int required) =>
        Assert.Equal(required, Quorum.Required(voters, percent));

    [Fact]
    public void The_quorum_counts_present_and_represented_voters_and_says_so_in_french()
    {
        var reached = QuorumCount.Of(40, 9, 3, 25);
        Assert.True(reached.Reached);
        Assert.Equal("12 présents ou représentés sur 40 votants, quorum 10 : atteint", reached.Text);

        var missed = QuorumCount.Of(40, 7, 2, 25);
        Assert.False(missed.Reached);
        Assert.Equal("9 présents ou représentés sur 40 votants, quorum 10 : non atteint", missed.Text);
        Assert.Equal("1 présent ou représenté sur 1 votant, quorum 1 : atteint", QuorumCount.Of(1, 1, 0, 50).Text);
    }

    [Theory]
    [InlineData(Majority.Simple, 5, 4, MotionResult.Adopted)]
    [InlineData(Majority.Simple, 4, 4, MotionResult.Rejected)]    // a tie is not a majority
    [InlineData(Majority.Simple, 1, 0, MotionResult.Adopted)]     // abstentions do not count
    [InlineData(Majority.Simple, 0, 0, MotionResult.Rejected)]
    [InlineData(Majority.TwoThirds, 2, 1, MotionResult.Adopted)]  // exactly two thirds
    [InlineData(Majority.TwoThirds, 20, 10, MotionResult.Adopted)]
    [InlineData(Majority.TwoThirds, 19, 10, MotionResult.Rejected)]
    [InlineData(Majority.TwoThirds, 0, 0, MotionResult.Rejected)]   // no vote cast
    public void A_motion_is_decided_over_the_votes_cast(Majority majority, int votesFor, int against, MotionResult expected) =>
        Assert.Equal(expected, MotionRules.Decide(majority, votesFor, against));

    [Fact]
    public void An_extraordinary_general_assembly_votes_by_two_thirds_by_default()
    {
        Assert.Equal(Majority.TwoThirds, MotionRules.DefaultFor(BodyKind.GeneralAssembly, extraordinary: true));
        Assert.Equal(Majority.Simple, MotionRules.DefaultFor(BodyKind.GeneralAssembly, extraordinary: false));
        Assert.Equal(Majority.Simple, MotionRules.DefaultFor(BodyKind.Board, extraordinary: false));
    }

    [Fact]
    public void The_notice_counts_jours_francs_neither_the_sending_day_nor_the_meeting_day()
    {
        var today = new DateOnly(2026, 6, 1);
        Assert.Equal(new DateOnly(2026, 6, 17), ConveneRules.Earliest(today, 15));
        Assert.True(ConveneRules.Respected(new DateOnly(2026, 6, 17), today, 15));
        Assert.False(ConveneRules.Respected(new DateOnly(2026, 6, 16), today, 15));
        Assert.Equal("Convocation impossible : le préavis statutaire est de 15 jours francs ; une convocation envoyée aujourd'hui "
            + "permet une réunion le 17/06/2026 au plus tôt.", ConveneRules.Refusal("Convocation impossible", today, 15));
    }

    [Fact]
    public void A_time_without_offset_is_the_time_in_france_and_one_with_an_offset_is_exact()
    {
        var paris = LocalClock.InParis(TimeProvider.System);
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 16, 30, 0, TimeSpan.Zero), MeetingInputs.Instant(paris, "2026-06-12T18:30", "startsAt", "La date").Value);
        Assert.Equal(new DateTimeOffset(2026, 1, 12, 17, 30, 0, TimeSpan.Zero), MeetingInputs.Instant(paris, "2026-01-12T18:30", "startsAt", "La date").Value);
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 18, 30, 0, TimeSpan.Zero), MeetingInputs.Instant(paris, "2026-06-12T18:30:00Z", "startsAt", "La date").Value);
        Assert.Equal("invalid_time", MeetingInputs.Instant(paris, "2026-03-29T02:30", "startsAt", "La date").Errors.Single().Code);
        Assert.Equal("invalid_date", MeetingInputs.Instant(paris, "12/06/2026", "startsAt", "La date").Errors.Single().Code);
        Assert.Equal("required", MeetingInputs.Instant(paris, " ", "startsAt", "La date").Errors.Single().Code);
        Assert.Equal(new DateOnly(2026, 6, 13), paris.DateOf(new DateTimeOffset(2026, 6, 12, 22, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_time_without_offset_is_the_local_time_of_the_cpts_in_reunion()
    {
        var reunion = new LocalClock(TimeProvider.System, TimeZones.OfDepartement("974"));
        Assert.Equal(new DateTimeOffset(2026, 6, 12, 14, 30, 0, TimeSpan.Zero), MeetingInputs.Instant(reunion, "2026-06-12T18:30", "startsAt", "La date").Value);
        Assert.True(MeetingInputs.Instant(reunion, "2026-03-29T02:30", "startsAt", "La date").Succeeded); // no summer time in La Réunion
        Assert.Equal(new DateOnly(2026, 6, 13), reunion.DateOf(new DateTimeOffset(2026, 6, 12, 21, 30, 0, TimeSpan.Zero)));
        Assert.Equal("13/06/2026 à 01:30", MeetingInputs.French(reunion, new DateTimeOffset(2026, 6, 12, 21, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_invitation_parses_back_with_its_uid_sequence_utc_times_and_agenda()
    {
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(), Title = "AG annuelle; 2026", Location = "Salle des fêtes, Vendôme", Status = MeetingStatus.Convened, Sequence = 2,
            StartsAt = new DateTimeOffset(2026, 6, 12, 16, 30, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(2026, 6, 12, 18, 30, 0, TimeSpan.Zero),
            Agenda = [new AgendaItem { Position = 2, Title = "Comptes" }, new AgendaItem { Position = 1, Title = "Rapport moral", Details = "par la présidente" }],
        };
        var cpts = Guid.NewGuid();
        var paris = LocalClock.InParis(TimeProvider.System);

        var text = IcalendarInvitation.Write(meeting, BodyKind.GeneralAssembly, Cpts(cpts, "CPTS du Vendômois", null), paris);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var invitation = Assert.Single(calendar.Events);

        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(IcalendarInvitation.Uid(meeting.Id), invitation.Uid);
        Assert.Equal(2, invitation.Sequence);
        Assert.Equal("Europe/Paris", invitation.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 6, 12, 18, 30, 0), invitation.DtStart.Value);
        Assert.Equal(new DateTime(2026, 6, 12, 16, 30, 0, DateTimeKind.Utc), invitation.DtStart.AsUtc);
        Assert.Equal("Europe/Paris", Assert.Single(calendar.TimeZones).TzId);
        Assert.Equal("Assemblée générale — AG annuelle; 2026", invitation.Summary);
        Assert.Equal("Salle des fêtes, Vendôme", invitation.Location);
        Assert.Contains("1. Rapport moral — par la présidente\n2. Comptes", invitation.Description, StringComparison.Ordinal);
        Assert.Equal(new Uri($"mailto:cpts-{cpts}@maillage.invalid"), invitation.Organizer!.Value);
        Assert.Equal("CPTS du Vendômois", invitation.Organizer.CommonName);

        meeting.Status = MeetingStatus.Cancelled;
        meeting.Sequence = 3;
        var cancelled = Ical.Net.Calendar.Load(IcalendarInvitation.Write(meeting, BodyKind.GeneralAssembly, Cpts(cpts, "CPTS", "contact@cpts.example"), paris))!;
        Assert.Equal("CANCEL", cancelled.Method);
        Assert.Equal((3, "CANCELLED"), (cancelled.Events.Single().Sequence, cancelled.Events.Single().Status));
        Assert.Equal(new Uri("mailto:contact@cpts.example"), cancelled.Events.Single().Organizer!.Value);
        Assert.IsType<CalendarEvent>(cancelled.Events.Single());
    }

    [Fact]
    public void The_invitation_of_a_cpts_in_reunion_is_in_reunion_time()
    {
        var meeting = new Meeting
        {
            Id = Guid.NewGuid(), Title = "Conseil", Location = "Saint-Denis", Status = MeetingStatus.Convened,
            StartsAt = new DateTimeOffset(2026, 6, 12, 14, 0, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(2026, 6, 12, 16, 0, 0, TimeSpan.Zero),
        };
        var reunion = new LocalClock(TimeProvider.System, TimeZones.OfDepartement("974"));
        var invitation = Ical.Net.Calendar.Load(IcalendarInvitation.Write(meeting, BodyKind.Board, Cpts(Guid.NewGuid(), "CPTS Nord Réunion", null), reunion))!
            .Events.Single();

        Assert.Equal(("Indian/Reunion", new DateTime(2026, 6, 12, 18, 0, 0)), (invitation.DtStart!.TzId, invitation.DtStart.Value));
        Assert.Equal(new DateTime(2026, 6, 12, 14, 0, 0, DateTimeKind.Utc), invitation.DtStart.AsUtc);
    }

    private static CptsInfo Cpts(Guid id, string name, string? email) =>
        new(id, name, Stage.AciSigned, 0, 1, "", ["41"], ["24"], null, null, email, null, LocalClock.Paris);
}
