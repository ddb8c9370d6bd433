using Maillage.Platform.Identifiers;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Territories.Published;
using Maillage.Directory.Storage;
using Maillage.Lifecycle.Published;
using Maillage.Directory.Published;

namespace Maillage.Directory;

/// <summary>What a merge did: <see cref="DirectoryImportReport"/> plus the records left as they were and those outside the CPTS's territory.</summary>
public sealed record DirectoryMergeReport(int Created, int Updated, int Unchanged, int OutsideTerritory, IReadOnlyList<RejectedRecord> Rejected)
{
    public DirectoryImportReport AsImportReport() => new(Created, Updated, Rejected);
}

/// <summary>
/// Checks the records of a source and merges them into the directory in one transaction: professionals by RPPS,
/// structures by FINESS, else SIRET; a record already there is updated in place, never duplicated, so the same
/// file imported twice creates nothing. Each bad record is refused with its reason; the others are kept.
/// With a CPTS, only what lies in its territory is merged.
/// </summary>
public sealed class MergeDirectory(MaillageDbContext db, CptsTerritories territories, GeoCatalog geo, Nomenclatures nomenclatures, TimeProvider clock)
{
    /// <summary>Records written per SaveChanges; the change tracker is cleared between batches to keep memory flat.</summary>
    public const int BatchSize = 2000;

    public async Task<DirectoryMergeReport> RunAsync(DirectoryBatch batch, string source, Guid? cptsId = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        var rejected = new List<RejectedRecord>(batch.Unreadable);
        HashSet<string>? territory = cptsId is { } id
            ? [.. await territories.CommunesAsync(id, ct)]
            : null;
        bool Inside(string commune) => territory is null || territory.Contains(commune);

        var structures = Check(batch.Structures, CheckStructure, s => s.Label, rejected)
            .Select(s => s with { CommuneCode = Resolve(s.CommuneCode)! }).ToList();
        var professionals = CheckProfessionals(batch.Professionals, rejected);
        var outside = structures.RemoveAll(s => !Inside(s.CommuneCode))
            + professionals.RemoveAll(p => !p.Practices.Any(x => Inside(x.CommuneCode)));

        var counts = new int[3];
        var done = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in structures.Chunk(BatchSize))
        {
            Add(counts, await MergeStructuresAsync(chunk, rejected, ct));
            progress?.Report(done += chunk.Length);
        }

        foreach (var chunk in professionals.Chunk(BatchSize))
        {
            var keys = await StructureIdsAsync(chunk.SelectMany(p => p.Practices).Select(x => x.StructureKey).OfType<string>().Distinct().ToList(), ct);
            Add(counts, await MergeProfessionalsAsync(chunk, keys, source, ct));
            progress?.Report(done += chunk.Length);
        }

