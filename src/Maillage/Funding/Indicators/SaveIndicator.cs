using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.Funding.Contracts;
using Maillage.Funding.Storage;
using Maillage.Platform.Indicators;

namespace Maillage.Funding.Indicators;

/// <summary>Where an indicator's values come from, as a user gives it: <c>manual</c> (typed in) or <c>computed</c> with the key of a
/// <see cref="IndicatorSources">platform figure</see>; <c>null</c> keeps the current source (manual for a new indicator).</summary>
public sealed record SourceDraft(string? Source, string? SourceKey);

/// <summary>
/// Creates an indicator of a contract mission with its targets and its source, changes one against the version the user read (its targets
/// are replaced by those given; a year that already has a value keeps a target), or deletes one that has no value yet (one with values is
/// marked obsolete instead, <see cref="MarkIndicatorObsolete"/>). The coordinator of the CPTS or an admin.
/// </summary>
public sealed class SaveIndicator(MaillageDbContext db, AuditTrail audit, TimeProvider clock, FundingAccess access, IndicatorSources sources)
{
    public Task<Result<ContractIndicator>> CreateAsync(Guid cptsId, IndicatorDraft draft, Actor actor, CancellationToken ct = default) =>
        CreateAsync(cptsId, draft, null, actor, ct);

    public async Task<Result<ContractIndicator>> CreateAsync(Guid cptsId, IndicatorDraft draft, SourceDraft? source, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await access.IndicatorsAsync(cptsId, actor, forChange: true, ct);
        if (!found.Succeeded)
        {
            return Result<ContractIndicator>.Fail(found.Errors);
        }

        var indicator = new ContractIndicator
        {
            Id = Guid.NewGuid(), ContractId = found.Value!.Contract.Id, Source = IndicatorSource.Manual, RecordedBy = actor.Name, RecordedAt = clock.GetUtcNow(),
        };
        var errors = Apply(indicator, draft, source, found.Value!);
        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        db.ContractIndicators().Add(indicator);
        audit.Record(actor, cptsId, "aci.indicator.created", $"Indicateur {indicator.Id} de la mission « {ContractMissions.Name(indicator.Mission)} » (contrat ACI {indicator.ContractId}).");
        return await db.SaveAsync(indicator, ct);
    }

    public Task<Result<ContractIndicator>> EditAsync(Guid cptsId, Guid indicatorId, IndicatorDraft draft, int? version, Actor actor,
        CancellationToken ct = default) => EditAsync(cptsId, indicatorId, draft, null, version, actor, ct);

    public async Task<Result<ContractIndicator>> EditAsync(Guid cptsId, Guid indicatorId, IndicatorDraft draft, SourceDraft? source, int? version, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await access.IndicatorsAsync(cptsId, actor, forChange: true, ct);
        var chosen = found.Indicator(indicatorId);
        if (!chosen.Succeeded)
        {
            return chosen;
        }

        var indicator = chosen.Value!;
        if (IndicatorAccess.VersionError(indicator, version) is { } versionError)
        {
            return versionError;
        }

        var errors = Apply(indicator, draft, source, found.Value!);
        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        IndicatorAccess.Touch(db, indicator, version!.Value);
        audit.Record(actor, cptsId, "aci.indicator.edited", $"Indicateur {indicator.Id} modifié (mission « {ContractMissions.Name(indicator.Mission)} »).");
        return await db.SaveAsync(indicator, ct);
    }

    /// <summary>Deletes an indicator with its targets and adjustments, against the version read; refused (409) once a value is recorded.</summary>
    public async Task<Result<ContractIndicator>> DeleteAsync(Guid cptsId, Guid indicatorId, int? version, Actor actor, CancellationToken ct = default)
    {
        var chosen = (await access.IndicatorsAsync(cptsId, actor, forChange: true, ct)).Indicator(indicatorId);
        if (!chosen.Succeeded)
        {
            return chosen;
        }

        var indicator = chosen.Value!;
        if (IndicatorAccess.VersionError(indicator, version) is { } versionError)
        {
            return versionError;
        }

        if (indicator.Values.Count > 0)
        {
            return new Error("indicator_has_values",
                $"Une valeur est enregistrée pour cet indicateur (année {string.Join(", ", indicator.Values.Select(v => v.Year).Order())}) : il ne peut plus être supprimé. "
                + "Déclarez-le obsolète à partir de l'année où il ne s'applique plus.", null, ErrorKind.Conflict);
        }

        db.Entry(indicator).Property(i => i.Version).OriginalValue = version!.Value;
        db.RemoveRange(indicator.Targets);
        db.RemoveRange(indicator.Adjustments);
        db.Remove(indicator);
        audit.Record(actor, cptsId, "aci.indicator.deleted", $"Indicateur {indicator.Id} supprimé (mission « {ContractMissions.Name(indicator.Mission)} », contrat ACI {indicator.ContractId}).");
        return await db.SaveAsync(indicator, ct);
    }

    private List<Error> Apply(ContractIndicator indicator, IndicatorDraft draft, SourceDraft? source, IndicatorAccess.Found found)
    {
        var (kind, errors) = IndicatorRules.Check(draft, found.Contract);
        var (kindOfSource, key) = CheckSource(indicator, source, errors);
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

        (indicator.Mission, indicator.Name, indicator.Kind, indicator.Unit, indicator.LocalInitiative, indicator.Weight, indicator.Source, indicator.SourceKey) =
            (draft.Mission!.Trim().ToLowerInvariant(), draft.Name!.Trim(), kind, draft.Unit?.Trim() ?? "", draft.LocalInitiative, draft.Weight!.Value,
                kindOfSource, key);
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

    /// <summary>The source asked for (or the current one): <c>manual</c> has no key; <c>computed</c> needs a known key (400 listing them).</summary>
    private (IndicatorSource Source, string? Key) CheckSource(ContractIndicator indicator, SourceDraft? draft, List<Error> errors)
    {
        var given = draft?.Source?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(given))
        {
            if (string.IsNullOrWhiteSpace(draft?.SourceKey))
            {
                return (indicator.Source, indicator.SourceKey);
            }

            given = "computed";
        }

        switch (given)
        {
            case "manual" or "manuel" or "saisie":
                return (IndicatorSource.Manual, null);
            case "computed" or "calculé" or "calcule":
                if (sources.Find(draft!.SourceKey) is { } source)
                {
                    return (IndicatorSource.Computed, source.Key);
                }

                errors.Add(new Error(string.IsNullOrWhiteSpace(draft.SourceKey) ? "source_key_required" : "unknown_source_key",
                    (string.IsNullOrWhiteSpace(draft.SourceKey) ? "Indiquez la donnée de la plateforme qui calcule l'indicateur."
                        : $"Donnée de la plateforme inconnue : « {draft.SourceKey.Trim()} ».") + $" Données disponibles : {sources.Describe()}.", "sourceKey"));
                return (IndicatorSource.Computed, null);
            default:
                errors.Add(new Error("unknown_source", $"Source inconnue : « {draft!.Source!.Trim()} ». Sources : manual (saisie), computed (calculée par la plateforme).", "source"));
                return (indicator.Source, indicator.SourceKey);
        }
    }
}
