using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Cli;

/// <summary>
/// <c>maillage treating-doctor match --cpts &lt;id&gt; [--dry-run] --json</c> on a real database (issue 13): the JSON shape, the dry
/// run that proposes nothing, the run that stores one draft per assignment within the volunteers' capacity, and the exit codes.
/// </summary>
public abstract class TreatingDoctorMatchCommand(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Match_answers_requests_assigned_and_objective_and_only_a_real_run_leaves_drafts_within_capacity()
    {
        var c = await CommunityWorld.CreateAsync(App);
        var coordinator = new Actor("coord", "coordination", Role.Coordinator, c.Cpts, null, null);
        // Two volunteers in the CPTS's first commune: 2 and 1 places this month; the second takes only ALD.
        foreach (var (member, capacity, accepts) in new[] { (0, 2, (string[]?)null), (1, 1, ["ald"]) })
        {
            var enrolled = await Use(s => s.GetRequiredService<SaveVolunteer>().EnrollAsync(c.Cpts, c[member].Id,
                new VolunteerInput(capacity, accepts, false, false, CommuneCode: c.Communes[0]), coordinator, Ct));
            Assert.True(enrolled.Succeeded, string.Join(" ", enrolled.Errors.Select(e => e.Message)));
        }

        // Four patients filed by the team, so straight into the queue.
        var patients = new[] { ("Abgrall", "ald"), ("Berthou", "ald"), ("Cadiou", "c2s"), ("Derrien", "") };
        foreach (var (name, criterion) in patients)
        {
            var filed = await Use(s => s.GetRequiredService<FileRequest>().RunAsync(c.Cpts,
                new RequestInput(name, "Jeanne", "12/05/1961", c.Communes[0], "06 11 22 33 44", null, null, [criterion], false, true), coordinator, Ct));
            Assert.True(filed.Succeeded, string.Join(" ", filed.Errors.Select(e => e.Message)));
        }

        var dry = await MaillageCommand.RunAsync(App.Database.Setting, "treating-doctor", "match", "--cpts", c.Cpts.ToString(), "--dry-run", "--json");
        Assert.True(dry.ExitCode == 0, dry.ToString());
        Assert.Equal(4, dry.Json.GetProperty("requests").GetInt32());
        Assert.Equal(3, dry.Json.GetProperty("assigned").GetInt32());
        // ALD 50 + base 10 = 60 twice, and one more at base 10 (+ 20 for C2S): the C2S patient, worth more than the one without criteria.
        Assert.Equal(60 + 60 + 30, dry.Json.GetProperty("objective").GetDouble(), 6);
        Assert.Equal(3, dry.Json.EnumerateObject().Count());
        Assert.Equal(0, await Drafts(c.Cpts));

        var run = await MaillageCommand.RunAsync(App.Database.Setting, "treating-doctor", "match", "--cpts", c.Cpts.ToString(), "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, run.Json.GetProperty("assigned").GetInt32());
        Assert.Equal(3, await Drafts(c.Cpts));
        Assert.Equal(2, await Use(s => s.GetRequiredService<MaillageDbContext>().Set<TreatingRun>().CountAsync(r => r.CptsId == c.Cpts, Ct)));

        // Again: the drafts are replaced, not added to.
        var again = await MaillageCommand.RunAsync(App.Database.Setting, "treating-doctor", "match", "--cpts", c.Cpts.ToString(), "--json");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(3, await Drafts(c.Cpts));

        var human = await MaillageCommand.RunAsync(App.Database.Setting, "treating-doctor", "match", "--cpts", c.Cpts.ToString(), "--dry-run");
        Assert.True(human.ExitCode == 0, human.ToString());
        Assert.Contains("3 demandes attribuées sur 4 en attente", human.Stdout, StringComparison.Ordinal);
        Assert.Contains("Restent en attente : 1 — 1 ", human.Stdout, StringComparison.Ordinal);   // Derrien, and why, without her name
        Assert.DoesNotContain("Derrien", human.Stdout, StringComparison.Ordinal);

        var unknown = await MaillageCommand.RunAsync(App.Database.Setting, "treating-doctor", "match", "--cpts", Guid.NewGuid().ToString(), "--json");
        Assert.Equal(1, unknown.ExitCode);
        var usage = await MaillageCommand.RunAsync(App.Database.Setting, "treating-doctor", "match", "--cpts", "redon");
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("GUID", usage.Stderr, StringComparison.Ordinal);
    }

    private Task<int> Drafts(Guid cpts) =>
        Use(s => s.GetRequiredService<MaillageDbContext>().Set<TreatingProposal>().CountAsync(p => p.CptsId == cpts && p.Status == ProposalStatus.Draft, Ct));

    private async Task<T> Use<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}

public sealed class TreatingDoctorMatchCommand_on_sqlite(SqliteApp app) : TreatingDoctorMatchCommand(app), IClassFixture<SqliteApp>;

public sealed class TreatingDoctorMatchCommand_on_postgres(PostgresApp app) : TreatingDoctorMatchCommand(app), IClassFixture<PostgresApp>;
