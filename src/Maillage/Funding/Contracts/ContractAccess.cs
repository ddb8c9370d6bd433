using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Contracts;

/// <summary>
/// Who may see and record an ACI contract: everyone who may read the CPTS reads it (others get a 404, as for the CPTS); the
/// contract is signed by the ARS and the CPAM, so recording, editing and amending it is for an officer who steers the
/// territory, or an admin.
/// </summary>
public static class ContractAccess
{
    public static bool CanRecordContract(this Actor actor, Cpts cpts) => actor.CanOverride(cpts);

    /// <summary>The CPTS if the actor may read it, and its latest contract if it has one (with its amendments): the one in force, or the
    /// last that ended.</summary>
    public static async Task<Result<(Cpts Cpts, AciContract? Contract)>> FindAsync(MaillageDbContext db, Guid cptsId, Actor actor, bool tracked, CancellationToken ct)
    {
        var cpts = await db.Cpts().Readable(actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cptsId, ct);
        if (cpts is null)
        {
            return Error.NotFound("CPTS");
        }

        var query = db.AciContracts().Include(c => c.Amendments).Where(c => c.CptsId == cptsId).OrderByDescending(c => c.Number);
        var contract = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        return Result<(Cpts, AciContract?)>.Ok((cpts, contract));
    }

    /// <summary>The CPTS and its latest contract when the actor may read the CPTS: 404 if it may not, or if the CPTS has no contract.</summary>
    public static async Task<Result<(Cpts Cpts, AciContract Contract)>> FindContractAsync(MaillageDbContext db, Guid cptsId, Actor actor, bool tracked,
        CancellationToken ct)
    {
        var found = await FindAsync(db, cptsId, actor, tracked, ct);
        return !found.Succeeded ? Result<(Cpts, AciContract)>.Fail(found.Errors)
            : found.Value.Contract is not { } contract ? NoContract()
            : Result<(Cpts, AciContract)>.Ok((found.Value.Cpts, contract));
    }

    /// <summary>The CPTS and its contract, tracked, when the actor may change it: 404 if the CPTS is not readable or has no contract, else 403.</summary>
    public static async Task<Result<(Cpts Cpts, AciContract Contract)>> FindForChangeAsync(MaillageDbContext db, Guid cptsId, Actor actor, CancellationToken ct)
    {
        var found = await FindContractAsync(db, cptsId, actor, tracked: true, ct);
        return !found.Succeeded || actor.CanRecordContract(found.Value.Cpts) ? found : Error.Forbidden();
    }

    /// <summary>Saves a change to a contract (or to one of its parts); a concurrent change (version or a unique number) is a 409.</summary>
    public static async Task<Result<T>> SaveAsync<T>(MaillageDbContext db, T saved, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result<T>.Ok(saved);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Stale();
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return Error.Stale();
        }
    }

    public static Error NoContract() => new("no_contract", "Aucun contrat ACI n'est enregistré pour cette CPTS.", null, ErrorKind.NotFound);
}
