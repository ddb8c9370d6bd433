using Maillage.Funding;
using Maillage.Funding.Contracts;
using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Maillage.Lifecycle.Published;
using Maillage.Territories.Published;

namespace Maillage.Web.Funding.Contracts;

/// <summary>
/// The ACI contract of a CPTS: its rule set, dates, tier at signature, missions, signatories and the ARS and CPAM that signed, the
/// amendments, and the terms in force today with the maximum of the year; officers of the territory and admins record it (naming their
/// ARS or CPAM), then the officers of the ARS and the CPAM recorded on it and admins amend it; the other officers read it and are told why.
/// </summary>
public sealed partial class ContractModel(ReadCpts readCpts, ReadContract read, RecordContract record, AmendContract amend, AciRuleSets ruleSets, GeoCatalog geo)
    : PageModel, IRefusesForms
{
    /// <summary>The régions of the territory, by name, for the ARS that signs.</summary>
    public IReadOnlyList<(string Code, string Name)> Regions =>
        [.. Tenant!.Cpts.RegionCodes.Select(c => (c, ContractFunders.RegionName(geo, c))).OrderBy(r => r.Item2, StringComparer.Ordinal)];

    /// <summary>The départements of the territory, by name, for the CPAM that signs.</summary>
    public IReadOnlyList<(string Code, string Name)> Departements =>
        [.. Tenant!.Cpts.DepartementCodes.Select(c => (c, ContractFunders.DepartementName(geo, c))).OrderBy(d => d.Item2, StringComparer.Ordinal)];

    /// <summary>« l'ARS de la région Bretagne et la CPAM du département Ille-et-Vilaine (35) » for the contract shown.</summary>
    public string Funders => ContractFunders.Of(Contract!, Tenant!.Cpts).Describe(geo);

    public Cpts? Cpts { get; private set; }

    public AciContract? Contract { get; private set; }

    public ContractTermsView? Current { get; private set; }

    public bool CanRecord { get; private set; }

    public IReadOnlyList<Error> Errors { get; private set; } = [];

    public AciRuleSets RuleSets => ruleSets;

    /// <summary>How the reader stands towards the CPTS.</summary>
    public Tenant? Tenant { get; private set; }

    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Tenant!.Today;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCreateAsync(Guid id, string? ruleSet, DateOnly? signedOn, string? arsSignatory, string? cpamSignatory,
        List<string>? missions, int? crisisPlanYear, string? summary, string? arsRegion, string? cpamDepartement, CancellationToken ct)
    {
        var draft = new ContractDraft(ruleSet, signedOn, arsSignatory, cpamSignatory, missions, crisisPlanYear, summary, arsRegion, cpamDepartement);
        var result = await record.RunAsync(id, draft, HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, "Contrat ACI enregistré.", ct);
    }

    public async Task<IActionResult> OnPostAmendAsync(Guid id, DateOnly? effectiveOn, List<string>? addedMissions, List<string>? removedMissions,
        int? tier, string? tierReason, string? summary, int? version, CancellationToken ct)
    {
        var draft = new AmendmentDraft(effectiveOn, addedMissions, removedMissions, tier, tierReason, summary);
        var result = await amend.RunAsync(id, draft, version, HttpContext.GetActor(), ct);
        return await AfterAsync(id, result, "Avenant enregistré.", ct);
    }

    public Task<IActionResult> RefuseAsync(IReadOnlyDictionary<string, object?> arguments, IReadOnlyList<Error> errors, CancellationToken ct) =>
        AfterAsync(arguments.Get<Guid>("id"), Result<object>.Fail(errors), "", ct);

    private async Task<IActionResult> AfterAsync<T>(Guid id, Result<T> result, string message, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            TempData["Message"] = message;
            return Redirect($"/cpts/{id}/contrat");
        }

        if (result.Kind == ErrorKind.NotFound && result.Errors.Any(e => e.Code == "not_found"))
        {
            return NotFound();
        }

        Errors = result.Errors;
        Response.StatusCode = PageErrors.StatusOf(result.Kind);
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var actor = HttpContext.GetActor();
        var cpts = await readCpts.GetAsync(id, actor, ct);
        if (!cpts.Succeeded)
        {
            return false;
        }

        (Cpts, Tenant) = (cpts.Value!.Cpts, cpts.Value.Tenant);
        CanRecord = Tenant.Steers;
        var contract = await read.GetAsync(id, actor, ct);
        Contract = contract.Value;
        if (Contract is not null)
        {
            var on = Contract.Covers(Today) ? Today : Today < Contract.SignedOn ? Contract.SignedOn : Contract.LastDay;
            Current = read.Terms(Contract, on).Value;
        }

        await LoadFunderRecordsAsync(id, actor, ct);

        return true;
    }
}
