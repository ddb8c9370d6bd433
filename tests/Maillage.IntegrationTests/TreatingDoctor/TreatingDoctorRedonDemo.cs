using System.Diagnostics;
using Maillage.Demo;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.TreatingDoctor;

/// <summary>
/// The demo CPTS du Pays de Redon's treating-doctor desk (issue 13), seeded on a CPTS of Redon's communes as <see cref="SeedDemo"/> does:
/// a few hundred requests covering every step and every channel, duplicates merged, a dozen volunteers (one paused), six months of
/// history in which no volunteer was sent more proposals in a month than they declared, delays that read as real ones, no draft left, and
/// room this month so that the coordinator's « Lancer l'attribution » on the demo proposes something.
/// </summary>
public abstract class TreatingDoctorRedonDemo(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_demo_desk_has_requests_at_every_step_from_every_channel_and_room_left_for_the_coordinators_run()
    {
        var admin = await App.AdminAsync();
        var redon = (await admin.CreateCptsAsync(Http.Unique("CPTS du Pays de Redon"), App.Geo.Epcis["243500741"].Members)).Id();
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedCommunityDemo>().RunAsync(redon, Ct);
        }

        var watch = Stopwatch.StartNew();
        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SeedTreatingDoctorDemo>().RunAsync(redon, new Dictionary<Guid, string>(), Ct);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"Seeded in {watch.ElapsedMilliseconds} ms");

        await using var read = App.Factory.Services.CreateAsyncScope();
        var db = read.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var tenant = (await read.ServiceProvider.GetRequiredService<Tenancy>().ForPlatformAsync(redon, Ct)).Value!;
        var now = DateTimeOffset.UtcNow;
        var all = await db.Set<TreatingRequest>().AsNoTracking().Where(r => r.CptsId == redon).ToListAsync(Ct);
        var requests = all.Where(r => r.MergedIntoId == null).ToList();
        var proposals = await db.Set<TreatingProposal>().AsNoTracking().Where(p => p.CptsId == redon).ToListAsync(Ct);
        var volunteers = await db.Set<TreatingVolunteer>().AsNoTracking().Where(v => v.CptsId == redon).ToListAsync(Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", requests.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", requests.GroupBy(r => r.Channel).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", proposals.GroupBy(p => p.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));

        Assert.True(requests.Count >= 250, $"{requests.Count} requests");
        Assert.Equal(Enum.GetValues<RequestStatus>(), requests.Select(r => r.Status).Distinct().Order());
        Assert.Equal(Enum.GetValues<RequestChannel>(), requests.Select(r => r.Channel).Distinct().Order());

        // Duplicates: second filings merged as they came in (their channel added), one pair merged by the coordinator.
        Assert.True(requests.Count(r => r.Channels.Contains(',', StringComparison.Ordinal)) >= 3);
        Assert.Single(all, r => r.MergedIntoId != null);

        // The volunteers: a dozen, one paused; the demo doctor account's has patients to answer.
        Assert.True(volunteers.Count(v => v.Active) >= 10, $"{volunteers.Count(v => v.Active)} volunteers");
        Assert.Single(volunteers, v => v.Paused);
        Assert.All(volunteers, v => Assert.InRange(v.MonthlyCapacity, 2, 8));
        Assert.Contains(volunteers, v => v.Accepts is not null);
        Assert.Contains(volunteers, v => v.HomeVisits);
        var demoDoctor = volunteers.Single(v => v.Rpps == SeedUnscheduledDemo.DoctorRpps);
        Assert.Contains(proposals, p => p.VolunteerId == demoDoctor.Id && p.Status == ProposalStatus.Sent);

        // The history: six months, dates in order, delays of weeks; no draft; refusals; proposals unanswered for more than a week.
        Assert.All(requests, r =>
        {
            Assert.InRange(r.FiledAt, now.AddDays(-SeedTreatingDoctorDemo.HistoryDays - 2), now);
            Assert.InRange(r.StatusAt, r.FiledAt, now);
            Assert.True(r.AcceptedAt is null || (r.AcceptedAt > r.FiledAt && r.AcceptedAt <= (r.DeclaredAt ?? now) && (r.DeclaredAt ?? now) <= (r.ClosedAt ?? now)));
        });
        var delays = requests.Where(r => r.AcceptedAt != null).Select(r => (r.AcceptedAt!.Value - r.FiledAt).TotalDays).Order().ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"Median days to a doctor: {delays[delays.Count / 2]:0.0} ({delays.Count} accepted); volunteers: "
            + string.Join(", ", volunteers.OrderBy(v => v.FamilyName, StringComparer.Ordinal).Select(v => $"{v.Name} {v.MonthlyCapacity}{(v.Paused ? " (pause)" : "")}")));
        Assert.InRange(delays[delays.Count / 2], 10, 60);
        Assert.DoesNotContain(proposals, p => p.Status == ProposalStatus.Draft);
        Assert.Contains(proposals, p => p.Status == ProposalStatus.Refused && p.RefusalReason != null);
        Assert.Contains(proposals, p => p.Status == ProposalStatus.Sent && p.SentAt < now.AddDays(-TreatingToDo.AnswerDays));
        Assert.Contains(proposals, p => p.Status == ProposalStatus.Sent && p.SentAt > now.AddDays(-TreatingToDo.AnswerDays));
        Assert.Contains(requests, r => r.Status is RequestStatus.Accepted or RequestStatus.Contacted or RequestStatus.FirstConsultation or RequestStatus.Declared
            && r.StatusAt < now.AddDays(-TreatingToDo.StaleDays));

        // No volunteer was sent more than their capacity in any month (the capacity rule: proposals sent, waiting or accepted).
        foreach (var month in proposals.Where(p => p.Status is ProposalStatus.Sent or ProposalStatus.Accepted)
            .GroupBy(p => (p.VolunteerId, Month: tenant.Clock.DateOf(p.SentAt!.Value).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))))
        {
            Assert.True(month.Count() <= volunteers.Single(v => v.Id == month.Key.VolunteerId).MonthlyCapacity, $"{month.Key}: {month.Count()}");
        }

        var run = await read.ServiceProvider.GetRequiredService<MatchRequests>().RunAsync(redon, dryRun: true, Actor.System, Ct);
        Assert.True(run.Succeeded);
        TestContext.Current.TestOutputHelper?.WriteLine($"Dry run: {run.Value!.Result.Requests} requests, {run.Value.Run.Doctors} doctors with room, {run.Value.Result.Assigned} assigned");
        Assert.True(run.Value!.Result.Assigned > 0, "The coordinator's run on the demo assigns nobody");
    }
}

public sealed class TreatingDoctorRedonDemo_on_sqlite(SqliteApp app) : TreatingDoctorRedonDemo(app), IClassFixture<SqliteApp>;

public sealed class TreatingDoctorRedonDemo_on_postgres(PostgresApp app) : TreatingDoctorRedonDemo(app), IClassFixture<PostgresApp>;
