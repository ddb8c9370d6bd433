using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>The last day of a mandate (today by default) and why it ends (fin de mandat, démission…).</summary>
public sealed record EndMandateInput(DateOnly? To, string? Reason);

/// <summary>
/// Ends a running mandate on a day between its first day and today, with the reason. Leaving the conseil d'administration also ends the
/// member's bureau seat on the same day (the bureau sits within the conseil). Those who run the association.
/// </summary>
public sealed class EndMandate(MaillageDbContext db, AuditTrail audit, AssociationAccess access)
{
    public const int MaxReason = 500;

    public async Task<Result<MandateOutcome>> RunAsync(Guid cptsId, Guid mandateId, EndMandateInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.RunAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<MandateOutcome>.Fail(scope.Errors);
        }

        var today = scope.Value!.Today;
        var mandate = await db.Mandates().FirstOrDefaultAsync(m => m.Id == mandateId && m.CptsId == cptsId, ct);
        if (mandate is null)
        {
            return Error.NotFound("Mandat");
        }

        if (mandate.To is { } ended)
        {
            return new Error("already_ended", $"Ce mandat a déjà pris fin le {French.Date(ended)}.", null, ErrorKind.Conflict);
        }

        var to = input.To ?? today;
        var reason = input.Reason?.Trim() ?? "";
        var errors = Check(mandate, to, today, reason);
        if (errors.Count > 0)
        {
            return Result<MandateOutcome>.Fail(errors);
        }

        var body = await db.Bodies().FirstAsync(b => b.Id == mandate.BodyId, ct);
        (mandate.To, mandate.EndReason) = (to, reason);
        AssociationStore.Touch(db, body);
        var cascade = body.Kind == BodyKind.Board ? await EndBureauSeatAsync(cptsId, mandate, ct) : Result<IReadOnlyList<Mandate>>.Ok([]);
        if (!cascade.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Result<MandateOutcome>.Fail(cascade.Errors);
        }

        audit.Record(actor, cptsId, "mandate.ended", $"Mandat {mandate.Id} ({AssociationLabels.Office(mandate.Office, body.Kind)} "
            + $"{AssociationLabels.InBody(body.Kind)}) terminé le {French.Date(to)} : {reason}"
            + (cascade.Value!.Count > 0 ? $" ; {French.Plural(cascade.Value.Count, "mandat au bureau terminé", "mandats au bureau terminés")} le même jour : {string.Join(", ", cascade.Value.Select(m => m.Id))}." : "."));
        if (await db.SaveOrConflictAsync(ct, conflict: AssociationStore.Busy("Les mandats de cette instance")) is { } busy)
        {
            return busy;
        }

        return Result<MandateOutcome>.Ok(new MandateOutcome(mandate, body.Kind));
    }

    private static List<Error> Check(Mandate mandate, DateOnly to, DateOnly today, string reason)
    {
        var errors = new List<Error>();
        if (to < mandate.From)
        {
            errors.Add(new Error("to_before_from", $"Le mandat a commencé le {French.Date(mandate.From)} : il ne peut pas finir avant.", "to"));
        }

        if (to > today)
        {
            errors.Add(new Error("date_in_future", $"La date du {French.Date(to)} est dans le futur : enregistrez la fin du mandat le jour venu.", "to"));
        }

        if (reason.Length == 0)
        {
            errors.Add(new Error("reason_required", "Indiquez pourquoi le mandat prend fin (fin de mandat, démission…).", "reason"));
        }
        else if (reason.Length > MaxReason)
        {
            errors.Add(new Error("reason_too_long", $"Le motif tient en {MaxReason} caractères.", "reason"));
        }

        return errors;
    }

    /// <summary>Ends, on the same day, the bureau seat of a member leaving the conseil.</summary>
    private async Task<Result<IReadOnlyList<Mandate>>> EndBureauSeatAsync(Guid cptsId, Mandate boardSeat, CancellationToken ct)
    {
        var bureau = await db.Bodies().FirstOrDefaultAsync(b => b.CptsId == cptsId && b.Kind == BodyKind.Bureau, ct);
        if (bureau is null)
        {
            return Result<IReadOnlyList<Mandate>>.Ok([]);
        }

        var seats = await db.Mandates().Where(m => m.BodyId == bureau.Id && m.MemberId == boardSeat.MemberId).ToListAsync(ct);
        var ending = MandateRules.BureauSeatsEndingWith(boardSeat.To!.Value, seats);
        if (ending.Succeeded && ending.Value!.Count > 0)
        {
            foreach (var seat in ending.Value)
            {
                (seat.To, seat.EndReason) = (boardSeat.To, "Fin du mandat au conseil d'administration.");
            }

            AssociationStore.Touch(db, bureau);
        }

        return ending;
    }
}
