using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>
/// One request: the patient, the score and its making, why it waits or why its doctor, the proposals; for the coordinator the triage, a
/// proposal by hand, the follow-up's next step, withdrawal, return to the queue and merging a duplicate; for the doctor it is proposed to,
/// the answer. Every opening is audited.
/// </summary>
public sealed class DemandeModel(ReadTreating read, FollowUp followUp, Proposals proposals, PatientData patientData) : FormPageModel
{
    private static readonly System.Text.Json.JsonSerializerOptions ExportJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public RequestView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid requestId, CancellationToken ct) => await PageAsync(id, requestId, ct);

    public async Task<IActionResult> OnPostTriageAsync(Guid id, Guid requestId, List<string> criteria, bool homeVisit, string? notes, bool referredToDac, bool queue,
        int? version, CancellationToken ct)
    {
        var result = await followUp.TriageAsync(id, requestId, new TriageInput(criteria, homeVisit, notes, referredToDac, queue, version), HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Value?.Status == RequestStatus.Waiting && queue ? "La demande est triée et entre dans la file d'attente." : "Le tri est enregistré.");
        return await PageAsync(id, requestId, ct);
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, Guid requestId, RequestStatus to, int? version, CancellationToken ct)
    {
        var result = await followUp.AdvanceAsync(id, requestId, to, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, $"Étape enregistrée : {TreatingLabels.Of(to)}.");
        return await PageAsync(id, requestId, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid requestId, string? reason, int? version, CancellationToken ct)
    {
        var result = await followUp.WithdrawAsync(id, requestId, reason, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "La demande est retirée.");
        return await PageAsync(id, requestId, ct);
    }

    public async Task<IActionResult> OnPostRequeueAsync(Guid id, Guid requestId, int? version, CancellationToken ct)
    {
        var result = await followUp.RequeueAsync(id, requestId, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "La demande revient dans la file d'attente.");
        return await PageAsync(id, requestId, ct);
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid id, Guid requestId, Guid duplicateId, CancellationToken ct)
    {
        var result = await followUp.MergeAsync(id, requestId, duplicateId, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "Le doublon est fusionné dans cette demande : rien n'est perdu (canaux, critères, coordonnées, notes).");
        return await PageAsync(id, requestId, ct);
    }

    public async Task<IActionResult> OnPostProposeAsync(Guid id, Guid requestId, Guid? volunteerId, CancellationToken ct)
    {
        var result = await proposals.ProposeAsync(id, requestId, volunteerId, TreatingDoctorWeb.AnswerLink(Request), HttpContext.GetActor(), ct);
        Outcome(result.Errors, "La proposition est envoyée au médecin.");
        return await PageAsync(id, requestId, ct);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid requestId, Guid proposalId, bool accept, string? reason, int? version, CancellationToken ct)
    {
        var result = await proposals.AnswerAsync(id, proposalId, accept, reason, version, HttpContext.GetActor(), ct);
        Outcome(result.Errors, accept ? "Réponse enregistrée : le médecin accepte le patient." : "Réponse enregistrée : refus ; la demande revient dans la file.");
        return await PageAsync(id, requestId, ct);
    }

    public async Task<IActionResult> OnPostRemindAsync(Guid id, Guid requestId, Guid proposalId, int? version, CancellationToken ct)
    {
        var result = await proposals.RemindAsync(id, proposalId, version, TreatingDoctorWeb.AnswerLink(Request), HttpContext.GetActor(), ct);
        Outcome(result.Errors, "Le médecin est relancé : il reçoit un nouveau lien pour répondre, valable 30 jours.");
        return await PageAsync(id, requestId, ct);
    }

    /// <summary>The patient's data as a JSON file, given to them on request (audited).</summary>
    public async Task<IActionResult> OnGetExportAsync(Guid id, Guid requestId, CancellationToken ct)
    {
        var result = await patientData.ExportAsync(id, requestId, HttpContext.GetActor(), ct);
        if (!result.Succeeded)
        {
            return result.Kind == Maillage.Platform.Errors.ErrorKind.Forbidden ? ForbiddenPage() : NotFound();
        }

        return File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result.Value, ExportJson), "application/json", $"demande-medecin-traitant-{requestId:N}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(Guid id, Guid requestId, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            Outcome([new Maillage.Platform.Errors.Error("confirm_required", "Cochez la case pour confirmer l'effacement : il est définitif.", "confirm")], null);
            return await PageAsync(id, requestId, ct);
        }

        var result = await patientData.EraseAsync(id, requestId, HttpContext.GetActor(), ct);
        if (!result.Succeeded)
        {
            Outcome(result.Errors, null);
            return await PageAsync(id, requestId, ct);
        }

        return Redirect($"/cpts/{id}/medecin-traitant?statut=Withdrawn&efface=1");
    }

    private async Task<IActionResult> PageAsync(Guid id, Guid requestId, CancellationToken ct)
    {
        var view = await read.RequestAsync(id, requestId, HttpContext.GetActor(), ct);
        if (!view.Succeeded)
        {
            return view.Kind == Maillage.Platform.Errors.ErrorKind.Forbidden ? ForbiddenPage() : NotFound();
        }

        View = view.Value!;
        return Page();
    }
}
