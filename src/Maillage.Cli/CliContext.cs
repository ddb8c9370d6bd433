using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace Maillage.Cli;

/// <summary>Where a verb writes and how: the two streams, <c>--json</c>, whether stdout is a terminal, the database setting.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool json, bool isTerminal, string? databaseSetting,
    string? dataDirectorySetting)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };

    private IAnsiConsole? console;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>One JSON document on stdout and nothing else there.</summary>
    public bool Json { get; } = json;

    public bool IsTerminal { get; } = isTerminal;

    /// <summary>The raw <c>Maillage__Database</c> value; null means the default (the SQLite file of <see cref="DataDirectorySetting"/>).</summary>
    public string? DatabaseSetting { get; } = databaseSetting;

    /// <summary>The raw <c>Maillage__DataDirectory</c> value; null means the repository's <c>data/</c>, else <c>./data</c>.</summary>
    public string? DataDirectorySetting { get; } = dataDirectorySetting;

    /// <summary>Progress bars only for a person watching a terminal.</summary>
    public bool ShowProgress => IsTerminal && !Json;

    /// <summary>Spectre console on stdout, for tables and progress; plain (no colours, wide) when stdout is not a terminal.</summary>
    public IAnsiConsole Console => console ??= CreateConsole();

    public async Task WriteJsonAsync<T>(T document, CancellationToken ct)
    {
        await Out.WriteLineAsync(JsonSerializer.Serialize(document, JsonOptions).AsMemory(), ct);
        await Out.FlushAsync(ct);
    }

    /// <summary>Writes a domain error on stderr and returns exit code 1.</summary>
    public int Fail(string message)
    {
        Error.WriteLine(message);
        return 1;
    }

    private IAnsiConsole CreateConsole()
    {
        var created = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!IsTerminal)
        {
            created.Profile.Width = 200;
        }

        return created;
    }
}
