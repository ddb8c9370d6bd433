using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Withdraws the serious health crisis declared for a year of the latest contract (the officers of the ARS and the CPAM recorded on the
/// contract, or an admin).
/// </summary>
public sealed class DeleteCrisis(MaillageDbContext db, AuditTrail audit, FundingAccess access)
{
    public async Task<Result<int>> RunAsync(Guid cptsId, int year, Actor actor, CancellationToken ct = default)
    {
        var found = await access.FundersAsync(cptsId, actor, forChange: true, ct);
        if (!found.Succeeded)
        {
            return Result<int>.Fail(found.Errors);
        }

        var contract = found.Value!.Contract;
        if (await db.ContractCrises().FirstOrDefaultAsync(c => c.ContractId == contract.Id && c.Year == year, ct) is not { } crisis)
        {
            return CrisisRules.NotFound(year);
        }

        db.ContractCrises().Remove(crisis);
        audit.Record(actor, cptsId, "aci.crisis.deleted", $"Crise sanitaire grave {crisis.Id} de l'année {year} du contrat ACI {contract.Id} supprimée.");
        return await db.SaveAsync(year, ct);
    }
}