        await tx.CommitAsync(ct);
        return new DirectoryMergeReport(counts[0], counts[1], counts[2], outside, rejected);
    }

    /// <summary>The current unit a code designates: itself, or the commune nouvelle of a former commune; null if unknown.</summary>
    public string? Resolve(string? code)
    {
        var c = (code ?? "").Trim().ToUpperInvariant();
        return geo.Find(c) is { } unit ? unit.Code
            : geo.FindFormer(c)?.Parent is { } parent && geo.Find(parent) is not null ? parent
            : null;
    }

    private static void Add(int[] counts, (int Created, int Updated, int Unchanged) c)
    {
        counts[0] += c.Created;
        counts[1] += c.Updated;
        counts[2] += c.Unchanged;
    }

    private static List<T> Check<T>(IEnumerable<T> records, Func<T, string?> check, Func<T, string> label, List<RejectedRecord> rejected)
    {
        var kept = new List<T>();
        foreach (var r in records)
        {
            if (check(r) is { } reason)
            {
                rejected.Add(new RejectedRecord(label(r), reason));
            }
            else
            {
                kept.Add(r);
            }
        }

        return kept;
    }

    private string? CheckStructure(StructureRecord s)
    {
        if (string.IsNullOrWhiteSpace(s.Name))
        {
            return "Nom de la structure manquant.";
        }

        if (TooLong((s.Name, 200, "nom"), (s.Address, 300, "adresse"), (s.Phone, 30, "téléphone"), (s.Email, 254, "e-mail"), (s.ExternalId, 100, "identifiant source")) is { } longer)
        {
            return longer;
        }

        if (s.Finess is null && s.Siret is null)
        {
            return "Ni FINESS ni SIRET : la structure ne peut pas être identifiée.";
        }

        return (s.Finess is null ? null : Identifiers.CheckFiness(s.Finess))?.Message
            ?? (s.Siret is null ? null : Identifiers.CheckSiret(s.Siret))?.Message
            ?? (Resolve(s.CommuneCode) is null ? $"Commune « {s.CommuneCode} » inconnue du {geo.Vintage}." : null);
    }

    private List<ProfessionalRecord> CheckProfessionals(IEnumerable<ProfessionalRecord> records, List<RejectedRecord> rejected)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = Check(records, p => CheckProfessional(p) ?? (seen.Add(p.Rpps) ? null : "RPPS en double dans la source : seule la première fiche est gardée."),
            p => p.Label, rejected);
        return [.. kept.Select(p => p with { Practices = [.. p.Practices.Select(x => x with { CommuneCode = Resolve(x.CommuneCode)! })] })];
    }

    private string? CheckProfessional(ProfessionalRecord p)
    {
        if (Identifiers.CheckRpps(p.Rpps) is { } rpps)
        {
            return rpps.Message;
        }

        if (string.IsNullOrWhiteSpace(p.LastName) || string.IsNullOrWhiteSpace(p.FirstName))
        {
            return "Nom ou prénom manquant.";
        }

        var longer = TooLong((p.LastName, 100, "nom"), (p.FirstName, 100, "prénom"), (p.MssanteAddress, 254, "adresse MSSanté"), (p.WorkEmail, 254, "e-mail"),
                (p.WorkPhone, 30, "téléphone"))
            ?? TooLong([.. p.Practices.SelectMany(x => new (string?, int, string)[] { (x.Address, 300, "adresse"), (x.ExternalId, 100, "identifiant source") })]);
        if (longer is not null)
        {
            return longer;
        }

        if (!nomenclatures.Professions.ContainsKey(p.ProfessionCode))
        {
            return $"Code profession « {p.ProfessionCode} » inconnu de la nomenclature TRE_G15.";
        }

        if (p.SpecialtyCode is { } sp && !nomenclatures.Specialties.ContainsKey(sp))
        {
            return $"Code spécialité « {sp} » inconnu de la nomenclature TRE_R38.";
        }

        if (p.Practices.Count == 0)
        {
            return "Aucun lieu d'exercice : le professionnel ne peut pas être rattaché à un territoire.";
        }

        return p.Practices.Select(x => x.CommuneCode).FirstOrDefault(c => Resolve(c) is null) is { } unknown
            ? $"Commune d'exercice « {unknown} » inconnue du {geo.Vintage}."
            : null;
    }

    /// <summary>The first value longer than what the directory keeps, as a French reason; values are never quoted (personal data).</summary>
    private static string? TooLong(params (string? Value, int Max, string Label)[] fields) =>
        fields.FirstOrDefault(f => f.Value?.Trim().Length > f.Max) is { Label: { } label, Max: var max } ? $"{char.ToUpperInvariant(label[0])}{label[1..]} trop long (plus de {max} caractères)." : null;

    private async Task<(int, int, int)> MergeStructuresAsync(StructureRecord[] chunk, List<RejectedRecord> rejected, CancellationToken ct)
    {
        var finess = chunk.Select(s => s.Finess).OfType<string>().ToList();
        var sirets = chunk.Select(s => s.Siret).OfType<string>().ToList();
        var existing = await db.Structures().Where(s => (s.Finess != null && finess.Contains(s.Finess)) || (s.Siret != null && sirets.Contains(s.Siret))).ToListAsync(ct);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var r in chunk)
        {
            var s = existing.FirstOrDefault(e => (r.Finess is not null && e.Finess == r.Finess) || (r.Finess is null && r.Siret is not null && e.Siret == r.Siret));
            // One SIRET, one structure: a record that would give another structure's SIRET is refused, not merged.
            if (r.Siret is not null && existing.FirstOrDefault(e => e.Siret == r.Siret && e != s) is { } holder)
            {
                rejected.Add(new RejectedRecord(r.Label, $"Le SIRET {r.Siret} est déjà celui de la structure « {holder.Name} » ({holder.Finess ?? "sans FINESS"})."));
                continue;
            }

            if (s is null)
            {
                s = new Structure { Id = Guid.NewGuid() };
                db.Structures().Add(s);
                existing.Add(s);
                created++;
            }

            (s.Kind, s.Name, s.Finess, s.Siret, s.CommuneCode) = (r.Kind, r.Name.Trim(), r.Finess ?? s.Finess, r.Siret ?? s.Siret, r.CommuneCode);
            (s.Address, s.Phone, s.Email, s.ExternalId) = (r.Address ?? s.Address, r.Phone ?? s.Phone, r.Email ?? s.Email, r.ExternalId ?? s.ExternalId);
            if (db.Entry(s).State == EntityState.Modified)
            {
                s.UpdatedAt = clock.GetUtcNow();
                updated++;
            }
            else if (db.Entry(s).State == EntityState.Unchanged)
            {
                unchanged++;
            }
            else
            {
                s.UpdatedAt = clock.GetUtcNow();
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (created, updated, unchanged);
    }

    private async Task<Dictionary<string, Guid>> StructureIdsAsync(List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        var found = await db.Structures().Where(s => (s.Finess != null && keys.Contains(s.Finess)) || (s.Siret != null && keys.Contains(s.Siret))
                || (s.ExternalId != null && keys.Contains(s.ExternalId)))
            .Select(s => new { s.Id, s.Finess, s.Siret, s.ExternalId }).ToListAsync(ct);
        var map = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var s in found)
        {
            foreach (var key in new[] { s.Finess, s.Siret, s.ExternalId }.OfType<string>())
            {
                map.TryAdd(key, s.Id);
            }
        }

        return map;
    }

    private async Task<(int, int, int)> MergeProfessionalsAsync(ProfessionalRecord[] chunk, Dictionary<string, Guid> structures, string source, CancellationToken ct)
    {
        var rpps = chunk.Select(p => p.Rpps).ToList();
        var existing = await db.Professionals().Include(p => p.Practices).Where(p => rpps.Contains(p.Rpps)).ToDictionaryAsync(p => p.Rpps, ct);
        int created = 0, updated = 0, unchanged = 0;
        var now = clock.GetUtcNow();
        foreach (var r in chunk)
        {
            var isNew = !existing.TryGetValue(r.Rpps, out var p);
            if (p is null)
            {
                p = new Professional { Id = Guid.NewGuid(), Rpps = r.Rpps, Source = source };
                db.Professionals().Add(p);
            }

            (p.LastName, p.FirstName, p.ProfessionCode, p.SpecialtyCode, p.PracticeMode) =
                (r.LastName.Trim(), r.FirstName.Trim(), r.ProfessionCode, r.SpecialtyCode, r.PracticeMode);
            (p.MssanteAddress, p.WorkEmail, p.WorkPhone) = (r.MssanteAddress ?? p.MssanteAddress, r.WorkEmail ?? p.WorkEmail, r.WorkPhone ?? p.WorkPhone);
            p.PublishContacts = r.PublishContacts ?? p.PublishContacts;
            var practicesChanged = ReplacePracticesIfChanged(p, r, structures);
            if (isNew)
            {
                p.UpdatedAt = now;
                created++;
            }
            else if (practicesChanged || db.Entry(p).State == EntityState.Modified)
            {
                (p.UpdatedAt, p.Source) = (now, source);
                db.Entry(p).State = EntityState.Modified;
                updated++;
            }
            else
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return (created, updated, unchanged);
    }

    private bool ReplacePracticesIfChanged(Professional p, ProfessionalRecord r, Dictionary<string, Guid> structures)
    {
        var wanted = r.Practices
            .Select(x => (x.CommuneCode, StructureId: x.StructureKey is { } k && structures.TryGetValue(k, out var sid) ? sid : (Guid?)null, Address: x.Address?.Trim(), x.ExternalId))
            .Distinct().OrderBy(x => x, PracticeOrder.Instance).ToList();
        var current = p.Practices.Select(x => (x.CommuneCode, x.StructureId, x.Address, x.ExternalId)).OrderBy(x => x, PracticeOrder.Instance).ToList();
        if (wanted.SequenceEqual(current))
        {
            return false;
        }

        db.Practices().RemoveRange(p.Practices);
        p.Practices.Clear();
        foreach (var x in wanted)
        {
            var practice = new Practice { Id = Guid.NewGuid(), ProfessionalId = p.Id, CommuneCode = x.CommuneCode, StructureId = x.StructureId, Address = x.Address, ExternalId = x.ExternalId };
            p.Practices.Add(practice);
            if (db.Entry(p).State != EntityState.Added)
            {
                db.Practices().Add(practice);
            }
        }

        return true;
    }

    /// <summary>A total order on practices, so that the same places listed in another order are no change.</summary>
    private sealed class PracticeOrder : IComparer<(string CommuneCode, Guid? StructureId, string? Address, string? ExternalId)>
    {
        public static PracticeOrder Instance { get; } = new();

        public int Compare((string CommuneCode, Guid? StructureId, string? Address, string? ExternalId) x,
            (string CommuneCode, Guid? StructureId, string? Address, string? ExternalId) y)
        {
            var c = string.CompareOrdinal(x.CommuneCode, y.CommuneCode);
            c = c != 0 ? c : Nullable.Compare(x.StructureId, y.StructureId);
            c = c != 0 ? c : string.CompareOrdinal(x.Address, y.Address);
            return c != 0 ? c : string.CompareOrdinal(x.ExternalId, y.ExternalId);
        }
    }
}
