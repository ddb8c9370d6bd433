using System.Globalization;
using System.Security.Claims;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Maillage.Web.Platform;

/// <summary>Puts the role and scope in the principal (cookie or token), so each request knows its actor without a query.</summary>
public sealed class ActorClaimsFactory(UserManager<MaillageUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MaillageUser>(users, options)
{
    public const string RoleClaim = "maillage:role";
    public const string CptsClaim = "maillage:cpts";
    public const string RegionClaim = "maillage:region";
    public const string DepartementClaim = "maillage:departement";
    public const string MemberClaim = "maillage:member";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MaillageUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(RoleClaim, user.Role.ToString()));
        if (user.CptsId is { } cpts)
        {
            identity.AddClaim(new Claim(CptsClaim, cpts.ToString()));
        }

        if (user.ScopeRegion is { } region)
        {
            identity.AddClaim(new Claim(RegionClaim, region));
        }

        if (user.ScopeDepartement is { } dep)
        {
            identity.AddClaim(new Claim(DepartementClaim, dep));
        }

        if (user.MemberId is { } member)
        {
            identity.AddClaim(new Claim(MemberClaim, member.ToString()));
        }

        return identity;
    }
}

/// <summary>Reads the <see cref="Actor"/> of a request from its principal.</summary>
public static class ActorAccessor
{
    public static Actor GetActor(this HttpContext context) => context.User.ToActor()
        ?? throw new InvalidOperationException("No authenticated actor: the endpoint is missing its authorisation policy.");

    public static Actor? ToActor(this ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = user.FindFirstValue(ActorClaimsFactory.RoleClaim);
        if (id is null || !Enum.TryParse<Role>(role, out var parsed))
        {
            return null;
        }

        var cpts = user.FindFirstValue(ActorClaimsFactory.CptsClaim);
        var member = user.FindFirstValue(ActorClaimsFactory.MemberClaim);
        return new Actor(id, user.FindFirstValue(ClaimTypes.Name) ?? id, parsed,
            cpts is null ? null : Guid.Parse(cpts, CultureInfo.InvariantCulture),
            user.FindFirstValue(ActorClaimsFactory.RegionClaim), user.FindFirstValue(ActorClaimsFactory.DepartementClaim),
            member is null ? null : Guid.Parse(member, CultureInfo.InvariantCulture));
    }
}
