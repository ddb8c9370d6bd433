using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;

namespace Maillage.Association;

/// <summary>A CPTS the actor may read, with what the actor may do in its association life, and today (Paris).</summary>
public sealed record AssociationScope(Cpts Cpts, CommunityRights Rights, DateOnly Today);

/// <summary>
/// The one way a request reaches the association life of a CPTS (bodies, mandates, working groups, referents, proposals, decisions):
/// not found when the actor may not read the CPTS (its existence is not disclosed), then <see cref="AssociationRights"/> decides —
/// officers, who steer without being part of the association, are refused.
/// </summary>
public static class AssociationAccess
{
    public static async Task<Result<AssociationScope>> RequireAsync(MaillageDbContext db, Guid cptsId, Actor actor, TimeProvider clock,
        Func<CommunityRights, bool> allowed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(allowed);
        var cpts = await db.Cpts().Readable(actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cptsId, ct);
        if (cpts is null)
        {
            return Error.NotFound("CPTS");
        }

        var today = CreateCpts.Today(clock);
        var rights = await AssociationRights.ResolveAsync(db, actor, cpts, today, ct);
        return rights.Read && allowed(rights) ? Result<AssociationScope>.Ok(new AssociationScope(cpts, rights, today)) : Error.Forbidden();
    }

    /// <summary>Readers: the CPTS's members and managers.</summary>
    public static Task<Result<AssociationScope>> ReadAsync(MaillageDbContext db, Guid cptsId, Actor actor, TimeProvider clock, CancellationToken ct) =>
        RequireAsync(db, cptsId, actor, clock, _ => true, ct);

    /// <summary>Those who run the association: the coordinator, an admin, a member holding a current bureau seat.</summary>
    public static Task<Result<AssociationScope>> RunAsync(MaillageDbContext db, Guid cptsId, Actor actor, TimeProvider clock, CancellationToken ct) =>
        RequireAsync(db, cptsId, actor, clock, r => r.Run, ct);
}
