using Maillage.Association;
using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;
using Maillage.Association.Storage;

namespace Maillage.Indemnities;

/// <summary>A CPTS the actor may read, with what the actor may do in its indemnities, and today (Paris).</summary>
public sealed record IndemnityScope(Cpts Cpts, CommunityRights Rights, DateOnly Today)
{
    /// <summary>Sees every declaration and batch: the validators and the payers.</summary>
    public bool Manages => Rights.Run || Rights.Pay;

    /// <summary>A CPTS with a commune in Mayotte gets Mayotte's SMIC.</summary>
    public bool Mayotte => Cpts.DepartementCodes.Contains("976");
}

/// <summary>
/// The one way a request reaches the indemnities of a CPTS: not found when the actor may not read the CPTS (its existence is not
/// disclosed), then the rights of <see cref="AssociationRights"/> decide.
/// </summary>
public static class IndemnityAccess
{
    public static async Task<Result<IndemnityScope>> ResolveAsync(MaillageDbContext db, Guid cptsId, Actor actor, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        var cpts = await db.Cpts().Readable(actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cptsId, ct);
        if (cpts is null)
        {
            return Error.NotFound("CPTS");
        }

        var today = CreateCpts.Today(clock);
        var rights = await AssociationRights.ResolveAsync(db, actor, cpts, today, ct);
        return rights.Read || rights.Aggregates ? Result<IndemnityScope>.Ok(new IndemnityScope(cpts, rights, today)) : Error.Forbidden();
    }

    /// <summary>The scope when the actor may do what <paramref name="allowed"/> asks; forbidden otherwise.</summary>
    public static async Task<Result<IndemnityScope>> RequireAsync(MaillageDbContext db, Guid cptsId, Actor actor, TimeProvider clock,
        Func<CommunityRights, bool> allowed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var scope = await ResolveAsync(db, cptsId, actor, clock, ct);
        return scope.Succeeded && !allowed(scope.Value!.Rights) ? Error.Forbidden() : scope;
    }

    /// <summary>Whether a member holds a bureau office (président, vice-président, trésorier, secrétaire) on a day: the officers' cap applies.</summary>
    public static Task<bool> IsOfficerAsync(MaillageDbContext db, Guid cptsId, Guid memberId, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (from m in db.Mandates()
                join b in db.Bodies() on m.BodyId equals b.Id
                where m.CptsId == cptsId && m.MemberId == memberId && b.Kind == BodyKind.Bureau && m.Office != Office.Member
                    && m.From <= day && (m.To == null || m.To >= day)
                select m.Id).AnyAsync(ct);
    }

    /// <summary>Saves the unit of work; a concurrent change of a versioned row (stale version) is a 409 and nothing is written.</summary>
    public static async Task<Result<T>> SaveAsync<T>(MaillageDbContext db, T value, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Stale();
        }

        return Result<T>.Ok(value);
    }
}
