using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identity;

namespace Maillage.IntegrationTests.Territories;

/// <summary>The reference geography through the API: commune search, territory computation, zones blanches.</summary>
public abstract partial class Geography(MaillageApp app) : IntegrationTest(app)
{
    [Theory]
    [InlineData("Redon")]
    [InlineData("redon")]
    [InlineData("35600")]
    [InlineData("35236")]
    public async Task A_commune_is_found_by_name_postal_code_or_insee_code(string query)
    {
        var member = await App.ClientForAsync(Role.Member, Guid.NewGuid());
        var hits = await member.GetJsonAsync($"/api/geo/communes?q={Uri.EscapeDataString(query)}");
        var redon = hits.EnumerateArray().First(h => h.GetProperty("code").GetString() == "35236");
        Assert.Equal("Redon", redon.GetProperty("name").GetString());
        Assert.Equal("35", redon.GetProperty("departement").GetString());
        Assert.Equal(9_542, redon.GetProperty("population").GetInt32());
    }

    [Fact]
    public async Task A_territory_is_computed_without_writing_anything()
    {
        var admin = await App.AdminAsync();
        var before = (await admin.GetJsonAsync("/api/cpts")).Names();
        var territory = await admin.GetJsonAsync("/api/geo/territory?codes=35236,75114&code=99999");
        Assert.Equal(9_542 + 136_455, territory.GetProperty("population").GetInt64());
        Assert.Equal(3, territory.GetProperty("tier").GetInt32());
        Assert.Equal("unknown_commune", Assert.Single(territory.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
        Assert.Equal(before, (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    [Fact]
    public async Task The_zones_blanches_of_a_departement_leave_out_the_communes_of_a_validated_cpts()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("03", 2);
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS Bourbonnais"), codes);
        var before = await admin.GetJsonAsync("/api/coverage/departements/03/uncovered");
        Assert.Contains(before.EnumerateArray(), u => u.GetProperty("code").GetString() == codes[0]
            && u.GetProperty("preProjectCpts").GetString() == cpts.GetProperty("name").GetString());

        await admin.RecordStageAsync(cpts.Id(), "letter-validated");
        var after = (await admin.GetJsonAsync("/api/coverage/departements/03/uncovered")).EnumerateArray().ToList();
        Assert.DoesNotContain(after, u => codes.Contains(u.GetProperty("code").GetString()!));
        Assert.Equal(before.GetArrayLength() - codes.Count, after.Count);
        var populations = after.Select(u => u.GetProperty("population").GetInt32()).ToList();
        Assert.Equal(populations.OrderDescending(), populations);

        // The page draws the same zones blanches by intercommunalité, and places the département on the map of France.
        var page = await admin.PageAsync("/couverture/departement/03");
        var rows = EpciRow().Matches(page).Select(m => (Uncovered: long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            Population: long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.True(rows.Count > 1, "une ligne par intercommunalité de l'Allier");
        Assert.Equal(after.Sum(u => (long)u.GetProperty("population").GetInt32()), rows.Sum(r => r.Uncovered));
        Assert.All(rows, r => Assert.InRange(r.Uncovered, 0, r.Population));
        Assert.Equal(rows.Select(r => r.Uncovered).OrderDescending(), rows.Select(r => r.Uncovered));
        Assert.Matches("<path d=\"[^\"]+\" fill=\"#000091\" data-code=\"03\"", page);
        Assert.DoesNotMatch("fill=\"#000091\" data-code=\"(?!03\")", page);
    }

    [GeneratedRegex("data-uncovered=\"([0-9]+)\" data-population=\"([0-9]+)\"")]
    private static partial Regex EpciRow();

    [Fact]
    public async Task An_unknown_departement_has_no_zones_blanches_page()
    {
        var admin = await App.AdminAsync();
        await admin.GetJsonAsync("/api/coverage/departements/99/uncovered", HttpStatusCode.NotFound);
    }
}

public sealed class Geography_on_sqlite(SqliteApp app) : Geography(app), IClassFixture<SqliteApp>;

public sealed class Geography_on_postgres(PostgresApp app) : Geography(app), IClassFixture<PostgresApp>;
