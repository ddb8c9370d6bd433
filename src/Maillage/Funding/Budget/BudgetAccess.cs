using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;

namespace Maillage.Funding.Budget;

/// <summary>
/// Who reaches the budget of a CPTS, as <see cref="FundingRights"/> decides: whoever may read the CPTS reads it (members, the officer of the
/// territory, an admin); the coordinator, the treasurer and an admin write it (<see cref="FundingRights.EditValues"/>); others get a 403, or
/// a 404 if the CPTS is not theirs to read.
/// </summary>
public static class BudgetAccess
{
    public static async Task<Result<(Cpts Cpts, FundingRights Rights)>> FindAsync(MaillageDbContext db, Guid cptsId, Actor actor, DateOnly today,
        bool forChange, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cpts = await db.Cpts().Readable(actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cptsId, ct);
        if (cpts is null)
        {
            return Error.NotFound("CPTS");
        }

        var rights = await FundingRights.ResolveAsync(db, actor, cpts, today, ct);
        return !rights.Read ? Error.NotFound("CPTS")
            : forChange && !rights.EditValues ? Error.Forbidden()
            : Result<(Cpts, FundingRights)>.Ok((cpts, rights));
    }

    public static Error NotFound() => Error.NotFound("Ligne de budget");
}
