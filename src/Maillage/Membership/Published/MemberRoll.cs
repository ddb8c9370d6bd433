using Maillage.Directory.Published;
using Maillage.Membership.Storage;
using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Membership.Published;

/// <summary>
/// An adhérent as the other modules name it: a professional (« Nom Prénom », RPPS, profession, specialty) or a structure, with its current
/// status.
/// </summary>
public sealed record MemberRef(Guid Id, string Name, string? Rpps, string? ProfessionCode, string? SpecialtyCode, MembershipStatus? Status)
{
    /// <summary>May sit in a body, join a group, be a referent, propose or declare time: current status Member or Active.</summary>
    public bool Eligible => Status is MembershipStatus.Member or MembershipStatus.Active;

    /// <summary>A professional (a person), not a structure.</summary>
    public bool IsProfessional => Rpps is not null;

    public override string ToString() => $"member {Id}";
}

/// <summary>
/// The adhérents of a CPTS as the association life and the indemnities read them: names from the directory, statuses, the addresses
/// convocations go to. Every read names the CPTS: a member of another CPTS is never found.
/// </summary>
public sealed class MemberRoll(MaillageDbContext db, DirectoryLookup directory)
{
    /// <summary>Every adhérent of the CPTS by id (prospects and former members included: history names them).</summary>
    public Task<IReadOnlyDictionary<Guid, MemberRef>> AllAsync(Guid cptsId, CancellationToken ct = default) =>
        RefsAsync(db.Members().Where(m => m.CptsId == cptsId), ct);

    /// <summary>These adhérents of the CPTS by id; ids of another CPTS are left out.</summary>
    public Task<IReadOnlyDictionary<Guid, MemberRef>> ByIdsAsync(Guid cptsId, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        return RefsAsync(db.Members().Where(m => m.CptsId == cptsId && list.Contains(m.Id)), ct);
    }

    /// <summary>One adhérent of the CPTS, refused (on <paramref name="field"/>) when unknown here or not a current member.</summary>
    public async Task<Result<MemberRef>> EligibleAsync(Guid cptsId, Guid? memberId, string field, CancellationToken ct = default)
    {
        var found = memberId is { } id ? (await ByIdsAsync(cptsId, [id], ct)).GetValueOrDefault(id) : null;
        if (found is null)
        {
            return new Error("unknown_member", "Choisissez un adhérent de cette CPTS.", field);
        }

        return found.Eligible
            ? Result<MemberRef>.Ok(found)
            : new Error("not_a_member", $"Cet adhérent est « {found.Status?.French() ?? "sans statut"} » : seuls les adhérents (statut adhérent ou actif) "
                + "peuvent y prendre part.", field);
    }

    /// <summary>The adhérents whose status on that day is adhérent or adhérent actif (from the dated history): an AG's voters.</summary>
    public async Task<IReadOnlyList<Guid>> MembersOnAsync(Guid cptsId, DateOnly day, CancellationToken ct = default)
    {
        var members = await db.Members().AsNoTracking().Include(m => m.Periods).Where(m => m.CptsId == cptsId).ToListAsync(ct);
        return [.. members.Where(m => MembershipIndicators.IsMemberOn(m.Periods, day)).Select(m => m.Id)];
    }

    /// <summary>The status an adhérent of the CPTS had on a day (the latest period started on or before it), with who it is; null when the
    /// CPTS has no such adhérent.</summary>
    public async Task<(MemberRef Member, MembershipStatus? StatusThen)?> OnAsync(Guid cptsId, Guid memberId, DateOnly day, CancellationToken ct = default)
    {
        var member = await db.Members().AsNoTracking().Include(m => m.Periods).FirstOrDefaultAsync(m => m.Id == memberId && m.CptsId == cptsId, ct);
        if (member is null)
        {
            return null;
        }

        var named = (await RefsAsync([member], ct))[member.Id];
        return (named, ComputeMembershipHistory.StatusAt(member.Periods, day));
    }

    /// <summary>
    /// Makes the next save conflict with any other save concerning this adhérent (its version moves): what a rule spanning several rows of
    /// another module (the officers' cap of a month) holds on to, so two concurrent checks cannot both pass.
    /// </summary>
    public async Task GuardAsync(Guid cptsId, Guid memberId, CancellationToken ct = default)
    {
        var member = await db.Members().FirstAsync(m => m.Id == memberId && m.CptsId == cptsId, ct);
        db.Entry(member).Property(m => m.Version).IsModified = true;
    }

    /// <summary>Whether this adhérent is one of the CPTS's (an account's link is checked against it).</summary>
    public Task<bool> BelongsAsync(Guid cptsId, Guid memberId, CancellationToken ct = default) =>
        db.Members().AnyAsync(m => m.Id == memberId && m.CptsId == cptsId, ct);

    /// <summary>The adhérent of the CPTS who is the professional with this RPPS, if any.</summary>
    public async Task<Guid?> FindByRppsAsync(Guid cptsId, string rpps, CancellationToken ct = default) =>
        await directory.ProfessionalIdAsync(rpps, ct) is { } professional
            ? await db.Members().Where(m => m.CptsId == cptsId && m.ProfessionalId == professional).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>
    /// Where to write to these adhérents (lower-cased): a professional's work e-mail, a structure's e-mail; those without an address are
    /// left out.
    /// </summary>
    public async Task<IReadOnlyList<string>> AddressesAsync(Guid cptsId, IReadOnlyCollection<Guid> memberIds, CancellationToken ct = default)
    {
        var list = memberIds.Distinct().ToList();
        var members = await db.Members().AsNoTracking().Where(m => m.CptsId == cptsId && list.Contains(m.Id))
            .Select(m => new { m.ProfessionalId, m.StructureId }).ToListAsync(ct);
        var people = await directory.ProfessionalsAsync([.. members.Select(m => m.ProfessionalId).OfType<Guid>()], ct);
        var structures = await directory.StructuresAsync([.. members.Select(m => m.StructureId).OfType<Guid>()], ct);
        return [.. people.Values.Select(p => p.WorkEmail).Concat(structures.Values.Select(s => s.Email))
            .Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => Campaigns.SegmentRules.Normalize(a!))];
    }

    private async Task<IReadOnlyDictionary<Guid, MemberRef>> RefsAsync(IQueryable<Member> query, CancellationToken ct) =>
        await RefsAsync(await query.AsNoTracking().Include(m => m.Periods).ToListAsync(ct), ct);

    private async Task<IReadOnlyDictionary<Guid, MemberRef>> RefsAsync(IReadOnlyList<Member> members, CancellationToken ct)
    {
        var people = await directory.ProfessionalsAsync([.. members.Select(m => m.ProfessionalId).OfType<Guid>()], ct);
        var structures = await directory.StructuresAsync([.. members.Select(m => m.StructureId).OfType<Guid>()], ct);
        return members.ToDictionary(m => m.Id, m => m.ProfessionalId is { } pid && people.TryGetValue(pid, out var p)
            ? new MemberRef(m.Id, p.FullName, p.Rpps, p.ProfessionCode, p.SpecialtyCode, m.Status)
            : new MemberRef(m.Id, m.StructureId is { } sid && structures.TryGetValue(sid, out var s) ? s.Name : "Adhérent", null, null, null, m.Status));
    }
}
