using Maillage.Funding.Contracts;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Maillage.Web.Funding.Contracts;

/// <summary>
/// What the funders record on the contract page: the payment parameters and the serious health crises (read by whoever reads the
/// contract, changed by the officers of the ARS and the CPAM recorded on it or an admin).
/// </summary>
public sealed partial class ContractModel
{
    /// <summary>The serious health crises declared on the contract shown, by year.</summary>
    public IReadOnlyList<ContractCrisis> Crises { get; private set; } = [];

    /// <summary>Whether the user records what the funders decide (<see cref="Maillage.Funding.FundingRights.Decide"/>).</summary>
    public bool CanDecide { get; private set; }

    /// <summary>For an officer of the territory who did not sign the contract: who decides (<see cref="Maillage.Funding.FundingRights.WhoDecides"/>).</summary>
    public string? WhoDecides { get; private set; }

    public async Task<IActionResult> OnPostParametersAsync(Guid id, string? fixedAdvanceShare, string? variableRule, string? variableFloor,
        int? balanceMonths, int? version, [FromServices] ChangeContractParameters change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(change);
        var errors = new List<Error>();
        var share = FundingForms.Parse(fixedAdvanceShare, "fixedAdvanceShare", "La part fixe versée en début d'année", errors);
        var floor = FundingForms.Parse(variableFloor, "variableFloor", "Le seuil", errors);
        var result = errors.Count > 0 ? Result<AciContract>.Fail(errors)
            : await change.RunAsync(id, new ParametersDraft(share, variableRule, floor, balanceMonths), version, HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, "Paramètres de versement enregistrés.", ct);
    }

    public async Task<IActionResult> OnPostCrisisAsync(Guid id, int? year, DateOnly? declaredOn, string? description, [FromServices] RecordCrisis record,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var result = await record.RunAsync(id, new CrisisDraft(year, declaredOn, description), HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, "Crise sanitaire grave déclarée.", ct);
    }

    public async Task<IActionResult> OnPostDeleteCrisisAsync(Guid id, int year, [FromServices] DeleteCrisis delete, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delete);
        var result = await delete.RunAsync(id, year, HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, $"Crise sanitaire grave de l'année {year} supprimée.", ct);
    }

    private async Task LoadFunderRecordsAsync(Guid id, Actor actor, CancellationToken ct)
    {
        if (Contract is null)
        {
            return;
        }

        var crises = await HttpContext.RequestServices.GetRequiredService<ReadFunderRecords>().CrisesAsync(id, actor, ct);
        (Crises, CanDecide, WhoDecides) = crises.Succeeded ? (crises.Value!.List, crises.Value!.Found.Rights.Decide, crises.Value!.Found.Rights.WhoDecides)
            : ([], false, null);
    }
}
