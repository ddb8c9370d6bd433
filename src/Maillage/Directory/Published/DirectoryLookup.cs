using Maillage.Directory.Storage;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Directory.Published;

/// <summary>
/// A professional as other modules know them from the directory: who, which profession, and the work e-mail they gave (personal data:
/// convocations and campaigns write to it, nothing else shows it).
/// </summary>
public sealed record ProfessionalCard(Guid Id, string Rpps, string LastName, string FirstName, string ProfessionCode, string? SpecialtyCode, string? WorkEmail)
{
    /// <summary>« Nom Prénom », as lists of members sort them.</summary>
    public string FullName => $"{LastName} {FirstName}";

    public override string ToString() => $"professional {Id}";
}

/// <summary>A structure as other modules know it from the directory (a legal person: no personal data).</summary>
public sealed record StructureCard(Guid Id, string Name, StructureKind Kind, string CommuneCode, string? Email);

/// <summary>What the directory counts in a territory: professionals by profession, structures by kind (the denominators of membership rates).</summary>
public sealed record TerritoryCounts(IReadOnlyDictionary<string, int> ByProfession, IReadOnlyDictionary<StructureKind, int> ByStructureKind)
{
    public int Professionals => ByProfession.Values.Sum();

    public int Structures => ByStructureKind.Values.Sum();
}

/// <summary>
/// The directory as the other modules read it: professionals and structures by id or RPPS, who practises in a territory, and the territory's
/// counts. A territory is the INSEE codes of its communes; a professional is in it when one of their places of practice is.
/// </summary>
public sealed class DirectoryLookup(MaillageDbContext db)
{
    public async Task<IReadOnlyDictionary<Guid, ProfessionalCard>> ProfessionalsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? new Dictionary<Guid, ProfessionalCard>()
            : await Cards(db.Professionals().Where(p => list.Contains(p.Id))).ToDictionaryAsync(p => p.Id, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, StructureCard>> StructuresAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? new Dictionary<Guid, StructureCard>()
            : await db.Structures().AsNoTracking().Where(s => list.Contains(s.Id))
                .Select(s => new StructureCard(s.Id, s.Name, s.Kind, s.CommuneCode, s.Email)).ToDictionaryAsync(s => s.Id, ct);
    }

    /// <summary>A professional by id, else by RPPS (spaces ignored), with whether they practise in the territory; null when unknown.</summary>
    public async Task<(ProfessionalCard Card, bool InTerritory)?> ProfessionalAsync(Guid? id, string? rpps, IReadOnlyCollection<string> territory,
        CancellationToken ct = default)
    {
        var key = rpps?.Trim().Replace(" ", "", StringComparison.Ordinal);
        var query = id is { } known ? db.Professionals().Where(p => p.Id == known) : db.Professionals().Where(p => p.Rpps == key);
        var codes = territory.ToList();
        var found = await query.AsNoTracking()
            .Select(p => new { Card = new ProfessionalCard(p.Id, p.Rpps, p.LastName, p.FirstName, p.ProfessionCode, p.SpecialtyCode, p.WorkEmail),
                InTerritory = p.Practices.Any(x => codes.Contains(x.CommuneCode)) })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : (found.Card, found.InTerritory);
    }

    /// <summary>The professional with this RPPS, if the directory has them.</summary>
    public async Task<Guid?> ProfessionalIdAsync(string rpps, CancellationToken ct = default) =>
        await db.Professionals().Where(p => p.Rpps == rpps).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>The communes (INSEE codes) where a professional practises, in the order of their places of practice.</summary>
    public async Task<IReadOnlyList<string>> PracticeCommunesAsync(Guid professionalId, CancellationToken ct = default) =>
        await db.Practices().Where(x => x.ProfessionalId == professionalId).OrderBy(x => x.Id).Select(x => x.CommuneCode).ToListAsync(ct);

    /// <summary>How many professionals practise in the territory, by profession, and how many structures are located in it, by kind.</summary>
    public async Task<TerritoryCounts> CountsAsync(IReadOnlyCollection<string> territory, CancellationToken ct = default)
    {
        var codes = territory.ToList();
        var byProfession = await db.Professionals().Where(p => p.Practices.Any(x => codes.Contains(x.CommuneCode)))
            .GroupBy(p => p.ProfessionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byKind = (await db.Structures().Where(s => codes.Contains(s.CommuneCode)).GroupBy(s => s.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count);
        return new TerritoryCounts(byProfession, byKind);
    }

    /// <summary>Of the given professionals, those who practise in the territory, with their profession.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ProfessionsInAsync(IReadOnlyCollection<Guid> ids, IReadOnlyCollection<string> territory,
        CancellationToken ct = default)
    {
        var (list, codes) = (ids.ToList(), territory.ToList());
        return await db.Professionals().Where(p => list.Contains(p.Id) && p.Practices.Any(x => codes.Contains(x.CommuneCode)))
            .Select(p => new { p.Id, p.ProfessionCode }).ToDictionaryAsync(p => p.Id, p => p.ProfessionCode, ct);
    }

    /// <summary>Of the given structures, those located in the territory, with their kind.</summary>
    public async Task<IReadOnlyDictionary<Guid, StructureKind>> KindsInAsync(IReadOnlyCollection<Guid> ids, IReadOnlyCollection<string> territory,
        CancellationToken ct = default)
    {
        var (list, codes) = (ids.ToList(), territory.ToList());
        return await db.Structures().Where(s => list.Contains(s.Id) && codes.Contains(s.CommuneCode))
            .Select(s => new { s.Id, s.Kind }).ToDictionaryAsync(s => s.Id, s => s.Kind, ct);
    }

    /// <summary>The professionals with a work e-mail who practise in these communes (of one profession when given): a campaign's audience.</summary>
    public async Task<IReadOnlyList<ProfessionalCard>> ReachableInAsync(IReadOnlyCollection<string> communes, string? profession, CancellationToken ct = default)
    {
        var codes = communes.ToList();
        var query = db.Professionals().Where(p => p.WorkEmail != null && p.WorkEmail != "" && p.Practices.Any(x => codes.Contains(x.CommuneCode)));
        if (profession is { Length: > 0 })
        {
            query = query.Where(p => p.ProfessionCode == profession);
        }

        return await Cards(query).ToListAsync(ct);
    }

    private static IQueryable<ProfessionalCard> Cards(IQueryable<Professional> query) => query.AsNoTracking()
        .Select(p => new ProfessionalCard(p.Id, p.Rpps, p.LastName, p.FirstName, p.ProfessionCode, p.SpecialtyCode, p.WorkEmail));
}

/// <summary>
/// The standing of professionals with a CPTS, which the directory filters on for those who may read its members: the Membership module
/// answers (the directory knows no adhérents).
/// </summary>
public interface IMembershipStanding
{
    /// <summary>
    /// The professionals with an adhérent record in the CPTS whose current status matches <paramref name="standing"/> (<c>member</c>: adhérent or
    /// actif, <c>active</c>, <c>prospect</c>, <c>former</c>; null: any record), as a query the directory composes with its own.
    /// </summary>
    IQueryable<Guid> Professionals(Guid cptsId, string? standing);
}
