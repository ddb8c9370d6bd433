using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Published;
using Maillage.Funding.Storage;
using Maillage.Territories.Published;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Records the ACI contract of a CPTS at the stage « ACI signé »: pinned to a known rule set (the default if none is named), with
/// the tier stored on the CPTS at that moment, the ARS and the CPAM that signed it (<see cref="ContractFunders"/>: their officers decide
/// for the funders from then on; an officer records only a contract its own ARS or CPAM signed), and its payment parameters
/// (<see cref="ContractParameters"/>; each missing one takes its default: 0.75, proportional, 3 months). One contract at a time per CPTS.
/// </summary>
public sealed class RecordContract(MaillageDbContext db, AuditTrail audit, AciRuleSets ruleSets, TimeProvider clock, FundingAccess access, GeoCatalog geo)
{
    public async Task<Result<AciContract>> RunAsync(Guid cptsId, ContractDraft draft, Actor actor, CancellationToken ct = default) =>
        await RunAsync(cptsId, draft, null, actor, ct);

    public async Task<Result<AciContract>> RunAsync(Guid cptsId, ContractDraft draft, ParametersDraft? parameters, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await access.CptsAsync(cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<AciContract>.Fail(found.Errors);
        }

        var (cpts, existing, today) = (found.Value!.Cpts, found.Value.Contract, found.Value.Today);
        if (!found.Value.Tenant.Steers)
        {
            return Error.Forbidden();
        }

        var (arsRegion, cpamDepartement, funderErrors) = ContractFunders.Check(draft.ArsRegion, draft.CpamDepartement, cpts, geo);
        if (funderErrors.Count == 0 && access.RecordingRefusal(found.Value.Tenant, ContractFunders.Named(arsRegion, cpamDepartement)) is { } refused)
        {
            return refused;
        }

        if (existing is not null && draft.SignedOn is { } renewedOn && renewedOn < existing.EndsOn)
        {
            return new Error("contract_running",
                $"Le contrat ACI n° {existing.Number} court jusqu'au {Maillage.Platform.French.Date(existing.LastDay)} : modifiez-le par un avenant ; "
                + $"son renouvellement se signe à partir du {Maillage.Platform.French.Date(existing.EndsOn)}.", "signedOn", ErrorKind.Conflict);
        }

        if (cpts.Stage != Stage.AciSigned)
        {
            return new Error("stage_not_aci_signed",
                $"Cette CPTS est à l'étape « {cpts.Stage.French()} » : enregistrez d'abord l'étape « {Stage.AciSigned.French()} » sur la fiche de la CPTS, puis le contrat.",
                "stage", ErrorKind.Conflict);
        }

        var set = string.IsNullOrWhiteSpace(draft.RuleSet) ? ruleSets.Default : ruleSets.Find(draft.RuleSet.Trim());
        if (set is null)
        {
            return new Error("unknown_rule_set", $"Barème « {draft.RuleSet!.Trim()} » inconnu. Barèmes connus : {ruleSets.KnownIds}.", "ruleSet");
        }

        if (cpts.Tier < 1 || cpts.Tier > set.TierCount)
        {
            return new Error("tier_out_of_grid", $"La taille {cpts.Tier} enregistrée pour cette CPTS n'existe pas dans le barème « {set.ShortName} » (tailles 1 à {set.TierCount}).", "ruleSet");
        }

        var result = AciContract.Sign(draft, cpts.Id, cpts.Tier, today, actor.Name, clock.GetUtcNow());
        var checkedParameters = ContractParameters.Check(parameters, defaults: true);
        if (!result.Succeeded || !checkedParameters.Succeeded || funderErrors.Count > 0)
        {
            return Result<AciContract>.Fail(result.Errors.Concat(funderErrors).Concat(checkedParameters.Errors));
        }

        var contract = result.Value!;
        (contract.ArsRegion, contract.CpamDepartement) = (arsRegion, cpamDepartement);
        checkedParameters.Value!.ApplyTo(contract);
        contract.RuleSetId = set.Id;
        contract.Number = (existing?.Number ?? 0) + 1;
        db.AciContracts().Add(contract);
        audit.Record(actor, cpts.Id, "aci.contract.recorded",
            $"Contrat ACI n° {contract.Number} ({contract.Id}) signé le {Maillage.Platform.French.Date(contract.SignedOn)} par {ContractFunders.Of(contract, cpts).Describe(geo)}, barème « {set.ShortName} », taille {contract.TierAtSignature}, missions : {ContractMissions.Describe(contract.MissionIds)} ; {checkedParameters.Value!.Describe()}.");
        return await db.SaveAsync(contract, ct, taken: AlreadyRecorded());
    }

    private static Error AlreadyRecorded() =>
        new("contract_exists", "Un autre contrat ACI vient d'être enregistré pour cette CPTS au même moment : rechargez la page.", "cpts", ErrorKind.Conflict);
}
