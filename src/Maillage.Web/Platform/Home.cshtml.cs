using Maillage.Lifecycle;
using Maillage.Lifecycle.Workspace;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Platform;

/// <summary>
/// Where everyone lands after signing in. The CPTS's own accounts (coordinator, members) go to their CPTS's home; an officer sees the
/// queue across the CPTS they steer and their territory's figures; an admin also sees the accounts and the platform's health. The list
/// of visible CPTS follows, from the rows the queue read.
/// </summary>
public sealed class HomeModel(ReadWorkspace workspace, ReadPlatformHealth health, Maillage.Territories.Published.GeoCatalog geo) : PageModel
{
    public IReadOnlyList<CptsListItem> Items { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public SteeringHome? Steering { get; private set; }

    /// <summary>Only for an admin.</summary>
    public PlatformHealth? Health { get; private set; }

    public string GeographyVintage => geo.Vintage;

    public Role Role { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        if (actor.Role is Role.Coordinator or Role.Member && actor.CptsId is { } own)
        {
            return Redirect($"/cpts/{own}/accueil");
        }

        Role = actor.Role;
        Steering = await workspace.ForSteeringAsync(actor, ct);
        Items = Steering.Readable;
        CanCreate = actor.Role is Role.Admin or Role.Officer;
        Health = actor.Role == Role.Admin ? await health.RunAsync(ct) : null;
        return Page();
    }
}
