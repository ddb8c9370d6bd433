using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Maillage.Cli.Platform;
using Maillage.Cli.Territories;
using Maillage.Cli.Lifecycle;
using Maillage.Cli.Directory;
using Maillage.Cli.Funding;
using Maillage.Cli.Accounts;

namespace Maillage.Cli;

/// <summary>
/// The <c>maillage</c> command, callable in-process: exit code 0 on success, 1 on a domain error (message on
/// stderr), 2 on bad usage (usage on stderr).
/// </summary>
public static class CliApp
{
    /// <summary>The setting that says which database to use (see <see cref="Maillage.Platform.Persistence.DatabaseSetting"/>).</summary>
    public const string DatabaseVariable = "Maillage__Database";

    /// <summary>The data directory shared with the web host, home of the default database (see <see cref="Maillage.Platform.Persistence.DataDirectory"/>).</summary>
    public const string DataDirectoryVariable = Maillage.Platform.Persistence.DataDirectory.Variable;

    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    private static readonly Command[] Commands =
    [
        .. PlatformCommands.Database,
        .. TerritoriesCommands.All,
        .. LifecycleCommands.All,
        .. AccountsCommands.All,
        .. PlatformCommands.Tokens,
        .. DirectoryCommands.All,
        .. FundingCommands.All,
        .. TreatingDoctor.TreatingDoctorCommands.All,
    ];

    /// <param name="environment">Settings that win over the process environment (tests pass <c>Maillage__Database</c> or <c>Maillage__DataDirectory</c> here).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr,
        IDictionary<string, string?>? environment = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (args.Length == 0)
        {
            await stderr.WriteAsync(Usage());
            return BadUsage;
        }

        switch (args[0])
        {
            case "--help" or "-h" or "help":
                await stdout.WriteAsync(Usage());
                return Success;
            case "--version":
                await stdout.WriteLineAsync(Version);
                return Success;
        }

        var command = Find(args);
        if (command is null)
        {
            var group = Commands.Any(c => c.Name.StartsWith(args[0] + " ", StringComparison.Ordinal));
            await stderr.WriteLineAsync(group && (args.Length == 1 || args[1].StartsWith('-'))
                ? $"maillage {args[0]} : sous-commande attendue."
                : $"maillage : commande inconnue « {string.Join(' ', args.Take(group ? 2 : 1))} ».");
            await stderr.WriteAsync(Usage());
            return BadUsage;
        }

        CliArgs parsed;
        try
        {
            parsed = command.Parse(args.Skip(command.Name.Split(' ').Length));
        }
        catch (CliUsageException e)
        {
            return await UsageErrorAsync(stderr, command, e.Message);
        }

        if (parsed.Help)
        {
            await stdout.WriteAsync(command.Help());
            return Success;
        }

        string? Setting(string name) => environment is not null && environment.TryGetValue(name, out var value)
            ? value
            : Environment.GetEnvironmentVariable(name);
        var isTerminal = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var context = new CliContext(stdout, stderr, parsed.Json, isTerminal, Setting(DatabaseVariable), Setting(DataDirectoryVariable));
        try
        {
            return await command.RunAsync(context, parsed, ct);
        }
        catch (CliUsageException e)
        {
            return await UsageErrorAsync(stderr, command, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("maillage : interrompu.");
            return Failure;
        }
        catch (Exception e) when (e is DbException or DbUpdateException or IOException or UnauthorizedAccessException
            or InvalidDataException or TimeoutException)
        {
            await stderr.WriteLineAsync($"maillage {command.Name} : {Describe(e)}");
            return Failure;
        }
    }

    /// <summary>The whole usage text.</summary>
    public static string Usage()
    {
        var text = new StringBuilder();
        text.AppendLine("maillage — la plateforme des CPTS en ligne de commande")
            .AppendLine()
            .AppendLine("Usage : maillage <commande> [arguments] [--json]")
            .AppendLine()
            .AppendLine("Commandes :");
        var width = Commands.Max(c => c.Name.Length + 1 + c.Synopsis.Length);
        foreach (var c in Commands)
        {
            text.Append("  ").Append($"{c.Name} {c.Synopsis}".PadRight(width)).Append("  ").AppendLine(c.Summary);
        }

        return text.AppendLine()
            .AppendLine("Options communes :")
            .AppendLine("  --json        un seul document JSON sur la sortie standard, rien d'autre")
            .AppendLine("  -h, --help    aide d'une commande (maillage <commande> --help)")
            .AppendLine("  --version     version de maillage")
            .AppendLine()
            .AppendLine($"Base de données : variable {DatabaseVariable} = sqlite:<chemin>, postgres://utilisateur:motdepasse@hôte:port/base")
            .AppendLine($"  ou Host=…;Database=… ; par défaut <données>/maillage.db, où <données> est {DataDirectoryVariable},")
            .AppendLine("  sinon le dossier data/ du dépôt (celui de Maillage.slnx), sinon ./data — le même que le serveur web.")
            .AppendLine("  Les commandes qui utilisent la base appliquent d'abord les migrations et chargent la géographie.")
            .AppendLine("Codes de sortie : 0 succès, 1 erreur (message sur la sortie d'erreur), 2 usage incorrect.")
            .ToString();
    }

    private static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>The verb whose words start the arguments, the longest first.</summary>
    private static Command? Find(string[] args) => Commands
        .Select(c => (Command: c, Words: c.Name.Split(' ')))
        .Where(c => c.Words.Length <= args.Length && c.Words.SequenceEqual(args.Take(c.Words.Length), StringComparer.Ordinal))
        .OrderByDescending(c => c.Words.Length)
        .Select(c => c.Command)
        .FirstOrDefault();

    private static async Task<int> UsageErrorAsync(TextWriter stderr, Command command, string message)
    {
        await stderr.WriteLineAsync($"maillage {command.Name} : {message}");
        await stderr.WriteLineAsync("Usage : " + command.UsageLine);
        await stderr.WriteLineAsync($"Aide : maillage {command.Name} --help");
        return BadUsage;
    }

    /// <summary>The message and its distinct inner messages, without a stack trace.</summary>
    private static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message, StringComparer.Ordinal))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(" — ", messages);
    }
}
