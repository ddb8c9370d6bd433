using Maillage.Lifecycle.Published;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor.Storage;
using Microsoft.EntityFrameworkCore;

namespace Maillage.TreatingDoctor;

/// <summary>
/// How the actor stands towards a CPTS's treating-doctor desk: the coordinator (or an admin) runs it and sees every patient; a member's
/// account files requests for patients (and sees its filings without their identity); a volunteer doctor sees the patients proposed to it
/// and answers; an officer steering the CPTS reads the figures, never a patient.
/// </summary>
public sealed record TreatingScope(Tenant Tenant, TreatingVolunteer? Volunteer)
{
    public Guid CptsId => Tenant.Id;

    public DateOnly Today => Tenant.Today;

    /// <summary>Runs the desk: triage, volunteers, assignment, follow-up; reads every request.</summary>
    public bool Manages => Tenant.Manages;

    /// <summary>May file a request for a patient: the team and the members' accounts.</summary>
    public bool Files => Manages || Tenant.IsMemberAccount;

    /// <summary>An active volunteer doctor.</summary>
    public bool IsVolunteer => Volunteer is { Active: true };

    /// <summary>Reads the figures (no patient in them).</summary>
    public bool ReadsFigures => Manages || Tenant.Steers || IsVolunteer;

    /// <summary>Sees the desk's page at all.</summary>
    public bool Sees => Files || ReadsFigures;
}

/// <summary>The one way a request reaches the desk of a CPTS (not found when the actor may not read the CPTS).</summary>
public sealed class TreatingAccess(Tenancy tenancy, MaillageDbContext db)
{
    public async Task<Result<TreatingScope>> ResolveAsync(Guid cptsId, Actor actor, CancellationToken ct)
    {
        var tenant = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<TreatingScope>.Fail(tenant.Errors);
        }

        var t = tenant.Value!;
        var volunteer = t.ClaimedMemberId is { } memberId
            ? await db.TreatingVolunteers().AsNoTracking().FirstOrDefaultAsync(v => v.CptsId == t.Id && v.MemberId == memberId, ct)
            : null;
        return Result<TreatingScope>.Ok(new TreatingScope(t, volunteer));
    }

    /// <summary>The scope when <paramref name="may"/> lets the actor in; forbidden otherwise.</summary>
    public async Task<Result<TreatingScope>> RequireAsync(Guid cptsId, Actor actor, Func<TreatingScope, bool> may, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(may);
        var scope = await ResolveAsync(cptsId, actor, ct);
        return scope.Succeeded && !may(scope.Value!) ? Error.Forbidden() : scope;
    }

    /// <summary>The CPTS for a patient's own filing on the public form (no account): not found when it does not exist.</summary>
    public async Task<Result<TreatingScope>> ForPublicAsync(Guid cptsId, CancellationToken ct)
    {
        var tenant = await tenancy.ForPlatformAsync(cptsId, ct);
        return tenant.Succeeded ? Result<TreatingScope>.Ok(new TreatingScope(tenant.Value!, null)) : Result<TreatingScope>.Fail(tenant.Errors);
    }
}
