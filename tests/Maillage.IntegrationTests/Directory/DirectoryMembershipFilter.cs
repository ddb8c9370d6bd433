using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Maillage.IntegrationTests.Infrastructure;
using static Maillage.IntegrationTests.Directory.DirectoryData;

namespace Maillage.IntegrationTests.Directory;

/// <summary>
/// The directory filters on the professionals' standing with the CPTS (member, active, prospect, former, never a member), for the
/// CPTS's coordinator and members; an officer steering the CPTS reads the directory but may not filter by membership (the member list
/// stays inside the CPTS).
/// </summary>
public abstract class DirectoryMembershipFilter(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task The_directory_is_filtered_by_membership_for_the_cpts_and_not_for_officers()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 4, linkAccounts: false);
        var outsider = NewRpps();
        using (var form = new MultipartFormDataContent())
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(CommunityWorld.Header + "\n" + $"{outsider};Lemoine;Iris;60;;L;{world.Communes[0]};;;;;;;;;;;\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "annuaire.csv");
            await (await world.Coordinator.PostAsync($"/api/cpts/{world.Cpts}/directory/import", form, Ct)).ExpectAsync(HttpStatusCode.OK);
        }

        var today = Http.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await StatusAsync(world, 0, "active", today);
        await StatusAsync(world, 1, "former", today);

        Assert.Equal(new HashSet<string> { world[0].Rpps, world[2].Rpps, world[3].Rpps }, (await RppsAsync(world.Coordinator, world, "member")).ToHashSet());
        Assert.Equal([world[0].Rpps], await RppsAsync(world[3].Client, world, "active"));
        Assert.Equal([world[1].Rpps], await RppsAsync(world.Coordinator, world, "former"));
        Assert.Equal([outsider], await RppsAsync(world.Coordinator, world, "none"));
        Assert.Empty(await RppsAsync(world.Coordinator, world, "prospect"));

        var refused = await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/directory?membership=member", HttpStatusCode.Forbidden);
        Assert.Contains("réservé", refused.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(5, (await world.Officer.GetJsonAsync($"/api/cpts/{world.Cpts}/directory")).GetProperty("total").GetInt32());
        var unknown = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/directory?membership=vip", HttpStatusCode.BadRequest);
        Assert.NotEmpty(unknown.FieldErrors("membership"));

        using var page = await world.Coordinator.GetAsync($"/cpts/{world.Cpts}/annuaire?membership=none", Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<select id=\"membership\"", html, StringComparison.Ordinal);
        Assert.Contains("Lemoine", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Richard<", html, StringComparison.Ordinal);
    }

    private static async Task StatusAsync(CommunityWorld world, int member, string status, string from)
    {
        var current = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/members/{world[member].Id}");
        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/members/{world[member].Id}/status",
            new { status, from, version = current.GetProperty("version").GetInt32() })).ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<List<string>> RppsAsync(HttpClient client, CommunityWorld world, string membership)
    {
        var listing = await client.GetJsonAsync($"/api/cpts/{world.Cpts}/directory?membership={membership}");
        return [.. listing.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("rpps").GetString()!)];
    }
}

public sealed class DirectoryMembershipFilter_on_sqlite(SqliteApp app) : DirectoryMembershipFilter(app), IClassFixture<SqliteApp>;

public sealed class DirectoryMembershipFilter_on_postgres(PostgresApp app) : DirectoryMembershipFilter(app), IClassFixture<PostgresApp>;
