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
        new[] { "treating-doctor", "solve" },
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
    public async Task Treating_doctor_solve_answers_the_issues_json_shape_and_refuses_a_bad_file_with_its_reasons()
    {
        var file = Path.Combine(Path.GetTempPath(), $"instance-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"weights": {"base": 10, "ald": 50, "age70": 30, "lostDoctor": 25, "c2s": 20, "chronic": 15, "disability": 15, "pregnancy": 15, "precarity": 10},
             "proximity": {"commune": 1, "epci": 0.8, "departement": 0.5, "beyond": 0.2},
             "requests": [{"id": "r1", "commune": "35236", "criteria": ["ald", "age70"], "homeVisit": false},
                          {"id": "r2", "commune": "75101", "criteria": [], "homeVisit": false},
                          {"id": "r3", "commune": "35236", "criteria": ["c2s"], "homeVisit": true}],
             "doctors": [{"id": "d1", "commune": "35236", "capacity": 1, "accepts": ["ald"], "homeVisits": false, "beyond": false},
                         {"id": "d2", "commune": "75056", "capacity": 5, "accepts": null, "homeVisits": false, "beyond": false}]}
            """, TestContext.Current.CancellationToken);
        try
        {
            var run = await MaillageCommand.RunAsync(NoDatabase, "treating-doctor", "solve", file, "--json");
            Assert.True(run.ExitCode == 0, run.ToString());
            var json = run.Json;
            Assert.Equal(["requests", "assigned", "objective", "assignments"], json.EnumerateObject().Select(p => p.Name));
            Assert.Equal((3, 2, 100.0), (json.GetProperty("requests").GetInt32(), json.GetProperty("assigned").GetInt32(), json.GetProperty("objective").GetDouble()));
            Assert.Equal(["r1 d1 commune 90", "r2 d2 commune 10"], json.GetProperty("assignments").EnumerateArray().Select(a =>
                $"{a.GetProperty("request").GetString()} {a.GetProperty("doctor").GetString()} {a.GetProperty("level").GetString()} {a.GetProperty("value").GetDouble()}"));

            await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace("\"75101\"", "\"75000\"", StringComparison.Ordinal),
                TestContext.Current.CancellationToken);
            var refused = await MaillageCommand.RunAsync(NoDatabase, "treating-doctor", "solve", file, "--json");
            Assert.Equal(1, refused.ExitCode);
            Assert.Empty(refused.Stdout);
            Assert.Contains("requests[1].commune", refused.Stderr, StringComparison.Ordinal);
            Assert.Contains("« 75000 »", refused.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_malformed_database_setting_is_bad_usage()
    {
        var run = await MaillageCommand.RunAsync("mysql://somewhere/db", "db", "migrate");
        Assert.True(run.ExitCode == 2, run.ToString());
    }
}
