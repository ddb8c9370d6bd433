using Maillage.Platform;
using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>« Attribution »: the coordinator simulates or runs the exact assignment, reads each draft with its explanation, and sends them.</summary>
public sealed class AttributionModel(ReadTreating read, MatchRequests match, Proposals proposals) : FormPageModel
{
    public DeskView? Desk { get; private set; }

    /// <summary>How many of the requests a run left waiting are listed with their reason (highest score first).</summary>
    public const int WaitingShown = 50;

    public MatchOutcome? Outcome2 { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PageAsync(id, ct);

    public async Task<IActionResult> OnPostRunAsync(Guid id, bool dryRun, CancellationToken ct)
    {
        var result = await match.RunAsync(id, dryRun, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            Outcome2 = result.Value;
        }

        Outcome(result.Errors, result.Value is { } o
            ? $"{French.Count(o.Result.Assigned, "demande attribuée", "demandes attribuées")} sur {French.Number(o.Result.Requests)} en attente"
              + (dryRun ? " (simulation : rien n'est proposé)." : " : relisez les propositions puis envoyez-les.")
            : null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id, List<Guid> draftIds, CancellationToken ct)
    {
        var result = await proposals.SendAsync(id, draftIds, TreatingDoctorWeb.AnswerLink(Request), HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Value is { } sent
            ? $"{French.Count(sent.Count, "proposition envoyée", "propositions envoyées")} : chaque médecin reçoit un e-mail avec un lien pour répondre."
            : null);
        return await PageAsync(id, ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken ct)
    {
        var desk = await read.DeskAsync(id, RequestStatus.Waiting, HttpContext.GetActor(), listRequests: false, ct);
        if (!desk.Succeeded)
        {
            return desk.Kind == Maillage.Platform.Errors.ErrorKind.Forbidden ? ForbiddenPage() : NotFound();
        }

        Desk = desk.Value!;
        return Desk.Scope.Manages ? Page() : ForbiddenPage();
    }
}
