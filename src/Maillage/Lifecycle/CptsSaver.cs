using Maillage.Platform.Errors;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Maillage.Lifecycle.Storage;

namespace Maillage.Lifecycle;

/// <summary>Commits a CPTS change and turns the database's refusals into user-facing conflicts.</summary>
public sealed class CptsSaver(MaillageDbContext db)
{
    public async Task<Error?> SaveAsync(Cpts cpts, CancellationToken ct)
    {
        return await db.SaveOrConflictAsync(async ct =>
        {
            if (await db.Cpts().AnyAsync(c => c.Id != cpts.Id && c.Name == cpts.Name, ct))
            {
                return new Error("name_taken", $"Une CPTS s'appelle déjà « {cpts.Name} ».", "name", ErrorKind.Conflict);
            }

            if (cpts.Rna is not null && await db.Cpts().AnyAsync(c => c.Id != cpts.Id && c.Rna == cpts.Rna, ct))
            {
                return new Error("rna_taken", $"Le numéro RNA {cpts.Rna} est déjà celui d'une autre CPTS.", "rna", ErrorKind.Conflict);
            }

            return new Error("territory_overlap", "Une autre CPTS vient d'obtenir une de ces communes : rechargez et vérifiez le territoire.", "territory", ErrorKind.Conflict);
        }, ct);
    }

    /// <summary>Makes the next save check the version the user saw, not the one just read.</summary>
    public void ExpectVersion(Cpts cpts, int? version)
    {
        if (version is { } v)
        {
            db.Entry(cpts).Property(c => c.Version).OriginalValue = v;
        }
    }
}
