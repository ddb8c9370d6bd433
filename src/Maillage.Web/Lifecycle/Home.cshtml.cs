using Maillage.Lifecycle.Workspace;
using Maillage.Platform.Identity;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Lifecycle;

/// <summary>
/// The home of a CPTS, as the reader stands towards it: « À faire » gathered from every module (the coordinator's work, a member's own
/// business, what waits for the officers), each line linking to where it is done, and the CPTS's key figures.
/// </summary>
public sealed class CptsHomeModel(ReadWorkspace read) : PageModel
{
    public CptsHome? Home { get; private set; }

    /// <summary>The heading of the list, said for the reader: the coordinator's « À faire », a member's « Pour vous ».</summary>
    public string ListTitle => Home!.Tenant switch
    {
        { IsMemberAccount: true } => "Pour vous",
        { Manages: true } => "À faire",
        { Steers: true } => "À suivre",
        _ => "À faire",
    };

    public string Empty => Home!.Tenant.IsMemberAccount ? "Rien ne vous attend pour l'instant." : "Rien n'attend pour l'instant.";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var home = await read.ForCptsAsync(id, HttpContext.GetActor(), ct);
        if (!home.Succeeded)
        {
            return NotFound();
        }

        Home = home.Value;
        return Page();
    }

    /// <summary>Whether a line is overdue (its day has passed where the CPTS is).</summary>
    public bool Late(Maillage.Lifecycle.Published.ToDo line) => line.Due is { } due && due < Home!.Tenant.Today;

    public bool IsOfficer => Home!.Tenant.Actor.Role == Role.Officer;
}
