using Maillage.Funding.Contracts;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Funding.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Funding.Indicators;

/// <summary>What a change to a contract's indicators needs: nothing (a read), the right to enter values, or the right to define indicators.</summary>
public enum IndicatorChange
{
    /// <summary>A read: whoever may read the CPTS.</summary>
    None,

    /// <summary>Values, evidence, computed values, target adjustments, obsolete marking: <see cref="FundingRights.EditValues"/>.</summary>
    Values,

    /// <summary>Creating, editing and deleting indicators: the coordinator of the CPTS or an admin (<see cref="Tenant.Manages"/>).</summary>
    Definitions,
}

/// <summary>
/// Who reaches the indicators of a contract: whoever may read the CPTS (and so its contract) reads them; those who enter the CPTS's funding
/// values (<see cref="FundingRights.EditValues"/>: coordinator, treasurer, admin) record values, adjust targets and mark indicators
/// obsolete; the coordinator of the CPTS (or an admin) defines the indicators (<see cref="Tenant.Manages"/>); others get a 403, or
/// a 404 if the CPTS is not theirs to read (<see cref="FundingAccess.IndicatorsAsync(Guid, Platform.Tenancy.Actor, IndicatorChange, CancellationToken)"/>).
/// </summary>
public static class IndicatorAccess
{
    public sealed record Found(Tenant Tenant, AciContract Contract, List<ContractIndicator> Indicators)
    {
        public CptsInfo Cpts => Tenant.Cpts;

        public DateOnly Today => Tenant.Today;
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
