using Maillage.Lifecycle;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Community;

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
public sealed class ReadMembers(MaillageDbContext db, Nomenclatures nomenclatures)
{
    public async Task<Result<MemberList>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var cpts = await db.Cpts.Readable(actor).AsNoTracking().FirstOrDefaultAsync(c => c.Id == cptsId, ct);
        if (cpts is null)
        {
            return Error.NotFound("CPTS");
        }

        if (!actor.CanReadMembers(cpts))
        {
            return Error.Forbidden();
        }

        var members = await db.Members.AsNoTracking().Include(m => m.Periods).Include(m => m.Dues).Where(m => m.CptsId == cptsId).ToListAsync(ct);
        var professionalIds = members.Select(m => m.ProfessionalId).OfType<Guid>().ToList();
        var structureIds = members.Select(m => m.StructureId).OfType<Guid>().ToList();
        var people = await db.Professionals.AsNoTracking().Where(p => professionalIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Rpps, p.LastName, p.FirstName, p.ProfessionCode }).ToDictionaryAsync(p => p.Id, ct);
        var structures = await db.Structures.AsNoTracking().Where(s => structureIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, s.Kind }).ToDictionaryAsync(s => s.Id, ct);
        var rows = members.Select(m =>
        {
            var person = m.ProfessionalId is { } pid ? people[pid] : null;
            var structure = m.StructureId is { } sid ? structures[sid] : null;
            return new MemberRow(m.Id, m.ProfessionalId, person?.Rpps, m.StructureId,
                person is not null ? $"{person.LastName} {person.FirstName}" : structure!.Name,
                person?.ProfessionCode, person is null ? null : nomenclatures.ProfessionLabel(person.ProfessionCode), structure?.Kind,
                m.College, m.Status, m.Current?.From, m.Version,
                [.. m.Periods.OrderBy(p => p.From).ThenBy(p => p.RecordedAt)], [.. m.Dues.OrderByDescending(d => d.Year)]);
        }).OrderBy(r => r.Name, StringComparer.Create(Platform.French.Culture, true)).ToList();
        return Result<MemberList>.Ok(new MemberList(cpts.Id, cpts.Name, actor.CanManageMembers(cpts), rows));
    }
}

/// <summary>Wires the membership use cases.</summary>
public static class MembershipServices
{
    public static IServiceCollection AddMembership(this IServiceCollection services)
    {
        services.AddScoped<ReadMembers>();
        services.AddScoped<AddMember>();
        services.AddScoped<ChangeMemberStatus>();
        services.AddScoped<RecordDues>();
        services.AddScoped<ComputeMembershipRates>();
        services.AddScoped<ComputeMembershipHistory>();
        return services;
    }
}
