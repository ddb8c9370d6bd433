using System.Net;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Indicators;
using Maillage.Platform.Time;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Membership;

/// <summary>
/// The figure « adhérents ayant payé leur cotisation » (<c>members.dues-paid</c>) that a contract indicator such as « Adhérents à jour de
/// leur adhésion » reads (issue 11): over a period, the adhérents who paid the dues of a calendar year of the period by its last day —
/// not every adhérent, as <c>members.active</c> counts. Dues recorded through the API, the figure computed over fixed past periods.
/// </summary>
public abstract class DuesPaidFigure(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Only_the_adherents_who_paid_the_dues_of_a_year_of_the_period_by_its_last_day_are_counted()
    {
        var w = await CommunityWorld.CreateAsync(App, professionals: 8);
        (int Member, int Year, DateOnly? PaidOn)[] dues =
        [
            (0, 2024, new DateOnly(2024, 4, 2)),    // paid during the period: counted
            (1, 2024, null),                        // recorded, not paid: not counted
            (2, 2023, new DateOnly(2024, 5, 1)),    // last year's dues paid late, in the period: not the dues of the period
            (3, 2024, new DateOnly(2024, 1, 10)),   // this year's dues paid before the contract year began: counted
            (4, 2024, new DateOnly(2025, 6, 1)),    // paid after the period's last day: not counted in it
            (5, 2024, new DateOnly(2024, 3, 20)),   // two years paid: counted once in each period
            (5, 2025, new DateOnly(2025, 2, 1)),
        ];                                          // members 6 and 7 have no dues at all
        foreach (var (member, year, paidOn) in dues)
        {
            await (await w.Coordinator.PostJsonAsync($"/api/cpts/{w.Cpts}/members/{w[member].Id}/dues", new { year, amount = 30m, paidOn }))
                .ExpectAsync(HttpStatusCode.OK);
        }

        await using var scope = App.Factory.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<IndicatorSources>().Find("members.dues-paid");
        Assert.NotNull(source);
        Assert.Equal("adhérents", source.Unit);
        var year1 = new IndicatorPeriod(new DateOnly(2024, 3, 15), new DateOnly(2025, 3, 15), LocalClock.Paris);
        var year2 = new IndicatorPeriod(new DateOnly(2025, 3, 15), new DateOnly(2026, 3, 15), LocalClock.Paris);
        Assert.Equal(3m, await source.ComputeAsync(w.Cpts, year1, Ct));     // members 0, 3 and 5
        Assert.Equal(1m, await source.ComputeAsync(w.Cpts, year2, Ct));     // member 5 (2025); member 4's 2024 dues are not of this period
        Assert.Equal(0m, await source.ComputeAsync(w.ForeignCpts, year1, Ct));

        // The same adhérents all count for members.active: that figure is not the dues.
        var active = scope.ServiceProvider.GetRequiredService<IndicatorSources>().Find("members.active")!;
        Assert.NotEqual(active.Label, source.Label);
    }
}

public sealed class DuesPaidFigure_on_sqlite(SqliteApp app) : DuesPaidFigure(app), IClassFixture<SqliteApp>;

public sealed class DuesPaidFigure_on_postgres(PostgresApp app) : DuesPaidFigure(app), IClassFixture<PostgresApp>;
