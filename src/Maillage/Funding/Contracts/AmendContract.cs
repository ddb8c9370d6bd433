using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Records the next amendment (avenant) of a contract; a tier drop respects the notice of the contract's rule set, counted from today
/// (<see cref="TierDropNotice"/>). The contract's version is checked when given and always incremented, so two
/// amendments recorded at once cannot both be saved (and a unique number per contract backs it).
/// </summary>
public sealed class AmendContract(MaillageDbContext db, AuditTrail audit, AciRuleSets ruleSets, TimeProvider clock, FundingAccess access)
{
    public async Task<Result<AciContract>> RunAsync(Guid cptsId, AmendmentDraft draft, int? version, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await access.ContractForChangeAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<AciContract>.Fail(found.Errors);
        }

        var contract = found.Value!.Contract;
        if (version is { } expected && expected != contract.Version)
        {
            return Error.Stale();
        }

        var set = ruleSets.Find(contract.RuleSetId);
        var notice = TierDropNotice.For(set, found.Value.Today);
        var result = contract.Amend(draft, set?.TierCount ?? 0, actor.Name, clock.GetUtcNow(), notice);
        if (!result.Succeeded)
        {
            return Result<AciContract>.Fail(result.Errors);
        }

        var amendment = result.Value!;
        db.Add(amendment);
        db.Entry(contract).State = EntityState.Modified;
        audit.Record(actor, cptsId, "aci.contract.amended",
            $"Avenant n° {amendment.Number} au contrat ACI {contract.Id}, effet au {Maillage.Platform.French.Date(amendment.EffectiveOn)}"
            + (amendment.Added.Count > 0 ? $", ajout : {ContractMissions.Describe(amendment.Added)}" : "")
            + (amendment.Removed.Count > 0 ? $", retrait : {ContractMissions.Describe(amendment.Removed)}" : "")
            + (amendment.Tier is { } t ? $", taille {t}" : "") + ".");
        return await db.SaveAsync(contract, ct);
    }
}
