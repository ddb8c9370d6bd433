using System.Net;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Membership;

/// <summary>
/// The colleges of a CPTS (domain-rules §5): a list of its own, managed by the coordinator and read by its members; once defined, a
/// member's college must be one of them; renaming carries the members along; a college is removed only once empty.
/// </summary>
public abstract class Colleges(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Colleges_are_added_renamed_with_their_members_and_removed_only_once_empty()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 3);
        var colleges = $"/api/cpts/{world.Cpts}/colleges";

        var doctors = await (await world.Coordinator.PostJsonAsync(colleges, new { name = "Médecins", description = "Médecins libéraux" }))
            .ExpectAsync(HttpStatusCode.Created);
        await (await world.Coordinator.PostJsonAsync(colleges, new { name = "Structures" })).ExpectAsync(HttpStatusCode.Created);
        var duplicate = await (await world.Coordinator.PostJsonAsync(colleges, new { name = " médecins " })).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("existe déjà", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var blank = await (await world.Coordinator.PostJsonAsync(colleges, new { name = "" })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(blank.FieldErrors("name"));

        // A member of the CPTS reads the list; officers and members may not change it.
        var list = await world[1].Client.GetJsonAsync(colleges);
        Assert.Equal(["Médecins", "Structures"], list.GetProperty("colleges").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.False(list.GetProperty("canManage").GetBoolean());
        await (await world[1].Client.PostJsonAsync(colleges, new { name = "Usagers" })).ExpectAsync(HttpStatusCode.Forbidden);
        await world.Officer.GetJsonAsync(colleges, HttpStatusCode.Forbidden);

        // The college of a member: one of the list (case ignored, stored as listed), with the member's version.
        var member = await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}");
        var version = member.GetProperty("version").GetInt32();
        var moved = await (await world.Coordinator.PutJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}/college", new { college = "MÉDECINS", version }))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Médecins", moved.GetProperty("college").GetString());
        var unknown = await (await world.Coordinator.PutJsonAsync($"/api/cpts/{world.Cpts}/members/{world[1].Id}/college", new { college = "Kinés" }))
            .ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Kinés", Assert.Single(unknown.FieldErrors("college")), StringComparison.Ordinal);
        await (await world.Coordinator.PutJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}/college", new { college = "Structures", version }))
            .ExpectAsync(HttpStatusCode.Conflict);
        await (await world[1].Client.PutJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}/college", new { college = "Structures" }))
            .ExpectAsync(HttpStatusCode.Forbidden);

        // Renaming carries the member along.
        var id = doctors.GetProperty("id").GetGuid();
        var renamed = await (await world.Coordinator.PutJsonAsync($"{colleges}/{id}", new { name = "Médecins généralistes" })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, renamed.GetProperty("members").GetInt32());
        Assert.Equal("Médecins généralistes",
            (await world[1].Client.GetJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}")).GetProperty("college").GetString());
        await (await world.Coordinator.PutJsonAsync($"{colleges}/{id}", new { name = "structures" })).ExpectAsync(HttpStatusCode.Conflict);

        // Removal is refused while a member sits in it, with the head count.
        using (var refused = await world.Coordinator.DeleteAsync($"{colleges}/{id}", Ct))
        {
            var problem = await refused.ExpectAsync(HttpStatusCode.Conflict);
            Assert.Contains("1 adhérent", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        await (await world.Coordinator.PutJsonAsync($"/api/cpts/{world.Cpts}/members/{world[0].Id}/college", new { college = "" })).ExpectAsync(HttpStatusCode.OK);
        using (var removed = await world.Coordinator.DeleteAsync($"{colleges}/{id}", Ct))
        {
            await removed.ExpectAsync(HttpStatusCode.NoContent);
        }

        Assert.Equal(["Structures"], (await world.Coordinator.GetJsonAsync(colleges)).GetProperty("colleges").EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()));
        var audit = (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/audit")).EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("college.renamed", audit);
        Assert.Contains("college.removed", audit);
    }

    [Fact]
    public async Task A_new_member_takes_a_listed_college_once_the_cpts_has_colleges_and_any_name_before()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var people = await world.AddProfessionalsAsync(("Lemaire", "10", 0, true), ("Lebrun", "60", 1, true), ("Leroy", "21", 0, true));
        var members = $"/api/cpts/{world.Cpts}/members";

        var free = await (await world.Coordinator.PostJsonAsync(members, new { rpps = people[0].Rpps, college = "Libéraux" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Libéraux", free.GetProperty("college").GetString());

        await (await world.Coordinator.PostJsonAsync($"/api/cpts/{world.Cpts}/colleges", new { name = "Paramédicaux" })).ExpectAsync(HttpStatusCode.Created);
        var refused = await (await world.Coordinator.PostJsonAsync(members, new { rpps = people[1].Rpps, college = "Libéraux" })).ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Paramédicaux", Assert.Single(refused.FieldErrors("college")), StringComparison.Ordinal);
        var listed = await (await world.Coordinator.PostJsonAsync(members, new { rpps = people[1].Rpps, college = "paramédicaux" })).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("Paramédicaux", listed.GetProperty("college").GetString());

        // The page: the college is chosen from the list, and the section shows the head counts.
        var page = await world.Coordinator.PageAsync($"/cpts/{world.Cpts}/adherents");
        Assert.Contains("<select id=\"college\" name=\"college\">", page, StringComparison.Ordinal);
        Assert.Contains("id=\"add-college-form\"", page, StringComparison.Ordinal);
        var (status, html) = await world.Coordinator.PostFormAsync($"/cpts/{world.Cpts}/adherents", $"/cpts/{world.Cpts}/adherents?handler=Add",
            new Dictionary<string, string?> { ["rpps"] = people[2].Rpps, ["college"] = "Inconnu", ["status"] = "member" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("existe pas dans cette CPTS", html, StringComparison.Ordinal);
        (status, html) = await world.Coordinator.PostFormAsync($"/cpts/{world.Cpts}/adherents", $"/cpts/{world.Cpts}/adherents?handler=AddCollege",
            new Dictionary<string, string?> { ["name"] = "Pharmaciens", ["description"] = "Officines du territoire" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Le collège « Pharmaciens » est ajouté.", html, StringComparison.Ordinal);

        var memberPage = await world[0].Client.PageAsync($"/cpts/{world.Cpts}/adherents");
        Assert.Contains("id=\"colleges\"", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("add-college-form", memberPage, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=RemoveCollege", memberPage, StringComparison.Ordinal);
    }
}

public sealed class Colleges_on_sqlite(SqliteApp app) : Colleges(app), IClassFixture<SqliteApp>;

public sealed class Colleges_on_postgres(PostgresApp app) : Colleges(app), IClassFixture<PostgresApp>;
