using Maillage.Platform.Persistence;
using Npgsql;

namespace Maillage.Tests.Platform.Persistence;

/// <summary>The Maillage__Database setting: sqlite:&lt;path&gt;, postgres:// URL or Npgsql key/value.</summary>
public sealed class DatabaseSettingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Default_is_the_sqlite_file_maillage_db_of_the_data_directory(string? setting)
    {
        var parsed = DatabaseSetting.Parse(setting, new DataDirectory("/srv/maillage", DataDirectorySource.Setting));
        Assert.Equal(DatabaseProvider.Sqlite, parsed.Provider);
        Assert.Equal("Data Source=/srv/maillage/maillage.db;Pooling=True", parsed.ConnectionString);
        Assert.Equal("SQLite /srv/maillage/maillage.db", parsed.Describe());
    }

    [Fact]
    public void Sqlite_path_is_taken_as_given() =>
        Assert.Equal("Data Source=/var/lib/maillage/m.db;Pooling=True", DatabaseSetting.Parse("sqlite:/var/lib/maillage/m.db").ConnectionString);

    [Fact]
    public void Sqlite_without_a_path_is_refused() => Assert.Throws<FormatException>(() => DatabaseSetting.Parse("sqlite:"));

    [Fact]
    public void Postgres_url_becomes_an_npgsql_key_value_string_with_the_password_unescaped()
    {
        var parsed = DatabaseSetting.Parse("postgres://u:p%40ss@h:5433/db");
        Assert.Equal(DatabaseProvider.Postgres, parsed.Provider);
        var csb = new NpgsqlConnectionStringBuilder(parsed.ConnectionString);
        Assert.Equal("h", csb.Host);
        Assert.Equal(5433, csb.Port);
        Assert.Equal("u", csb.Username);
        Assert.Equal("p@ss", csb.Password);
        Assert.Equal("db", csb.Database);
    }

    [Fact]
    public void Postgresql_url_without_a_port_uses_5432()
    {
        var csb = new NpgsqlConnectionStringBuilder(DatabaseSetting.Parse("postgresql://maillage@localhost/maillage").ConnectionString);
        Assert.Equal(5432, csb.Port);
        Assert.Equal("maillage", csb.Username);
        Assert.Null(csb.Password);
    }

    [Fact]
    public void Key_value_connection_string_passes_through()
    {
        var parsed = DatabaseSetting.Parse("Host=db.local;Port=5544;Database=m;Username=app;Password=s3cret");
        Assert.Equal(DatabaseProvider.Postgres, parsed.Provider);
        var csb = new NpgsqlConnectionStringBuilder(parsed.ConnectionString);
        Assert.Equal("db.local", csb.Host);
        Assert.Equal(5544, csb.Port);
        Assert.Equal("m", csb.Database);
        Assert.Equal("app", csb.Username);
        Assert.Equal("s3cret", csb.Password);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("mysql://u:p@h/db")]
    [InlineData("Data Source=x.db")]
    public void Anything_else_is_a_format_exception(string setting) =>
        Assert.Throws<FormatException>(() => DatabaseSetting.Parse(setting));

    [Theory]
    [InlineData("postgres://u:p%40ss@h:5433/db", "p@ss")]
    [InlineData("Host=db.local;Database=m;Username=app;Password=s3cret", "s3cret")]
    public void Describe_never_shows_the_password(string setting, string password)
    {
        var description = DatabaseSetting.Parse(setting).Describe();
        Assert.StartsWith("PostgreSQL ", description, StringComparison.Ordinal);
        Assert.DoesNotContain(password, description, StringComparison.Ordinal);
        Assert.DoesNotContain("p%40ss", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_names_host_and_database() =>
        Assert.Equal("PostgreSQL h/db", DatabaseSetting.Parse("postgres://u:p%40ss@h:5433/db").Describe());
}
