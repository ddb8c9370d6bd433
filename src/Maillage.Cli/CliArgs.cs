namespace Maillage.Cli;

/// <summary>A command line usage mistake: the command prints it with its usage and exits with 2.</summary>
public sealed class CliUsageException : Exception
{
    public CliUsageException()
    {
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The arguments of one verb: positional arguments, <c>--flag</c>s and <c>--option value</c> (or
/// <c>--option=value</c>). <c>--json</c> and <c>--help</c> (<c>-h</c>) are always known; <c>-</c> is a positional
/// argument (stdin/stdout) and <c>--</c> ends the options.
/// </summary>
public sealed class CliArgs
{
    private readonly HashSet<string> flags;
    private readonly Dictionary<string, string> values;

    private CliArgs(IReadOnlyList<string> positionals, HashSet<string> flags, Dictionary<string, string> values)
    {
        Positionals = positionals;
        this.flags = flags;
        this.values = values;
    }

    public IReadOnlyList<string> Positionals { get; }

    public bool Json => Has("--json");

    public bool Help => Has("--help");

    /// <summary>Reads the tokens after the verb; an unknown option, a missing value or a repeated option is a usage error.</summary>
    public static CliArgs Parse(IEnumerable<string> tokens, IEnumerable<string> knownFlags, IEnumerable<string> knownOptions)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var flagNames = new HashSet<string>(knownFlags, StringComparer.Ordinal) { "--json", "--help" };
        var optionNames = new HashSet<string>(knownOptions, StringComparer.Ordinal);
        var list = tokens.ToList();
        var positionals = new List<string>();
        var flags = new HashSet<string>(StringComparer.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var optionsEnded = false;
        for (var i = 0; i < list.Count; i++)
        {
            var token = list[i];
            if (optionsEnded || token == "-" || !token.StartsWith('-'))
            {
                positionals.Add(token);
                continue;
            }

            if (token == "--")
            {
                optionsEnded = true;
                continue;
            }

            var name = token == "-h" ? "--help" : token;
            string? value = null;
            var equals = token.IndexOf('=', StringComparison.Ordinal);
            if (token.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                name = token[..equals];
                value = token[(equals + 1)..];
            }

            if (flagNames.Contains(name))
            {
                if (value is not null)
                {
                    throw new CliUsageException($"{name} ne prend pas de valeur.");
                }

                flags.Add(name);
            }
            else if (optionNames.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= list.Count)
                    {
                        throw new CliUsageException($"{name} attend une valeur.");
                    }

                    value = list[++i];
                }

                if (!values.TryAdd(name, value))
                {
                    throw new CliUsageException($"{name} est donnée deux fois.");
                }
            }
            else
            {
                throw new CliUsageException($"option inconnue : {name}");
            }
        }

        return new CliArgs(positionals, flags, values);
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Value(string option) => values.GetValueOrDefault(option);

    /// <summary>The value of an option the verb cannot do without.</summary>
    public string Required(string option) =>
        Value(option) is { Length: > 0 } value ? value : throw new CliUsageException($"{option} est obligatoire.");
}
