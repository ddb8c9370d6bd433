using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;
using Maillage.Membership.Published;

namespace Maillage.Association;

/// <summary>A seat to give: the adhérent, the office (president, vice-president, treasurer, secretary, member) and the first day (today by default).</summary>
public sealed record MandateInput(Guid? MemberId, string? Office, DateOnly? From = null);

/// <summary>A mandate after a change and its body (the warnings about the conseil's composition: <see cref="ReadAssociation"/>).</summary>
public sealed record MandateOutcome(Mandate Mandate, BodyKind Body);

/// <summary>
/// Gives an adhérent (status adhérent or actif) a seat in the conseil d'administration or the bureau from a day (not in the future):
/// one président, trésorier and secrétaire per body at a time, one mandate per member and body at a time, and a bureau seat only for a
/// member sitting in the conseil (<see cref="MandateRules"/>). The assemblée générale has no mandates: every member sits in it. Those who
/// run the association.
/// </summary>
public sealed class AddMandate(MaillageDbContext db, AuditTrail audit, AssociationAccess access, MemberRoll roll)
{
    public async Task<Result<MandateOutcome>> RunAsync(Guid cptsId, string? kind, MandateInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await access.RunAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<MandateOutcome>.Fail(scope.Errors);
        }

        var today = scope.Value!.Today;
        var body = await MandateBodyAsync(cptsId, kind, ct);
        var office = MeetingLabels.Parse<Office>(input.Office, "office", "Fonction");
        var member = await roll.EligibleAsync(cptsId, input.MemberId, "memberId", ct);
        var from = input.From ?? today;
        var errors = body.Errors.Concat(office.Errors).Concat(member.Errors).ToList();
        if (from > today)
        {
            errors.Add(new Error("date_in_future", $"La date du {French.Date(from)} est dans le futur : enregistrez le mandat quand il commence.", "from"));
        }

        if (errors.Count > 0)
        {
            return Result<MandateOutcome>.Fail(errors);
        }

        var (seat, kindOf) = (body.Value!, body.Value!.Kind);
        var mandate = new Mandate { Id = Guid.NewGuid(), CptsId = cptsId, BodyId = seat.Id, MemberId = member.Value!.Id, Office = office.Value, From = from };
        var others = await db.Mandates().Where(m => m.BodyId == seat.Id).ToListAsync(ct);
        if (MandateRules.CheckOverlaps(kindOf, mandate, others) is { } overlap)
        {
            return overlap;
        }

        if (kindOf == BodyKind.Bureau)
        {
            var board = await DecisionRegister.BodyAsync(db, cptsId, BodyKind.Board, ct);
            var boardSeats = await db.Mandates().Where(m => m.BodyId == board.Id && m.MemberId == mandate.MemberId).ToListAsync(ct);
            if (MandateRules.CheckBureauSeat(from, boardSeats) is { } noSeat)
            {
                return noSeat;
            }
        }

        db.Mandates().Add(mandate);
        AssociationStore.Touch(db, seat);
        audit.Record(actor, cptsId, "mandate.added", $"Mandat {mandate.Id} : adhérent {mandate.MemberId}, {AssociationLabels.Office(mandate.Office, kindOf)} "
            + $"{AssociationLabels.InBody(kindOf)} depuis le {French.Date(from)}.");
        if (await db.SaveOrConflictAsync(ct, conflict: AssociationStore.Busy("Les mandats de cette instance")) is { } busy)
        {
            return busy;
        }

        return Result<MandateOutcome>.Ok(new MandateOutcome(mandate, kindOf));
    }

    /// <summary>The conseil or the bureau (created with its defaults when needed); the assemblée générale has no mandates.</summary>
    private async Task<Result<Body>> MandateBodyAsync(Guid cptsId, string? kind, CancellationToken ct)
    {
        var parsed = MeetingLabels.Parse<BodyKind>(kind, "kind", "Instance");
        if (!parsed.Succeeded)
        {
            return Result<Body>.Fail(parsed.Errors);
        }

        return parsed.Value == BodyKind.GeneralAssembly
            ? new Error("assembly_has_no_mandates", "L'assemblée générale réunit tous les adhérents : on n'y a pas de mandat. Choisissez le conseil "
                + "d'administration ou le bureau.", "kind")
            : Result<Body>.Ok(await DecisionRegister.BodyAsync(db, cptsId, parsed.Value, ct));
    }
}
