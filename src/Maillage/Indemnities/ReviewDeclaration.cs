using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Indemnities.Storage;
using Maillage.Membership.Published;

namespace Maillage.Indemnities;

/// <summary>A decision on a declaration; <see cref="Version"/> is the declaration's version the reviewer saw, when known.</summary>
public sealed record ReviewInput(int? Version = null, string? Reason = null);

/// <summary>
/// Validates a declared time (<c>Run</c>): the amount is fixed from the scale in force on the mission date — the profession's rate, else the
/// rate for every profession — and, for a bureau officer, must fit under 3/4 of the monthly SMIC for the month of the mission.
/// Nobody validates a declaration about themselves or that they entered.
/// </summary>
public sealed class ValidateDeclaration(MaillageDbContext db, AuditTrail audit, Smic smic, TimeProvider clock, IndemnityAccess access, MemberRoll roll)
{
    public async Task<Result<TimeDeclaration>> RunAsync(Guid cptsId, Guid declarationId, ReviewInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await DeclarationReview.LoadAsync(db, access, cptsId, declarationId, input.Version, actor, ct);
        if (!found.Succeeded)
        {
            return Result<TimeDeclaration>.Fail(found.Errors);
        }

        var (scope, declaration) = (found.Value!.Scope, found.Value.Declaration);
        var date = declaration.MissionDate;
        var scale = await db.Scales().AsNoTracking().Include(s => s.Rates).Where(s => s.CptsId == cptsId && s.EffectiveFrom <= date)
            .OrderByDescending(s => s.EffectiveFrom).FirstOrDefaultAsync(ct);
        if (scale is null)
        {
            return new Error("no_scale",
                $"Aucun barème n'est en vigueur le {French.Date(date)} : enregistrez le barème du règlement intérieur avant de valider.", null, ErrorKind.Conflict);
        }

        var profession = (await roll.ByIdsAsync(cptsId, [declaration.MemberId], ct)).GetValueOrDefault(declaration.MemberId)?.ProfessionCode;
        if (IndemnityRules.RateFor(scale, declaration.Activity, profession) is not { } rate)
        {
            return new Error("no_rate",
                $"Le barème en vigueur le {French.Date(date)} ne prévoit pas de taux pour « {declaration.Activity.French()} ».", null, ErrorKind.Conflict);
        }

        var amount = IndemnityRules.Amount(declaration.Hours, rate.HourlyRate);
        if (await CapErrorAsync(scope, declaration, amount, ct) is { } capError)
        {
            return capError;
        }

        declaration.Status = DeclarationStatus.Validated;
        declaration.ScaleId = scale.Id;
        declaration.HourlyRate = rate.HourlyRate;
        declaration.Amount = amount;
        declaration.ReviewedBy = actor.Name;
        declaration.ReviewedAt = clock.GetUtcNow();
        audit.Record(actor, cptsId, "indemnity.validated",
            $"Déclaration {declaration.Id} validée : {DeclareTime.Hours(declaration.Hours)} h × {IndemnityLabels.Euros(rate.HourlyRate)} = "
            + $"{IndemnityLabels.Euros(amount)} (barème {scale.Id}).");
        return await db.SaveAsync(declaration, ct);
    }

