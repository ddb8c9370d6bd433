using Maillage.TreatingDoctor;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.TreatingDoctor;

/// <summary>« Médecins volontaires »: the coordinator enrols doctor adhérents, changes what they declare, withdraws them.</summary>
public sealed class VolontairesModel(ReadTreating read, SaveVolunteer save) : FormPageModel
{
    public DeskView? Desk { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PageAsync(id, ct);

    public async Task<IActionResult> OnPostEnrolAsync(Guid id, Guid? memberId, int? monthlyCapacity, List<string> accepts, bool homeVisits, bool beyond,
        CancellationToken ct)
    {
        var result = await save.EnrollAsync(id, memberId, new VolunteerInput(monthlyCapacity, accepts, homeVisits, beyond), HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Value is { } v ? $"{v.Name} est inscrit comme médecin traitant volontaire." : null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, Guid volunteerId, int? monthlyCapacity, List<string> accepts, bool homeVisits, bool beyond,
        bool paused, int? version, CancellationToken ct)
    {
        var result = await save.ChangeAsync(id, volunteerId, new VolunteerInput(monthlyCapacity, accepts, homeVisits, beyond, paused, null, version),
            HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Value is { } v ? $"Les disponibilités de {v.Name} sont enregistrées." : null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid volunteerId, CancellationToken ct)
    {
        var result = await save.WithdrawAsync(id, volunteerId, HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Value is { } v ? $"{v.Name} n'est plus volontaire ; ses propositions sans réponse reviennent dans la file." : null);
        return await PageAsync(id, ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken ct)
    {
        var desk = await read.DeskAsync(id, null, HttpContext.GetActor(), listRequests: false, ct);
        if (!desk.Succeeded)
        {
            return desk.Kind == Maillage.Platform.Errors.ErrorKind.Forbidden ? ForbiddenPage() : NotFound();
        }

        Desk = desk.Value!;
        return Desk.Scope.Manages ? Page() : ForbiddenPage();
    }
}
