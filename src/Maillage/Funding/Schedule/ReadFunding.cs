using Maillage.Funding.Contracts;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Schedule;

/// <summary>
/// Reads what is stored about a CPTS's latest contract (indicators, crises, reviews, payments) and computes its funding and schedule,
/// for whoever may read the CPTS (others get a 404, as for the CPTS; a CPTS without a contract is a 404 too).
/// </summary>
public sealed class ReadFunding(MaillageDbContext db, AciRuleSets ruleSets, FundingAccess access)
{
    public async Task<Result<ContractFunding>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await access.ContractAsync(cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<ContractFunding>.Fail(found.Errors);
        }

        var contract = found.Value!.Contract;
        if (await ComputeAsync(contract, ct) is not { } computation)
        {
            return new Error("unknown_rule_set", $"Le barème « {contract.RuleSetId} » du contrat n'est plus connu : le financement ne peut pas être calculé.", null,
                ErrorKind.Conflict);
        }

        var rights = await access.RightsAsync(found.Value.Tenant, contract, ct);
        return Result<ContractFunding>.Ok(new ContractFunding(found.Value.Tenant, contract, rights, computation));
    }

    /// <summary>
    /// The funding of one contract from what is stored for it (indicators, crises, reviews, payments), without any access check: for a
    /// contract already found, such as an earlier one of the CPTS. <c>null</c> when its rule set is no longer known.
    /// </summary>
    public async Task<ContractComputation?> ComputeAsync(AciContract contract, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (ruleSets.Find(contract.RuleSetId) is not { } ruleSet)
        {
            return null;
        }

        var indicators = await Indicators.IndicatorAccess.LoadAsync(db, contract.Id, adjustments: false, tracked: false, ct);
        var crises = await db.ContractCrises().AsNoTracking().Where(c => c.ContractId == contract.Id).ToListAsync(ct);
        var reviews = await db.AnnualReviews().AsNoTracking().Include(r => r.Missions).Where(r => r.ContractId == contract.Id).ToListAsync(ct);
        var payments = await db.FundingPayments().AsNoTracking().Where(p => p.ContractId == contract.Id).ToListAsync(ct);
        return FundingComputation.Compute(contract, ruleSet, indicators, crises, reviews, payments);
    }
}
