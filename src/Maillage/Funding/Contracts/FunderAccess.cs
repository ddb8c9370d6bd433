using Maillage.Lifecycle.Published;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Who reaches what the funders record on a contract (crises, payments): whoever may read the CPTS reads them; the officers of the ARS
/// and the CPAM recorded on the contract or an admin record them (<see cref="FundingRights.Decide"/>); others who read the CPTS get a 403,
/// and anyone who cannot read it a 404, as for the CPTS (<see cref="FundingAccess.FundersAsync"/>). Works on the latest contract.
/// </summary>
public static class FunderAccess
{
    public sealed record Found(Tenant Tenant, AciContract Contract, FundingRights Rights)
    {
        public CptsInfo Cpts => Tenant.Cpts;

        public DateOnly Today => Tenant.Today;
    }
}
