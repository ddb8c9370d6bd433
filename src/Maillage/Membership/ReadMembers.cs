using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership.Storage;
using Maillage.Membership.Published;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Published;

namespace Maillage.Membership;

/// <summary>A member as its CPTS sees it: who (a professional or a structure), college, current status, history and dues.</summary>
public sealed record MemberRow(
    Guid Id,
    Guid? ProfessionalId,
    string? Rpps,
    Guid? StructureId,
    string Name,
    string? ProfessionCode,
    string? Profession,
    StructureKind? StructureKind,
    string? College,
    MembershipStatus? Status,
    DateOnly? Since,
    int Version,
    IReadOnlyList<MembershipPeriod> History,
    IReadOnlyList<Dues> Dues)
{
    public override string ToString() => $"member {Id}";
}

/// <summary>The members of a CPTS, sorted by name, and whether the reader may manage them.</summary>
public sealed record MemberList(Guid CptsId, string CptsName, bool CanManage, IReadOnlyList<MemberRow> Members);

/// <summary>The member list of a CPTS: its managers and its members read it; officers see only the rates (<see cref="ComputeMembershipRates"/>).</summary>
public sealed class ReadMembers(MaillageDbContext db, Tenancy tenancy, DirectoryLookup directory, Nomenclatures nomenclatures)
{
    public async Task<Result<MemberList>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await MembershipScope.ResolveAsync(tenancy, cptsId, actor, manage: false, ct);
        if (!scope.Succeeded)
        {
            return Result<MemberList>.Fail(scope.Errors);
        }

        var cpts = scope.Value!;
        var rows = await RowsAsync(db.Members(), ct);
        return Result<MemberList>.Ok(new MemberList(cpts.Id, cpts.Name, cpts.ManagesMembers(), rows));
    }

    /// <summary>The members of a query as rows, sorted by name (French order), with who they are, their history and dues.</summary>
    public async Task<List<MemberRow>> RowsAsync(IQueryable<Member> query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var members = await query.AsNoTracking().Include(m => m.Periods).Include(m => m.Dues).ToListAsync(ct);
        var professionalIds = members.Select(m => m.ProfessionalId).OfType<Guid>().ToList();
        var structureIds = members.Select(m => m.StructureId).OfType<Guid>().ToList();
        var people = await directory.ProfessionalsAsync(professionalIds, ct);
        var structures = await directory.StructuresAsync(structureIds, ct);
        return members.Select(m =>
        {
            var person = m.ProfessionalId is { } pid ? people[pid] : null;
            var structure = m.StructureId is { } sid ? structures[sid] : null;
            return new MemberRow(m.Id, m.ProfessionalId, person?.Rpps, m.StructureId,
                person is not null ? person.FullName : structure!.Name,
                person?.ProfessionCode, person is null ? null : nomenclatures.ProfessionLabel(person.ProfessionCode), structure?.Kind,
                m.College, m.Status, m.Current?.From, m.Version,
                [.. m.Periods.OrderBy(p => p.From).ThenBy(p => p.RecordedAt)], [.. m.Dues.OrderByDescending(d => d.Year)]);
        }).OrderBy(r => r.Name, StringComparer.Create(Platform.French.Culture, true)).ToList();
    }

    /// <summary>
    /// The membership (member id and current status) of the given professionals in a CPTS, in one query: what the directory shows its
    /// managers next to each professional of a page. No access check: the caller decides who sees it.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, ProfessionalMembership>> OfProfessionalsAsync(Guid cptsId, IReadOnlyCollection<Guid> professionalIds,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(professionalIds);
        if (professionalIds.Count == 0)
        {
            return new Dictionary<Guid, ProfessionalMembership>();
        }

        var ids = professionalIds.ToList();
        return await db.Members().AsNoTracking().Where(m => m.CptsId == cptsId && m.ProfessionalId != null && ids.Contains(m.ProfessionalId.Value))
            .CurrentStatuses().ToDictionaryAsync(r => r.ProfessionalId, ct);
    }
}

/// <summary>Queries on members that the database answers in one statement.</summary>
public static class MemberQueries
{
    /// <summary>The professionals among the members, with their current status (the latest period), computed by the database.</summary>
    public static IQueryable<ProfessionalMembership> CurrentStatuses(this IQueryable<Member> members) =>
        members.Where(m => m.ProfessionalId != null).Select(m => new ProfessionalMembership
        {
            MemberId = m.Id,
            ProfessionalId = m.ProfessionalId!.Value,
            Status = m.Periods.OrderByDescending(p => p.From).ThenByDescending(p => p.RecordedAt).Select(p => (MembershipStatus?)p.Status).FirstOrDefault(),
        });
}

/// <summary>A professional's adhérent record in a CPTS and its current status (init-only properties, so that the database can also filter
/// on it inside a subquery).</summary>
public sealed record ProfessionalMembership
{
    public Guid MemberId { get; init; }

    public Guid ProfessionalId { get; init; }

    public MembershipStatus? Status { get; init; }
}

/// <summary>One member of a CPTS with what its page shows: the CPTS, the reader's rights and the colleges to choose from.</summary>
public sealed record MemberDetail(Guid CptsId, string CptsName, string? CptsRna, string? CptsSiret, bool CanManage, MemberRow Member, DateOnly Today,
    IReadOnlyList<string> Colleges);

/// <summary>One member of a CPTS (its page, its receipts): read by the CPTS's managers and members, like the list.</summary>
public sealed class ReadMember(MaillageDbContext db, Tenancy tenancy, ReadMembers members)
{
    public async Task<Result<MemberDetail>> RunAsync(Guid cptsId, Guid memberId, Actor actor, CancellationToken ct = default)
    {
        var scope = await MembershipScope.ResolveAsync(tenancy, cptsId, actor, manage: false, ct);
        if (!scope.Succeeded)
        {
            return Result<MemberDetail>.Fail(scope.Errors);
        }

        var row = (await members.RowsAsync(db.Members().Where(m => m.Id == memberId), ct)).SingleOrDefault();
        if (row is null)
        {
            return Error.NotFound("Adhérent");
        }

        var colleges = await db.Colleges().OrderBy(c => c.Position).ThenBy(c => c.Name).Select(c => c.Name).ToListAsync(ct);
        var cpts = scope.Value!;
        return Result<MemberDetail>.Ok(new MemberDetail(cpts.Id, cpts.Name, cpts.Cpts.Rna, cpts.Cpts.Siret, cpts.ManagesMembers(), row, cpts.Today, colleges));
    }
}
