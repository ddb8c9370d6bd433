using Maillage.Association;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Maillage.Web.Association;

/// <summary>
/// A proposal: description, status, its trail of steps, the decision it led to, and the actions the viewer may take now (bureau:
/// forward or reject; conseil: adopt or reject; author: withdraw). Every form carries the version the viewer saw.
/// </summary>
public sealed class ProposalsDetailModel(ReadProposals read) : PageModel, IRefusesForms
{
    /// <summary>The CPTS of the route.</summary>
    public Guid Id { get; private set; }

    public ProposalDetail? Detail { get; private set; }

    public bool Forbidden { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid id, Guid proposalId, CancellationToken ct) => LoadAsync(id, proposalId, ct);

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid proposalId, string? move, string? comment, DateOnly? date, Guid? meetingId, int? version,
        [FromServices] MoveProposal moves, CancellationToken ct)
    {
        var parsed = MeetingLabels.Parse<ProposalMove>(move, "action", "Action");
        var result = parsed.Succeeded
            ? await moves.RunAsync(id, proposalId, parsed.Value, new ProposalMoveInput(comment, date, meetingId, version), HttpContext.GetActor(), ct)
            : Result<Proposal>.Fail(parsed.Errors);
        if (result.Succeeded)
        {
            TempData["Message"] = result.Value!.Status switch
            {
                ProposalStatus.AtBoard => "Proposition transmise au conseil d'administration.",
                ProposalStatus.Adopted => "Proposition adoptée : la décision est inscrite au registre.",
                ProposalStatus.Rejected => "Proposition rejetée.",
                _ => "Proposition retirée.",
            };
            return Redirect($"/cpts/{id}/propositions/{proposalId}");
        }

        return await RefusedAsync(id, proposalId, result.Errors, ct);
    }

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct) =>
        RefusedAsync(arguments.Get<Guid>("id"), arguments.Get<Guid>("proposalId"), errors, ct);

    private async Task<IActionResult> RefusedAsync(Guid id, Guid proposalId, IReadOnlyList<Error> errors, CancellationToken ct)
    {
        Errors = errors;
        var page = await LoadAsync(id, proposalId, ct);
        if (Detail is not null)
        {
            Response.StatusCode = PageErrors.StatusOf(errors.Max(e => e.Kind));
        }

        return page;
    }

    private async Task<IActionResult> LoadAsync(Guid id, Guid proposalId, CancellationToken ct)
    {
        Id = id;
        var result = await read.GetAsync(id, proposalId, HttpContext.GetActor(), ct);
        if (!result.Succeeded && result.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }

        Forbidden = !result.Succeeded;
        Detail = result.Value;
        Response.StatusCode = Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status200OK;
        return Page();
    }
}
