using Mono.Cecil;

namespace Maillage.IntegrationTests.Architecture;

/// <summary>
/// The shape the code keeps (docs/architecture.md): the domain is cut into modules (<c>Maillage.&lt;Module&gt;</c>) standing on a shared
/// platform (<c>Maillage.Platform</c>); a module uses another only through that module's published interface
/// (<c>Maillage.&lt;Module&gt;.Published</c>) — never its records, use cases or tables —, the platform uses no module, the edges (web host,
/// command line) never touch storage, and nobody reads the system clock.
/// </summary>
public static class ModuleRules
{
    public static IReadOnlyList<string> Modules { get; } =
        ["Territories", "Lifecycle", "Directory", "Membership", "Association", "Indemnities", "Funding", "Unscheduled", "Accounts", "TreatingDoctor"];

    /// <summary>The one type of the domain that names every module: the wiring of <c>AddMaillageDomain</c>.</summary>
    public const string CompositionRoot = "Maillage.MaillageServices";

    /// <summary>"Funding" for <c>Maillage.Funding.Indicators.ContractIndicator</c>, "Platform" for the platform, null for anything else.</summary>
    public static string? ModuleOf(string fullName)
    {
        var ns = Namespace(fullName);
        if (!ns.StartsWith("Maillage.", StringComparison.Ordinal))
        {
            return null;
        }

        var first = ns.Split('.')[1];
        return first == "Platform" || Modules.Contains(first) ? first : null;
    }

    /// <summary>Whether a type is part of its module's published interface.</summary>
    public static bool IsPublished(string fullName) =>
        ModuleOf(fullName) is { } module && IsIn(Namespace(fullName), $"Maillage.{module}.Published");

    /// <summary>Modules reaching into each other past the published interfaces, and the platform reaching into modules.</summary>
    public static IReadOnlyList<string> ModuleViolations(IEnumerable<TypeDefinition> types) =>
        [.. Ours(types).Where(t => t.FullName != CompositionRoot).SelectMany(t =>
        {
            var from = ModuleOf(t.FullName);
            return from is null ? [] : DependencyReader.Of(t).Where(d => ModuleOf(d.To) is { } to && to != from && d.Member.Length == 0
                    && (from == "Platform" || (to != "Platform" && !IsPublished(d.To))))
                .Select(d => $"{d} ({(from == "Platform" ? "the platform uses no module" : $"not in the published interface of {ModuleOf(d.To)}")})");
        }).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The web host and the command line touching storage: a module's tables or the unit of work itself.</summary>
    public static IReadOnlyList<string> EdgeViolations(IEnumerable<TypeDefinition> types) =>
        [.. Ours(types).SelectMany(DependencyReader.Of).Where(d => d.Member.Length == 0
                && (d.To == "Maillage.Platform.Persistence.MaillageDbContext" || Namespace(d.To).Split('.').Contains("Storage")) && ModuleOf(d.To) is not null)
            .Select(d => $"{d} (an edge calls use cases, never storage)").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Reads of the system clock: time comes from an injected <see cref="TimeProvider"/>.</summary>
    public static IReadOnlyList<string> ClockViolations(IEnumerable<TypeDefinition> types) =>
        [.. Ours(types).SelectMany(DependencyReader.Of).Where(d => d.Member.Length > 0)
            .Select(d => $"{d} (use the injected TimeProvider)").Distinct().Order(StringComparer.Ordinal)];

    /// <summary>Types of the domain naming an edge (web host, command line, demo).</summary>
    public static IReadOnlyList<string> EdgeNamesInDomain(IEnumerable<TypeDefinition> types) =>
        [.. Ours(types).SelectMany(DependencyReader.Of).Where(d => Namespace(d.To) is var ns
                && (IsIn(ns, "Maillage.Web") || IsIn(ns, "Maillage.Cli") || IsIn(ns, "Maillage.Demo")))
            .Select(d => d.ToString()).Distinct().Order(StringComparer.Ordinal)];

    public static string Namespace(string fullName)
    {
        var outer = fullName.Split('/')[0];
        var dot = outer.LastIndexOf('.');
        return dot < 0 ? "" : outer[..dot];
    }

    private static bool IsIn(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    private static IEnumerable<TypeDefinition> Ours(IEnumerable<TypeDefinition> types) =>
        types.Where(t => t.FullName.StartsWith("Maillage", StringComparison.Ordinal));
}
