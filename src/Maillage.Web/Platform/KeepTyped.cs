using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Maillage.Web.Platform;

/// <summary>
/// Forms keep what was typed when the server refuses them: on a page answering a refused POST (status 400 or more), the form that was sent
/// (the one whose handler is the request's) shows the posted values again in its fields left empty by the page — text, numbers, dates,
/// text areas and lists; never passwords or files. One rule for every form of the site, rather than a copy in each page model.
/// </summary>
[HtmlTargetElement("form")]
public sealed class KeepTypedFormTagHelper(IHttpContextAccessor accessor) : TagHelper
{
    internal const string Key = "maillage.posted-form";

    public override int Order => -1000;

    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = accessor.HttpContext;
        if (http is null || !HttpMethods.IsPost(http.Request.Method) || http.Response.StatusCode < 400 || !http.Request.HasFormContentType)
        {
            return;
        }

        var posted = http.Request.Query["handler"].ToString();
        var handler = context.AllAttributes.TryGetAttribute("asp-page-handler", out var a) ? a.Value?.ToString()
            : context.AllAttributes.TryGetAttribute("action", out var action) && action.Value?.ToString() is { } url && url.Contains("handler=", StringComparison.OrdinalIgnoreCase)
                ? url[(url.IndexOf("handler=", StringComparison.OrdinalIgnoreCase) + 8)..].Split('&')[0] : "";
        var method = context.AllAttributes.TryGetAttribute("method", out var m) ? m.Value?.ToString() : "get";
        if (string.Equals(method, "post", StringComparison.OrdinalIgnoreCase) && string.Equals(handler ?? "", posted, StringComparison.OrdinalIgnoreCase))
        {
            context.Items[Key] = http.Request.Form;
        }
    }
}

/// <summary>Fills an empty field of the form that was sent and refused with what was typed (see <see cref="KeepTypedFormTagHelper"/>).</summary>
[HtmlTargetElement("input", Attributes = "name")]
[HtmlTargetElement("textarea", Attributes = "name")]
[HtmlTargetElement("select", Attributes = "name")]
[HtmlTargetElement("option")]
public sealed class KeepTypedFieldTagHelper : TagHelper
{
    private const string SelectKey = "maillage.posted-select";
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "password", "file", "hidden", "submit", "button", "checkbox", "radio" };

    public override int Order => 1000;

    public override void Init(TagHelperContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TagName == "select" && context.Items.TryGetValue(KeepTypedFormTagHelper.Key, out var f) && f is IFormCollection form
            && context.AllAttributes["name"]?.Value?.ToString() is { } name && form.TryGetValue(name, out var value))
        {
            context.Items[SelectKey] = value.ToString();
        }
    }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(output);
        if (context.TagName == "option")
        {
            if (context.Items.TryGetValue(SelectKey, out var chosen) && chosen is string selected && output.Attributes["value"]?.Value?.ToString() is { } optionValue)
            {
                output.Attributes.RemoveAll("selected");
                if (optionValue == selected)
                {
                    output.Attributes.SetAttribute("selected", "selected");
                }
            }

            return;
        }

        if (!context.Items.TryGetValue(KeepTypedFormTagHelper.Key, out var f) || f is not IFormCollection form
            || output.Attributes["name"]?.Value?.ToString() is not { } name || !form.TryGetValue(name, out var typed) || typed.Count != 1)
        {
            return;
        }

        if (context.TagName == "input")
        {
            var type = output.Attributes["type"]?.Value?.ToString() ?? "text";
            if (!Skipped.Contains(type) && string.IsNullOrEmpty(output.Attributes["value"]?.Value?.ToString()))
            {
                output.Attributes.SetAttribute("value", typed.ToString());
            }
        }
        else if (context.TagName == "textarea")
        {
            var content = await output.GetChildContentAsync();
            if (content.IsEmptyOrWhiteSpace)
            {
                output.Content.SetContent(typed.ToString());
            }
        }
    }
}
