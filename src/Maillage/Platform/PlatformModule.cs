using Maillage.Platform.Audit;
using Maillage.Platform.Identity;
using Maillage.Platform.Indicators;
using Maillage.Platform.Mail;
using Maillage.Platform.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Platform;

/// <summary>Wires what every module stands on: the database, the clock, the audit trail, accounts and tokens, e-mail.</summary>
public static class PlatformModule
{
    /// <summary>The mail transport defaults to a pickup directory until a host calls <see cref="MailServices.AddMail"/> with its setting.</summary>
    public static IServiceCollection AddPlatform(this IServiceCollection services, DatabaseSetting database)
    {
        services.AddSingleton(database);
        services.AddDbContext<MaillageDbContext>(database.Apply);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<AuditTrail>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<DatabaseStartup>();
        services.AddScoped<IndicatorSources>();
        services.AddScoped<ReadPlatformHealth>();
        services.AddDefaultMail();
        return services;
    }
}
