using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Platform;

/// <summary>
/// An account speaks for one adhérent of its CPTS (by the professional's RPPS): <c>maillage users add --member</c> links it, once; an RPPS
/// that is not an adhérent of that CPTS, or an admin account, is refused with the reason.
/// </summary>
public abstract class AccountLink(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_member_account_is_linked_to_its_adherent_once_and_only_within_its_cpts()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 2, linkAccounts: false);
        var linked = await AddAsync("member", world.Cpts.ToString(), world[1].Rpps);
        Assert.True(linked.ExitCode == 0, linked.ToString());
        Assert.Equal(world[1].Id, linked.Json.GetProperty("memberId").GetGuid());

        var twice = await AddAsync("coordinator", world.Cpts.ToString(), world[1].Rpps);
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("déjà un compte", twice.Stderr, StringComparison.Ordinal);

        var elsewhere = await AddAsync("member", world.ForeignCpts.ToString(), world[0].Rpps);
        Assert.Equal(1, elsewhere.ExitCode);
        Assert.Contains($"Aucun adhérent de cette CPTS n'a le RPPS {world[0].Rpps}", elsewhere.Stderr, StringComparison.Ordinal);

        var admin = await AddAsync("admin", null, world[0].Rpps);
        Assert.Equal(1, admin.ExitCode);
    }

    private Task<CliRun> AddAsync(string role, string? cpts, string rpps)
    {
        var args = new List<string>
        {
            "users", "add", "--email", $"lien.{Guid.NewGuid().ToString("N")[..8]}@tests.maillage.example",
            "--password", "Cli-Passw0rd-" + Guid.NewGuid().ToString("N")[..6], "--role", role, "--member", rpps, "--json",
        };
        if (cpts is not null)
        {
            args.AddRange(["--cpts", cpts]);
        }

        return MaillageCommand.RunAsync(App.Database.Setting, [.. args]);
    }
}

public sealed class AccountLink_on_sqlite(SqliteApp app) : AccountLink(app), IClassFixture<SqliteApp>;

public sealed class AccountLink_on_postgres(PostgresApp app) : AccountLink(app), IClassFixture<PostgresApp>;
