using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Changes the payment parameters of a contract (the advance share of the fixed part, the rule of the variable part and its floor, the
/// months before the balance), against the version the user read: what the funders decide, so for the officers of the ARS and the CPAM
/// recorded on the contract or an admin (<see cref="FundingRights.Decide"/>).
/// </summary>
public sealed class ChangeContractParameters(MaillageDbContext db, AuditTrail audit, FundingAccess access)
{
    public async Task<Result<AciContract>> RunAsync(Guid cptsId, ParametersDraft draft, int? version, Actor actor, CancellationToken ct = default)
    {
        var found = await access.ContractForChangeAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<AciContract>.Fail(found.Errors);
        }

        var contract = found.Value!.Contract;
        var errors = new List<Error>();
        if (version is null)
        {
            errors.Add(new Error("version_required", "Indiquez la version lue (champ version) pour éviter d'écraser une modification concurrente.", "version"));
        }

        var parameters = ContractParameters.Check(draft, defaults: false);
        errors.AddRange(parameters.Errors);
        if (errors.Count > 0)
        {
            return Result<AciContract>.Fail(errors);
        }

        db.Entry(contract).Property(c => c.Version).OriginalValue = version!.Value;
        if (version != contract.Version)
        {
            return Error.Stale();
        }

        parameters.Value!.ApplyTo(contract);
        audit.Record(actor, cptsId, "aci.contract.parameters_changed", $"Contrat ACI {contract.Id} : paramètres de versement ({parameters.Value!.Describe()}).");
        return await db.SaveAsync(contract, ct);
    }
}
