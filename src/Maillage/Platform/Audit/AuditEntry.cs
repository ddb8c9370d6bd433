using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;

namespace Maillage.Platform.Audit;

/// <summary>One line of the audit trail: who did what, when, on which CPTS.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public Guid? CptsId { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    /// <summary>A stable code such as <c>cpts.territory.updated</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What changed, in French, for the people who read the trail.</summary>
    public string Details { get; set; } = "";

    public override string ToString() => $"audit {Id} {Action}";
}

/// <summary>Adds audit lines to the current unit of work, so they commit with the change they describe.</summary>
public sealed class AuditTrail(MaillageDbContext db, TimeProvider clock)
{
    public void Record(Actor actor, Guid? cptsId, string action, string details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            CptsId = cptsId,
            At = clock.GetUtcNow(),
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            Details = details,
        });
}
