using System.Globalization;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Funding.Indicators;

/// <summary>A mid-year target adjustment as a user gives it: the year, the new target, why, who agreed to it and when.</summary>
public sealed record AdjustmentDraft(int? Year, decimal? Target, string? Reason, string? AgreedBy, DateOnly? AgreedOn);

/// <summary>
/// Changes the target of a contract year that has begun, as agreed in the comité de suivi, against the version read: keeps the adjustment
/// (previous and new target, reason, who agreed and when, who recorded it) and sets the year's target, in one save. Those who enter the
/// funding values (coordinator, treasurer, admin).
/// </summary>
public sealed class AdjustIndicatorTarget(MaillageDbContext db, AuditTrail audit, TimeProvider clock, FundingAccess access)
{
    public async Task<Result<ContractIndicator>> RunAsync(Guid cptsId, Guid indicatorId, AdjustmentDraft draft, int? version, Actor actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var found = await access.IndicatorsAsync(cptsId, actor, IndicatorChange.Values, ct);
        var chosen = found.Indicator(indicatorId);
        if (!chosen.Succeeded)
        {
            return chosen;
        }

        var today = found.Value!.Today;

        var indicator = chosen.Value!;
        if (IndicatorAccess.VersionError(indicator, version) is { } versionError)
        {
            return versionError;
        }

        var contract = found.Value!.Contract;
        var errors = new List<Error>();
        if (draft.Year is not { } year)
        {
            errors.Add(new Error("year_required", "Indiquez l'année du contrat dont la cible change.", "year"));
            year = 0;
        }
        else if (IndicatorRules.YearError(year, "year") is { } yearError)
        {
            errors.Add(yearError);
        }
        else if (IndicatorRules.YearStart(contract, year) > today)
        {
            errors.Add(new Error("year_not_started",
                $"L'année {year} du contrat commence le {Platform.French.Date(IndicatorRules.YearStart(contract, year))} : "
                + "sa cible se change en modifiant l'indicateur, pas par un ajustement en cours d'année.", "year"));
        }
        else if (indicator.IsObsoleteIn(year))
        {
            errors.Add(new Error("indicator_obsolete", $"L'indicateur est obsolète depuis l'année {indicator.ObsoleteFromYear} : sa cible ne s'ajuste plus.", "year"));
        }

        if (draft.Target is not { } target)
        {
            errors.Add(new Error("target_required", "Indiquez la nouvelle cible.", "target"));
        }
        else if (target < 0)
        {
            errors.Add(new Error("target_negative", $"La cible ne peut pas être négative ({target.ToString(CultureInfo.InvariantCulture)}).", "target"));
        }

        Required(draft.Reason, 2000, "reason", "la raison de l'ajustement", errors);
        Required(draft.AgreedBy, 300, "agreedBy", "qui a validé l'ajustement (par exemple « Comité de suivi : CPAM, ARS, bureau »)", errors);
        if (draft.AgreedOn is not { } agreedOn)
        {
            errors.Add(new Error("agreed_on_required", "Indiquez la date de l'accord.", "agreedOn"));
        }
        else if (agreedOn > today)
        {
            errors.Add(new Error("agreed_on_in_future", $"La date de l'accord ({Platform.French.Date(agreedOn)}) est dans le futur.", "agreedOn"));
        }

        if (errors.Count > 0)
        {
            return Result<ContractIndicator>.Fail(errors);
        }

        var adjustment = new IndicatorAdjustment
        {
            Id = Guid.NewGuid(), IndicatorId = indicator.Id, Year = year, PreviousTarget = indicator.TargetFor(year), NewTarget = draft.Target!.Value,
            Reason = draft.Reason!.Trim(), AgreedBy = draft.AgreedBy!.Trim(), AgreedOn = draft.AgreedOn!.Value, RecordedBy = actor.Name, RecordedAt = clock.GetUtcNow(),
        };
        if (indicator.Targets.FirstOrDefault(t => t.Year == year) is { } existing)
        {
            existing.Target = adjustment.NewTarget;
        }
        else
        {
            var added = new IndicatorTarget { Id = Guid.NewGuid(), IndicatorId = indicator.Id, Year = year, Target = adjustment.NewTarget };
            indicator.Targets.Add(added);
            db.Add(added);
        }

        indicator.Adjustments.Add(adjustment);
        db.Add(adjustment);
        IndicatorAccess.Touch(db, indicator, version!.Value);
        audit.Record(actor, cptsId, "aci.indicator.target_adjusted", $"Cible de l'année {year} de l'indicateur {indicator.Id} ajustée (ajustement {adjustment.Id}).");
        return await db.SaveAsync(indicator, ct);
    }

    /// <summary>A required text within a length.</summary>
    internal static void Required(string? text, int max, string field, string what, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new Error($"{ToSnake(field)}_required", $"Indiquez {what}.", field));
        }
        else if (text.Trim().Length > max)
        {
            errors.Add(new Error($"{ToSnake(field)}_too_long", $"Ce texte est limité à {max.ToString("N0", Platform.French.Culture)} caractères.", field));
        }
    }

    private static string ToSnake(string field) => string.Concat(field.Select(c => char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : c.ToString()));
}
