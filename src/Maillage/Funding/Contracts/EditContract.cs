using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Contracts;

/// <summary>Edits the signatories and the summary of a contract, against the version the user read.</summary>
public sealed class EditContract(MaillageDbContext db, AuditTrail audit, FundingAccess access)
{
    public async Task<Result<AciContract>> RunAsync(Guid cptsId, string? arsSignatory, string? cpamSignatory, string? summary, int? version, Actor actor,
        CancellationToken ct = default)
    {
        var found = await access.ContractForChangeAsync(cptsId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<AciContract>.Fail(found.Errors);
        }

        var contract = found.Value!.Contract;
        if (version is not { } expected)
        {
            return new Error("version_required", "Indiquez la version lue (champ version) pour éviter d'écraser une modification concurrente.", "version");
        }

        if (contract.Edit(arsSignatory, cpamSignatory, summary) is { Count: > 0 } errors)
        {
            return Result<AciContract>.Fail(errors);
        }

        db.Entry(contract).Property(c => c.Version).OriginalValue = expected;
        if (expected != contract.Version)
        {
            return Error.Stale();
        }

        audit.Record(actor, cptsId, "aci.contract.edited", $"Contrat ACI {contract.Id} : signataires ou résumé modifiés.");
        return await db.SaveAsync(contract, ct);
    }
}
