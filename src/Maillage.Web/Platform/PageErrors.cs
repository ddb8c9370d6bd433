using Maillage.Platform.Errors;

namespace Maillage.Web.Platform;

/// <summary>The HTTP status a page answers with when a use case refuses a form: the same mapping as the API, 422 for bad input.</summary>
public static class PageErrors
{
    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status422UnprocessableEntity,
    };
}
