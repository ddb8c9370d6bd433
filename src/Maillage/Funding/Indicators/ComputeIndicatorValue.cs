using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Indicators;

namespace Maillage.Funding.Indicators;

/// <summary>
/// Computes the value of computed indicators from the platform's data over a contract year (<see cref="ComputedSources"/>) and STORES it as
/// the year's value, with a justification saying when and what was counted, recorded by the caller: the funding computation then only reads
/// stored values. One indicator, or every computed indicator of the year (those obsolete or without a target that year are left out), in
/// one save.
/// </summary>
public sealed class ComputeIndicatorValue(MaillageDbContext db, AuditTrail audit, TimeProvider clock, FundingAccess access, IndicatorSources sources)
{
    public async Task<Result<ContractIndicator>> RunAsync(Guid cptsId, Guid indicatorId, int year, Actor actor, CancellationToken ct = default)
    {
        var found = await access.IndicatorsAsync(cptsId, actor, IndicatorChange.Values, ct);
        var chosen = found.Indicator(indicatorId);
        if (!chosen.Succeeded)
        {
            return chosen;
        }

        var today = found.Value!.Today;

        var indicator = chosen.Value!;
        if (indicator.Source != IndicatorSource.Computed || sources.Find(indicator.SourceKey) is null)
        {
            return new Error("not_computed", "Cet indicateur est saisi à la main : il n'a pas de source calculée par la plateforme.", "source");
        }

        var errors = RecordIndicatorValue.YearErrors(found.Value!.Contract, indicator, year, today);
        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        await ComputeAsync(found.Value!, indicator, year, today, actor, ct);
        return await db.SaveAsync(indicator, ct);
    }

    /// <summary>Every computed indicator of the contract that expects a value in the year (not obsolete, with a target).</summary>
    public async Task<Result<IReadOnlyList<ContractIndicator>>> RunAllAsync(Guid cptsId, int? year, Actor actor, CancellationToken ct = default)
    {
        var found = await access.IndicatorsAsync(cptsId, actor, IndicatorChange.Values, ct);
        if (!found.Succeeded)
        {
            return Result<IReadOnlyList<ContractIndicator>>.Fail(found.Errors);
        }

        var today = found.Value!.Today;

        var contract = found.Value!.Contract;
        var chosen = year ?? IndicatorRules.YearOf(contract, today);
        if (IndicatorRules.YearError(chosen, "year") is { } yearError)
        {
            return yearError;
        }

        if (IndicatorRules.YearStart(contract, chosen) > today)
        {
            return new Error("year_not_started",
                $"L'année {chosen} du contrat commence le {Platform.French.Date(IndicatorRules.YearStart(contract, chosen))} : rien ne peut encore être calculé.", "year");
        }

        var due = found.Value!.Indicators.Where(i => i.Source == IndicatorSource.Computed && sources.Find(i.SourceKey) is not null
            && RecordIndicatorValue.YearErrors(contract, i, chosen, today).Count == 0).ToList();
        foreach (var indicator in due)
        {
            await ComputeAsync(found.Value!, indicator, chosen, today, actor, ct);
        }

        return await db.SaveAsync<IReadOnlyList<ContractIndicator>>(due, ct);
    }

    private async Task ComputeAsync(IndicatorAccess.Found found, ContractIndicator indicator, int year, DateOnly today, Actor actor, CancellationToken ct)
    {
        var source = sources.Find(indicator.SourceKey)!;
        var period = ComputedSources.Period(found.Contract, year, today, found.Tenant.Clock.Zone);
        var value = await source.ComputeAsync(found.Cpts.Id, period, ct);
        RecordIndicatorValue.Store(db, indicator, year, value, ComputedSources.Justification(source, period, value, today), null, actor, clock.GetUtcNow());
        audit.Record(actor, found.Cpts.Id, "aci.indicator.value_computed", $"Valeur de l'année {year} de l'indicateur {indicator.Id} calculée (« {source.Label} »).");
    }
}
