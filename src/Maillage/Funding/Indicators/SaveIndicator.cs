using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Indicators;

/// <summary>
/// Creates an indicator of a contract mission with its targets, or changes one against the version the user read (its targets are
/// replaced by those given; a year that already has a value keeps a target).
/// </summary>
public sealed class SaveIndicator(MaillageDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<ContractIndicator>> CreateAsync(Guid cptsId, IndicatorDraft draft, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await IndicatorAccess.FindAsync(db, cptsId, actor, forChange: true, ct);
        if (!found.Succeeded)
        {
            return Result<ContractIndicator>.Fail(found.Errors);
        }

        var indicator = new ContractIndicator
        {
            Id = Guid.NewGuid(), ContractId = found.Value!.Contract.Id, Source = IndicatorSource.Manual, RecordedBy = actor.Name, RecordedAt = clock.GetUtcNow(),
        };
        var errors = Apply(indicator, draft, found.Value!);
        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        db.ContractIndicators.Add(indicator);
        audit.Record(actor, cptsId, "aci.indicator.created", $"Indicateur {indicator.Id} de la mission {indicator.Mission} (contrat ACI {indicator.ContractId}).");
        return await Contracts.ContractAccess.SaveAsync(db, indicator, ct);
    }

    public async Task<Result<ContractIndicator>> EditAsync(Guid cptsId, Guid indicatorId, IndicatorDraft draft, int? version, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await IndicatorAccess.FindAsync(db, cptsId, actor, forChange: true, ct);
        if (!found.Succeeded)
        {
            return Result<ContractIndicator>.Fail(found.Errors);
        }

        if (found.Value!.Indicators.FirstOrDefault(i => i.Id == indicatorId) is not { } indicator)
        {
            return IndicatorAccess.NotFound();
        }

        if (version is not { } expected)
        {
            return new Error("version_required", "Indiquez la version lue (champ version) pour éviter d'écraser une modification concurrente.", "version");
        }

        if (expected != indicator.Version)
        {
            return Error.Stale();
        }

        var errors = Apply(indicator, draft, found.Value!);
        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        db.Entry(indicator).Property(i => i.Version).OriginalValue = expected;
        db.Entry(indicator).State = Microsoft.EntityFrameworkCore.EntityState.Modified;
        audit.Record(actor, cptsId, "aci.indicator.edited", $"Indicateur {indicator.Id} modifié (mission {indicator.Mission}).");
        return await Contracts.ContractAccess.SaveAsync(db, indicator, ct);
    }

    private List<Error> Apply(ContractIndicator indicator, IndicatorDraft draft, IndicatorAccess.Found found)
    {
        var (kind, errors) = IndicatorRules.Check(draft, found.Contract);
        if (errors.Count > 0)
        {
            return errors;
        }

        var targets = draft.TargetsByYear;
        var orphans = indicator.Values.Select(v => v.Year).Where(y => !targets.ContainsKey(y)).Order().ToList();
        if (orphans.Count > 0)
        {
            errors.Add(new Error("target_has_value",
                $"Une valeur est enregistrée pour l'année {string.Join(", ", orphans)} : gardez une cible pour cette année.", "targets"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        (indicator.Mission, indicator.Name, indicator.Kind, indicator.Unit, indicator.LocalInitiative, indicator.Weight) =
            (draft.Mission!.Trim().ToLowerInvariant(), draft.Name!.Trim(), kind, draft.Unit?.Trim() ?? "", draft.LocalInitiative, draft.Weight!.Value);
        foreach (var gone in indicator.Targets.Where(t => !targets.ContainsKey(t.Year)).ToList())
        {
            indicator.Targets.Remove(gone);
            db.Remove(gone);
        }

        foreach (var (year, value) in targets)
        {
            if (indicator.Targets.FirstOrDefault(t => t.Year == year) is { } existing)
            {
                existing.Target = value;
            }
            else
            {
                var target = new IndicatorTarget { Id = Guid.NewGuid(), IndicatorId = indicator.Id, Year = year, Target = value };
                indicator.Targets.Add(target);
                if (db.Entry(indicator).State != Microsoft.EntityFrameworkCore.EntityState.Detached)
                {
                    db.Add(target);
                }
            }
        }

        return errors;
    }
}
