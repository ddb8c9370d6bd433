using Maillage.Association.Published;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Association;

/// <summary>A CPTS the actor may read, with what the actor may do in its association life, and its clock.</summary>
public sealed record AssociationScope(Tenant Tenant, CommunityRights Rights)
{
    public CptsInfo Cpts => Tenant.Cpts;

    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Tenant.Today;

    public void Deconstruct(out CptsInfo cpts, out CommunityRights rights, out DateOnly today) => (cpts, rights, today) = (Cpts, Rights, Today);
}

/// <summary>
/// The one way a request reaches the association life of a CPTS (bodies, mandates, working groups, referents, proposals, decisions,
/// meetings): not found when the actor may not read the CPTS (its existence is not disclosed), then <see cref="AssociationStanding"/>
/// decides — officers, who steer without being part of the association, are refused.
/// </summary>
public sealed class AssociationAccess(Tenancy tenancy, AssociationStanding standing)
{
    public async Task<Result<AssociationScope>> RequireAsync(Guid cptsId, Actor actor, Func<CommunityRights, bool> allowed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var tenant = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<AssociationScope>.Fail(tenant.Errors);
        }

        var rights = await standing.RightsAsync(tenant.Value!, ct);
        return rights.Read && allowed(rights) ? Result<AssociationScope>.Ok(new AssociationScope(tenant.Value!, rights)) : Error.Forbidden();
    }

    /// <summary>Readers: the CPTS's members and managers.</summary>
    public Task<Result<AssociationScope>> ReadAsync(Guid cptsId, Actor actor, CancellationToken ct) => RequireAsync(cptsId, actor, _ => true, ct);

    /// <summary>Those who run the association: the coordinator, an admin, a member holding a current bureau seat.</summary>
    public Task<Result<AssociationScope>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct) => RequireAsync(cptsId, actor, r => r.Run, ct);
}
