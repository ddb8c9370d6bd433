namespace Maillage.Platform.Persistence;

/// <summary>How the data directory was found.</summary>
public enum DataDirectorySource
{
    /// <summary><c>Maillage__DataDirectory</c> (configuration key <c>Maillage:DataDirectory</c>).</summary>
    Setting,

    /// <summary>The <c>data/</c> folder of the repository holding <c>Maillage.slnx</c>, above the working or the application directory.</summary>
    Repository,

    /// <summary><c>data/</c> under the working directory: an installed copy, outside any repository.</summary>
    WorkingDirectory,
}

/// <summary>
/// The one place the web host and the command line keep their files by default — the SQLite database, the data-protection keys,
/// the mail pickup directory — so that an account made with <c>maillage users add</c> signs in on the web host, whichever directory
/// each was started from (<c>dotnet run --project src/Maillage.Web</c> runs in <c>src/Maillage.Web</c>, the CLI in the repository root).
/// Resolved from <c>Maillage__DataDirectory</c> (relative to the working directory), else the repository's <c>data/</c> found by walking
/// up from the working directory, then from the application's directory, to the folder holding <c>Maillage.slnx</c>, else
/// <c>./data</c>. Explicit <c>Maillage__Database</c>, <c>Maillage__Keys</c> and <c>Maillage__Mail</c> settings win over it.
/// </summary>
public sealed record DataDirectory(string FullPath, DataDirectorySource Source)
{
    /// <summary>The environment variable (the CLI reads it; the web host reads <see cref="ConfigurationKey"/>, which it maps to).</summary>
    public const string Variable = "Maillage__DataDirectory";

    public const string ConfigurationKey = "Maillage:DataDirectory";

    /// <summary>The file that marks the repository's root.</summary>
    public const string SolutionFile = "Maillage.slnx";

    /// <summary>The default SQLite file, <c>&lt;data&gt;/maillage.db</c>.</summary>
    public string Database => Path.Combine(FullPath, "maillage.db");

    /// <summary>The default data-protection key ring, <c>&lt;data&gt;/keys</c>.</summary>
    public string Keys => Path.Combine(FullPath, "keys");

    /// <summary>The default mail pickup directory, <c>&lt;data&gt;/mail-outbox</c>.</summary>
    public string MailOutbox => Path.Combine(FullPath, "mail-outbox");

    /// <summary>From the setting, the process's working directory and <see cref="AppContext.BaseDirectory"/>.</summary>
    public static DataDirectory Resolve(string? setting) => Resolve(setting, Environment.CurrentDirectory, AppContext.BaseDirectory);

    public static DataDirectory Resolve(string? setting, string workingDirectory, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(workingDirectory);
        var working = Path.GetFullPath(workingDirectory);
        if (!string.IsNullOrWhiteSpace(setting))
        {
            return new DataDirectory(Path.GetFullPath(setting.Trim(), working), DataDirectorySource.Setting);
        }

        var repository = FindRepository(working) ?? (string.IsNullOrEmpty(baseDirectory) ? null : FindRepository(baseDirectory));
        return repository is null
            ? new DataDirectory(Path.Combine(working, "data"), DataDirectorySource.WorkingDirectory)
            : new DataDirectory(Path.Combine(repository, "data"), DataDirectorySource.Repository);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <see cref="SolutionFile"/>, or null.</summary>
    public static string? FindRepository(string start)
    {
        ArgumentException.ThrowIfNullOrEmpty(start);
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Where and why, in French, for the start-up banner.</summary>
    public string Describe() => FullPath + Source switch
    {
        DataDirectorySource.Setting => $" ({Variable})",
        DataDirectorySource.Repository => " (dossier data du dépôt)",
        _ => " (dossier data du répertoire de travail)",
    };
}
