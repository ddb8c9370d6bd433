
namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>The shared world builds on both engines: members linked to accounts, the directory holding their e-mails.</summary>
public abstract class CommunityWorldCheck(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_world_has_eight_members_with_linked_accounts()
    {
        var world = await CommunityWorld.CreateAsync(App);
        var list = await world[0].Client.GetJsonAsync($"/api/cpts/{world.Cpts}/members");
        Assert.Equal(8, list.GetProperty("members").GetArrayLength());
        Assert.Equal(8, world.Members.Select(m => m.Id).Distinct().Count());
    }
}

public sealed class CommunityWorldCheck_on_sqlite(SqliteApp app) : CommunityWorldCheck(app), IClassFixture<SqliteApp>;

public sealed class CommunityWorldCheck_on_postgres(PostgresApp app) : CommunityWorldCheck(app), IClassFixture<PostgresApp>;
