using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Territories.Published;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Edits the signatories and the summary of a contract, against the version the user read, by those who decide for its funders. The ARS's
/// région and the CPAM's département may be corrected (or recorded on a contract that predates them): left out, they stay as they are.
/// </summary>
public sealed class EditContract(MaillageDbContext db, AuditTrail audit, FundingAccess access, GeoCatalog geo)
{
    public async Task<Result<AciContract>> RunAsync(Guid cptsId, string? arsSignatory, string? cpamSignatory, string? summary, string? arsRegion,
        string? cpamDepartement, int? version, Actor actor, CancellationToken ct = default)
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

        var errors = contract.Edit(arsSignatory, cpamSignatory, summary).ToList();
        if (arsRegion is not null || cpamDepartement is not null)
        {
            var (region, departement, funderErrors) = ContractFunders.Check(arsRegion ?? contract.ArsRegion, cpamDepartement ?? contract.CpamDepartement,
                found.Value.Cpts, geo);
            errors.AddRange(funderErrors);
            if (funderErrors.Count == 0)
            {
                (contract.ArsRegion, contract.CpamDepartement) = (region, departement);
            }
        }

        if (errors.Count > 0)
        {
            return Result<AciContract>.Fail(errors);
        }

        db.Entry(contract).Property(c => c.Version).OriginalValue = expected;
        if (expected != contract.Version)
        {
            return Error.Stale();
        }

        audit.Record(actor, cptsId, "aci.contract.edited",
            $"Contrat ACI {contract.Id} : signataires ou résumé modifiés ; signé par {ContractFunders.Of(contract, found.Value.Cpts).Describe(geo)}.");
        return await db.SaveAsync(contract, ct);
    }
}
