using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Maillage.Web.Platform.Workspace;

/// <summary>What the layout shows around a page of a CPTS: its name and stage, and the navigation the reader may use.</summary>
public sealed record Shell(Tenant Tenant, IReadOnlyList<NavigationGroup> Groups, NavigationEntry? Current)
{
    public static Shell? Of(HttpContext http) => http?.Items[typeof(Shell)] as Shell;
}

/// <summary>
/// Builds the <see cref="Shell"/> of every page under <c>/cpts/{id}</c>: resolves the CPTS for the reader (a CPTS they may not read gets no
/// shell, and the page answers its own 404) and keeps the entries they may open. On a GET it takes the tenant the page's handler already
/// resolved for the same reader and CPTS (<see cref="Tenancy.Resolved"/>): nothing has changed since, and the modules that remember what they
/// read per tenant (the contract behind the contract entries) answer without reading it again.
/// </summary>
public sealed class ShellFilter(Tenancy tenancy, WorkspaceNavigation navigation) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        // After the handler, so the shell shows what a form just changed (a new stage); only for a page that is rendered.
        var executed = await next();
        var http = context.HttpContext;
        var template = context.ActionDescriptor.AttributeRouteInfo?.Template ?? "";
        if (executed.Result is not (null or Microsoft.AspNetCore.Mvc.RazorPages.PageResult) || !template.StartsWith(Prefix, StringComparison.Ordinal)
            || context.RouteData.Values["id"] is not string raw || !Guid.TryParse(raw, out var id) || http.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        var actor = http.GetActor();
        var tenant = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            && tenancy.Resolved is { } resolved && resolved.Id == id && resolved.Actor == actor
            ? Result<Tenant>.Ok(resolved)
            : await tenancy.ResolveAsync(id, actor, http.RequestAborted);
        if (tenant.Succeeded)
        {
            var groups = await navigation.ForAsync(tenant.Value!, http);
            var path = template.Length > Prefix.Length ? template[(Prefix.Length + 1)..] : "";
            var current = groups.SelectMany(g => g.Entries)
                .Where(e => e.Path.Length == 0 ? path.Length == 0 : path == e.Path || path.StartsWith(e.Path + "/", StringComparison.Ordinal))
                .MaxBy(e => e.Path.Length);
            http.Items[typeof(Shell)] = new Shell(tenant.Value!, groups, current);
        }
    }

    private const string Prefix = "cpts/{id:guid}";
}
