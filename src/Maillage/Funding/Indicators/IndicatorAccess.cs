using Maillage.Funding.Contracts;
using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Funding.Indicators;

/// <summary>
/// Who reaches the indicators of a contract: whoever may read the CPTS (and so its contract) reads them; the coordinator of the CPTS
/// (or an admin) sets indicators, targets and values (<see cref="CptsAccess.CanManage"/>); others get a 403, or a 404 if the CPTS is
/// not theirs to read.
/// </summary>
public static class IndicatorAccess
{
    public sealed record Found(Cpts Cpts, AciContract Contract, List<ContractIndicator> Indicators);

    public static async Task<Result<Found>> FindAsync(MaillageDbContext db, Guid cptsId, Actor actor, bool forChange, CancellationToken ct)
    {
        var found = await ContractAccess.FindAsync(db, cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<Found>.Fail(found.Errors);
        }

        if (found.Value.Contract is not { } contract)
        {
            return ContractAccess.NoContract();
        }

        if (forChange && !actor.CanManage(found.Value.Cpts))
        {
            return Error.Forbidden();
        }

        var query = db.ContractIndicators.Include(i => i.Targets).Include(i => i.Values).Where(i => i.ContractId == contract.Id).AsSplitQuery();
        var indicators = await (forChange ? query : query.AsNoTracking()).ToListAsync(ct);
        return Result<Found>.Ok(new Found(found.Value.Cpts, contract, [.. indicators.OrderBy(i => i.Mission).ThenBy(i => i.RecordedAt).ThenBy(i => i.Id)]));
    }

    public static Error NotFound() => Error.NotFound("Indicateur");
}
