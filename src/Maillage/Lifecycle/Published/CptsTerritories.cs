using Maillage.Lifecycle.Storage;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Lifecycle.Published;

/// <summary>The territory of a CPTS as other modules need it: the INSEE codes of its communes and arrondissements.</summary>
public sealed class CptsTerritories(MaillageDbContext db)
{
    public async Task<IReadOnlyList<string>> CommunesAsync(Guid cptsId, CancellationToken ct = default) =>
        await db.TerritoryUnits().EveryCpts().Where(u => u.CptsId == cptsId).Select(u => u.Code).ToListAsync(ct);

    /// <summary>Every commune held by some CPTS, with the CPTS: where a national import of the directory lands.</summary>
    public async Task<ILookup<string, Guid>> HoldersAsync(CancellationToken ct = default) =>
        (await db.TerritoryUnits().EveryCpts().Select(u => new { u.Code, u.CptsId }).ToListAsync(ct)).ToLookup(u => u.Code, u => u.CptsId);
}

/// <summary>Finding a CPTS by what a person types: its id, or its exact name among those not dissolved (accounts, the command line).</summary>
public sealed class CptsLookup(MaillageDbContext db)
{
    public async Task<Guid?> FindAsync(string? idOrName, CancellationToken ct = default)
    {
        var key = idOrName?.Trim() ?? "";
        return Guid.TryParse(key, out var id)
            ? await db.Cpts().Where(c => c.Id == id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct)
            : await db.Cpts().Where(c => c.Name == key && c.Stage != Stage.Dissolved).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The identity of these CPTS (any stage), for national views that name the CPTS of rows read across them (the SAS).</summary>
    public async Task<IReadOnlyDictionary<Guid, CptsInfo>> DescribeAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Cpts().AsNoTracking().Where(c => wanted.Contains(c.Id)).ToListAsync(ct);
        return rows.ToDictionary(c => c.Id, Tenancy.Info);
    }
}
