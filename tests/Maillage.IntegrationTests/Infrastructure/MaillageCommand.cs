extern alias cli;

using System.Text.Json;
using cli::Maillage.Cli;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>What one run of <c>maillage</c> printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout as the one JSON document <c>--json</c> promises.</summary>
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement.Clone();

    public override string ToString() => $"exit {ExitCode}\nstdout: {Stdout}\nstderr: {Stderr}";
}

/// <summary>Runs the <c>maillage</c> command in-process on a given database.</summary>
public static class MaillageCommand
{
    public static Task<CliRun> RunAsync(string? database, params string[] args) =>
        RunWithAsync(new Dictionary<string, string?> { [CliApp.DatabaseVariable] = database }, args);

    /// <summary>Runs with these settings in place of the process environment's (a null value hides the process's own).</summary>
    public static async Task<CliRun> RunWithAsync(IDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(args, stdout, stderr, environment, TestContext.Current.CancellationToken);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
