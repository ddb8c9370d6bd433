using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Association.Storage;
using Maillage.Association.Published;
using Maillage.Membership.Published;
using Maillage.Directory.Published;

namespace Maillage.Association;

/// <summary>A mandate as the pages show it; <see cref="Current"/> on the day it was read.</summary>
public sealed record MandateRow(Guid Id, BodyKind Body, Guid MemberId, string MemberName, Office Office, DateOnly From, DateOnly? To, string? EndReason,
    bool Current)
{
    public override string ToString() => $"mandate {Id}";
}

/// <summary>A body with its statutory parameters, its current mandates (by office) and its past ones (latest first).</summary>
public sealed record BodyView(Guid Id, BodyKind Kind, int NoticeDays, int QuorumPercent, int MaxProxiesPerHolder, int Version,
    IReadOnlyList<MandateRow> Current, IReadOnlyList<MandateRow> Past);

public sealed record ParticipantView(Guid MemberId, string Name, DateOnly JoinedOn)
{
    public override string ToString() => $"participant {MemberId}";
}

/// <summary>A working group or project with its participants (by name).</summary>
public sealed record WorkingGroupView(Guid Id, string Name, string? Purpose, DateOnly CreatedOn, DateOnly? ClosedOn, int Version,
    IReadOnlyList<ParticipantView> Participants);

/// <summary>A referent of a profession (code and label) or of a working group (id and name), from a date to an end date.</summary>
public sealed record ReferentView(Guid Id, Guid MemberId, string MemberName, string? ProfessionCode, string? ProfessionLabel, Guid? WorkingGroupId,
    string? WorkingGroupName, DateOnly From, DateOnly? To, bool Current)
{
    public override string ToString() => $"referent {Id}";
}

/// <summary>
/// The association life of a CPTS on a day: its three bodies, the warnings about the conseil's composition, the working groups, the
/// referents, the adhérents who may take part (for the forms), and what the reader may do.
/// </summary>
public sealed record AssociationView(Guid CptsId, string CptsName, CommunityRights Rights, DateOnly Today, IReadOnlyList<BodyView> Bodies,
    IReadOnlyList<string> Warnings, IReadOnlyList<WorkingGroupView> WorkingGroups, IReadOnlyList<ReferentView> Referents, IReadOnlyList<MemberRef> Members);

/// <summary>
/// Reads the bodies, mandates, working groups and referents of a CPTS: its members and managers. The three bodies exist from the first
/// read on, with their default statutory parameters (<see cref="DecisionRegister.BodyAsync"/>).
/// </summary>
public sealed class ReadAssociation(MaillageDbContext db, Nomenclatures nomenclatures, AssociationAccess access, MemberRoll roll)
{
    public async Task<Result<AssociationView>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await access.ReadAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<AssociationView>.Fail(scope.Errors);
        }

        var (cpts, rights, today) = scope.Value!;
        var bodies = await EnsureBodiesAsync(db, cptsId, ct);
        var members = await roll.AllAsync(cptsId, ct);
        string Name(Guid id) => members.TryGetValue(id, out var m) ? m.Name : "Adhérent";

        var mandates = await db.Mandates().AsNoTracking().Where(m => m.CptsId == cptsId).ToListAsync(ct);
        var kinds = bodies.ToDictionary(b => b.Id, b => b.Kind);
        var rows = mandates.Where(m => kinds.ContainsKey(m.BodyId))
            .Select(m => new MandateRow(m.Id, kinds[m.BodyId], m.MemberId, Name(m.MemberId), m.Office, m.From, m.To, m.EndReason, m.IsCurrentOn(today)))
            .ToList();
        var views = bodies.OrderBy(b => b.Kind).Select(b => new BodyView(b.Id, b.Kind, b.NoticeDays, b.QuorumPercent, b.MaxProxiesPerHolder, b.Version,
            [.. rows.Where(r => r.Body == b.Kind && r.Current).OrderBy(r => r.Office).ThenBy(r => r.MemberName, StringComparer.Create(Platform.French.Culture, true))],
            [.. rows.Where(r => r.Body == b.Kind && !r.Current).OrderByDescending(r => r.To).ThenByDescending(r => r.From)])).ToList();
        var warnings = MandateRules.BoardWarnings(rows.Where(r => r.Body == BodyKind.Board && r.Current)
            .Select(r => members.TryGetValue(r.MemberId, out var m) ? (m.ProfessionCode, m.SpecialtyCode) : (null, null)));

        var groups = await db.WorkingGroups().AsNoTracking().Include(g => g.Participants).Where(g => g.CptsId == cptsId).ToListAsync(ct);
        var groupViews = groups.OrderBy(g => g.ClosedOn is not null).ThenBy(g => g.Name, StringComparer.Create(Platform.French.Culture, true))
            .Select(g => new WorkingGroupView(g.Id, g.Name, g.Purpose, g.CreatedOn, g.ClosedOn, g.Version,
                [.. g.Participants.Select(p => new ParticipantView(p.MemberId, Name(p.MemberId), p.JoinedOn)).OrderBy(p => p.Name, StringComparer.Ordinal)]))
            .ToList();
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name);
        var referents = (await db.Referents().AsNoTracking().Where(r => r.CptsId == cptsId).ToListAsync(ct))
            .Select(r => new ReferentView(r.Id, r.MemberId, Name(r.MemberId), r.ProfessionCode,
                r.ProfessionCode is { } code ? nomenclatures.ProfessionLabel(code) : null, r.WorkingGroupId,
                r.WorkingGroupId is { } gid ? groupNames.GetValueOrDefault(gid) : null, r.From, r.To, r.From <= today && (r.To is null || r.To >= today)))
            .OrderByDescending(r => r.Current).ThenBy(r => r.ProfessionLabel ?? r.WorkingGroupName, StringComparer.Ordinal).ThenByDescending(r => r.From)
            .ToList();
        var eligible = members.Values.Where(m => m.Eligible).OrderBy(m => m.Name, StringComparer.Create(Platform.French.Culture, true)).ToList();
        return Result<AssociationView>.Ok(new AssociationView(cpts.Id, cpts.Name, rights, today, views, warnings, groupViews, referents, eligible));
    }

    /// <summary>The three bodies of the CPTS, created (and saved) with their defaults when missing; a concurrent first read wins the race.</summary>
    public static async Task<IReadOnlyList<Body>> EnsureBodiesAsync(MaillageDbContext db, Guid cptsId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bodies = new List<Body>();
        foreach (var kind in Enum.GetValues<BodyKind>())
        {
            bodies.Add(await DecisionRegister.BodyAsync(db, cptsId, kind, ct));
        }

        if (db.ChangeTracker.Entries<Body>().Any(e => e.State == EntityState.Added))
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                return await db.Bodies().AsNoTracking().Where(b => b.CptsId == cptsId).ToListAsync(ct);
            }
        }

        return bodies;
    }
}
