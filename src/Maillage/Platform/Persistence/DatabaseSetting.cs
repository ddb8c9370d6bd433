using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Maillage.Platform.Persistence;

/// <summary>Database providers the platform runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The <c>Maillage__Database</c> setting: <c>sqlite:&lt;path&gt;</c>, <c>postgres://user:pass@host:port/db</c>, or an Npgsql
/// key/value connection string; without one, the SQLite file <c>maillage.db</c> of the <see cref="DataDirectory"/>.
/// </summary>
public sealed record DatabaseSetting(DatabaseProvider Provider, string ConnectionString)
{
    /// <param name="setting">The raw setting; blank means the default.</param>
    /// <param name="data">Where the default SQLite file lives; resolved from the working directory when not given (and only when needed).</param>
    public static DatabaseSetting Parse(string? setting, DataDirectory? data = null)
    {
        var s = string.IsNullOrWhiteSpace(setting) ? "sqlite:" + (data ?? DataDirectory.Resolve(null)).Database : setting.Trim();
        if (s.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = s["sqlite:".Length..];
            if (path.Length == 0)
            {
                throw new FormatException("Maillage__Database: sqlite: needs a file path, e.g. sqlite:data/maillage.db");
            }

            return new(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True");
        }

        if (s.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(s);
            var userInfo = uri.UserInfo.Split(':', 2);
            var csb = new NpgsqlConnectionStringBuilder
            {
                Host = uri.Host,
                Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
                Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
                Username = Uri.UnescapeDataString(userInfo[0]),
            };
            if (userInfo.Length > 1)
            {
                csb.Password = Uri.UnescapeDataString(userInfo[1]);
            }

            return new(DatabaseProvider.Postgres, csb.ConnectionString);
        }

        if (s.Contains('=', StringComparison.Ordinal) && s.Contains("host", StringComparison.OrdinalIgnoreCase))
        {
            return new(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(s).ConnectionString);
        }

        throw new FormatException("Maillage__Database must be sqlite:<path>, postgres://user:pass@host:port/db or Host=…;Database=…");
    }

    /// <summary>Points the context at this database, with the migrations assembly of its provider.</summary>
    public void Apply(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is not null)
            {
                System.IO.Directory.CreateDirectory(dir);
            }

            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly("Maillage.Migrations.Sqlite"));
        }
        else
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly("Maillage.Migrations.Postgres"));
        }
    }

    /// <summary>Where the data lives, without any password, for the start-up banner.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? "SQLite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource
        : $"PostgreSQL {new NpgsqlConnectionStringBuilder(ConnectionString).Host}/{new NpgsqlConnectionStringBuilder(ConnectionString).Database}";
}
