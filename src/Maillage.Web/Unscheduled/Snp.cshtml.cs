using Maillage.Platform.Errors;
using Maillage.Unscheduled;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.Unscheduled;

/// <summary>
/// « Soins non programmés » for the coordinator: enrol effectors (professional adhérents) and registrars (adhérents with their origin),
/// keep the places of consultation, read the effectors with their weekly patterns.
/// </summary>
public sealed class SnpModel(ReadSnp read, EnrollEffector effectors, EnrollRegistrar registrars, SavePlace places) : SnpPageModel
{
    public SnpOverview? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await PageAsync(id, ct);

    public async Task<IActionResult> OnPostEffectorAsync(Guid id, Guid? memberId, CancellationToken ct)
    {
        var result = await effectors.RunAsync(id, memberId, HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Succeeded ? $"{result.Value!.Name} est inscrit comme effecteur." : null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostWithdrawEffectorAsync(Guid id, Guid effectorId, CancellationToken ct)
    {
        var result = await effectors.WithdrawAsync(id, effectorId, HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Succeeded ? $"{result.Value!.Name} n'est plus effecteur." : null);
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostRegistrarAsync(Guid id, Guid? memberId, string? origin, CancellationToken ct)
    {
        var result = await registrars.RunAsync(id, memberId, origin, HttpContext.GetActor(), ct);
        Outcome(result.Errors, "Le régulateur est inscrit.");
        return await PageAsync(id, ct);
    }

    public async Task<IActionResult> OnPostPlaceAsync(Guid id, Guid? placeId, string? name, string? kind, string? address, string? communeCode, string? phone,
        int? version, CancellationToken ct)
    {
        var result = await places.RunAsync(id, placeId, new PlaceInput(name, kind, address, communeCode, phone, version), HttpContext.GetActor(), ct);
        Outcome(result.Errors, result.Succeeded ? $"Lieu « {result.Value!.Name} » enregistré." : null);
        return await PageAsync(id, ct);
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken ct)
    {
        var result = await read.OverviewAsync(id, HttpContext.GetActor(), ct);
        if (result.Succeeded)
        {
            View = result.Value;
            return Page();
        }

        if (result.Errors.Max(e => e.Kind) == ErrorKind.Forbidden)
        {
            return ForbiddenPage();
        }

        return NotFound();
    }
}
