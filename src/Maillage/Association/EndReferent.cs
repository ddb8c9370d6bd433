using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>Ends a running referent on a day (today by default) between its first day and today. Those who run the association.</summary>
public sealed class EndReferent(MaillageDbContext db, AuditTrail audit, AssociationAccess access)
{
    public async Task<Result<Referent>> RunAsync(Guid cptsId, Guid referentId, DateOnly? to, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.RunAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<Referent>.Fail(scope.Errors);
        }

        var referent = await db.Referents().FirstOrDefaultAsync(r => r.Id == referentId && r.CptsId == cptsId, ct);
        if (referent is null)
        {
            return Error.NotFound("Référent");
        }

        if (referent.To is { } ended)
        {
            return new Error("already_ended", $"Ce référent a déjà terminé son mandat le {French.Date(ended)}.", null, ErrorKind.Conflict);
        }

        var last = to ?? scope.Value!.Today;
        if (last < referent.From || last > scope.Value!.Today)
        {
            return new Error("invalid_date", $"La fin tombe entre le début ({French.Date(referent.From)}) et aujourd'hui.", "to");
        }

        referent.To = last;
        audit.Record(actor, cptsId, "referent.ended", $"Référent {referent.Id} : fin le {French.Date(last)}.");
        await db.SaveChangesAsync(ct);
        return Result<Referent>.Ok(referent);
    }
}
