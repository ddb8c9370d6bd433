using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.IntegrationTests.Infrastructure;

/// <summary>A route of the host with a concrete URL (parameters filled in) and the methods it answers.</summary>
public sealed record HostRoute(string Pattern, string Url, IReadOnlyList<string> Methods, bool AllowsAnonymous)
{
    /// <summary>API-like routes answer 401 to an anonymous call; pages redirect to the login page.</summary>
    public bool IsApi => Pattern.StartsWith("/api", StringComparison.Ordinal) || Pattern.StartsWith("/openapi", StringComparison.Ordinal)
        || Pattern.StartsWith("/fhir", StringComparison.Ordinal);

    public override string ToString() => $"{string.Join('|', Methods)} {Pattern}";
}

/// <summary>Reads the routes the host really maps, so the guards cover routes added later without editing the tests.</summary>
public static class Routes
{
    public static IReadOnlyList<HostRoute> Of(IServiceProvider services) =>
        [.. services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => new HostRoute(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                Fill(e.RoutePattern),
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? [.. methods] : ["GET"],
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null))
            .DistinctBy(r => r.ToString())];

    /// <summary>A concrete path for a pattern: a new GUID for <c>{x:guid}</c>, "75" for other parameters, "v1" for the OpenAPI document.</summary>
    public static string Fill(RoutePattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content == "guid") => Guid.NewGuid().ToString(),
            RoutePatternParameterPart { Name: "documentName" } => "v1",
            RoutePatternParameterPart => "75",
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
