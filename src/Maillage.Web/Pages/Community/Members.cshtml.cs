using Maillage.Community;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Pages.Community;

/// <summary>
/// The adhérents of a CPTS: membership rates by profession for every reader (officers included), the member list with statuses and
/// dues for the CPTS's coordinator and members, a chart of the last 24 months and the exports, and for the coordinator (or an admin) a form to add a member by RPPS.
/// </summary>
public sealed class MembersModel(ReadMembers read, ComputeMembershipRates rates, ComputeMembershipHistory history, AddMember add) : PageModel
{
    public MembershipRates? Rates { get; private set; }

    /// <summary>Members and active members at the end of each of the last 24 months, oldest first.</summary>
    public IReadOnlyList<MembershipMonth> History { get; private set; } = [];

    /// <summary>Null when the reader may see only the rates (an officer).</summary>
    public MemberList? List { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public string? Added { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, string? rpps, string? college, string? status, DateOnly? since, CancellationToken ct)
    {
        var result = await add.RunAsync(id, new AddMemberInput(Rpps: rpps, College: college, Status: status, Since: since), HttpContext.GetActor(), ct);
        if (!result.Succeeded && result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            Added = rpps;
        }
        else
        {
            Errors = result.Errors;
            Response.StatusCode = result.Kind switch
            {
                ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                ErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status422UnprocessableEntity,
            };
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var computed = await rates.RunAsync(id, actor, ct);
        if (!computed.Succeeded)
        {
            return false;
        }

        Rates = computed.Value;
        History = (await history.RunAsync(id, actor, ct)).Value ?? [];
        List = (await read.RunAsync(id, actor, ct)).Value;
        return true;
    }
}
