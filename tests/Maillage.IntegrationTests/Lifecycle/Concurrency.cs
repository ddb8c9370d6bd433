using System.Net;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Lifecycle;

/// <summary>Optimistic concurrency: an edit must name the version it read, and a stale one is refused with 409.</summary>
public abstract class Concurrency(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task An_edit_with_the_version_read_succeeds_and_a_second_edit_with_that_old_version_gets_409()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("35", 1);
        var created = await admin.CreateCptsAsync(Http.Unique("CPTS Vilaine"), codes);
        var read = await admin.GetJsonAsync($"/api/cpts/{created.Id()}");
        var version = read.GetProperty("version").GetInt32();

        var renamed = Http.Unique("CPTS Vilaine renommée");
        var saved = await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}", new { name = renamed, version })).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, saved.GetProperty("version").GetInt32());
        Assert.Equal(renamed, saved.GetProperty("name").GetString());

        var stale = await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}", new { name = Http.Unique("CPTS écrasée"), version }))
            .ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains(stale.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == "stale_version");

        var after = await admin.GetJsonAsync($"/api/cpts/{created.Id()}");
        Assert.Equal(renamed, after.GetProperty("name").GetString());
        Assert.Equal(version + 1, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_territory_edit_with_a_stale_version_gets_409_and_keeps_the_territory()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("35", 3);
        var created = await admin.CreateCptsAsync(Http.Unique("CPTS Brocéliande"), codes.Take(1));
        var version = created.GetProperty("version").GetInt32();
        await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}", new { territory = codes.Take(2), version })).ExpectAsync(HttpStatusCode.OK);

        await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}", new { territory = codes, version })).ExpectAsync(HttpStatusCode.Conflict);

        var after = await admin.GetJsonAsync($"/api/cpts/{created.Id()}");
        Assert.Equal(codes.Take(2), after.GetProperty("territory").EnumerateArray().Select(u => u.GetProperty("code").GetString()));
        Assert.Equal(App.Communes.PopulationOf(codes.Take(2)), after.GetProperty("population").GetInt64());
    }

    [Fact]
    public async Task An_edit_without_a_version_gets_400_naming_the_version_field()
    {
        var admin = await App.AdminAsync();
        var name = Http.Unique("CPTS sans version");
        var created = await admin.CreateCptsAsync(name, App.Communes.Take("35", 1));

        var problem = await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}", new { name = Http.Unique("CPTS perdue") }))
            .ExpectAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("version"));
        var after = await admin.GetJsonAsync($"/api/cpts/{created.Id()}");
        Assert.Equal(name, after.GetProperty("name").GetString());
        Assert.Equal(created.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Simultaneous_registrations_of_one_commune_let_exactly_one_win_and_refuse_the_others_with_409()
    {
        var admin = await App.AdminAsync();
        var commune = App.Communes.Take("35", 1);
        var names = Enumerable.Range(1, 6).Select(i => Http.Unique($"CPTS rivale {i}")).ToList();

        var responses = await Task.WhenAll(names.Select(name => admin.PostJsonAsync("/api/cpts", new { name, territory = commune })));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal([201, 409, 409, 409, 409, 409], statuses);
        Assert.Single((await admin.GetJsonAsync("/api/cpts")).Names(), names.Contains);
    }

    [Fact]
    public async Task Simultaneous_registrations_under_one_name_let_exactly_one_win()
    {
        var admin = await App.AdminAsync();
        var name = Http.Unique("CPTS jumelle");
        var codes = App.Communes.Take("35", 4);

        var responses = await Task.WhenAll(codes.Select(code => admin.PostJsonAsync("/api/cpts", new { name, territory = new[] { code } })));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal([201, 409, 409, 409], statuses);
        Assert.Single((await admin.GetJsonAsync("/api/cpts")).Names(), n => n == name);
    }

    [Fact]
    public async Task Simultaneous_stage_changes_record_the_stage_once()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS disputée"), App.Communes.Take("35", 1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            admin.PostJsonAsync($"/api/cpts/{cpts.Id()}/stage", new { stage = "letter-validated", date = Http.Today })));

        var statuses = responses.Select(r => (int)r.StatusCode).Order().ToList();
        foreach (var response in responses)
        {
            response.Dispose();
        }

        Assert.Equal([200, 409, 409], statuses);
        var after = await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}");
        Assert.Equal(["pre-project", "letter-validated"], after.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task A_stage_or_letter_with_a_stale_version_gets_409()
    {
        var admin = await App.AdminAsync();
        var created = await admin.CreateCptsAsync(Http.Unique("CPTS Rance"), App.Communes.Take("35", 1));
        var version = created.GetProperty("version").GetInt32();
        await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}/letter", new { actors = "Médecins, pharmaciens", version }))
            .ExpectAsync(HttpStatusCode.OK);

        await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}/letter", new { actors = "Écrasé", version })).ExpectAsync(HttpStatusCode.Conflict);
        await (await admin.PostJsonAsync($"/api/cpts/{created.Id()}/stage", new { stage = "letter-validated", date = Http.Today, version }))
            .ExpectAsync(HttpStatusCode.Conflict);

        var after = await admin.GetJsonAsync($"/api/cpts/{created.Id()}");
        Assert.Equal("Médecins, pharmaciens", after.GetProperty("letterOfIntent").GetProperty("actors").GetString());
        Assert.Equal("pre-project", after.GetProperty("stage").GetString());
    }
}

public sealed class Concurrency_on_sqlite(SqliteApp app) : Concurrency(app), IClassFixture<SqliteApp>;

public sealed class Concurrency_on_postgres(PostgresApp app) : Concurrency(app), IClassFixture<PostgresApp>;
