using Maillage.Platform;
using Maillage.Platform.Audit;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Membership.Published;

namespace Maillage.Membership;

/// <summary>A dated change of status; <see cref="Version"/> is the member's version the user saw, when known.</summary>
public sealed record MemberStatusInput(string? Status, DateOnly? From = null, string? Reason = null, int? Version = null);

/// <summary>Records a member's new status from a date, forward or back (a former member may come back), keeping the reason: the coordinator or an admin.</summary>
public sealed class ChangeMemberStatus(MaillageDbContext db, Tenancy tenancy, AuditTrail audit)
{
    public const int MaxReason = 500;

    public async Task<Result<Member>> RunAsync(Guid cptsId, Guid memberId, MemberStatusInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await MemberLookup.ManagedAsync(db, tenancy, cptsId, memberId, actor, ct);
        if (!found.Succeeded)
        {
            return Result<Member>.Fail(found.Errors);
        }

        var (tenant, member) = found.Value!;
        var status = MembershipStatuses.Parse(input.Status);
        if (!status.Succeeded)
        {
            return Result<Member>.Fail(status.Errors);
        }

        if (input.Reason?.Trim().Length > MaxReason)
        {
            return new Error("reason_too_long", $"Le motif tient en {MaxReason} caractères.", "reason");
        }

        var today = tenant.Today;
        var from = input.From ?? today;
        var previous = member.Status;
        if (member.ChangeStatus(status.Value, from, today, actor.Name, input.Reason, tenant.Clock.UtcNow) is { } error)
        {
            return error;
        }

        if (input.Version is { } version)
        {
            db.Entry(member).Property(m => m.Version).OriginalValue = version;
        }

        db.Add(member.Periods[^1]);
        db.Entry(member).State = EntityState.Modified;
        audit.Record(actor, cptsId, "member.status",
            $"Adhérent {member.Id} : « {previous?.French() ?? "—"} » → « {status.Value.French()} » le {French.Date(from)}"
            + (member.Periods[^1].Reason is { } reason ? $" ({reason})." : "."));
        return await db.SaveAsync(member, ct);
    }
}

/// <summary>A member of a CPTS its reader manages, with the CPTS as the reader stands towards it.</summary>
public sealed record ManagedMember(Tenant Tenant, Member Member);

/// <summary>Resolves a member within a CPTS the actor may read, the one way ids from a request reach a member.</summary>
public static class MemberLookup
{
    /// <summary>The member with its history and dues, for a manager of the CPTS; not found outside it, forbidden to readers who may not manage.</summary>
    public static async Task<Result<ManagedMember>> ManagedAsync(MaillageDbContext db, Tenancy tenancy, Guid cptsId, Guid memberId, Actor actor,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tenant = await MembershipScope.ResolveAsync(tenancy, cptsId, actor, manage: true, ct);
        if (!tenant.Succeeded)
        {
            return Result<ManagedMember>.Fail(tenant.Errors);
        }

        var member = await db.Members().Include(m => m.Periods).Include(m => m.Dues).FirstOrDefaultAsync(m => m.Id == memberId, ct);
        return member is null ? Error.NotFound("Adhérent") : Result<ManagedMember>.Ok(new ManagedMember(tenant.Value!, member));
    }
}
