using System.Globalization;
using Maillage.Funding.Contracts;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Indicators;

/// <summary>
/// Records the value achieved by a manual indicator in a contract year, with its justification and where the evidence is. The year must
/// be a year of the contract that has begun, has a target and in which the indicator is not obsolete; a second record for the year
/// updates the value in place (who and when become the last writer's, the audit trail keeps the history of who changed it). A computed
/// indicator takes its values from the platform (<see cref="ComputeIndicatorValue"/>), never typed in.
/// </summary>
public sealed class RecordIndicatorValue(MaillageDbContext db, AuditTrail audit, TimeProvider clock, FundingAccess access)
{
    public Task<Result<ContractIndicator>> RunAsync(Guid cptsId, Guid indicatorId, int year, decimal? achieved, string? justification, Actor actor,
        CancellationToken ct = default) => RunAsync(cptsId, indicatorId, year, achieved, justification, null, actor, ct);

    public async Task<Result<ContractIndicator>> RunAsync(Guid cptsId, Guid indicatorId, int year, decimal? achieved, string? justification, string? evidence,
        Actor actor, CancellationToken ct = default)
    {
        var found = await access.IndicatorsAsync(cptsId, actor, IndicatorChange.Values, ct);
        var chosen = found.Indicator(indicatorId);
        if (!chosen.Succeeded)
        {
            return chosen;
        }

        var today = found.Value!.Today;

        var indicator = chosen.Value!;
        if (indicator.Source == IndicatorSource.Computed)
        {
            return new Error("value_is_computed",
                $"Cet indicateur est calculé par la plateforme ({indicator.SourceKey}) : utilisez « Calculer » au lieu de saisir une valeur.", "achieved");
        }

        var errors = YearErrors(found.Value!.Contract, indicator, year, today);
        if (achieved is not { } value)
        {
            errors.Add(new Error("achieved_required", "Indiquez la valeur atteinte.", "achieved"));
        }
        else if (value < 0)
        {
            errors.Add(new Error("achieved_negative", $"La valeur atteinte ne peut pas être négative ({value.ToString(CultureInfo.InvariantCulture)}).", "achieved"));
        }

        if ((justification?.Trim().Length ?? 0) > 4000)
        {
            errors.Add(new Error("justification_too_long", "La justification est limitée à 4 000 caractères.", "justification"));
        }

        if ((evidence?.Trim().Length ?? 0) > 1000)
        {
            errors.Add(new Error("evidence_too_long", "La pièce justificative (référence ou lien) est limitée à 1 000 caractères.", "evidence"));
        }

        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        Store(db, indicator, year, achieved!.Value, justification, evidence, actor, clock.GetUtcNow());
        audit.Record(actor, cptsId, "aci.indicator.value_recorded", $"Valeur de l'année {year} de l'indicateur {indicator.Id} enregistrée.");
        return await db.SaveAsync(indicator, ct);
    }

    /// <summary>Why a value cannot be recorded (or computed) for the year: outside the contract, not begun, no target, or obsolete.</summary>
    internal static List<Error> YearErrors(AciContract contract, ContractIndicator indicator, int year, DateOnly today)
    {
        var errors = new List<Error>();
        if (IndicatorRules.YearError(year, "year") is { } yearError)
        {
            errors.Add(yearError);
        }
        else if (IndicatorRules.YearStart(contract, year) > today)
        {
            errors.Add(new Error("year_not_started",
                $"L'année {year} du contrat commence le {Platform.French.Date(IndicatorRules.YearStart(contract, year))} : sa valeur ne peut pas encore être enregistrée.", "year"));
        }
        else if (indicator.IsObsoleteIn(year))
        {
            errors.Add(new Error("indicator_obsolete",
                $"L'indicateur est obsolète depuis l'année {indicator.ObsoleteFromYear} : il est neutralisé et n'attend plus de valeur.", "year"));
        }
        else if (indicator.TargetFor(year) is null)
        {
            errors.Add(new Error("no_target_for_year", $"L'indicateur n'a pas de cible pour l'année {year} : fixez d'abord sa cible.", "year"));
        }

        return errors;
    }

    /// <summary>Sets the year's value of a tracked indicator (creating it the first time): the last writer is who and when.</summary>
    internal static void Store(MaillageDbContext db, ContractIndicator indicator, int year, decimal achieved, string? justification, string? evidence, Actor actor,
        DateTimeOffset now)
    {
        var entry = indicator.ValueFor(year);
        if (entry is null)
        {
            entry = new IndicatorValue { Id = Guid.NewGuid(), IndicatorId = indicator.Id, Year = year };
            indicator.Values.Add(entry);
            db.Add(entry);
        }

        (entry.Achieved, entry.Justification, entry.Evidence, entry.RecordedBy, entry.RecordedAt) =
            (achieved, Trimmed(justification), Trimmed(evidence), actor.Name, now);
    }

    internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
