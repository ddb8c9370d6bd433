using Maillage.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Maillage.Web.Platform;

/// <summary>
/// A page whose forms take dates. When a date was typed but is not one, <see cref="UnreadableDates"/> does not run the form's handler (which
/// would read the date as missing, « Indiquez la date… », or as today when it is optional) and asks the page to show itself again with the
/// errors, as it does when a use case refuses the form.
/// </summary>
public interface IRefusesForms
{
    /// <param name="arguments">The handler's arguments as bound (the route's <c>id</c>, the form's fields).</param>
    Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct);
}

/// <summary>
/// Refuses a page form whose date fields (handler parameters of type <see cref="DateOnly"/>) hold text that is not a date, saying so in
/// French with what is expected: « La date « 32/13/2026 » n'est pas une date valide (jj/mm/aaaa). ». Browsers send <c>aaaa-mm-jj</c>; a
/// date typed by hand is read the French way (<c>jj/mm/aaaa</c>).
/// </summary>
public sealed class UnreadableDates : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = Of(context);
        if (errors.Count > 0 && context.HandlerInstance is IRefusesForms page)
        {
            context.Result = await page.RefuseAsync(context.HandlerArguments.AsReadOnly(), errors, context.HttpContext.RequestAborted);
            return;
        }

        await next();
    }

    /// <summary>The message for a date that is badly written.</summary>
    public static Error BadlyWritten(string text, string field) =>
        new("invalid_date", $"La date « {text.Trim()} » n'est pas une date valide (jj/mm/aaaa).", field);

    /// <summary>Whether a handler parameter is a date (what this filter checks).</summary>
    public static bool IsDate(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateOnly);

    private static List<Error> Of(PageHandlerExecutingContext context)
    {
        var errors = new List<Error>();
        foreach (var parameter in context.HandlerMethod?.Parameters ?? [])
        {
            if (!IsDate(parameter.ParameterType))
            {
                continue;
            }

            var entry = context.ModelState.FirstOrDefault(e => string.Equals(e.Key, parameter.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (entry is { ValidationState: ModelValidationState.Invalid, AttemptedValue: { } typed } && !string.IsNullOrWhiteSpace(typed))
            {
                errors.Add(BadlyWritten(typed, parameter.Name));
            }
        }

        return errors;
    }
}

/// <summary>Reading the bound arguments a page gets back in <see cref="IRefusesForms.RefuseAsync"/>.</summary>
public static class FormArguments
{
    /// <summary>The argument, or the default of <typeparamref name="T"/> when the handler has none of that name (or it is null).</summary>
    public static T? Get<T>(this IReadOnlyDictionary<string, object?> arguments, string name)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.TryGetValue(name, out var value) && value is T typed ? typed : default;
    }
}