    private async Task<Error?> CapErrorAsync(IndemnityScope scope, TimeDeclaration declaration, decimal amount, CancellationToken ct)
    {
        var date = declaration.MissionDate;
        if (!await access.IsOfficerAsync(scope.Cpts.Id, declaration.MemberId, date, ct))
        {
            return null;
        }

        // Two validations of the same officer at once would each see the month without the other: both bump the member's version,
        // so the second save is refused as stale (409) and nothing is written.
        await roll.GuardAsync(scope.Cpts.Id, declaration.MemberId, ct);
        var month = new DateOnly(date.Year, date.Month, 1);
        var monthly = smic.MonthlyOn(month, scope.Mayotte)
            ?? throw new InvalidOperationException($"smic.json has no SMIC for {month:yyyy-MM}.");
        var next = month.AddMonths(1);
        var already = (await db.TimeDeclarations()
            .Where(d => d.MemberId == declaration.MemberId && d.MissionDate >= month && d.MissionDate < next
                && (d.Status == DeclarationStatus.Validated || d.Status == DeclarationStatus.Paid))
            .Select(d => d.Amount).ToListAsync(ct)).Sum() ?? 0m;
        var check = IndemnityRules.CheckCap(IndemnityRules.OfficerCap(monthly), already, amount);
        return check.Allowed
            ? null
            : new Error("officer_cap",
                $"Plafond des dirigeants : un membre du bureau ne reçoit pas plus de {IndemnityLabels.Euros(check.Cap)} pour {IndemnityLabels.Month(month)} "
                + $"(3/4 du SMIC mensuel brut de {IndemnityLabels.Euros(monthly)}). Déjà validé pour ce mois : {IndemnityLabels.Euros(check.AlreadyValidated)} ; "
                + $"reste : {IndemnityLabels.Euros(check.Remaining)} ; cette déclaration : {IndemnityLabels.Euros(amount)}.",
                null, ErrorKind.Conflict);
    }
}

/// <summary>Rejects a declared time with a reason (<c>Run</c>); nobody rejects a declaration about themselves or that they entered.</summary>
public sealed class RejectDeclaration(MaillageDbContext db, AuditTrail audit, TimeProvider clock, IndemnityAccess access)
{
    public const int MaxReason = 500;

    public async Task<Result<TimeDeclaration>> RunAsync(Guid cptsId, Guid declarationId, ReviewInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await DeclarationReview.LoadAsync(db, access, cptsId, declarationId, input.Version, actor, ct);
        if (!found.Succeeded)
        {
            return Result<TimeDeclaration>.Fail(found.Errors);
        }

        var declaration = found.Value!.Declaration;
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxReason)
        {
            return new Error("reason_required", $"Donnez le motif du refus, en {MaxReason} caractères au plus.", "reason");
        }

        declaration.Status = DeclarationStatus.Rejected;
        declaration.RejectionReason = reason;
        declaration.ReviewedBy = actor.Name;
        declaration.ReviewedAt = clock.GetUtcNow();
        audit.Record(actor, cptsId, "indemnity.rejected", $"Déclaration {declaration.Id} refusée.");
        return await db.SaveAsync(declaration, ct);
    }
}

/// <summary>What validation and rejection share: who may review which declaration, in which state, and the save.</summary>
internal static class DeclarationReview
{
    public sealed record Found(IndemnityScope Scope, TimeDeclaration Declaration);

    public static async Task<Result<Found>> LoadAsync(MaillageDbContext db, IndemnityAccess access, Guid cptsId, Guid declarationId, int? version,
        Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, r => r.Run, ct);
        if (!scope.Succeeded)
        {
            return Result<Found>.Fail(scope.Errors);
        }

        var declaration = await db.TimeDeclarations().FirstOrDefaultAsync(d => d.Id == declarationId, ct);
        if (declaration is null)
        {
            return Error.NotFound("Déclaration");
        }

        if (scope.Value!.Rights.ActsFor(declaration.MemberId) || declaration.DeclaredBy == actor.Name)
        {
            return new Error("own_declaration",
                "Vous ne pouvez pas valider ni refuser une déclaration qui vous concerne ou que vous avez saisie : un autre membre du bureau ou la coordination s'en charge.",
                null, ErrorKind.Forbidden);
        }

        if (version is { } v && v != declaration.Version)
        {
            return Error.Stale();
        }

        if (declaration.Status != DeclarationStatus.Declared)
        {
            return new Error("already_reviewed", $"Cette déclaration est déjà « {declaration.Status.French()} » : elle ne change plus d'état ici.",
                null, ErrorKind.Conflict);
        }

        return Result<Found>.Ok(new Found(scope.Value, declaration));
    }
}
