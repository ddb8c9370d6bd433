using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Microsoft.Extensions.Time.Testing;
using Maillage.Lifecycle.Published;

namespace Maillage.Tests.Lifecycle;

/// <summary>
/// domain-rules §3: en projet → lettre d'intention validée → projet de santé validé → ACI signé, plus dissoute;
/// each transition is dated and the time between stages is a tracked figure.
/// </summary>
public sealed class CptsLifecycleTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    /// <summary>A CPTS registered at the pre-project stage on a given date, as CreateCpts does.</summary>
    private static Cpts PreProjectSince(DateOnly since)
    {
        var cpts = new Cpts { Id = Guid.NewGuid(), Stage = Stage.PreProject, CreatedAt = Clock.GetUtcNow() };
        cpts.Transitions.Add(new StageTransition { Id = Guid.NewGuid(), CptsId = cpts.Id, Stage = Stage.PreProject, Date = since, RecordedBy = "coord" });
        return cpts;
    }

    private static Cpts At(Stage stage)
    {
        var cpts = PreProjectSince(new DateOnly(2022, 1, 10));
        var date = new DateOnly(2022, 1, 10);
        foreach (var s in Stages.Ordered.Skip(1).TakeWhile(s => s <= stage))
        {
            date = date.AddMonths(6);
            Assert.Null(Move(cpts, s, date));
        }

        return cpts;
    }

    private static Error? Move(Cpts cpts, Stage target, DateOnly date) =>
        cpts.MoveTo(target, date, Today, "ars", Clock.GetUtcNow());

    [Fact]
    public void Moving_forward_one_step_is_recorded_with_its_date_and_author()
    {
        var cpts = PreProjectSince(new DateOnly(2025, 1, 6));
        Assert.Null(Move(cpts, Stage.LetterValidated, new DateOnly(2025, 6, 2)));

        Assert.Equal(Stage.LetterValidated, cpts.Stage);
        var transition = cpts.Transitions[^1];
        Assert.Equal(Stage.LetterValidated, transition.Stage);
        Assert.Equal(new DateOnly(2025, 6, 2), transition.Date);
        Assert.Equal("ars", transition.RecordedBy);
        Assert.Equal(Clock.GetUtcNow(), transition.RecordedAt);
        Assert.Equal(cpts.Id, transition.CptsId);
    }

    [Fact]
    public void Full_path_from_pre_project_to_aci_signed_is_accepted()
    {
        var cpts = At(Stage.AciSigned);
        Assert.Equal(Stage.AciSigned, cpts.Stage);
        Assert.Equal(Stages.Ordered, cpts.Transitions.Select(t => t.Stage));
    }

    [Theory]
    [InlineData(Stage.PreProject, Stage.HealthProjectValidated)]
    [InlineData(Stage.PreProject, Stage.AciSigned)]
    [InlineData(Stage.LetterValidated, Stage.AciSigned)]
    public void Skipping_a_step_is_refused(Stage from, Stage target)
    {
        var cpts = At(from);
        var error = Move(cpts, target, Today)!;
        Assert.Equal("stage_order", error.Code);
        Assert.Equal("stage", error.Field);
        Assert.Contains(((Stage)((int)from + 1)).French(), error.Message, StringComparison.Ordinal);
        Assert.Equal(from, cpts.Stage);
    }

    [Theory]
    [InlineData(Stage.LetterValidated, Stage.PreProject)]
    [InlineData(Stage.AciSigned, Stage.HealthProjectValidated)]
    [InlineData(Stage.HealthProjectValidated, Stage.HealthProjectValidated)]
    public void Moving_backward_or_staying_is_refused(Stage from, Stage target)
    {
        var cpts = At(from);
        Assert.Equal("stage_order", Move(cpts, target, Today)!.Code);
        Assert.Equal(from, cpts.Stage);
    }

    [Fact]
    public void After_aci_signed_only_dissolution_is_possible()
    {
        var error = Move(At(Stage.AciSigned), Stage.PreProject, Today)!;
        Assert.Contains("seule la dissolution est possible", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Stage.PreProject)]
    [InlineData(Stage.LetterValidated)]
    [InlineData(Stage.HealthProjectValidated)]
    [InlineData(Stage.AciSigned)]
    public void Dissolution_is_possible_from_any_stage(Stage from)
    {
        var cpts = At(from);
        Assert.Null(Move(cpts, Stage.Dissolved, Today));
        Assert.Equal(Stage.Dissolved, cpts.Stage);
    }

    [Theory]
    [InlineData(Stage.PreProject)]
    [InlineData(Stage.LetterValidated)]
    [InlineData(Stage.Dissolved)]
    public void After_dissolution_nothing_moves(Stage target)
    {
        var cpts = At(Stage.LetterValidated);
        Assert.Null(Move(cpts, Stage.Dissolved, Today));
        var error = Move(cpts, target, Today)!;
        Assert.Equal("dissolved", error.Code);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(Stage.Dissolved, cpts.Stage);
    }

    [Fact]
    public void Date_before_the_previous_transition_is_refused()
    {
        var cpts = PreProjectSince(new DateOnly(2025, 6, 2));
        var error = Move(cpts, Stage.LetterValidated, new DateOnly(2025, 6, 1))!;
        Assert.Equal("date_before_previous", error.Code);
        Assert.Equal("date", error.Field);
        Assert.Contains("01/06/2025", error.Message, StringComparison.Ordinal);
        Assert.Contains("02/06/2025", error.Message, StringComparison.Ordinal);
        Assert.Single(cpts.Transitions);
    }

    [Fact]
    public void Same_day_as_the_previous_transition_is_accepted() =>
        Assert.Null(Move(PreProjectSince(Today), Stage.LetterValidated, Today));

    [Fact]
    public void Future_date_is_refused()
    {
        var cpts = PreProjectSince(new DateOnly(2025, 6, 2));
        var error = Move(cpts, Stage.LetterValidated, Today.AddDays(1))!;
        Assert.Equal("date_in_future", error.Code);
        Assert.Equal(Stage.PreProject, cpts.Stage);
    }

    [Fact]
    public void Timeline_gives_the_days_spent_in_each_stage_and_runs_to_today_for_the_current_one()
    {
        var cpts = PreProjectSince(new DateOnly(2024, 1, 1));
        Assert.Null(Move(cpts, Stage.LetterValidated, new DateOnly(2024, 3, 1)));
        // "more than a year between letter and contract for some" (domain-rules §3)
        Assert.Null(Move(cpts, Stage.HealthProjectValidated, new DateOnly(2025, 3, 1)));

        var timeline = cpts.Timeline(Today);

        Assert.Equal([Stage.PreProject, Stage.LetterValidated, Stage.HealthProjectValidated], timeline.Select(d => d.Stage));
        Assert.Equal(60, timeline[0].Days); // 1 Jan → 1 Mar 2024 (leap year)
        Assert.Equal(new DateOnly(2024, 3, 1), timeline[0].To);
        Assert.Equal(365, timeline[1].Days); // 1 Mar 2024 → 1 Mar 2025
        Assert.Null(timeline[2].To);
        Assert.Equal(Today.DayNumber - new DateOnly(2025, 3, 1).DayNumber, timeline[2].Days); // to today, 15 Mar 2026
        Assert.Equal(379, timeline[2].Days);
    }

    [Fact]
    public void Timeline_of_a_dissolved_cpts_has_no_duration_for_dissolution()
    {
        var cpts = PreProjectSince(new DateOnly(2025, 1, 1));
        Assert.Null(Move(cpts, Stage.Dissolved, new DateOnly(2025, 1, 31)));
        var timeline = cpts.Timeline(Today);
        Assert.Equal(30, timeline[0].Days);
        Assert.Equal(Stage.Dissolved, timeline[1].Stage);
        Assert.Null(timeline[1].Days);
    }

    [Fact]
    public void Timeline_of_a_cpts_with_no_transition_is_empty() => Assert.Empty(new Cpts().Timeline(Today));
}
