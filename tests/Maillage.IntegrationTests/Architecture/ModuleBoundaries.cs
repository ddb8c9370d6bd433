extern alias cli;

using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Maillage.IntegrationTests.Architecture;

/// <summary>
/// One assembly holds every module, so <c>internal</c> cannot keep them apart: these rules do, read from the compiled code
/// (<see cref="ModuleRules"/>). Each one is shown to catch a deliberate violation (the types of the <c>ArchitectureProbe</c> namespaces), so none passes for
/// want of looking.
/// </summary>
public sealed class ModuleBoundaries
{
    private static readonly Lazy<IReadOnlyList<Mono.Cecil.TypeDefinition>> Domain = new(() => DependencyReader.TypesOf(typeof(MaillageDbContext)));

    private static readonly Lazy<IReadOnlyList<Mono.Cecil.TypeDefinition>> Edges =
        new(() => DependencyReader.TypesOf(typeof(Program), typeof(cli::Maillage.Cli.CliApp)));

    private static readonly Lazy<IReadOnlyList<Mono.Cecil.TypeDefinition>> Demo = new(() => DependencyReader.TypesOf(typeof(Maillage.Demo.SeedDemo)));

    private static readonly Lazy<IReadOnlyList<Mono.Cecil.TypeDefinition>> Probes = new(() =>
        [.. DependencyReader.TypesOf(typeof(ModuleBoundaries)).Where(t => t.FullName.Contains(".ArchitectureProbe.", StringComparison.Ordinal))]);

    [Fact]
    public void A_module_reaches_another_only_through_its_published_interface_and_the_platform_reaches_none() =>
        AssertNone(ModuleRules.ModuleViolations(Domain.Value));

    [Fact]
    public void The_web_host_and_the_command_line_call_use_cases_and_never_touch_storage() =>
        AssertNone(ModuleRules.EdgeViolations(Edges.Value));

    [Fact]
    public void No_code_reads_the_system_clock() =>
        AssertNone(ModuleRules.ClockViolations([.. Domain.Value, .. Edges.Value, .. Demo.Value]));

    [Fact]
    public void The_domain_knows_nothing_of_the_web_host_the_command_line_or_the_demo() =>
        AssertNone(ModuleRules.EdgeNamesInDomain(Domain.Value));

    [Fact]
    public void Every_table_is_named_after_the_module_that_owns_its_records()
    {
        var options = new DbContextOptionsBuilder<MaillageDbContext>();
        DatabaseSetting.Parse("sqlite:/tmp/maillage-architecture-check.db").Apply(options);
        using var db = new MaillageDbContext(options.Options);
        var wrong = db.Model.GetEntityTypes().Where(e => !e.IsOwned()).Select(e => (Type: e.ClrType, Table: e.GetTableName()!))
            .Where(e => !e.Table.StartsWith(Prefix(e.Type) + "_", StringComparison.Ordinal))
            .Select(e => $"{e.Type.FullName} → {e.Table} (expected {Prefix(e.Type)}_…)").ToList();
        AssertNone(wrong);
        Assert.True(db.Model.GetEntityTypes().Count() > 40, "The model should hold every module's tables.");
    }

    [Fact]
    public void The_rules_catch_a_deliberate_violation_of_each_kind()
    {
        var modules = ModuleRules.ModuleViolations(Probes.Value);
        Assert.Contains(modules, v => v.StartsWith("Maillage.Funding.ArchitectureProbe.ReadsMembers → Maillage.Membership.Member ", StringComparison.Ordinal));
        Assert.Contains(modules, v => v.StartsWith("Maillage.Funding.ArchitectureProbe.ReadsMembers → Maillage.Membership.Storage.MembershipTables ",
            StringComparison.Ordinal));
        Assert.Contains(modules, v => v.StartsWith("Maillage.Platform.ArchitectureProbe.KnowsAModule → Maillage.Lifecycle.Published.Tenant ", StringComparison.Ordinal));
        Assert.DoesNotContain(modules, v => v.Contains("UsesPublished", StringComparison.Ordinal));
        Assert.Contains(ModuleRules.EdgeViolations(Probes.Value), v => v.StartsWith("Maillage.Web.ArchitectureProbe.PageWithStorage → "
            + "Maillage.Platform.Persistence.MaillageDbContext", StringComparison.Ordinal));
        Assert.Contains(ModuleRules.ClockViolations(Probes.Value), v => v.StartsWith("Maillage.Funding.ArchitectureProbe.ReadsMembers → System.DateTime::Now",
            StringComparison.Ordinal));
        Assert.Contains(ModuleRules.EdgeNamesInDomain(Probes.Value), v => v.StartsWith("Maillage.Platform.ArchitectureProbe.KnowsAModule → Maillage.Web.",
            StringComparison.Ordinal));
    }

    [Fact]
    public void The_rules_see_the_modules_and_the_published_uses_that_do_exist()
    {
        foreach (var module in ModuleRules.Modules.Append("Platform"))
        {
            Assert.Contains(Domain.Value, t => ModuleRules.ModuleOf(t.FullName) == module);
        }

        static bool Uses(string from, string to) =>
            DependencyReader.Of(Domain.Value.Single(t => t.FullName == from)).Any(d => d.To == to);
        Assert.True(Uses("Maillage.Membership.Published.MemberRoll", "Maillage.Directory.Published.DirectoryLookup"));
        Assert.True(Uses("Maillage.Funding.FundingAccess", "Maillage.Association.Published.AssociationStanding"));
        Assert.True(Uses("Maillage.Indemnities.IndemnityAccess", "Maillage.Lifecycle.Published.Tenancy"));
        Assert.True(ModuleRules.IsPublished("Maillage.Lifecycle.Published.Tenant"));
        Assert.False(ModuleRules.IsPublished("Maillage.Lifecycle.Cpts"));
    }

    private static string Prefix(Type type) => type.Namespace switch
    {
        { } ns when ns.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) => "platform",
        _ when ModuleRules.ModuleOf(type.FullName!) is { } module => module switch { "Territories" => "terr", "TreatingDoctor" => "treating", _ => module.ToLowerInvariant() },
        _ => "?",
    };

    private static void AssertNone(IReadOnlyList<string> violations) =>
        Assert.True(violations.Count == 0, $"{violations.Count} violation(s):\n" + string.Join("\n", violations));
}
