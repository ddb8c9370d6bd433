extern alias cli;

using System.Reflection;
using NetArchTest.Rules;

namespace Maillage.IntegrationTests.Architecture;

/// <summary>
/// One assembly holds every module, so <c>internal</c> cannot keep them apart: these rules do. A module reaches another
/// only through its public use cases and types, never its storage; the domain knows nothing of its edges.
/// </summary>
public sealed class ModuleBoundaries
{
    private static readonly Assembly Domain = typeof(Maillage.Lifecycle.Cpts).Assembly;

    private static readonly string[] DomainNamespaces =
        ["Maillage.Lifecycle", "Maillage.Territories", "Maillage.Platform"];

    [Fact]
    public void Territories_does_not_reach_into_the_storage_of_lifecycle()
    {
        AssertRule(Types.InAssembly(Domain).That().ResideInNamespace("Maillage.Territories")
            .ShouldNot().HaveDependencyOn("Maillage.Lifecycle.Storage"));
    }

    [Fact]
    public void Lifecycle_does_not_reach_into_the_storage_of_territories()
    {
        AssertRule(Types.InAssembly(Domain).That().ResideInNamespace("Maillage.Lifecycle")
            .ShouldNot().HaveDependencyOn("Maillage.Territories.Storage"));
    }

    [Fact]
    public void The_edges_do_not_reach_into_any_module_storage()
    {
        foreach (var edge in new[] { typeof(Program).Assembly, typeof(cli::Maillage.Cli.CliApp).Assembly })
        {
            AssertRule(Types.InAssembly(edge).ShouldNot().HaveDependencyOnAny("Maillage.Lifecycle.Storage", "Maillage.Territories.Storage"));
        }
    }

    [Fact]
    public void The_domain_assembly_does_not_depend_on_the_web_host_or_the_command_line()
    {
        AssertRule(Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny("Maillage.Web", "Maillage.Cli"));
    }

    [Fact]
    public void No_domain_type_depends_on_aspnetcore_mvc()
    {
        AssertRule(Types.InAssembly(Domain).That().ResideInNamespace("Maillage")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Http"));
    }

    [Fact]
    public void The_rules_see_the_dependencies_that_do_exist()
    {
        // Guards against vacuous rules: the modules are found, and a known dependency is seen.
        foreach (var ns in DomainNamespaces)
        {
            Assert.NotEmpty(Types.InAssembly(Domain).That().ResideInNamespace(ns).GetTypes());
        }

        var lifecycleUsesTerritories = Types.InAssembly(Domain).That().ResideInNamespace("Maillage.Lifecycle")
            .And().HaveDependencyOn("Maillage.Territories").GetTypes();
        Assert.Contains(lifecycleUsesTerritories, t => t.Name == "CreateCpts");
        var storageUsers = Types.InAssembly(Domain).That().HaveDependencyOn("Maillage.Lifecycle.Storage").GetTypes();
        Assert.Contains(storageUsers, t => t.Name == "MaillageDbContext");
    }

    private static void AssertRule(ConditionList rule)
    {
        var result = rule.GetResult();
        Assert.True(result.IsSuccessful, "Broken by: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
