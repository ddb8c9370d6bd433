using System.Text;

namespace Maillage.Cli;

/// <summary>One verb of the <c>maillage</c> command: its words, its arguments and what it does.</summary>
internal abstract class Command
{
    /// <summary>The words that select the verb, e.g. <c>geo territory</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Arguments after the words, for the usage line, e.g. <c>&lt;code&gt;... [--rule-set &lt;id&gt;]</c>.</summary>
    public abstract string Synopsis { get; }

    /// <summary>One line for the command list.</summary>
    public abstract string Summary { get; }

    /// <summary>More lines for <c>maillage &lt;verb&gt; --help</c>.</summary>
    public virtual IReadOnlyList<string> Details => [];

    /// <summary>Flags besides <c>--json</c> and <c>--help</c>.</summary>
    public virtual IReadOnlyList<string> Flags => [];

    /// <summary>Options that take a value.</summary>
    public virtual IReadOnlyList<string> Options => [];

    public virtual int MinPositionals => 0;

    public virtual int MaxPositionals => 0;

    public abstract Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct);

    public CliArgs Parse(IEnumerable<string> tokens)
    {
        var args = CliArgs.Parse(tokens, Flags, Options);
        if (!args.Help && args.Positionals.Count < MinPositionals)
        {
            throw new CliUsageException("argument manquant.");
        }

        if (args.Positionals.Count > MaxPositionals)
        {
            throw new CliUsageException($"argument en trop : {args.Positionals[MaxPositionals]}");
        }

        return args;
    }

    public string UsageLine => $"maillage {Name} {Synopsis}".TrimEnd() + " [--json]";

    public string Help()
    {
        var text = new StringBuilder();
        text.Append("Usage : ").AppendLine(UsageLine).AppendLine().AppendLine(Summary);
        foreach (var line in Details)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
