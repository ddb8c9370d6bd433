using System.Globalization;
using System.Net;
using System.Reflection;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.IntegrationTests.Platform;

/// <summary>
/// A date badly written in a page form is refused saying so and what is expected (« La date « 32/13/2026 » n'est pas une date valide
/// (jj/mm/aaaa). »), instead of being read as missing (« Indiquez la date… ») or, when optional, as today; nothing is written.
/// </summary>
public abstract class UnreadableDatesInForms(MaillageApp app) : IntegrationTest(app)
{
    private const string Bad = "32/13/2026";

    private const string Message = "La date « 32/13/2026 » n'est pas une date valide (jj/mm/aaaa).";

    [Fact]
    public void Every_page_whose_forms_take_a_date_refuses_a_badly_written_one()
    {
        var pages = typeof(UnreadableDates).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Any(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) && m.GetParameters().Any(p => UnreadableDates.IsDate(p.ParameterType))))
            .ToList();

        Assert.True(pages.Count >= 9, $"Only {pages.Count} pages with dates found");
        Assert.All(pages, p => Assert.True(typeof(IRefusesForms).IsAssignableFrom(p), $"{p.Name} takes dates but does not implement IRefusesForms"));
    }

    [Fact]
    public async Task A_stage_date_badly_written_is_refused_and_the_stage_stays()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS datée"), App.Communes.Take("44", 1));
        var page = $"/cpts/{cpts.Id()}";

        var (status, html) = await admin.PostFormAsync(page, $"{page}?handler=Stage", new Dictionary<string, string?>
        {
            ["Stage"] = "letter-validated", ["Date"] = Bad, ["Version"] = $"{cpts.GetProperty("version").GetInt32()}",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(Message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("pre-project", (await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_date_typed_the_french_way_is_read()
    {
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS à la main"), App.Communes.Take("44", 1));
        var page = $"/cpts/{cpts.Id()}";

        var (status, _) = await admin.PostFormAsync(page, $"{page}?handler=Stage", new Dictionary<string, string?>
        {
            ["Stage"] = "letter-validated", ["Date"] = Http.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["Version"] = $"{cpts.GetProperty("version").GetInt32()}",
        });

        Assert.Equal(HttpStatusCode.Redirect, status);
        var read = await admin.GetJsonAsync($"/api/cpts/{cpts.Id()}");
        Assert.Equal(Http.Today, DateOnly.Parse(read.GetProperty("stages")[1].GetProperty("date").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task An_optional_date_badly_written_is_refused_rather_than_read_as_today()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var (rpps, _) = (await world.AddProfessionalsAsync(("Daté", "10", 0, false)))[0];
        var page = $"/cpts/{world.Cpts}/adherents";

        var (status, html) = await world.Coordinator.PostFormAsync(page, $"{page}?handler=Add", new Dictionary<string, string?>
        {
            ["rpps"] = rpps, ["status"] = "member", ["since"] = Bad,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(Message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain(rpps, (await world.Coordinator.GetJsonAsync($"/api/cpts/{world.Cpts}/members")).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mission_date_badly_written_says_so_instead_of_asking_for_the_date()
    {
        var world = await CommunityWorld.CreateAsync(App, professionals: 1);
        var page = $"/cpts/{world.Cpts}/indemnites";

        var (status, html) = await world[0].Client.PostFormAsync(page, $"{page}?handler=Declare", new Dictionary<string, string?>
        {
            ["missionDate"] = Bad, ["activity"] = "meeting", ["hours"] = "2", ["description"] = "Réunion du groupe plaies",
        });

        var text = WebUtility.HtmlDecode(html);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains(Message, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Indiquez la date", text, StringComparison.Ordinal);
    }
}

public sealed class UnreadableDatesInForms_on_sqlite(SqliteApp app) : UnreadableDatesInForms(app), IClassFixture<SqliteApp>;

public sealed class UnreadableDatesInForms_on_postgres(PostgresApp app) : UnreadableDatesInForms(app), IClassFixture<PostgresApp>;
