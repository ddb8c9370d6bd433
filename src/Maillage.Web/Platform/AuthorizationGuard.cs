using Microsoft.AspNetCore.Authorization;

namespace Maillage.Web.Platform;

/// <summary>
/// Refuses to start when any page or endpoint carries no explicit authorisation decision
/// (a policy, or an explicit anonymous marker): the fallback policy protects, this keeps intent visible.
/// </summary>
public static class AuthorizationGuard
{
    public static IReadOnlyList<string> Unprotected(IEnumerable<EndpointDataSource> sources) =>
        [.. sources.SelectMany(s => s.Endpoints)
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.DisplayName ?? e.ToString() ?? "?")];
}
