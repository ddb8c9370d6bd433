using System.Globalization;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Indemnities.Storage;
using Maillage.Directory.Published;

namespace Maillage.Indemnities;

/// <summary>An hourly rate of a scale: for every profession (no profession) or for one (TRE_G15 code).</summary>
public sealed record ScaleRateInput(string? Activity, decimal? HourlyRate, string? Profession = null);

/// <summary>A new version of the scale: from a date, where it was decided, its rates.</summary>
public sealed record ScaleInput(DateOnly? EffectiveFrom, string? Reference, IReadOnlyList<ScaleRateInput>? Rates);

/// <summary>
/// Records a new version of the scale (barème) of the règlement intérieur, in force from its date until the next version; versions are
/// never edited — a change is a new version. The coordinator, an admin or a bureau member (<c>Run</c>).
/// </summary>
public sealed class CreateScale(MaillageDbContext db, AuditTrail audit, Nomenclatures nomenclatures, TimeProvider clock, IndemnityAccess access)
{
    public const int MaxReference = 300;

    public async Task<Result<Scale>> RunAsync(Guid cptsId, ScaleInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, r => r.Run, ct);
        if (!scope.Succeeded)
        {
            return Result<Scale>.Fail(scope.Errors);
        }

        var errors = new List<Error>();
        var today = scope.Value!.Today;
        if (input.EffectiveFrom is not { } from || from.Year < 2000 || from > today.AddYears(2))
        {
            errors.Add(new Error("invalid_date", $"Indiquez la date d'entrée en vigueur (de 2000 au {French.Date(today.AddYears(2))}).", "effectiveFrom"));
        }

        var reference = input.Reference?.Trim() ?? "";
        if (reference.Length is 0 or > MaxReference)
        {
            errors.Add(new Error("invalid_reference",
                $"Indiquez où le barème a été décidé (article du règlement intérieur, décision du conseil), en {MaxReference} caractères au plus.", "reference"));
        }

        var rates = Rates(input.Rates ?? [], errors);
        if (errors.Count > 0)
        {
            return Result<Scale>.Fail(errors);
        }

        if (await db.Scales().AnyAsync(s => s.CptsId == cptsId && s.EffectiveFrom == input.EffectiveFrom, ct))
        {
            return DateTaken(input.EffectiveFrom!.Value);
        }

        var scale = new Scale
        {
            Id = Guid.NewGuid(), CptsId = cptsId, EffectiveFrom = input.EffectiveFrom!.Value, Reference = reference,
            CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow(), Rates = rates,
        };
        foreach (var rate in rates)
        {
            rate.ScaleId = scale.Id;
        }

        db.Scales().Add(scale);
        audit.Record(actor, cptsId, "indemnity.scale.created",
            $"Barème {scale.Id} en vigueur le {French.Date(scale.EffectiveFrom)} : {string.Join(", ", rates.Select(Describe))}.");
        return await db.SaveAsync(scale, ct, taken: DateTaken(scale.EffectiveFrom));
    }

    private static Error DateTaken(DateOnly from) => new("scale_date_taken",
        $"Un barème entre déjà en vigueur le {French.Date(from)} : choisissez une autre date pour la nouvelle version.", "effectiveFrom", ErrorKind.Conflict);

    private static string Describe(ScaleRate r) =>
        $"{r.Activity.Code()}{(r.ProfessionCode is { } p ? "/" + p : "")} {r.HourlyRate.ToString("0.00", CultureInfo.InvariantCulture)} €/h";

    private List<ScaleRate> Rates(IReadOnlyList<ScaleRateInput> inputs, List<Error> errors)
    {
        var rates = new List<ScaleRate>();
        foreach (var (input, i) in inputs.Select((r, i) => (r, i)))
        {
            var field = $"rates[{i}]";
            var activity = IndemnityLabels.ParseActivity(input.Activity, field);
            var profession = string.IsNullOrWhiteSpace(input.Profession) ? null : input.Profession.Trim();
            if (!activity.Succeeded)
            {
                errors.AddRange(activity.Errors);
                continue;
            }

            if (profession is not null && !nomenclatures.Professions.ContainsKey(profession))
            {
                errors.Add(new Error("unknown_profession", $"Profession « {profession} » inconnue de la nomenclature TRE_G15.", field));
                continue;
            }

            if (input.HourlyRate is not { } rate || rate <= 0 || rate > IndemnityRules.MaxHourlyRate || decimal.Round(rate, 2) != rate)
            {
                errors.Add(new Error("invalid_rate", $"Le taux horaire est un montant positif en euros, au centime près, jusqu'à {IndemnityRules.MaxHourlyRate:0} €.", field));
                continue;
            }

            if (rates.Any(r => r.Activity == activity.Value && r.ProfessionCode == profession))
            {
                errors.Add(new Error("duplicate_rate", $"Le taux « {activity.Value.French()} »{(profession is null ? "" : $" ({nomenclatures.ProfessionLabel(profession)})")} est donné deux fois.", field));
                continue;
            }

            rates.Add(new ScaleRate { Id = Guid.NewGuid(), Activity = activity.Value, ProfessionCode = profession, HourlyRate = rate });
        }

        if (rates.Count == 0 && errors.Count == 0)
        {
            errors.Add(new Error("no_rate", "Donnez au moins un taux horaire.", "rates"));
        }

        return rates;
    }
}

/// <summary>Deletes a scale version no declaration was validated with (a mistake); a used version stays. <c>Run</c>.</summary>
public sealed class DeleteScale(MaillageDbContext db, AuditTrail audit, IndemnityAccess access)
{
    public async Task<Result<Guid>> RunAsync(Guid cptsId, Guid scaleId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, r => r.Run, ct);
        if (!scope.Succeeded)
        {
            return Result<Guid>.Fail(scope.Errors);
        }

        var scale = await db.Scales().Include(s => s.Rates).FirstOrDefaultAsync(s => s.Id == scaleId && s.CptsId == cptsId, ct);
        if (scale is null)
        {
            return Error.NotFound("Barème");
        }

        var used = await db.TimeDeclarations().CountAsync(d => d.ScaleId == scaleId, ct);
        if (used > 0)
        {
            return new Error("scale_used",
                $"Ce barème a servi à valider {French.Count(used, "déclaration", "déclarations")} : il reste en place ; créez plutôt une nouvelle version.",
                null, ErrorKind.Conflict);
        }

        db.Scales().Remove(scale);
        audit.Record(actor, cptsId, "indemnity.scale.deleted", $"Barème {scale.Id} du {French.Date(scale.EffectiveFrom)} supprimé (jamais appliqué).");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A declaration was validated with it meanwhile: the foreign key refused the deletion.
            db.ChangeTracker.Clear();
            return new Error("scale_used", "Ce barème vient de servir à valider une déclaration : il reste en place.", null, ErrorKind.Conflict);
        }

        return Result<Guid>.Ok(scale.Id);
    }
}
