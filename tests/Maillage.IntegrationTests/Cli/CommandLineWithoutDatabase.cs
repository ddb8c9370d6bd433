using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Cli;

/// <summary>The verbs that read only the embedded reference data, and usage mistakes (exit 2), which never open a database.</summary>
public sealed class CommandLineWithoutDatabase
{
    // A path nobody can create: if a verb opened the database anyway, it would fail.
    private const string NoDatabase = "sqlite:/proc/maillage-no-database/x.db";

    [Fact]
    public async Task Geo_stats_gives_the_counts_and_population_of_the_cog_2026()
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, "geo", "stats", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var stats = run.Json;
        Assert.Equal(34_969, stats.GetProperty("communes").GetInt32());
        Assert.Equal(45, stats.GetProperty("arrondissements").GetInt32());   // Paris 20, Marseille 16, Lyon 9
        Assert.Equal(101, stats.GetProperty("departements").GetInt32());
        Assert.Equal(18, stats.GetProperty("regions").GetInt32());
        Assert.Equal(68_350_798, stats.GetProperty("population").GetInt64());
        Assert.Equal("COG 2026", stats.GetProperty("vintage").GetString());
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public async Task Geo_territory_sums_the_legal_populations_and_gives_the_tier()
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, "geo", "territory", "35236", "75114", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var territory = run.Json;
        Assert.Equal(9_542 + 136_455, territory.GetProperty("population").GetInt64());   // Redon + Paris 14e
        Assert.Equal(3, territory.GetProperty("tier").GetInt32());   // « entre 80 et 175 000 habitants »
        Assert.Equal(["Redon", "Paris 14e Arrondissement"],
            territory.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        Assert.Empty(territory.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Geo_territory_with_an_unknown_code_still_prints_its_json_and_exits_with_1()
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, "geo", "territory", "35236", "99999", "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(9_542, run.Json.GetProperty("population").GetInt64());
        Assert.Equal("unknown_commune", Assert.Single(run.Json.GetProperty("errors").EnumerateArray()).GetProperty("code").GetString());
        Assert.Contains("99999", run.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string[]> BadUsages { get; } = new()
    {
        Array.Empty<string>(),
        new[] { "frobnicate" },
        new[] { "cpts" },
        new[] { "cpts", "import" },
        new[] { "cpts", "import", "a.csv", "b.csv" },
        new[] { "geo", "stats", "--bogus" },
        new[] { "coverage", "--level", "canton", "--json" },
        new[] { "coverage", "--level" },
        new[] { "tokens", "create", "--email", "x@example.org" },
        new[] { "geo", "territory", "35236", "--rule-set", "aci-1789" },
    };

    [Theory]
    [MemberData(nameof(BadUsages))]
    public async Task Bad_usage_exits_with_2_explains_on_stderr_and_prints_nothing_on_stdout(string[] args)
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.NotEmpty(run.Stderr);
        Assert.Empty(run.Stdout);
    }

    [Fact]
    public async Task A_malformed_database_setting_is_bad_usage()
    {
        var run = await MaillageCommand.RunAsync("mysql://somewhere/db", "db", "migrate");
        Assert.True(run.ExitCode == 2, run.ToString());
    }
}
