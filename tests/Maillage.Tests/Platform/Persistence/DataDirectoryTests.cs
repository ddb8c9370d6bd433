using Maillage.Platform.Persistence;

namespace Maillage.Tests.Platform.Persistence;

/// <summary>
/// The data directory the web host and the CLI share by default: the explicit setting, else the repository's <c>data/</c> whichever
/// folder of it each was started from, else <c>./data</c>.
/// </summary>
public sealed class DataDirectoryTests
{
    /// <summary>This checkout: the tests run from its build output.</summary>
    private static string Repository => DataDirectory.FindRepository(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests run outside a Maillage checkout.");

    /// <summary>A folder outside any checkout (it need not exist: nothing is created).</summary>
    private static string Outside(string name) => Path.Combine(Path.GetTempPath(), $"maillage-{name}-{Guid.NewGuid():N}");

    [Fact]
    public void The_web_project_folder_and_the_repository_root_give_the_same_repository_data_folder()
    {
        var fromWeb = DataDirectory.Resolve(null, Path.Combine(Repository, "src", "Maillage.Web"), AppContext.BaseDirectory);
        var fromRoot = DataDirectory.Resolve(null, Repository, AppContext.BaseDirectory);

        var expected = new DataDirectory(Path.Combine(Repository, "data"), DataDirectorySource.Repository);
        Assert.Equal(expected, fromWeb);
        Assert.Equal(expected, fromRoot);
        Assert.Equal(Path.Combine(Repository, "data", "maillage.db"), fromWeb.Database);
        Assert.Equal(Path.Combine(Repository, "data", "keys"), fromWeb.Keys);
        Assert.Equal(Path.Combine(Repository, "data", "mail-outbox"), fromWeb.MailOutbox);
        Assert.Equal(DatabaseSetting.Parse(null, fromRoot), DatabaseSetting.Parse(null, fromWeb));
        Assert.Equal($"Data Source={Path.Combine(Repository, "data", "maillage.db")};Pooling=True", DatabaseSetting.Parse(null, fromWeb).ConnectionString);
    }

    [Fact]
    public void Started_from_outside_the_checkout_the_application_directory_finds_the_repository()
    {
        var data = DataDirectory.Resolve(null, Outside("cwd"), Path.Combine(Repository, "src", "Maillage.Cli", "bin", "Release", "net10.0"));
        Assert.Equal(new DataDirectory(Path.Combine(Repository, "data"), DataDirectorySource.Repository), data);
    }

    [Fact]
    public void An_installed_copy_outside_any_repository_keeps_its_data_under_the_working_directory()
    {
        var working = Outside("installed");
        var data = DataDirectory.Resolve(null, working, Outside("app"));
        Assert.Equal(new DataDirectory(Path.Combine(working, "data"), DataDirectorySource.WorkingDirectory), data);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_setting_is_no_setting(string? setting) =>
        Assert.Equal(DataDirectorySource.Repository, DataDirectory.Resolve(setting, Repository, AppContext.BaseDirectory).Source);

    [Fact]
    public void The_explicit_setting_wins_relative_paths_from_the_working_directory()
    {
        var absolute = Outside("explicit");
        var web = Path.Combine(Repository, "src", "Maillage.Web");
        Assert.Equal(new DataDirectory(absolute, DataDirectorySource.Setting), DataDirectory.Resolve(absolute, web, AppContext.BaseDirectory));
        Assert.Equal(new DataDirectory(Path.Combine(web, "mes-donnees"), DataDirectorySource.Setting),
            DataDirectory.Resolve("mes-donnees", web, AppContext.BaseDirectory));
        Assert.Equal(Path.Combine(absolute, "maillage.db"), DataDirectory.Resolve(absolute, web, AppContext.BaseDirectory).Database);
    }

    [Fact]
    public void An_explicit_database_wins_over_the_data_directory()
    {
        var data = DataDirectory.Resolve(null, Repository, AppContext.BaseDirectory);
        Assert.Equal("Data Source=/var/lib/maillage/m.db;Pooling=True", DatabaseSetting.Parse("sqlite:/var/lib/maillage/m.db", data).ConnectionString);
        Assert.Equal(DatabaseProvider.Postgres, DatabaseSetting.Parse("postgres://u:p@h/db", data).Provider);
    }

    [Fact]
    public void The_banner_says_where_and_why()
    {
        Assert.Equal("/srv/m (Maillage__DataDirectory)", new DataDirectory("/srv/m", DataDirectorySource.Setting).Describe());
        Assert.Equal("/r/data (dossier data du dépôt)", new DataDirectory("/r/data", DataDirectorySource.Repository).Describe());
        Assert.Equal("/opt/data (dossier data du répertoire de travail)", new DataDirectory("/opt/data", DataDirectorySource.WorkingDirectory).Describe());
    }
}
