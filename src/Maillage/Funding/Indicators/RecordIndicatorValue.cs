using System.Globalization;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Indicators;

/// <summary>
/// Records the value achieved by an indicator in a contract year, with its justification. The year must be a year of the contract that
/// has begun and has a target; a second record for the year updates the value in place (who and when become the last writer's, the
/// audit trail keeps the history of who changed it).
/// </summary>
public sealed class RecordIndicatorValue(MaillageDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<ContractIndicator>> RunAsync(Guid cptsId, Guid indicatorId, int year, decimal? achieved, string? justification, Actor actor,
        CancellationToken ct = default)
    {
        var found = await IndicatorAccess.FindAsync(db, cptsId, actor, forChange: true, ct);
        if (!found.Succeeded)
        {
            return Result<ContractIndicator>.Fail(found.Errors);
        }

        if (found.Value!.Indicators.FirstOrDefault(i => i.Id == indicatorId) is not { } indicator)
        {
            return IndicatorAccess.NotFound();
        }

        var errors = new List<Error>();
        var today = Lifecycle.CreateCpts.Today(clock);
        if (IndicatorRules.YearError(year, "year") is { } yearError)
        {
            errors.Add(yearError);
        }
        else if (IndicatorRules.YearStart(found.Value!.Contract, year) > today)
        {
            errors.Add(new Error("year_not_started",
                $"L'année {year} du contrat commence le {Platform.French.Date(IndicatorRules.YearStart(found.Value!.Contract, year))} : sa valeur ne peut pas encore être enregistrée.", "year"));
        }
        else if (indicator.TargetFor(year) is null)
        {
            errors.Add(new Error("no_target_for_year", $"L'indicateur n'a pas de cible pour l'année {year} : fixez d'abord sa cible.", "year"));
        }

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

        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        var text = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        var entry = indicator.ValueFor(year);
        if (entry is null)
        {
            entry = new IndicatorValue { Id = Guid.NewGuid(), IndicatorId = indicator.Id, Year = year };
            indicator.Values.Add(entry);
            db.Add(entry);
        }

        (entry.Achieved, entry.Justification, entry.RecordedBy, entry.RecordedAt) = (achieved!.Value, text, actor.Name, clock.GetUtcNow());
        audit.Record(actor, cptsId, "aci.indicator.value_recorded", $"Valeur de l'année {year} de l'indicateur {indicator.Id} enregistrée.");
        return await Contracts.ContractAccess.SaveAsync(db, indicator, ct);
    }
}
