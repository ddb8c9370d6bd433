using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Maillage.Lifecycle;
using Maillage.Lifecycle.Published;
using Maillage.Lifecycle.Workspace;

namespace Maillage.Benchmarks;

/// <summary>
/// The homes of the workspace (issue 11) on a realistic platform (<see cref="WorkspaceWorld"/>: 200 CPTS at every stage with their adhérents,
/// dues, bodies, meetings, proposals, time declarations and ACI contracts, so that every « À faire » source has lines), each call in a new
/// scope as a web request gets, the CPTS picked round-robin among 20 of every stage. Three readers, each measured twice:
/// <list type="bullet">
/// <item>the data of the page: <see cref="ReadWorkspace.ForCptsAsync"/> for the coordinator and for a member account (the treasurer, who holds
/// a bureau seat, so its rights are read), against <see cref="Tenancy.ResolveAsync"/> — reading the CPTS's own record, which the page needs
/// anyway; <see cref="ReadWorkspace.ForSteeringAsync"/> for an ARS officer against <see cref="ReadCpts.ListAsync"/> of the CPTS they steer;</item>
/// <item>the page as served, through the real web host in memory with an API token: <c>GET /cpts/{id}/accueil</c> (handler, shell, Razor)
/// against <c>GET /api/cpts/{id}</c>; the officer's <c>GET /</c> against <c>GET /api/cpts</c>.</item>
/// </list>
/// The « Queries » column counts the SQL commands one call sends (a <c>DbCommandInterceptor</c>), over the 20 CPTS. The dataset is seeded once
/// per engine and shared by the class's benchmarks, which only read. PostgreSQL runs only when <c>MAILLAGE_TEST_POSTGRES</c> is set.
/// </summary>
[Config(typeof(ShortConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[QueriesColumn]
public class WorkspaceBenchmarks
{
    private const string Coordinator = "a coordinator data";
    private const string CoordinatorPage = "b coordinator page";
    private const string Member = "c member data";
    private const string MemberPage = "d member page";
    private const string Officer = "e officer data";
    private const string OfficerPage = "f officer page";

    private WorkspaceWorld world = null!;
    private int next;

    [ParamsSource(nameof(Engines))]
    public Engine Engine { get; set; }

    public static IEnumerable<Engine> Engines => BenchDatabase.Engines;

    [GlobalSetup]
    public void Setup()
    {
        world = WorkspaceWorld.For(Engine);
        world.CountQueries(this);
    }

    [BenchmarkCategory(Coordinator), Benchmark(Baseline = true, Description = "Tenancy.ResolveAsync: the CPTS's record (floor)")]
    public Task<int> CoordinatorRecord() => world.ResolveAsync(world.Coordinators[next++ % world.Coordinators.Count]);

    [BenchmarkCategory(Coordinator), Benchmark(Description = "ReadWorkspace.ForCptsAsync, coordinator")]
    public Task<int> CoordinatorHome() => world.HomeAsync(world.Coordinators[next++ % world.Coordinators.Count]);

    [BenchmarkCategory(CoordinatorPage), Benchmark(Baseline = true, Description = "GET /api/cpts/{id}, coordinator (floor)")]
    public Task<int> CoordinatorRecordPage() => world.GetAsync(world.Coordinators[next++ % world.Coordinators.Count], id => $"/api/cpts/{id}");

    [BenchmarkCategory(CoordinatorPage), Benchmark(Description = "GET /cpts/{id}/accueil, coordinator")]
    public Task<int> CoordinatorHomePage() => world.GetAsync(world.Coordinators[next++ % world.Coordinators.Count], id => $"/cpts/{id}/accueil");

    [BenchmarkCategory(Member), Benchmark(Baseline = true, Description = "Tenancy.ResolveAsync: the CPTS's record (floor)")]
    public Task<int> MemberRecord() => world.ResolveAsync(world.Members[next++ % world.Members.Count]);

    [BenchmarkCategory(Member), Benchmark(Description = "ReadWorkspace.ForCptsAsync, treasurer's member account")]
    public Task<int> MemberHome() => world.HomeAsync(world.Members[next++ % world.Members.Count]);

    [BenchmarkCategory(MemberPage), Benchmark(Baseline = true, Description = "GET /api/cpts/{id}, treasurer (floor)")]
    public Task<int> MemberRecordPage() => world.GetAsync(world.Members[next++ % world.Members.Count], id => $"/api/cpts/{id}");

    [BenchmarkCategory(MemberPage), Benchmark(Description = "GET /cpts/{id}/accueil, treasurer")]
    public Task<int> MemberHomePage() => world.GetAsync(world.Members[next++ % world.Members.Count], id => $"/cpts/{id}/accueil");

    [BenchmarkCategory(Officer), Benchmark(Baseline = true, Description = "ReadCpts.ListAsync: the steered CPTS (floor)")]
    public Task<int> OfficerList() => world.ListAsync(world.Officer);

    [BenchmarkCategory(Officer), Benchmark(Description = "ReadWorkspace.ForSteeringAsync, ARS officer")]
    public Task<int> OfficerQueue() => world.SteeringAsync(world.Officer);

    [BenchmarkCategory(OfficerPage), Benchmark(Baseline = true, Description = "GET /api/cpts, ARS officer (floor)")]
    public Task<int> OfficerListPage() => world.GetAsync(world.Officer, _ => "/api/cpts");

    [BenchmarkCategory(OfficerPage), Benchmark(Description = "GET /, ARS officer")]
    public Task<int> OfficerHomePage() => world.GetAsync(world.Officer, _ => "/");

    /// <summary>The benchmark methods, for the query count of each (<see cref="WorkspaceWorld.CountQueries"/>).</summary>
    internal static IEnumerable<MethodInfo> Benchmarks => typeof(WorkspaceBenchmarks).GetMethods()
        .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);
}
