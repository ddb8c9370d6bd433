using Maillage.Lifecycle;
using Maillage.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Platform;

/// <summary>The CPTS the user may see.</summary>
public sealed class HomeModel(ReadCpts read) : PageModel
{
    public IReadOnlyList<CptsListItem> Items { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        Items = await read.ListAsync(actor, ct);
        CanCreate = actor.Role is Role.Admin or Role.Officer;
    }
}
