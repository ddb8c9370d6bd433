using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Accounts;

/// <summary>
/// Wires the Accounts module: opening accounts with their role and scope (a région or a département for an officer, a CPTS and possibly
/// one of its adhérents for a coordinator or a member), changing them and listing them. It has no table of its own: accounts are the platform's.
/// </summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddScoped<AccountScopes>();
        services.AddScoped<CreateAccount>();
        services.AddScoped<EditAccount>();
        services.AddScoped<ReadAccounts>();
        services.AddScoped<AccountStatus>();
        services.AddScoped<SasPlatformAccount>();
        services.AddScoped<PasswordReset>();
        return services;
    }
}
