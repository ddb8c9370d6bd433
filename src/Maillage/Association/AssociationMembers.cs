using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Membership;
using Maillage.Membership.Storage;
using Maillage.Directory;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Storage;

namespace Maillage.Association;

/// <summary>An adhérent as the association pages name it: a professional (« Nom Prénom », profession, specialty) or a structure.</summary>
public sealed record MemberRef(Guid Id, string Name, string? ProfessionCode, string? SpecialtyCode, MembershipStatus? Status)
{
    /// <summary>May sit in a body, join a group, be a referent or propose: current status Member or Active.</summary>
    public bool Eligible => Status is MembershipStatus.Member or MembershipStatus.Active;

    public override string ToString() => $"member {Id}";
}

/// <summary>Reads the adhérents of a CPTS for the association's lists and checks.</summary>
public static class AssociationMembers
{
    /// <summary>Every adhérent of the CPTS by id (prospects and former members included: history names them).</summary>
    public static async Task<IReadOnlyDictionary<Guid, MemberRef>> AllAsync(MaillageDbContext db, Guid cptsId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await db.Members().AsNoTracking().Include(m => m.Periods).Where(m => m.CptsId == cptsId).ToListAsync(ct);
        return await RefsAsync(db, members, ct);
    }

    /// <summary>One adhérent of the CPTS, refused (on <paramref name="field"/>) when unknown here or not a current member.</summary>
    public static async Task<Result<MemberRef>> EligibleAsync(MaillageDbContext db, Guid cptsId, Guid? memberId, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var member = memberId is { } id
            ? await db.Members().AsNoTracking().Include(m => m.Periods).FirstOrDefaultAsync(m => m.Id == id && m.CptsId == cptsId, ct)
            : null;
        if (member is null)
        {
            return new Error("unknown_member", "Choisissez un adhérent de cette CPTS.", field);
        }

        var found = (await RefsAsync(db, [member], ct))[member.Id];
        return found.Eligible
            ? Result<MemberRef>.Ok(found)
            : new Error("not_a_member", $"Cet adhérent est « {found.Status?.French() ?? "sans statut"} » : seuls les adhérents (statut adhérent ou actif) "
                + "peuvent y prendre part.", field);
    }

    private static async Task<IReadOnlyDictionary<Guid, MemberRef>> RefsAsync(MaillageDbContext db, IReadOnlyList<Member> members, CancellationToken ct)
    {
        var professionalIds = members.Select(m => m.ProfessionalId).OfType<Guid>().ToList();
        var structureIds = members.Select(m => m.StructureId).OfType<Guid>().ToList();
        var people = await db.Professionals().AsNoTracking().Where(p => professionalIds.Contains(p.Id))
            .Select(p => new { p.Id, p.LastName, p.FirstName, p.ProfessionCode, p.SpecialtyCode }).ToDictionaryAsync(p => p.Id, ct);
        var structures = await db.Structures().AsNoTracking().Where(s => structureIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return members.ToDictionary(m => m.Id, m => m.ProfessionalId is { } pid && people.TryGetValue(pid, out var p)
            ? new MemberRef(m.Id, $"{p.LastName} {p.FirstName}", p.ProfessionCode, p.SpecialtyCode, m.Status)
            : new MemberRef(m.Id, m.StructureId is { } sid ? structures.GetValueOrDefault(sid, "Structure") : "Adhérent", null, null, m.Status));
    }
}
