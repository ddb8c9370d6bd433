using System.Globalization;
using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Indemnities.Storage;

namespace Maillage.Indemnities;

/// <summary>
/// Puts every validated declaration not yet in a batch (missions up to <c>until</c> when given) into a new payment batch numbered
/// <c>&lt;year&gt;-&lt;seq&gt;</c> in the CPTS. The treasurer or an admin (<c>Pay</c>) — not the coordinator who validates.
/// </summary>
public sealed class CreatePaymentBatch(MaillageDbContext db, AuditTrail audit, TimeProvider clock, IndemnityAccess access)
{
    /// <summary>Two treasurers numbering at once: the unique index refuses one, which tries again with the next number.</summary>
    private const int Attempts = 3;

    public async Task<Result<PaymentBatch>> RunAsync(Guid cptsId, DateOnly? until, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, r => r.Pay, ct);
        if (!scope.Succeeded)
        {
            return Result<PaymentBatch>.Fail(scope.Errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            var declarations = await db.TimeDeclarations()
                .Where(d => d.CptsId == cptsId && d.Status == DeclarationStatus.Validated && d.PaymentBatchId == null)
                .Where(d => until == null || d.MissionDate <= until).ToListAsync(ct);
            if (declarations.Count == 0)
            {
                return new Error("nothing_to_pay", "Aucune déclaration validée n'attend de paiement"
                    + (until is { } u ? $" pour des missions jusqu'au {French.Date(u)}." : "."), "until");
            }

            var batch = await NewBatchAsync(cptsId, scope.Value!.Today.Year, actor, ct);
            batch.Total = declarations.Sum(d => d.Amount ?? 0m);
            foreach (var d in declarations)
            {
                d.PaymentBatchId = batch.Id;
            }

            audit.Record(actor, cptsId, "indemnity.batch.created",
                $"Lot de paiement {batch.Number} ({batch.Id}) : {French.Count(declarations.Count, "déclaration", "déclarations")}, "
                + $"{IndemnityLabels.Euros(batch.Total)}.");
            var refused = await db.SaveOrConflictAsync(ct,
                conflict: new Error("declarations_taken", "Des déclarations viennent d'être mises dans un autre lot : rechargez la page et recommencez.",
                    null, ErrorKind.Conflict),
                taken: new Error("number_taken", "Un autre lot vient d'être numéroté au même moment : recommencez.", null, ErrorKind.Conflict));
            if (refused is null)
            {
                return Result<PaymentBatch>.Ok(batch);
            }

            if (refused.Code != "number_taken" || attempt == Attempts)   // a batch numbered at the same time: number it again
            {
                return refused;
            }
        }
    }

    private async Task<PaymentBatch> NewBatchAsync(Guid cptsId, int year, Actor actor, CancellationToken ct)
    {
        var sequence = (await db.PaymentBatches().Where(b => b.CptsId == cptsId && b.Year == year).MaxAsync(b => (int?)b.Sequence, ct) ?? 0) + 1;
        var batch = new PaymentBatch
        {
            Id = Guid.NewGuid(), CptsId = cptsId, Year = year, Sequence = sequence,
            Number = year.ToString(CultureInfo.InvariantCulture) + "-" + sequence.ToString("D3", CultureInfo.InvariantCulture),
            CreatedBy = actor.Name, CreatedAt = clock.GetUtcNow(),
        };
        db.PaymentBatches().Add(batch);
        return batch;
    }
}

/// <summary>A payment date, or nothing to cancel; <see cref="Version"/> is the batch's version the treasurer saw, when known.</summary>
public sealed record BatchChangeInput(DateOnly? PaidOn = null, int? Version = null);

/// <summary>
/// Records that the transfers of a batch were made on a date: its declarations become paid and the batch is closed for good. <c>Pay</c>.
/// </summary>
public sealed class MarkBatchPaid(MaillageDbContext db, AuditTrail audit, IndemnityAccess access)
{
    public async Task<Result<PaymentBatch>> RunAsync(Guid cptsId, Guid batchId, BatchChangeInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await BatchLookup.OpenAsync(db, access, cptsId, batchId, input.Version, actor, ct);
        if (!found.Succeeded)
        {
            return Result<PaymentBatch>.Fail(found.Errors);
        }

        var (batch, clock) = (found.Value.Batch, found.Value.Scope.Tenant.Clock);
        var today = clock.Today;
        var created = clock.DateOf(batch.CreatedAt);
        if (input.PaidOn is not { } paidOn)
        {
            return new Error("date_required", "Indiquez la date des virements.", "paidOn");
        }

        if (paidOn > today || paidOn < created)
        {
            return new Error("invalid_date", $"La date des virements va du {French.Date(created)} (création du lot) à aujourd'hui.", "paidOn");
        }

        var declarations = await db.TimeDeclarations().Where(d => d.PaymentBatchId == batch.Id).ToListAsync(ct);
        foreach (var d in declarations)
        {
            d.Status = DeclarationStatus.Paid;
        }

        batch.PaidOn = paidOn;
        batch.PaidBy = actor.Name;
        audit.Record(actor, cptsId, "indemnity.batch.paid",
            $"Lot de paiement {batch.Number} ({batch.Id}) payé le {French.Date(paidOn)} : {French.Count(declarations.Count, "déclaration", "déclarations")}, "
            + $"{IndemnityLabels.Euros(batch.Total)}.");
        return await db.SaveAsync(batch, ct);
    }
}

/// <summary>Cancels a batch not yet paid: its declarations wait for the next batch again. <c>Pay</c>.</summary>
public sealed class CancelPaymentBatch(MaillageDbContext db, AuditTrail audit, IndemnityAccess access)
{
    public async Task<Result<PaymentBatch>> RunAsync(Guid cptsId, Guid batchId, BatchChangeInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await BatchLookup.OpenAsync(db, access, cptsId, batchId, input.Version, actor, ct);
        if (!found.Succeeded)
        {
            return Result<PaymentBatch>.Fail(found.Errors);
        }

        var batch = found.Value.Batch;
        foreach (var d in await db.TimeDeclarations().Where(d => d.PaymentBatchId == batch.Id).ToListAsync(ct))
        {
            d.PaymentBatchId = null;
        }

        db.PaymentBatches().Remove(batch);
        audit.Record(actor, cptsId, "indemnity.batch.cancelled", $"Lot de paiement {batch.Number} ({batch.Id}) annulé avant paiement.");
        return await db.SaveAsync(batch, ct);
    }
}

/// <summary>A batch that may still change: the payer's, of this CPTS, not paid, at the version the payer saw.</summary>
internal static class BatchLookup
{
    public static async Task<Result<(PaymentBatch Batch, IndemnityScope Scope)>> OpenAsync(MaillageDbContext db, IndemnityAccess access, Guid cptsId,
        Guid batchId, int? version, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scope = await access.RequireAsync(cptsId, actor, r => r.Pay, ct);
        if (!scope.Succeeded)
        {
            return Result<(PaymentBatch, IndemnityScope)>.Fail(scope.Errors);
        }

        var batch = await db.PaymentBatches().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return Error.NotFound("Lot de paiement");
        }

        if (batch.PaidOn is { } paid)
        {
            return new Error("batch_paid", $"Le lot {batch.Number} a été payé le {French.Date(paid)} : il ne change plus.", null, ErrorKind.Conflict);
        }

        return version is { } v && v != batch.Version ? Error.Stale() : Result<(PaymentBatch, IndemnityScope)>.Ok((batch, scope.Value!));
    }
}
