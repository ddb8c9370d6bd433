using Maillage.Platform;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;
using Maillage.Lifecycle.Published;

namespace Maillage.Lifecycle;

/// <summary>Writes the CPTS an actor can read in the layout <see cref="ImportCpts"/> reads back.</summary>
public sealed class ExportCpts(MaillageDbContext db)
{
    public async Task<int> RunAsync(TextWriter writer, Actor actor, CancellationToken ct = default)
    {
        var list = await db.Cpts().Readable(actor).AsNoTracking().ToListAsync(ct);
        var transitions = (await db.StageTransitions().EveryCpts().AsNoTracking().ToListAsync(ct)).ToLookup(t => t.CptsId);
        var held = await db.TerritoryUnits().EveryCpts().AsNoTracking().Select(u => new { u.CptsId, u.Code, u.OverrideReason }).ToListAsync(ct);
        var units = held.ToLookup(u => u.CptsId, u => u.Code);
        var overrides = held.Where(u => u.OverrideReason != null).GroupBy(u => u.CptsId).ToDictionary(g => g.Key, g => g.First().OverrideReason);
        var rows = list.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => (IReadOnlyList<string?>)
        [
            c.Name, c.Rna, c.Siret, c.Finess, c.ContactEmail, c.ContactPhone,
            c.Stage == Stage.Dissolved ? c.DissolvedTerritory : string.Join(' ', units[c.Id].Order(StringComparer.Ordinal)),
            overrides.GetValueOrDefault(c.Id),
            .. CptsCsv.StageColumns.Select(s => transitions[c.Id].Where(t => t.Stage == s.Stage).OrderBy(t => t.Date).Select(t => French.Date(t.Date)).FirstOrDefault()),
        ]);
        await CsvFile.WriteAsync(writer, CptsCsv.Header, rows, ct: ct);
        return list.Count;
    }
}
