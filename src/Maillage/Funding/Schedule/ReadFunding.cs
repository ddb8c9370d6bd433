using Maillage.Funding.Contracts;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Funding.Schedule;

/// <summary>
/// Reads what is stored about a CPTS's latest contract (indicators, crises, reviews, payments) and computes its funding and schedule,
/// for whoever may read the CPTS (others get a 404, as for the CPTS; a CPTS without a contract is a 404 too).
/// </summary>
public sealed class ReadFunding(MaillageDbContext db, AciRuleSets ruleSets, TimeProvider clock)
{
    public async Task<Result<ContractFunding>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var found = await ContractAccess.FindContractAsync(db, cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<ContractFunding>.Fail(found.Errors);
        }

        var contract = found.Value.Contract;

        if (ruleSets.Find(contract.RuleSetId) is not { } ruleSet)
        {
            return new Error("unknown_rule_set", $"Le barème « {contract.RuleSetId} » du contrat n'est plus connu : le financement ne peut pas être calculé.", null,
                ErrorKind.Conflict);
        }

        var indicators = await Indicators.IndicatorAccess.LoadAsync(db, contract.Id, adjustments: false, tracked: false, ct);
        var crises = await db.ContractCrises.AsNoTracking().Where(c => c.ContractId == contract.Id).ToListAsync(ct);
        var reviews = await db.AnnualReviews.AsNoTracking().Include(r => r.Missions).Where(r => r.ContractId == contract.Id).ToListAsync(ct);
        var payments = await db.FundingPayments.AsNoTracking().Where(p => p.ContractId == contract.Id).ToListAsync(ct);
        var rights = await FundingRights.ResolveAsync(db, actor, found.Value.Cpts, Lifecycle.CreateCpts.Today(clock), ct);
        var computation = FundingComputation.Compute(contract, ruleSet, indicators, crises, reviews, payments);
        return Result<ContractFunding>.Ok(new ContractFunding(found.Value.Cpts, contract, rights, computation));
    }
}
