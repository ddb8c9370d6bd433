extern alias web;

using System.Text.Json;
using Maillage.Platform.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Maillage.Benchmarks;

/// <summary>
/// The real web host on a benchmark's database, quiet (production environment, no logging, no demo), with these interceptors on its
/// DbContext (the SQL command counter, the SQL log); <paramref name="urls"/> set to listen on a real port (with <c>UseKestrel()</c>).
/// </summary>
public sealed class BenchHost(BenchDatabase database, string? urls, params IInterceptor[] interceptors) : WebApplicationFactory<web::Program>
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("maillage-bench-host-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // WebApplicationFactory looks for its manifest in the working directory (the tests' is their output folder); the benchmarks run
        // from the repository: take the web project's folder from the manifest next to the assembly.
        var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json")))!;
        builder.UseContentRoot(manifest.First(p => p.Key.StartsWith("Maillage.Web,", StringComparison.Ordinal)).Value);
        if (urls is not null)
        {
            builder.UseSetting("Maillage:Urls", urls);
        }

        builder.UseSetting("Maillage:Database", database.HostSetting);
        builder.UseSetting("Maillage:Demo", "false");
        builder.UseSetting("Maillage:Keys", Path.Combine(folder, "keys"));
        builder.UseSetting("Maillage:Mail", "pickup:" + Path.Combine(folder, "outbox"));
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(l => l.ClearProviders());
        builder.ConfigureTestServices(services => services.ConfigureDbContext<MaillageDbContext>(o => o.AddInterceptors(interceptors)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        System.IO.Directory.Delete(folder, recursive: true);
    }
}
