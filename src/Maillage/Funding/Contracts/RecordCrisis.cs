using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Declares a serious health crisis in a year of the latest contract (<see cref="CrisisRules"/>): one per contract year (a unique index,
/// so two declarations at once cannot both land: 409), by the officers of the ARS and the CPAM recorded on the contract or an admin.
/// </summary>
public sealed class RecordCrisis(MaillageDbContext db, AuditTrail audit, TimeProvider clock, FundingAccess access)
{
    public async Task<Result<ContractCrisis>> RunAsync(Guid cptsId, CrisisDraft draft, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await access.FundersAsync(cptsId, actor, forChange: true, ct);
        return found.Succeeded ? await RecordAsync(found.Value!.Contract, draft, found.Value.Today, actor, ct) : Result<ContractCrisis>.Fail(found.Errors);
    }

    /// <summary>Declares it on a given contract (the demo declares one on a contract that has since been renewed), <paramref name="today"/>
    /// being the CPTS's.</summary>
    public async Task<Result<ContractCrisis>> RecordAsync(AciContract contract, CrisisDraft draft, DateOnly today, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(draft);
        if (CrisisRules.Check(contract, draft, today) is { Count: > 0 } errors)
        {
            return Result<ContractCrisis>.Fail(errors);
        }

        var year = draft.Year!.Value;
        if (await db.ContractCrises().AnyAsync(c => c.ContractId == contract.Id && c.Year == year, ct))
        {
            return CrisisRules.AlreadyDeclared(year);
        }

        var crisis = new ContractCrisis
        {
            Id = Guid.NewGuid(), ContractId = contract.Id, Year = year, DeclaredOn = draft.DeclaredOn!.Value, Description = draft.Description!.Trim(),
            RecordedBy = actor.Name, RecordedAt = clock.GetUtcNow(),
        };
        db.ContractCrises().Add(crisis);
        audit.Record(actor, contract.CptsId, "aci.crisis.recorded", $"Crise sanitaire grave {crisis.Id} déclarée pour l'année {year} du contrat ACI {contract.Id}.");
        return await db.SaveAsync(crisis, ct, taken: CrisisRules.AlreadyDeclared(year));
    }
}
