using Maillage.Platform.Errors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Maillage.Web.Platform;

/// <summary>The one mapping of errors to RFC 9457 problem details for the API.</summary>
public static class ErrorResponses
{
    public static IResult ToProblem(this IReadOnlyList<Error> errors)
    {
        var kind = errors.Count == 0 ? ErrorKind.Validation : errors.Max(e => e.Kind);
        if (kind == ErrorKind.Validation)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Field ?? "").ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: "Données invalides", detail: string.Join(" ", errors.Select(e => e.Message)));
        }

        var (status, title) = kind switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Introuvable"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Accès refusé"),
            _ => (StatusCodes.Status409Conflict, "Conflit"),
        };
        return TypedResults.Problem(
            detail: string.Join(" ", errors.Where(e => e.Kind == kind).Select(e => e.Message)),
            statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = errors.Select(e => new { e.Code, e.Field, e.Message }).ToArray() });
    }

    public static IResult ToProblem<T>(this Result<T> result) => result.Errors.ToProblem();

    /// <summary>
    /// Bad requests the framework detects (unreadable JSON, wrong types, missing body, wrong content type, unbindable parameters) become
    /// 400s (415, 413) that say in French what is wrong, where and what was expected (<see cref="BadRequests"/>); anything else is a bug:
    /// 500 without details.
    /// </summary>
    public static async Task HandleExceptionAsync(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        var result = feature?.Error is BadHttpRequestException bad
            ? TypedResults.Problem(BadRequests.Describe(bad, context, feature.Endpoint))
            : TypedResults.Problem(title: "Erreur interne", detail: "Une erreur inattendue s'est produite ; elle a été journalisée.", statusCode: StatusCodes.Status500InternalServerError);
        await result.ExecuteAsync(context);
    }

    /// <summary>
    /// Refuses a body larger than the endpoint allows before it is read: <see cref="WebPlatform.MaxRequestBody"/>, unless the
    /// endpoint declares its own limit (<c>[RequestSizeLimit]</c>), which then also lifts the server's limit for that request.
    /// Runs after routing, so the endpoint is known.
    /// </summary>
    public static async Task RefuseOversizedBodies(HttpContext context, Func<Task> next)
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var limit = declared is null ? WebPlatform.MaxRequestBody : declared.MaxRequestBodySize;
        if (context.Request.ContentLength > limit)
        {
            await TypedResults.Problem(title: "Requête trop volumineuse",
                detail: $"Le corps de la requête dépasse {limit / 1024} Kio.", statusCode: StatusCodes.Status413PayloadTooLarge)
                .ExecuteAsync(context);
            return;
        }

        if (declared is not null && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next();
    }
}
