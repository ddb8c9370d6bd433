using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Directory;
using Maillage.Membership.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Published;
using Maillage.Membership.Published;

namespace Maillage.Membership;

/// <summary>
/// Members and active members of a group (a profession, a kind of structure) against how many the directory counts in the territory.
/// </summary>
public sealed record MembershipRate(string Code, string Label, int Territory, int Members, int ActiveMembers)
{
    /// <summary>Share of the territory's group that are members (status member or active), null when the directory counts none.</summary>
    public double? MemberRate => Territory == 0 ? null : (double)Members / Territory;

    public double? ActiveRate => Territory == 0 ? null : (double)ActiveMembers / Territory;
}

/// <summary>The membership rates of a CPTS today, by profession and by kind of structure.</summary>
public sealed record MembershipRates(Guid CptsId, string CptsName, int Members, int ActiveMembers,
    IReadOnlyList<MembershipRate> ByProfession, IReadOnlyList<MembershipRate> ByStructureKind);

/// <summary>
/// The rates that matter to the CPTS and its funders (« 52 % des pharmaciens du territoire sont adhérents »): members practising in the
/// territory by profession, over the professionals the directory counts there. Aggregates only: every reader of the CPTS, officers included.
/// </summary>
public sealed class ComputeMembershipRates(MaillageDbContext db, Tenancy tenancy, CptsTerritories territories, DirectoryLookup directory,
    Nomenclatures nomenclatures)
{
    public async Task<Result<MembershipRates>> RunAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<MembershipRates>.Fail(scope.Errors);
        }

        var cpts = scope.Value!;
        var communes = await territories.CommunesAsync(cptsId, ct);
        var members = (await db.Members().AsNoTracking().Include(m => m.Periods).ToListAsync(ct))
            .Where(m => m.IsMember).ToList();
        var memberPeople = members.Where(m => m.ProfessionalId is not null).ToDictionary(m => m.ProfessionalId!.Value);
        var memberStructures = members.Where(m => m.StructureId is not null).ToDictionary(m => m.StructureId!.Value);

        var counts = await directory.CountsAsync(communes, ct);
        var memberProfessions = await directory.ProfessionsInAsync(memberPeople.Keys, communes, ct);
        var byProfession = Rates(counts.ByProfession.ToDictionary(), memberProfessions.Select(p => (p.Value, memberPeople[p.Key])), nomenclatures.ProfessionLabel);

        var territoryByKind = counts.ByStructureKind.ToDictionary(g => g.Key.Id(), g => g.Value);
        var memberKinds = await directory.KindsInAsync(memberStructures.Keys, communes, ct);
        var kindLabels = Enum.GetValues<StructureKind>().ToDictionary(k => k.Id(), k => k.French());
        var byKind = Rates(territoryByKind, memberKinds.Select(s => (s.Value.Id(), memberStructures[s.Key])), code => kindLabels[code]);

        return Result<MembershipRates>.Ok(new MembershipRates(cpts.Id, cpts.Name, members.Count, members.Count(m => m.Status == MembershipStatus.Active),
            byProfession, byKind));
    }

    private static List<MembershipRate> Rates(Dictionary<string, int> territory, IEnumerable<(string Code, Member Member)> members, Func<string, string> label)
    {
        var byCode = members.ToLookup(m => m.Code, m => m.Member);
        return [.. territory.Keys.Union(byCode.Select(g => g.Key))
            .Select(code => new MembershipRate(code, label(code), territory.GetValueOrDefault(code), byCode[code].Count(),
                byCode[code].Count(m => m.Status == MembershipStatus.Active)))
            .OrderByDescending(r => r.Territory).ThenBy(r => r.Label, StringComparer.Create(Platform.French.Culture, true))];
    }
}
