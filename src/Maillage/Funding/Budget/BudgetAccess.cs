using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;

namespace Maillage.Funding.Budget;

/// <summary>
/// Who reaches the budget of a CPTS, as <see cref="FundingRights"/> decides: whoever may read the CPTS reads it (members, the officer of the
/// territory, an admin); the coordinator, the treasurer and an admin write it (<see cref="FundingRights.EditValues"/>); others get a 403, or
/// a 404 if the CPTS is not theirs to read (<see cref="FundingAccess.BudgetAsync"/>).
/// </summary>
public static class BudgetAccess
{
    /// <summary>The CPTS whose budget is read or written, and the reader's rights.</summary>
    public sealed record Scope(Tenant Tenant, FundingRights Rights)
    {
        public CptsInfo Cpts => Tenant.Cpts;

        public DateOnly Today => Tenant.Today;
    }

    public static Error NotFound() => Error.NotFound("Ligne de budget");
}
