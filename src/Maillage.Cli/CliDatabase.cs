using Microsoft.AspNetCore.Identity;
using Maillage.Platform.Identity;
using Maillage.Demo;
using Maillage.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Territories.Published;

namespace Maillage.Cli;

/// <summary>
/// The domain services on the configured database, with its schema ensured: every verb that touches the
/// database opens one, so a fresh database works for any verb.
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    /// <summary>Loaded once per process: in-process tests run many commands.</summary>
    private static readonly Lazy<GeoCatalog> SharedGeo = new(GeoCatalog.LoadEmbedded);
    private static readonly Lazy<SizeTiers> SharedTiers = new(SizeTiers.LoadEmbedded);

    private readonly ServiceProvider services;

    private CliDatabase(ServiceProvider services, DatabaseSetting setting, StartupReport startup)
    {
        this.services = services;
        Setting = setting;
        Startup = startup;
    }

    public static GeoCatalog Geo => SharedGeo.Value;

    public static SizeTiers Tiers => SharedTiers.Value;

    public DatabaseSetting Setting { get; }

    /// <summary>What the schema check did: geography units loaded and, for <c>demo seed</c>, whether it seeded.</summary>
    public StartupReport Startup { get; }

    /// <summary>Reads <c>Maillage__Database</c> (default: the SQLite file of the data directory); a malformed value is a usage error.</summary>
    public static DatabaseSetting ParseSetting(string? setting, string? dataDirectory)
    {
        try
        {
            return DatabaseSetting.Parse(setting, DataDirectory.Resolve(dataDirectory));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliUsageException(e.Message, e);
        }
    }

    /// <summary>Builds the services, applies the migrations and loads the geography (and seeds the demo when asked).</summary>
    public static async Task<CliDatabase> OpenAsync(CliContext context, bool seedDemo, CancellationToken ct)
    {
        var setting = ParseSetting(context.DatabaseSetting, context.DataDirectorySetting);
        var services = Build(setting);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var startup = await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync(seedDemo, ct);
            return new CliDatabase(services, setting, startup);
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    public AsyncServiceScope CreateScope() => services.CreateAsyncScope();

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private static ServiceProvider Build(DatabaseSetting setting)
    {
        var collection = new ServiceCollection();

        // No logging provider: EF Core and Identity stay silent; errors reach the user as exceptions.
        collection.AddLogging();
        collection.AddMaillageDomain(setting).AddDemo();
        collection.AddSingleton(_ => Geo);
        collection.AddSingleton(_ => Tiers);
        // The demo's SAS regulator gets its password through a reset token, as « mot de passe oublié » would: the token providers need
        // data protection, kept in memory (a token made here is used here, at once).
        collection.AddDataProtection();
        collection.AddIdentityCore<MaillageUser>(AccountRules.Apply)
            .AddMaillageStores()
            .AddErrorDescriber<FrenchIdentityErrors>()
            .AddDefaultTokenProviders();
        return collection.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
