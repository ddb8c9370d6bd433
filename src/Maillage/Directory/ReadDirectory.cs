using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Territories.Published;
using Maillage.Directory.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Published;

namespace Maillage.Directory;

/// <summary>Filters of the directory of a CPTS; every filter is optional. <see cref="Page"/> starts at 1.</summary>
/// <param name="Text">Words found in the last or first name, or the start of an RPPS.</param>
/// <param name="Profession">TRE_G15 code.</param>
/// <param name="Commune">INSEE code of a place of practice.</param>
/// <param name="Structure">A structure where the professional practises.</param>
/// <param name="Membership">Their standing with the CPTS (<see cref="MembershipFilters"/>): <c>member</c> (adhérent or actif),
/// <c>active</c>, <c>prospect</c>, <c>former</c>, <c>none</c> (no adhérent record); for those who may read the members only.</param>
public sealed record DirectoryQuery(string? Text = null, string? Profession = null, string? Commune = null, Guid? Structure = null,
    int Page = 1, int PageSize = DirectoryQuery.DefaultPageSize, string? Membership = null)
{
    public const int DefaultPageSize = 50;

    /// <summary>The values of <see cref="Membership"/> with their French labels.</summary>
    public static IReadOnlyList<(string Id, string Label)> MembershipFilters { get; } =
    [
        ("member", "Adhérents (actifs ou non)"), ("active", "Adhérents actifs"), ("prospect", "Prospects"), ("former", "Anciens adhérents"),
        ("none", "Jamais adhérents"),
    ];

    public const int MaxPageSize = 200;
}

/// <summary>A CPTS whose directory the actor may read, and what they may see of it; <see cref="SeesMembers"/>: may filter by membership.</summary>
public sealed record DirectoryScope(Tenant Tenant, IReadOnlyList<string> Communes, DirectoryRights Rights, bool SeesMembers = false)
{
    public CptsInfo Cpts => Tenant.Cpts;
}

/// <summary>A place of practice inside the CPTS's territory.</summary>
public sealed record DirectoryPlace(string CommuneCode, string CommuneName, string? Address, DirectoryPlaceStructure? Structure);

/// <summary>The structure of a place of practice (a legal person: no personal data).</summary>
public sealed record DirectoryPlaceStructure(Guid Id, string Name, StructureKind Kind, string? Finess, string? Siret);

/// <summary>
/// A professional as the actor may see them: contacts are null when the actor may not see them, and
/// <see cref="PublishContacts"/> is null for those who never see contacts.
/// </summary>
public sealed record DirectoryEntry(
    Guid Id,
    string Rpps,
    string LastName,
    string FirstName,
    string ProfessionCode,
    string Profession,
    string? SpecialtyCode,
    string? Specialty,
    PracticeMode PracticeMode,
    string? MssanteAddress,
    string? WorkEmail,
    string? WorkPhone,
    bool? PublishContacts,
    IReadOnlyList<DirectoryPlace> Places)
{
    public override string ToString() => $"directory entry {Id}";
}

/// <summary>How many professionals of the territory practise a profession (the base of membership rates).</summary>
public sealed record ProfessionCount(string Code, string Label, int Count);

/// <summary>How many professionals practise in a commune of the territory.</summary>
public sealed record CommuneCount(string Code, string Name, int Count);

/// <summary>One page of the directory, its total under the filters, and the territory's counts (all filters off).</summary>
public sealed record DirectoryListing(
    Guid CptsId,
    string CptsName,
    DirectoryRights Rights,
    IReadOnlyList<DirectoryEntry> Items,
    int Total,
    int Page,
    int PageSize,
    int TerritoryTotal,
    IReadOnlyList<ProfessionCount> ByProfession,
    IReadOnlyList<CommuneCount> ByCommune)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A structure of the territory with the number of professionals who practise there.</summary>
public sealed record DirectoryStructure(Guid Id, StructureKind Kind, string Name, string? Finess, string? Siret, string CommuneCode, string CommuneName,
    string? Address, string? Phone, string? Email, int Professionals);

