using Maillage.Lifecycle;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;

namespace Maillage.Tests.Platform.Tenancy;

/// <summary>Tenancy: who reads, manages and shapes which CPTS (CptsAccess is the one place that decides it).</summary>
public sealed class CptsAccessTests
{
    private static readonly Cpts PaysDeLaLoire = new() { Id = Guid.NewGuid(), Name = "CPTS Nantes Nord", Departements = ",44,", Regions = ",52," };
    private static readonly Cpts Bretagne = new() { Id = Guid.NewGuid(), Name = "CPTS Rennes", Departements = ",35,", Regions = ",53," };
    private static readonly Cpts Redon = new() { Id = Guid.NewGuid(), Name = "CPTS Pays de Redon", Departements = ",35,44,56,", Regions = ",52,53," };
    private static readonly Cpts Paris = new() { Id = Guid.NewGuid(), Name = "CPTS Paris 14", Departements = ",75,", Regions = ",11," };
    private static readonly Cpts Corse = new() { Id = Guid.NewGuid(), Name = "CPTS Ajaccio", Departements = ",2A,", Regions = ",94," };
    private static readonly List<Cpts> All = [PaysDeLaLoire, Bretagne, Redon, Paris, Corse];

    private static readonly Actor Admin = new("a", "admin@example.org", Role.Admin, null, null, null);
    private static readonly Actor OfficerRegion52 = new("o52", "ars52@example.org", Role.Officer, null, "52", null);
    private static readonly Actor OfficerDepartement75 = new("o75", "cpam75@example.org", Role.Officer, null, null, "75");
    private static readonly Actor Coordinator = new("c", "coord@example.org", Role.Coordinator, Bretagne.Id, null, null);
    private static readonly Actor Member = new("m", "member@example.org", Role.Member, Bretagne.Id, null, null);

    private static List<Cpts> Readable(Actor actor) => [.. All.AsQueryable().Readable(actor)];

    [Fact]
    public void Admin_reads_all()
    {
        Assert.Equal(All, Readable(Admin));
        Assert.All(All, c => Assert.True(Admin.CanRead(c)));
    }

    [Fact]
    public void Officer_scoped_to_region_52_reads_cpts_of_region_52_but_not_53()
    {
        Assert.Equal([PaysDeLaLoire, Redon], Readable(OfficerRegion52));
        Assert.True(OfficerRegion52.CanRead(PaysDeLaLoire)); // Regions ",52,"
        Assert.True(OfficerRegion52.CanRead(Redon)); // Regions ",52,53,"
        Assert.False(OfficerRegion52.CanRead(Bretagne)); // Regions ",53,"
        Assert.False(OfficerRegion52.CanRead(Paris));
    }

    [Fact]
    public void Officer_scoped_to_departement_75_reads_paris_only()
    {
        Assert.Equal([Paris], Readable(OfficerDepartement75));
        Assert.True(OfficerDepartement75.CanRead(Paris));
        Assert.False(OfficerDepartement75.CanRead(PaysDeLaLoire));
    }

    [Fact]
    public void Officer_region_scope_does_not_match_a_code_that_only_contains_it()
    {
        var officer5 = OfficerRegion52 with { ScopeRegion = "5" };
        Assert.Empty(Readable(officer5));
        Assert.False(officer5.CanRead(PaysDeLaLoire));
    }

    [Fact]
    public void Officer_without_scope_reads_nothing()
    {
        var unscoped = OfficerRegion52 with { ScopeRegion = null };
        Assert.Empty(Readable(unscoped));
        Assert.All(All, c => Assert.False(unscoped.CanRead(c)));
    }

    [Fact]
    public void Coordinator_reads_and_manages_own_cpts_only()
    {
        Assert.Equal([Bretagne], Readable(Coordinator));
        Assert.True(Coordinator.CanRead(Bretagne));
        Assert.True(Coordinator.CanManage(Bretagne));
        Assert.True(Coordinator.CanShape(Bretagne));
        Assert.False(Coordinator.CanRead(Redon));
        Assert.False(Coordinator.CanManage(Redon));
        Assert.False(Coordinator.CanShape(Redon));
    }

    [Fact]
    public void Member_reads_own_cpts_but_cannot_manage_it()
    {
        Assert.Equal([Bretagne], Readable(Member));
        Assert.True(Member.CanRead(Bretagne));
        Assert.False(Member.CanManage(Bretagne));
        Assert.False(Member.CanShape(Bretagne));
        Assert.False(Member.CanOverride(Bretagne));
        Assert.False(Member.CanRead(Paris));
    }

    [Fact]
    public void Coordinator_or_member_without_a_cpts_reads_nothing()
    {
        Assert.Empty(Readable(Coordinator with { CptsId = null }));
        Assert.Empty(Readable(Member with { CptsId = null }));
    }

    [Fact]
    public void Officer_shapes_territory_and_stage_in_scope_but_does_not_manage_identity()
    {
        Assert.True(OfficerRegion52.CanShape(Redon));
        Assert.False(OfficerRegion52.CanShape(Bretagne));
        Assert.False(OfficerRegion52.CanManage(Redon));
    }

    [Fact]
    public void Only_an_officer_in_scope_or_an_admin_can_override()
    {
        Assert.True(Admin.CanOverride(Bretagne));
        Assert.True(OfficerRegion52.CanOverride(PaysDeLaLoire));
        Assert.False(OfficerRegion52.CanOverride(Bretagne));
        Assert.True(OfficerDepartement75.CanOverride(Paris));
        Assert.False(Coordinator.CanOverride(Bretagne));
        Assert.False(Member.CanOverride(Bretagne));
    }

    [Fact]
    public void Officer_can_create_a_cpts_only_inside_scope()
    {
        Assert.True(OfficerRegion52.CanCreate(["44"], ["52"]));
        Assert.True(OfficerRegion52.CanCreate(["35", "44"], ["52", "53"]));
        Assert.False(OfficerRegion52.CanCreate(["35"], ["53"]));
        Assert.True(OfficerDepartement75.CanCreate(["75"], ["11"]));
        Assert.False(OfficerDepartement75.CanCreate(["92"], ["11"]));
    }

    [Fact]
    public void Admin_can_create_anywhere_but_coordinators_and_members_cannot()
    {
        Assert.True(Admin.CanCreate(["2A"], ["94"]));
        Assert.False(Coordinator.CanCreate(["35"], ["53"]));
        Assert.False(Member.CanCreate(["35"], ["53"]));
    }

    [Fact]
    public void System_actor_acts_as_an_administrator()
    {
        Assert.Equal(Role.Admin, Actor.System.Role);
        Assert.Equal(All, Readable(Actor.System));
    }

    [Fact]
    public void Actor_text_keeps_the_email_out() =>
        Assert.DoesNotContain("@", Coordinator.ToString(), StringComparison.Ordinal);
}
