using Maillage.Accounts;
using Maillage.Association;
using Maillage.Directory;
using Maillage.Funding;
using Maillage.Indemnities;
using Maillage.Lifecycle;
using Maillage.Membership;
using Maillage.Platform;
using Maillage.Platform.Persistence;
using Maillage.Territories;
using Maillage.TreatingDoctor;
using Maillage.Unscheduled;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage;

/// <summary>Wires the domain: the platform, then every module, each in its own <c>Add…</c>.</summary>
public static class MaillageServices
{
    public static IServiceCollection AddMaillageDomain(this IServiceCollection services, DatabaseSetting database) => services
        .AddPlatform(database)
        .AddTerritories()
        .AddLifecycle()
        .AddDirectory()
        .AddMembership()
        .AddAssociation()
        .AddIndemnities()
        .AddFunding()
        .AddUnscheduled()
        .AddTreatingDoctor()
        .AddAccounts();
}
