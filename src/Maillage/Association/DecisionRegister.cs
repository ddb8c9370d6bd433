using System.Globalization;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;

namespace Maillage.Association;

/// <summary>
/// The register of decisions of a CPTS: each decision gets the next number <c>&lt;year&gt;-&lt;seq&gt;</c> (seq on three digits) of
/// its year. The caller saves; a concurrent decision taking the same number fails on the unique index and is retried by the caller
/// (<see cref="DbErrors.IsUniqueViolation"/>) — never two decisions with one number.
/// </summary>
public static class DecisionRegister
{
    /// <summary>Adds (without saving) a decision numbered after the last one of <paramref name="date"/>'s year.</summary>
    public static async Task<Decision> AddAsync(MaillageDbContext db, Guid cptsId, Guid bodyId, DateOnly date, string text, string recordedBy,
        DateTimeOffset recordedAt, Guid? meetingId = null, Guid? motionId = null, Guid? proposalId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var year = date.Year;
        var last = await db.Decisions().Where(d => d.CptsId == cptsId && d.Year == year).MaxAsync(d => (int?)d.Sequence, ct) ?? 0;
        var pending = db.ChangeTracker.Entries<Decision>()
            .Where(e => e.State == EntityState.Added && e.Entity.CptsId == cptsId && e.Entity.Year == year)
            .Select(e => e.Entity.Sequence).DefaultIfEmpty(0).Max();
        var sequence = Math.Max(last, pending) + 1;
        var decision = new Decision
        {
            Id = Guid.NewGuid(), CptsId = cptsId, BodyId = bodyId, Year = year, Sequence = sequence,
            Number = year.ToString(CultureInfo.InvariantCulture) + "-" + sequence.ToString("D3", CultureInfo.InvariantCulture),
            Date = date, Text = text.Trim(), RecordedBy = recordedBy, RecordedAt = recordedAt,
            MeetingId = meetingId, MotionId = motionId, ProposalId = proposalId,
        };
        db.Decisions().Add(decision);
        return decision;
    }

    /// <summary>The body of a kind of a CPTS, created with its default statutory parameters when it does not exist yet (not saved).</summary>
    public static async Task<Body> BodyAsync(MaillageDbContext db, Guid cptsId, BodyKind kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var body = await db.Bodies().FirstOrDefaultAsync(b => b.CptsId == cptsId && b.Kind == kind, ct)
            ?? db.Bodies().Local.FirstOrDefault(b => b.CptsId == cptsId && b.Kind == kind);
        if (body is null)
        {
            var (notice, quorum, proxies) = BodyDefaults.For(kind);
            body = new Body { Id = Guid.NewGuid(), CptsId = cptsId, Kind = kind, NoticeDays = notice, QuorumPercent = quorum, MaxProxiesPerHolder = proxies };
            db.Bodies().Add(body);
        }

        return body;
    }
}
