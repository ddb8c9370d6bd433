using Maillage.Platform.Errors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Platform;

/// <summary>
/// A page with forms: the refusal's errors (shown next to their fields, answered with <see cref="PageErrors.StatusOf"/>), the success message,
/// and the 403 page with its French sentence.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public IReadOnlyList<Error> Errors { get; protected set; } = [];

    public string? Message { get; protected set; }

    /// <summary>The reader may not use this page (answered 403 with a French sentence).</summary>
    public bool Forbidden { get; protected set; }

    /// <summary>The page as a refusal: 403, its French sentence instead of the content.</summary>
    protected PageResult ForbiddenPage()
    {
        Forbidden = true;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    /// <summary>Records the outcome: the message, or the errors and their status (403, 409, 422).</summary>
    protected void Outcome(IReadOnlyList<Error> errors, string? message)
    {
        if (errors.Count == 0)
        {
            Message = message;
            return;
        }

        Errors = errors;
        Response.StatusCode = PageErrors.StatusOf(errors.Max(e => e.Kind));
    }

    /// <summary>The values a refused form of <paramref name="handler"/> sent for a field (checkboxes, lists), or null when it was not that form.</summary>
    public IReadOnlyList<string>? Typed(string handler, string name) =>
        Errors.Count > 0 && HttpMethods.IsPost(Request.Method) && Request.HasFormContentType
            && string.Equals(Request.Query["handler"].ToString(), handler, StringComparison.OrdinalIgnoreCase)
            ? [.. Request.Form[name].Select(v => v ?? "")] : null;

    /// <summary>The errors of one field (shown next to its form when no field of the form carries that name).</summary>
    public IEnumerable<Error> ErrorsOf(string field) => Errors.Where(e => e.Field == field);
}
