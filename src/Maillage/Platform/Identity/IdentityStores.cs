using Maillage.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Platform.Identity;

/// <summary>Where accounts are stored: the platform's own tables, for the web host's and the command line's identity.</summary>
public static class IdentityStores
{
    public static IdentityBuilder AddMaillageStores(this IdentityBuilder builder) => builder.AddEntityFrameworkStores<MaillageDbContext>();
}
