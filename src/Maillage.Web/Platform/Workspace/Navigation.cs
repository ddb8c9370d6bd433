using Maillage.Lifecycle.Published;

namespace Maillage.Web.Platform.Workspace;

/// <summary>
/// An entry of a CPTS's navigation: a page of a module, under one of the CPTS's missions, shown only to those it answers (an entry that
/// would answer « accès refusé » is not shown). Modules register theirs in their <c>Map&lt;Module&gt;()</c> with
/// <c>AddToWorkspace</c> (<see cref="NavigationRegistration"/>).
/// </summary>
/// <param name="Mission">The heading it sits under (<see cref="Missions"/>).</param>
/// <param name="Path">Below <c>/cpts/{id}/</c>: « adherents », « contrat/indicateurs »; empty for the CPTS page itself.</param>
/// <param name="Visible">Whether the reader, as the tenant stands, may open it (may ask a module, hence asynchronous).</param>
public sealed record NavigationEntry(string Mission, string Label, string Path, Func<Tenant, HttpContext, Task<bool>> Visible)
{
    public string Href(Guid cptsId) => Path.Length == 0 ? $"/cpts/{cptsId}" : $"/cpts/{cptsId}/{Path}";
}

/// <summary>The missions a CPTS's navigation is grouped by, in the order shown; the modules still to come have their place.</summary>
public static class Missions
{
    public const string Cpts = "La CPTS";
    public const string Community = "Communauté";
    public const string Association = "Vie associative";
    public const string AccessToCare = "Accès aux soins";
    public const string Pathways = "Parcours";
    public const string Prevention = "Prévention";
    public const string Crisis = "Crises sanitaires";
    public const string Funding = "Financement";

    public static IList<string> Ordered { get; } = [Cpts, Community, Association, AccessToCare, Pathways, Prevention, Crisis, Funding];
}

/// <summary>Every module's entries, registered at start-up; read for each page of a CPTS.</summary>
public sealed class WorkspaceNavigation
{
    private readonly List<NavigationEntry> _entries = [];

    public IReadOnlyList<NavigationEntry> Entries => _entries;

    public void Add(NavigationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_entries.Any(e => e.Path == entry.Path))
        {
            throw new InvalidOperationException($"Deux entrées de navigation pour « {entry.Path} ».");
        }

        _entries.Add(entry);
    }

    /// <summary>The entries the reader may open, grouped by mission in the order of <see cref="Missions.Ordered"/>.</summary>
    public async Task<IReadOnlyList<NavigationGroup>> ForAsync(Tenant tenant, HttpContext http)
    {
        var shown = new List<NavigationEntry>();
        foreach (var entry in _entries)
        {
            if (await entry.Visible(tenant, http))
            {
                shown.Add(entry);
            }
        }

        return [.. shown.GroupBy(e => e.Mission)
            .OrderBy(g => Missions.Ordered.IndexOf(g.Key) is var i and >= 0 ? i : int.MaxValue)
            .Select(g => new NavigationGroup(g.Key, [.. g]))];
    }
}

public sealed record NavigationGroup(string Mission, IReadOnlyList<NavigationEntry> Entries);

/// <summary>How a module adds its pages to the CPTS's navigation.</summary>
public static class NavigationRegistration
{
    /// <summary>Adds an entry shown to whoever <paramref name="visible"/> lets in (everyone who reads the CPTS when omitted).</summary>
    public static WebApplication AddToWorkspace(this WebApplication app, string mission, string label, string path, Func<Tenant, bool>? visible = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<WorkspaceNavigation>().Add(new NavigationEntry(mission, label, path,
            (t, _) => Task.FromResult(visible?.Invoke(t) ?? true)));
        return app;
    }

    /// <summary>Adds an entry whose visibility asks a module (a seat in the bureau, a contract recorded).</summary>
    public static WebApplication AddToWorkspace(this WebApplication app, string mission, string label, string path, Func<Tenant, HttpContext, Task<bool>> visible)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<WorkspaceNavigation>().Add(new NavigationEntry(mission, label, path, visible));
        return app;
    }
}
