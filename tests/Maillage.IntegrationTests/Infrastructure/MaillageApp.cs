using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Maillage.Territories.Published;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>A signed-up user of the test host and the bearer token it calls the API with.</summary>
public sealed record TestUser(string Id, string Email, string? Password, string Token, Role Role);

/// <summary>
/// Class fixture: one database and one host per test class and provider. Tests of the class share them and
/// each owns its data (its own CPTS, users and communes, handed out by <see cref="Communes"/>).
/// </summary>
public abstract class MaillageApp(DatabaseKind kind, TimeProvider? clock = null) : IAsyncLifetime
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false };

    private TestDatabase? database;
    private MaillageAppFactory? factory;
    private string? unavailable;
    private HttpClient? admin;
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> shared = new(StringComparer.Ordinal);

    public DatabaseKind Kind { get; } = kind;

    public TestDatabase Database => database ?? throw Unavailable();

    public MaillageAppFactory Factory => factory ?? throw Unavailable();

    /// <summary>The reference geography the host uses.</summary>
    public GeoCatalog Geo => Factory.Services.GetRequiredService<GeoCatalog>();

    public CommunePool Communes { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (Kind == DatabaseKind.Postgres && Postgres.AdminConnectionString is null)
        {
            if (Postgres.IsCi)
            {
                throw new InvalidOperationException("CI=true: " + Postgres.MissingMessage);
            }

            unavailable = Postgres.MissingMessage;
            return;
        }

        database = await TestDatabase.CreateMigratedAsync(Kind, TestContext.Current.CancellationToken);
        factory = CreateFactory(database, clock);
        factory.StartServer();   // runs the start-up check: migrations and geography
        Communes = new CommunePool(Geo);
    }

    /// <summary>The host of the fixture: in memory by default, with <see cref="ConfigureHost"/>; a fixture that needs real sockets
    /// (Kestrel) says so here.</summary>
    protected virtual MaillageAppFactory CreateFactory(TestDatabase database, TimeProvider? clock) => new(database, clock, ConfigureHost);

    public async ValueTask DisposeAsync()
    {
        admin?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        await DisposeMoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fixture's own settings or services for its host (and for any other host it builds on the same database).</summary>
    protected virtual void ConfigureHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
    }

    /// <summary>What a fixture started besides the host, stopped after it.</summary>
    protected virtual ValueTask DisposeMoreAsync() => ValueTask.CompletedTask;

    /// <summary>Skips the test when its database engine is not available here (never under CI: the fixture failed).</summary>
    public void SkipWhenUnavailable() => Assert.SkipWhen(unavailable is not null, unavailable ?? "");

    /// <summary>A client with no credentials that does not follow redirects.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(NoRedirects);

    /// <summary>Creates a user with this role and scope and returns a client calling the API with its bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(Role role, Guid? cptsId = null, string? region = null, string? departement = null,
        Guid? memberId = null) =>
        ClientFor(await CreateUserAsync(role, cptsId, region, departement, memberId: memberId));

    public HttpClient ClientFor(TestUser user)
    {
        var client = Factory.CreateClient(NoRedirects);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
        return client;
    }

    /// <summary>An administrator's client, created once per fixture.</summary>
    public async Task<HttpClient> AdminAsync() => admin ??= await ClientForAsync(Role.Admin);

    /// <summary>
    /// Creates a user through Identity, as the CLI does, and an API token for it. Without a password (the default)
    /// no hash is computed, which keeps the tests fast; pass one to log in through the pages.
    /// </summary>
    public async Task<TestUser> CreateUserAsync(Role role, Guid? cptsId = null, string? region = null, string? departement = null,
        string? password = null, Guid? memberId = null)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MaillageUser>>();
        var email = $"{role.ToString().ToLowerInvariant()}.{Guid.NewGuid().ToString("N")[..10]}@tests.maillage.example";
        var user = new MaillageUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = role.French(),
            Role = role, CptsId = cptsId, ScopeRegion = region, ScopeDepartement = departement, MemberId = memberId,
        };
        var result = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "tests", ct);
        return new TestUser(user.Id, email, password, token, role);
    }

    /// <summary>Data several tests of one class share (built once by the first that asks, e.g. the tenancy world).</summary>
    public async Task<T> SharedAsync<T>(string key, Func<Task<T>> create)
        where T : class =>
        (T)await shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create())).Value;

    private InvalidOperationException Unavailable() => new InvalidOperationException(unavailable ?? "The fixture is not initialised.");
}

/// <summary>The host on a fresh SQLite file.</summary>
public sealed class SqliteApp() : MaillageApp(DatabaseKind.Sqlite);

/// <summary>The host on a fresh PostgreSQL database.</summary>
public sealed class PostgresApp() : MaillageApp(DatabaseKind.Postgres);

/// <summary>Base of the test classes: skips when the engine is missing and gives short access to the fixture.</summary>
public abstract class IntegrationTest
{
    protected IntegrationTest(MaillageApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.SkipWhenUnavailable();
        App = app;
    }

    protected MaillageApp App { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