/// <summary>
/// The directory of a CPTS: professionals with at least one place of practice in its territory, structures of the
/// territory, and counts by profession and commune, as <see cref="DirectoryAccess"/> lets the actor see them.
/// </summary>
public sealed class ReadDirectory(MaillageDbContext db, Tenancy tenancy, CptsTerritories territories, GeoCatalog geo, Nomenclatures nomenclatures,
    IEnumerable<IMembershipStanding> standings)
{
    /// <summary>The CPTS within the actor's tenancy, or not found (never forbidden: others do not learn it exists).</summary>
    public async Task<Result<DirectoryScope>> ScopeAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var tenant = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!tenant.Succeeded)
        {
            return Result<DirectoryScope>.Fail(tenant.Errors);
        }

        var t = tenant.Value!;
        var communes = await territories.CommunesAsync(cptsId, ct);
        return Result<DirectoryScope>.Ok(new DirectoryScope(t, communes, t.DirectoryRights(), t.SeesMembers() && standings.Any()));
    }

    public async Task<Result<DirectoryListing>> SearchAsync(Guid cptsId, DirectoryQuery query, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<DirectoryListing>.Fail(scope.Errors);
        }

        var s = scope.Value!;
        var errors = Check(query, s);
        if (errors.Count > 0)
        {
            return Result<DirectoryListing>.Fail(errors);
        }

        var filtered = Filter(s, query);
        var total = await filtered.CountAsync(ct);
        var items = await EntriesAsync(s, filtered, (query.Page - 1) * query.PageSize, query.PageSize, ct);
        var inTerritory = Filter(s, new DirectoryQuery());
        var territoryTotal = query == new DirectoryQuery(Page: query.Page, PageSize: query.PageSize) ? total : await inTerritory.CountAsync(ct);
        var byProfession = (await inTerritory.GroupBy(p => p.ProfessionCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new ProfessionCount(g.Key, nomenclatures.ProfessionLabel(g.Key), g.Count))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Create(Platform.French.Culture, true)).ToList();
        var communes = s.Communes;
        var byCommune = (await db.Practices().Where(x => communes.Contains(x.CommuneCode)).GroupBy(x => x.CommuneCode)
                .Select(g => new { g.Key, Count = g.Select(x => x.ProfessionalId).Distinct().Count() }).ToListAsync(ct))
            .Select(g => new CommuneCount(g.Key, CommuneName(g.Key), g.Count))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name, StringComparer.Create(Platform.French.Culture, true)).ToList();
        return Result<DirectoryListing>.Ok(new DirectoryListing(s.Cpts.Id, s.Cpts.Name, s.Rights, items, total, query.Page, query.PageSize, territoryTotal,
            byProfession, byCommune));
    }

    /// <summary>Structures located in the territory, with how many professionals practise there; the same for every reader (legal persons).</summary>
    public async Task<Result<IReadOnlyList<DirectoryStructure>>> StructuresAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(cptsId, actor, ct);
        if (!scope.Succeeded)
        {
            return Result<IReadOnlyList<DirectoryStructure>>.Fail(scope.Errors);
        }

        var communes = scope.Value!.Communes;
        var rows = await db.Structures().Where(s => communes.Contains(s.CommuneCode)).AsNoTracking()
            .Select(s => new { s, Count = db.Practices().Where(x => x.StructureId == s.Id).Select(x => x.ProfessionalId).Distinct().Count() })
            .ToListAsync(ct);
        return Result<IReadOnlyList<DirectoryStructure>>.Ok(rows
            .Select(r => new DirectoryStructure(r.s.Id, r.s.Kind, r.s.Name, r.s.Finess, r.s.Siret, r.s.CommuneCode, CommuneName(r.s.CommuneCode),
                r.s.Address, r.s.Phone, r.s.Email, r.Count))
            .OrderBy(r => r.Name, StringComparer.Create(Platform.French.Culture, true)).ToList());
    }

    /// <summary>Every professional matching the filters (paging ignored), for exports.</summary>
    public Task<IReadOnlyList<DirectoryEntry>> AllAsync(DirectoryScope scope, DirectoryQuery query, CancellationToken ct = default) =>
        EntriesAsync(scope, Filter(scope, query), 0, int.MaxValue, ct);

    /// <summary>The filters' mistakes a user can make, in French; the membership filter is refused to whoever may not read the members.</summary>
    public IReadOnlyList<Error> Check(DirectoryQuery query, DirectoryScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(query);
        var errors = new List<Error>();
        if (query.Page < 1)
        {
            errors.Add(new Error("invalid_page", "La page commence à 1.", "page"));
        }

        if (query.PageSize is < 1 or > DirectoryQuery.MaxPageSize)
        {
            errors.Add(new Error("invalid_page_size", $"La taille de page va de 1 à {DirectoryQuery.MaxPageSize}.", "pageSize"));
        }

        if (query.Profession is { Length: > 0 } p && !nomenclatures.Professions.ContainsKey(p))
        {
            errors.Add(new Error("unknown_profession", $"Code profession « {p} » inconnu de la nomenclature TRE_G15.", "profession"));
        }

        if (query.Membership is { } m && !DirectoryQuery.MembershipFilters.Any(f => f.Id == m))
        {
            errors.Add(new Error("unknown_membership", $"Filtre d'adhésion « {m} » inconnu : member, active, prospect, former ou none.", "membership"));
        }
        else if (query.Membership is not null && !scope.SeesMembers)
        {
            errors.Add(new Error("membership_forbidden", "Le filtre par adhésion est réservé aux membres et à la coordination de la CPTS.", "membership",
                ErrorKind.Forbidden));
        }

        return errors;
    }

    public string CommuneName(string code) => geo.Find(code)?.Name ?? code;

    private IQueryable<Professional> Filter(DirectoryScope scope, DirectoryQuery query)
    {
        var communes = scope.Communes;
        var q = db.Professionals().AsNoTracking().Where(p => p.Practices.Any(x => communes.Contains(x.CommuneCode)));
        foreach (var word in (query.Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (word.All(char.IsAsciiDigit))
            {
                q = q.Where(p => p.Rpps.StartsWith(word));
            }
            else
            {
                var lower = word.ToLower(Platform.French.Culture);
                // Translated to SQL lower(): the same case folding on SQLite and PostgreSQL, no culture involved.
#pragma warning disable CA1304, CA1311, CA1862
                q = q.Where(p => p.LastName.ToLower().Contains(lower) || p.FirstName.ToLower().Contains(lower));
#pragma warning restore CA1304, CA1311, CA1862
            }
        }

        if (query.Profession is { Length: > 0 } profession)
        {
            q = q.Where(p => p.ProfessionCode == profession);
        }

        if (query.Commune is { Length: > 0 } commune)
        {
            q = q.Where(p => p.Practices.Any(x => x.CommuneCode == commune && communes.Contains(x.CommuneCode)));
        }

        if (query.Structure is { } structure)
        {
            q = q.Where(p => p.Practices.Any(x => x.StructureId == structure));
        }

        return query.Membership is { } membership ? WithMembership(q, scope.Cpts.Id, membership) : q;
    }

    /// <summary>Keeps the professionals whose standing with the CPTS matches; the current status is the latest period's, computed by the database.</summary>
    private IQueryable<Professional> WithMembership(IQueryable<Professional> q, Guid cptsId, string membership)
    {
        var standing = standings.First();
        if (membership == "none")
        {
            var any = standing.Professionals(cptsId, null);
            return q.Where(p => !any.Contains(p.Id));
        }

        var matching = standing.Professionals(cptsId, membership);
        return q.Where(p => matching.Contains(p.Id));
    }

    private async Task<IReadOnlyList<DirectoryEntry>> EntriesAsync(DirectoryScope scope, IQueryable<Professional> filtered, int skip, int take, CancellationToken ct)
    {
        var people = await filtered.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Rpps).Skip(skip).Take(take).ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var communes = scope.Communes;
        var places = await db.Practices().AsNoTracking().Where(x => ids.Contains(x.ProfessionalId) && communes.Contains(x.CommuneCode)).ToListAsync(ct);
        var structureIds = places.Select(x => x.StructureId).OfType<Guid>().Distinct().ToList();
        var structures = await db.Structures().AsNoTracking().Where(s => structureIds.Contains(s.Id))
            .Select(s => new DirectoryPlaceStructure(s.Id, s.Name, s.Kind, s.Finess, s.Siret)).ToDictionaryAsync(s => s.Id, ct);
        var byPerson = places.ToLookup(x => x.ProfessionalId);
        var rights = scope.Rights;
        return [.. people.Select(p =>
        {
            var contacts = rights.SeesContactsOf(p.PublishContacts);
            return new DirectoryEntry(p.Id, p.Rpps, p.LastName, p.FirstName, p.ProfessionCode, nomenclatures.ProfessionLabel(p.ProfessionCode),
                p.SpecialtyCode, nomenclatures.SpecialtyLabel(p.SpecialtyCode), p.PracticeMode, p.MssanteAddress,
                contacts ? p.WorkEmail : null, contacts ? p.WorkPhone : null, rights.Contacts ? p.PublishContacts : null,
                [.. byPerson[p.Id].OrderBy(x => x.CommuneCode, StringComparer.Ordinal).Select(x => new DirectoryPlace(x.CommuneCode, CommuneName(x.CommuneCode),
                    x.Address, x.StructureId is { } sid ? structures.GetValueOrDefault(sid) : null))]);
        })];
    }
}

/// <summary>French labels of the practice modes.</summary>
public static class PracticeModes
{
    public static string French(this PracticeMode mode) => mode switch
    {
        PracticeMode.Liberal => "Libéral",
        PracticeMode.Salaried => "Salarié",
        PracticeMode.Volunteer => "Bénévole",
        PracticeMode.Mixed => "Mixte (libéral et salarié)",
        _ => mode.ToString(),
    };
}
