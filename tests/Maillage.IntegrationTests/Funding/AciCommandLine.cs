using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Funding;

/// <summary><c>maillage aci simulate</c> and <c>maillage aci rule-sets</c> with a population: the embedded rule sets only, never a database.</summary>
public sealed class AciCommandLine
{
    // A path nobody can create: if a verb opened the database anyway, it would fail.
    private const string NoDatabase = "sqlite:/proc/maillage-no-database/x.db";

    [Theory]
    [InlineData("39999", 1, 287_500)]
    [InlineData("40000", 2, 382_500)]
    [InlineData("81000", 3, 487_500)]
    [InlineData("175000", 4, 580_000)]
    public async Task Simulate_prints_the_documented_json_with_the_maximum_of_the_tier(string population, int tier, int maximum)
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, "aci", "simulate", "--population", population, "--missions", "all",
            "--crisis-plan", "first", "--crisis-occurred", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.Stderr);
        var json = run.Json;
        Assert.Equal(["ruleSet", "tier", "lines", "maximum"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("avenant2-2021", tier, (decimal)maximum),
            (json.GetProperty("ruleSet").GetString(), json.GetProperty("tier").GetInt32(), json.GetProperty("maximum").GetDecimal()));
        Assert.All(json.GetProperty("lines").EnumerateArray(), l => Assert.Equal(["line", "fixed", "variable"], l.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Simulate_without_json_prints_a_french_table_with_the_maximum()
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, "aci", "simulate", "--population", "81000", "--crisis-occurred");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Crises sanitaires graves", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Part variable", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Maximum annuel : 487\u202F500\u00A0€", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("barème « Avenant 2 (2021) »", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Attention", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_warns_of_a_population_above_any_cpts_territory_and_still_simulates()
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, "aci", "simulate", "--population", "999999999");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Maximum annuel : ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Attention : Population inhabituelle : 999\u202F999\u202F999 habitants", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_sets_lists_the_ids_names_and_sources()
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, "aci", "rule-sets", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var sets = run.Json.GetProperty("ruleSets").EnumerateArray().ToList();
        Assert.Equal(["avenant2-2021", "simplified-2024"], sets.Select(s => s.GetProperty("id").GetString()));
        Assert.All(sets, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("source").GetProperty("text").GetString())));
        Assert.Equal("2021-12-20", sets[0].GetProperty("source").GetProperty("date").GetString());
    }

    public static TheoryData<string[], string> BadUsages { get; } = new()
    {
        { ["aci"], "sous-commande" },
        { ["aci", "simulate"], "--population ou --cpts" },
        { ["aci", "simulate", "--population", "81000", "--cpts", "3f1c2a9e-0000-4000-8000-000000000000"], "s'excluent" },
        { ["aci", "simulate", "--population", "beaucoup"], "n'est pas un nombre entier" },
        { ["aci", "simulate", "--population", "0", "--json"], "supérieur à zéro" },
        { ["aci", "simulate", "--population", "81000", "--rule-set", "avenant9"], "Barèmes connus : avenant2-2021, simplified-2024" },
        { ["aci", "simulate", "--population", "81000", "--missions", "quality,support"], "missions socles sont obligatoires" },
        { ["aci", "simulate", "--population", "81000", "--rule-set", "simplified-2024", "--missions", "access"], "ne détaille pas les missions" },
        { ["aci", "simulate", "--population", "81000", "--crisis-plan", "second"], "first (première rédaction) ou update" },
        { ["aci", "simulate", "--cpts", "redon"], "GUID" },
    };

    [Theory]
    [MemberData(nameof(BadUsages))]
    public async Task Bad_options_exit_with_2_and_explain_on_stderr_only(string[] args, string explanation)
    {
        var run = await MaillageCommand.RunAsync(NoDatabase, args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(explanation, run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }
}
