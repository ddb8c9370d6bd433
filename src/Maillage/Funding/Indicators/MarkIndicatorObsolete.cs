using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Indicators;

/// <summary>
/// Marks an indicator obsolete from a contract year on (it no longer applies: it is neutralised in the variable computation, not failed),
/// with the reason, or undoes it; against the version read. Those who enter the funding values (coordinator, treasurer, admin).
/// </summary>
public sealed class MarkIndicatorObsolete(MaillageDbContext db, AuditTrail audit, TimeProvider clock, FundingAccess access)
{
    public async Task<Result<ContractIndicator>> RunAsync(Guid cptsId, Guid indicatorId, int? fromYear, string? reason, int? version, Actor actor,
        CancellationToken ct = default)
    {
        var (found, error) = await FindAsync(cptsId, indicatorId, version, actor, ct);
        if (error is not null)
        {
            return error;
        }

        var indicator = found!;
        var errors = new List<Error>();
        if (fromYear is not { } year)
        {
            errors.Add(new Error("from_year_required", "Indiquez l'année du contrat à partir de laquelle l'indicateur est obsolète.", "fromYear"));
        }
        else if (IndicatorRules.YearError(year, "fromYear") is { } yearError)
        {
            errors.Add(yearError);
        }

        AdjustIndicatorTarget.Required(reason, 1000, "reason", "pourquoi l'indicateur est obsolète", errors);
        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        (indicator.ObsoleteFromYear, indicator.ObsoleteReason, indicator.ObsoleteBy, indicator.ObsoleteAt) = (fromYear, reason!.Trim(), actor.Name, clock.GetUtcNow());
        IndicatorAccess.Touch(db, indicator, version!.Value);
        audit.Record(actor, cptsId, "aci.indicator.obsolete", $"Indicateur {indicator.Id} obsolète à partir de l'année {fromYear}.");
        return await db.SaveAsync(indicator, ct);
    }

    /// <summary>The indicator applies again in every year.</summary>
    public async Task<Result<ContractIndicator>> UndoAsync(Guid cptsId, Guid indicatorId, int? version, Actor actor, CancellationToken ct = default)
    {
        var (found, error) = await FindAsync(cptsId, indicatorId, version, actor, ct);
        if (error is not null)
        {
            return error;
        }

        var indicator = found!;
        if (indicator.ObsoleteFromYear is null)
        {
            return new Error("not_obsolete", "Cet indicateur n'est pas obsolète.", null, ErrorKind.Conflict);
        }

        (indicator.ObsoleteFromYear, indicator.ObsoleteReason, indicator.ObsoleteBy, indicator.ObsoleteAt) = (null, null, null, null);
        IndicatorAccess.Touch(db, indicator, version!.Value);
        audit.Record(actor, cptsId, "aci.indicator.obsolete_undone", $"Indicateur {indicator.Id} de nouveau applicable.");
        return await db.SaveAsync(indicator, ct);
    }

    private async Task<(ContractIndicator? Indicator, Result<ContractIndicator>? Error)> FindAsync(Guid cptsId, Guid indicatorId, int? version, Actor actor,
        CancellationToken ct)
    {
        var found = await access.IndicatorsAsync(cptsId, actor, IndicatorChange.Values, ct);
        var chosen = found.Indicator(indicatorId);
        return !chosen.Succeeded ? (null, chosen)
            : IndicatorAccess.VersionError(chosen.Value!, version) is { } versionError ? (null, versionError)
            : (chosen.Value, null);
    }
}
