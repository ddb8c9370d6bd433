using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>
/// « Médecin traitant »: the coordinator's desk (requests by status, what to do next), the volunteer's proposals (accept, refuse with a
/// reason) and what they declare, a member's filings (without identity), an officer's counts.
/// </summary>
public sealed class BureauModel(ReadTreating read, Proposals proposals, SaveVolunteer volunteers) : FormPageModel
{
    public DeskView? Desk { get; private set; }

    /// <summary>What the team's search found (null when nothing was searched), and the words, to keep them in the field.</summary>
    public IReadOnlyList<TreatingRequest>? Found { get; private set; }

    public string? Query { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? statut, string? efface, CancellationToken ct)
    {
        if (efface is not null)
        {
            Message = "Les données du patient sont effacées : sa demande ne garde que ce qu'il faut aux statistiques, sans identité.";
        }

        return await PageAsync(id, statut, ct);
    }

    /// <summary>A POST, not a GET: the words searched (a patient's name, phone or NIR) never enter an address, a history or a log line.</summary>
    public async Task<IActionResult> OnPostSearchAsync(Guid id, string? q, CancellationToken ct)
    {
        Query = q;
        var result = await read.SearchAsync(id, q, HttpContext.GetActor(), ct);
        if (!result.Succeeded && result.Kind is Maillage.Platform.Errors.ErrorKind.Forbidden or Maillage.Platform.Errors.ErrorKind.NotFound)
        {
            return result.Kind == Maillage.Platform.Errors.ErrorKind.Forbidden ? ForbiddenPage() : NotFound();
        }

        Found = result.Value;
        Outcome(result.Errors, null);
        return await PageAsync(id, null, ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid proposalId, bool accept, string? reason, int? version, CancellationToken ct)
    {
        var result = await proposals.AnswerAsync(id, proposalId, accept, reason, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, accept
            ? "Merci : le patient est à vous. La coordination le prévient et vous suivez avec lui la déclaration de médecin traitant."
            : "Votre refus est noté : la coordination proposera ce patient à un autre médecin.");
        return await PageAsync(id, null, ct);
    }

    public async Task<IActionResult> OnPostSettingsAsync(Guid id, Guid volunteerId, int? monthlyCapacity, List<string> accepts, bool homeVisits, bool beyond,
        bool paused, int? version, CancellationToken ct)
    {
        var result = await volunteers.ChangeAsync(id, volunteerId, new VolunteerInput(monthlyCapacity, accepts, homeVisits, beyond, paused, null, version),
            HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Value?.Paused == true ? "C'est noté : aucune proposition ne vous sera faite pendant la pause." : "Vos disponibilités sont enregistrées.");
        return await PageAsync(id, null, ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, string? statut, CancellationToken ct)
    {
        RequestStatus? filter = Enum.TryParse<RequestStatus>(statut, ignoreCase: true, out var s) ? s : null;
        var desk = await read.DeskAsync(id, filter, HttpContext.GetActor(), ct: ct);
        if (!desk.Succeeded)
        {
            return desk.Kind == Maillage.Platform.Errors.ErrorKind.Forbidden ? ForbiddenPage() : NotFound();
        }

        Desk = desk.Value!;
        return Page();
    }
}
