using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Who reaches what the funders record on a contract (crises, payments): whoever may read the CPTS reads them; the officer of the
/// territory or an admin records them (<see cref="FundingRights.Decide"/>); others who read the CPTS get a 403, and anyone who cannot
/// read it a 404, as for the CPTS. Works on the latest contract (<see cref="ContractAccess.FindAsync"/>).
/// </summary>
public static class FunderAccess
{
    public sealed record Found(Cpts Cpts, AciContract Contract, FundingRights Rights);

    public static async Task<Result<Found>> FindAsync(MaillageDbContext db, Guid cptsId, Actor actor, DateOnly today, bool forChange, CancellationToken ct)
    {
        var found = await ContractAccess.FindContractAsync(db, cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<Found>.Fail(found.Errors);
        }

        var contract = found.Value.Contract;

        var rights = await FundingRights.ResolveAsync(db, actor, found.Value.Cpts, today, ct);
        return forChange && !rights.Decide ? Error.Forbidden() : Result<Found>.Ok(new Found(found.Value.Cpts, contract, rights));
    }
}
