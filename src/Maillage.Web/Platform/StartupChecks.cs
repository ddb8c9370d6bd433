using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;

namespace Maillage.Web.Platform;

/// <summary>
/// Runs before the server accepts requests: migrates the database, loads the geography, seeds the demo
/// when asked, and refuses to start if any endpoint lacks an authorisation decision or a rule set is faulty.
/// </summary>
public sealed class StartupChecks(IServiceProvider services, IConfiguration config, IEnumerable<EndpointDataSource> endpoints) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var missing = AuthorizationGuard.Unprotected(endpoints);
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("Endpoints without an authorisation policy: " + string.Join(", ", missing));
        }

        // Versioned rule data is checked before anything is served: a faulty file stops the start-up with its name and field.
        services.GetRequiredService<Maillage.Funding.AciRuleSets>();
        using var scope = services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().RunAsync(config.GetValue("Maillage:Demo", true), cancellationToken);
        var setting = services.GetRequiredService<DatabaseSetting>();
        Console.WriteLine($"Base : {setting.Describe()} ; géographie {(report.GeographyUnitsLoaded > 0 ? $"chargée ({report.GeographyUnitsLoaded} unités)" : "à jour")}"
            + (report.DemoSeeded ? " ; démo créée :" : "."));
        if (report.DemoSeeded)
        {
            foreach (var (email, role, scopeLabel) in Demo.SeedDemo.Accounts)
            {
                Console.WriteLine($"  {email,-36} {role.French()} — {scopeLabel}");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
