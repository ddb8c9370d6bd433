using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Platform;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Lifecycle.Workspace;

/// <summary>
/// What the registry has waiting: a lettre d'intention to complete (the coordinator of a CPTS still en projet) and, for the officers, a
/// complete letter whose validation is not recorded yet.
/// </summary>
public sealed class LifecycleToDo(MaillageDbContext db) : IToDoSource
{
    public async Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (tenant.Cpts.Stage != Stage.PreProject || !(tenant.Manages || tenant.Steers))
        {
            return [];
        }

        var letter = (await db.Cpts().AsNoTracking().FirstAsync(c => c.Id == tenant.Id, ct)).Letter;
        var missing = Missing(letter);
        return missing > 0
            ? tenant.Manages ? [new ToDo("lifecycle.letter", $"Compléter la lettre d'intention : {French.Count(missing, "rubrique manque", "rubriques manquent")} sur 6", $"/cpts/{tenant.Id}/lettre-intention")] : []
            : tenant.Steers ? [new ToDo("lifecycle.letter-to-validate", "Lettre d'intention complète : enregistrer sa validation", $"/cpts/{tenant.Id}")] : [];
    }

    public async Task<IReadOnlyList<ToDo>> AcrossAsync(Actor actor, IReadOnlyList<CptsInfo> steered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steered);
        var ids = steered.Where(c => c.Stage == Stage.PreProject).Select(c => c.Id).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var candidates = await db.Cpts().AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        return [.. candidates.Where(c => Missing(c.Letter) == 0).OrderBy(c => c.Name, StringComparer.Create(French.Culture, true))
            .Select(c => new ToDo("lifecycle.letter-to-validate", "Lettre d'intention complète : enregistrer sa validation", $"/cpts/{c.Id}") { CptsName = c.Name })];
    }

    private static int Missing(LetterOfIntent letter) =>
        new[] { letter.Actors, letter.Context, letter.Needs, letter.Objectives, letter.Calendar, letter.Obstacles }.Count(string.IsNullOrWhiteSpace);
}

/// <summary>The registry's figures of a CPTS: its population and size, its territory, how long it has been at its stage.</summary>
public sealed class CptsFigures(MaillageDbContext db) : IKeyFigureSource
{
    public async Task<IReadOnlyList<KeyFigure>> OfAsync(Tenant tenant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var c = tenant.Cpts;
        var communes = await db.TerritoryUnits().CountAsync(ct);
        var since = await db.StageTransitions().Where(t => t.CptsId == c.Id && t.Stage == c.Stage).OrderByDescending(t => t.Date)
            .Select(t => (DateOnly?)t.Date).FirstOrDefaultAsync(ct);
        return
        [
            new("lifecycle.population", "Population", French.Number(c.Population), $"habitants, taille ACI {c.Tier}", $"/cpts/{c.Id}"),
            new("lifecycle.territory", "Territoire", French.Number(communes), communes is 0 or 1 ? "commune ou arrondissement" : "communes ou arrondissements", $"/cpts/{c.Id}"),
            new("lifecycle.stage", "Étape", c.Stage.French(), since is { } d ? $"depuis le {French.Date(d)}" : null, $"/cpts/{c.Id}"),
        ];
    }
}
