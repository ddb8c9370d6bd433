using Maillage.Funding.Contracts;
using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;

namespace Maillage.Funding.Indicators;

/// <summary>What a change to a contract's indicators needs: nothing (a read), the right to enter values, or the right to define indicators.</summary>
public enum IndicatorChange
{
    /// <summary>A read: whoever may read the CPTS.</summary>
    None,

    /// <summary>Values, evidence, computed values, target adjustments, obsolete marking: <see cref="FundingRights.EditValues"/>.</summary>
    Values,

    /// <summary>Creating, editing and deleting indicators: the coordinator of the CPTS or an admin (<see cref="CptsAccess.CanManage"/>).</summary>
    Definitions,
}

/// <summary>
/// Who reaches the indicators of a contract: whoever may read the CPTS (and so its contract) reads them; those who enter the CPTS's funding
/// values (<see cref="FundingRights.EditValues"/>: coordinator, treasurer, admin) record values, adjust targets and mark indicators
/// obsolete; the coordinator of the CPTS (or an admin) defines the indicators (<see cref="CptsAccess.CanManage"/>); others get a 403, or
/// a 404 if the CPTS is not theirs to read.
/// </summary>
public static class IndicatorAccess
{
    public sealed record Found(Cpts Cpts, AciContract Contract, List<ContractIndicator> Indicators);

    public static Task<Result<Found>> FindAsync(MaillageDbContext db, Guid cptsId, Actor actor, bool forChange, CancellationToken ct) =>
        FindAsync(db, cptsId, actor, forChange ? IndicatorChange.Definitions : IndicatorChange.None, default, ct);

    /// <summary>The CPTS, its contract and its indicators (tracked for a change), once the actor may make <paramref name="change"/> on
    /// <paramref name="today"/> (the day the treasurer's mandate is checked on).</summary>
    public static async Task<Result<Found>> FindAsync(MaillageDbContext db, Guid cptsId, Actor actor, IndicatorChange change, DateOnly today, CancellationToken ct)
    {
        var found = await ContractAccess.FindContractAsync(db, cptsId, actor, tracked: false, ct);
        if (!found.Succeeded)
        {
            return Result<Found>.Fail(found.Errors);
        }

        var contract = found.Value.Contract;

        var allowed = change switch
        {
            IndicatorChange.Definitions => actor.CanManage(found.Value.Cpts),
            IndicatorChange.Values => (await FundingRights.ResolveAsync(db, actor, found.Value.Cpts, today, ct)).EditValues,
            _ => true,
        };
        if (!allowed)
        {
            return Error.Forbidden();
        }

        var indicators = await LoadAsync(db, contract.Id, adjustments: true, tracked: change != IndicatorChange.None, ct);
        return Result<Found>.Ok(new Found(found.Value.Cpts, contract, indicators));
    }

    /// <summary>
    /// The indicators of a contract with their targets and values (and their adjustments when asked), in the order the pages show them:
    /// by mission, then as they were recorded.
    /// </summary>
    public static async Task<List<ContractIndicator>> LoadAsync(MaillageDbContext db, Guid contractId, bool adjustments, bool tracked, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        IQueryable<ContractIndicator> query = db.ContractIndicators().Include(i => i.Targets).Include(i => i.Values);
        if (adjustments)
        {
            query = query.Include(i => i.Adjustments);
        }

        query = query.Where(i => i.ContractId == contractId).AsSplitQuery();
        var indicators = await (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
        return [.. indicators.OrderBy(i => i.Mission).ThenBy(i => i.RecordedAt).ThenBy(i => i.Id)];
    }

    /// <summary>The indicator of the contract found, or a 404.</summary>
    public static Result<ContractIndicator> Indicator(this Result<Found> found, Guid indicatorId)
    {
        ArgumentNullException.ThrowIfNull(found);
        return !found.Succeeded ? Result<ContractIndicator>.Fail(found.Errors)
            : found.Value!.Indicators.FirstOrDefault(i => i.Id == indicatorId) is { } indicator ? Result<ContractIndicator>.Ok(indicator)
            : NotFound();
    }

    /// <summary>The version the user read: required, and a stale one is a 409.</summary>
    public static Error? VersionError(ContractIndicator indicator, int? version)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return version is not { } expected
            ? new Error("version_required", "Indiquez la version lue (champ version) pour éviter d'écraser une modification concurrente.", "version")
            : expected != indicator.Version ? Error.Stale()
            : null;
    }

    /// <summary>Marks the indicator changed against the version read, so that a concurrent change makes the save fail (409).</summary>
    public static void Touch(MaillageDbContext db, ContractIndicator indicator, int version)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(indicator).Property(i => i.Version).OriginalValue = version;
        db.Entry(indicator).State = EntityState.Modified;
    }

    public static Error NotFound() => Error.NotFound("Indicateur");
}
