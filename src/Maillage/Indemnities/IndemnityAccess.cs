using Maillage.Association.Published;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Indemnities;

/// <summary>A CPTS the actor may read, with what the actor may do in its indemnities, and its clock.</summary>
public sealed record IndemnityScope(Tenant Tenant, CommunityRights Rights)
{
    public CptsInfo Cpts => Tenant.Cpts;

    /// <summary>Today where the CPTS is.</summary>
    public DateOnly Today => Tenant.Today;

    /// <summary>Sees every declaration and batch: the validators and the payers.</summary>
    public bool Manages => Rights.Run || Rights.Pay;

    /// <summary>A CPTS with a commune in Mayotte gets Mayotte's SMIC.</summary>
    public bool Mayotte => Cpts.DepartementCodes.Contains("976");
}

/// <summary>
/// The one way a request reaches the indemnities of a CPTS: not found when the actor may not read the CPTS (its existence is not
/// disclosed), then the rights of <see cref="AssociationStanding"/> decide.
/// </summary>
public sealed class IndemnityAccess(Tenancy tenancy, AssociationStanding standing)
{
    public async Task<Result<IndemnityScope>> ResolveAsync(Guid cptsId, Actor actor, CancellationToken ct)
    {
        var tenant = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<IndemnityScope>.Fail(tenant.Errors);
        }

        var rights = await standing.RightsAsync(tenant.Value!, ct);
        return rights.Read || rights.Aggregates ? Result<IndemnityScope>.Ok(new IndemnityScope(tenant.Value!, rights)) : Error.Forbidden();
    }

    /// <summary>The scope when the actor may do what <paramref name="allowed"/> asks; forbidden otherwise.</summary>
    public async Task<Result<IndemnityScope>> RequireAsync(Guid cptsId, Actor actor, Func<CommunityRights, bool> allowed, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var scope = await ResolveAsync(cptsId, actor, ct);
        return scope.Succeeded && !allowed(scope.Value!.Rights) ? Error.Forbidden() : scope;
    }

    /// <summary>Whether a member holds a bureau office on a day: the officers' cap applies.</summary>
    public Task<bool> IsOfficerAsync(Guid cptsId, Guid memberId, DateOnly day, CancellationToken ct) =>
        standing.HoldsBureauOfficeAsync(cptsId, memberId, day, ct);
}
