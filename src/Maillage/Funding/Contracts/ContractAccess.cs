using Maillage.Platform.Errors;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Who may see and record an ACI contract (<see cref="FundingAccess.ContractAsync"/>): everyone who may read the CPTS reads it (others get a
/// 404, as for the CPTS); the contract is signed by the ARS and the CPAM, so recording it is for an officer of the territory whose ARS or
/// CPAM signed it, and editing and amending it for the officers of the ARS and the CPAM recorded on it (<see cref="ContractFunders"/>), or
/// an admin.
/// </summary>
public static class ContractAccess
{
    public static Error NoContract() => new("no_contract", "Aucun contrat ACI n'est enregistré pour cette CPTS.", null, ErrorKind.NotFound);
}
