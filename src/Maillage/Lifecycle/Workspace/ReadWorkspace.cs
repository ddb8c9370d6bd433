using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Storage;
using Maillage.Platform.Errors;
using Maillage.Platform.Identity;
using Maillage.Platform.Persistence;
using Maillage.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Maillage.Lifecycle.Workspace;

/// <summary>The home of a CPTS as the reader stands towards it: « À faire » from every module, and the CPTS's key figures.</summary>
public sealed record CptsHome(Tenant Tenant, IReadOnlyList<ToDo> ToDo, IReadOnlyList<KeyFigure> Figures);

/// <summary>How many CPTS of an officer's territory stand at a stage, and the population they cover.</summary>
public sealed record StageCount(Stage Stage, int Count, long Population);

/// <summary>
/// The home of an officer (or an admin): the queue across the CPTS they steer and their territory's figures; <paramref name="Readable"/> is the
/// list of the CPTS the reader may read (<see cref="ReadCpts.ListAsync"/>'s lines), from the same rows, for the page's table.
/// </summary>
public sealed record SteeringHome(IReadOnlyList<ToDo> Queue, IReadOnlyList<StageCount> Stages, int CptsCount, long Population, IReadOnlyList<CptsListItem> Readable);

/// <summary>
/// Gathers the workspace of a CPTS from the modules' <see cref="IToDoSource"/>s and <see cref="IKeyFigureSource"/>s, in the order the modules
/// registered them; nothing here knows what a module counts.
/// </summary>
public sealed class ReadWorkspace(MaillageDbContext db, Tenancy tenancy, IEnumerable<IToDoSource> toDo, IEnumerable<IKeyFigureSource> figures)
{
    public async Task<Result<CptsHome>> ForCptsAsync(Guid cptsId, Actor actor, CancellationToken ct = default)
    {
        var resolved = await tenancy.ResolveAsync(cptsId, actor, ct);
        if (!resolved.Succeeded)
        {
            return Result<CptsHome>.Fail(resolved.Errors);
        }

        var tenant = resolved.Value!;
        var lines = new List<ToDo>();
        foreach (var source in toDo)
        {
            lines.AddRange(await source.InCptsAsync(tenant, ct));
        }

        var shown = new List<KeyFigure>();
        foreach (var source in figures)
        {
            shown.AddRange(await source.OfAsync(tenant, ct));
        }

        return Result<CptsHome>.Ok(new CptsHome(tenant, Ordered(lines), shown));
    }

    /// <summary>
    /// The officer's queue across the CPTS they steer (every CPTS for an admin), empty for the CPTS's own accounts; and for everyone the CPTS they
    /// may read, read once for both (the home used to list them again).
    /// </summary>
    public async Task<SteeringHome> ForSteeringAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var readable = await db.Cpts().Readable(actor).AsNoTracking().ToListAsync(ct);
        var list = ReadCpts.ListOf(readable);
        if (actor.Role is not (Role.Officer or Role.Admin))
        {
            return new SteeringHome([], [], 0, 0, list);
        }

        var steered = readable.Where(c => Tenant.SteersTerritory(actor, c.DepartementCodes, c.RegionCodes)).Select(c => Tenancy.Info(c)).ToList();
        var lines = new List<ToDo>();
        foreach (var source in toDo)
        {
            lines.AddRange(await source.AcrossAsync(actor, steered, ct));
        }

        var stages = steered.GroupBy(c => c.Stage).OrderBy(g => g.Key == Stage.Dissolved ? 99 : (int)g.Key)
            .Select(g => new StageCount(g.Key, g.Count(), g.Sum(c => c.Population))).ToList();
        var active = steered.Where(c => c.Stage != Stage.Dissolved).ToList();
        return new SteeringHome(Ordered(lines), stages, active.Count, active.Sum(c => c.Population), list);
    }

    // What is due first comes first; lines without a date keep the modules' order after them.
    private static List<ToDo> Ordered(List<ToDo> lines) =>
        [.. lines.Select((l, i) => (l, i)).OrderBy(x => x.l.Due ?? DateOnly.MaxValue).ThenBy(x => x.i).Select(x => x.l)];
}
