using Maillage.Platform.Tenancy;

namespace Maillage.Lifecycle.Published;

/// <summary>
/// A line of « À faire »: something waiting for the reader, said in French, with the page where it is done. <paramref name="Count"/> is how
/// many things the line stands for (shown as a badge when more than one); <paramref name="Due"/> the day it is due, when there is one.
/// </summary>
/// <param name="Key">Stable id of the kind of line (<c>indemnities.to-validate</c>), for tests and styling.</param>
/// <param name="Href">Where it is done, an absolute path of the site (<c>/cpts/{id}/indemnites</c>).</param>
public sealed record ToDo(string Key, string Text, string Href, int Count = 1, DateOnly? Due = null)
{
    /// <summary>The CPTS the line is about, in a queue across several CPTS (the officer's).</summary>
    public string? CptsName { get; init; }
}

/// <summary>A figure of a CPTS's home (« Adhérents actifs : 19 »), with what it counts and where to read more.</summary>
public sealed record KeyFigure(string Key, string Label, string Value, string? Hint = null, string? Href = null);

/// <summary>
/// What a module has waiting for people: each module registers its sources in its <c>Add&lt;Module&gt;()</c>, as it registers indicator
/// sources, and the homes ask them all. A source decides from the tenant who the line is for (the coordinator, the member account, the
/// officer) and returns nothing for the others.
/// </summary>
public interface IToDoSource
{
    /// <summary>What waits in one CPTS for the reader, as <paramref name="tenant"/> says they stand (the unit of work is confined to it).</summary>
    Task<IReadOnlyList<ToDo>> InCptsAsync(Tenant tenant, CancellationToken ct);

    /// <summary>
    /// What waits for an officer (or an admin) across the CPTS they steer, each line naming its CPTS. Sources read every CPTS's rows with
    /// <c>EveryCpts()</c> and keep those of <paramref name="steered"/>; none by default.
    /// </summary>
    Task<IReadOnlyList<ToDo>> AcrossAsync(Actor actor, IReadOnlyList<CptsInfo> steered, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<ToDo>>([]);
}

/// <summary>The key figures a module gives a CPTS's home, for the readers who may see them (none for the others).</summary>
public interface IKeyFigureSource
{
    Task<IReadOnlyList<KeyFigure>> OfAsync(Tenant tenant, CancellationToken ct);
}
