using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Maillage.BrowserTests.Infrastructure;

/// <summary>
/// The real web host on Kestrel (127.0.0.1, a free port) over a fresh SQLite file with the demo seeded,
/// and one headless Debian Chromium driven by Playwright; each test gets its own browser context.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    public const string Password = Maillage.Demo.SeedDemo.Password;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "maillage-browser-" + Guid.NewGuid().ToString("N"));
    private MaillageFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _unavailable;

    /// <summary>The host's services, for what a flow prepares outside the browser (a SAS platform account and its token).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException(_unavailable ?? "The host is not started.");

    /// <summary>The pickup directory the host writes its e-mail to, one <c>.eml</c> file per message (the links a doctor is mailed).</summary>
    public string Outbox => Path.Combine(_dir, "outbox");

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("MAILLAGE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            _unavailable = $"Chromium introuvable à {chromium} : installez le paquet Debian « chromium » ou indiquez son chemin dans MAILLAGE_CHROMIUM.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(_unavailable);
            }

            return;
        }

        System.IO.Directory.CreateDirectory(_dir);
        var port = FreePort();
        _factory = new MaillageFactory(_dir, $"http://127.0.0.1:{port}");
        _factory.UseKestrel();
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? $"http://127.0.0.1:{port}";
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = ChromiumArgs });
        // Generous: CI shares two cores between the host, Chromium and the test runner.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp directory is cleaned by the system.
        }
    }

    /// <summary>Runs a flow in a fresh browser context of 1280×900; on failure saves a full-page screenshot, then rethrows.</summary>
    public Task RunAsync(Func<IPage, Task> flow) => RunAsync(1280, 900, flow);

    /// <summary>Runs a flow in a fresh browser context whose viewport is <paramref name="width"/>×<paramref name="height"/> CSS pixels
    /// (<see cref="Screens"/>); on failure saves a full-page screenshot, then rethrows.</summary>
    public async Task RunAsync(int width, int height, Func<IPage, Task> flow)
    {
        if (_unavailable is not null)
        {
            Assert.Skip(_unavailable);
        }

        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(), Locale = "fr-FR", TimezoneId = "Europe/Paris", ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        try
        {
            await flow(page);
        }
        catch (Exception e) when (e is not Xunit.Sdk.SkipException)
        {
            await SaveFailureScreenshotAsync(page);
            throw;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>Opens the login page and signs in with a demo account; waits until the home page is shown.</summary>
    public static async Task LogInAsync(IPage page, string email, string password = Password)
    {
        await page.GotoAsync("/connexion");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/connexion", StringComparison.Ordinal));
    }

    /// <summary>When <c>MAILLAGE_SHOTS</c> names a folder, saves a full-page screenshot there (to look at the pages by eye).</summary>
    public static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MAILLAGE_SHOTS") is { Length: > 0 } dir)
        {
            System.IO.Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }

    /// <summary>When <c>MAILLAGE_SCREENSHOTS</c> names a folder (docs/screenshots/ to refresh the README's), saves a full-page
    /// screenshot there as <paramref name="name"/>.png; otherwise does nothing.</summary>
    public static async Task DocsShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("MAILLAGE_SCREENSHOTS") is { Length: > 0 } dir)
        {
            System.IO.Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true, Animations = ScreenshotAnimations.Disabled });
        }
    }

    private static async Task SaveFailureScreenshotAsync(IPage page)
    {
        var dir = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") is { Length: > 0 } results
            ? Path.Combine(results, "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        var test = TestContext.Current.Test?.TestDisplayName ?? "test";
        var file = new string([.. test.Select(ch => char.IsLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '_')]);
        try
        {
            System.IO.Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, file.Length > 150 ? file[^150..] : file) + ".png";
            await page.ScreenshotAsync(new() { Path = path, FullPage = true });
            TestContext.Current.SendDiagnosticMessage($"Capture d'écran de l'échec : {path}");
        }
        catch (PlaywrightException)
        {
            // The page may be gone (crash, closed context): the original failure matters more.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class MaillageFactory(string dir, string url) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Maillage:Database", "sqlite:" + Path.Combine(dir, "browser.db"));
            builder.UseSetting("Maillage:Demo", "true");
            builder.UseSetting("Maillage:Keys", Path.Combine(dir, "keys"));
            builder.UseSetting("Maillage:Mail", "pickup:" + Path.Combine(dir, "outbox"));
            builder.UseSetting("Maillage:Urls", url);
            builder.UseEnvironment("Production");
        }
    }
}

/// <summary>The screens every page must fit (issue 11): a laptop and a phone, in CSS pixels.</summary>
public static class Screens
{
    public const int DesktopWidth = 1366;
    public const int DesktopHeight = 900;
    public const int PhoneWidth = 390;
    public const int PhoneHeight = 844;
}

/// <summary>All browser flows share one host and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserFlows : ICollectionFixture<BrowserHost>
{
    public const string Name = "Navigateur";
}
