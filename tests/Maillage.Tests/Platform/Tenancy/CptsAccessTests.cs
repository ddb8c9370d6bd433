using Maillage.Lifecycle;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;
using Maillage.Platform.Time;

namespace Maillage.Tests.Platform.Tenancy;

/// <summary>Tenancy: who reads (the query of <see cref="CptsAccess"/>), manages, steers and shapes which CPTS (<see cref="Tenant"/>, resolved once).</summary>
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

    private static bool Reads(Actor actor, Cpts cpts) => Readable(actor).Contains(cpts);

    private static Tenant On(Actor actor, Cpts c) => new(new CptsInfo(c.Id, c.Name, c.Stage, c.Population, c.Tier, c.TierRuleSet, [.. c.DepartementCodes],
        [.. c.RegionCodes], null, null, null, null, LocalClock.Paris), actor, LocalClock.InParis(TimeProvider.System));

    [Fact]
    public void Admin_reads_all()
    {
        Assert.Equal(All, Readable(Admin));
        Assert.All(All, c => Assert.True(Reads(Admin, c)));
    }

    [Fact]
    public void Officer_scoped_to_region_52_reads_cpts_of_region_52_but_not_53()
    {
        Assert.Equal([PaysDeLaLoire, Redon], Readable(OfficerRegion52));
        Assert.True(Reads(OfficerRegion52, PaysDeLaLoire)); // Regions ",52,"
        Assert.True(Reads(OfficerRegion52, Redon)); // Regions ",52,53,"
        Assert.False(Reads(OfficerRegion52, Bretagne)); // Regions ",53,"
        Assert.False(Reads(OfficerRegion52, Paris));
    }

    [Fact]
    public void Officer_scoped_to_departement_75_reads_paris_only()
    {
        Assert.Equal([Paris], Readable(OfficerDepartement75));
        Assert.True(Reads(OfficerDepartement75, Paris));
        Assert.False(Reads(OfficerDepartement75, PaysDeLaLoire));
    }

    [Fact]
    public void Officer_region_scope_does_not_match_a_code_that_only_contains_it()
    {
        var officer5 = OfficerRegion52 with { ScopeRegion = "5" };
        Assert.Empty(Readable(officer5));
        Assert.False(Reads(officer5, PaysDeLaLoire));
    }

    [Fact]
    public void Officer_without_scope_reads_nothing()
    {
        var unscoped = OfficerRegion52 with { ScopeRegion = null };
        Assert.Empty(Readable(unscoped));
        Assert.All(All, c => Assert.False(Reads(unscoped, c)));
    }

    [Fact]
    public void Coordinator_reads_and_manages_own_cpts_only()
    {
        Assert.Equal([Bretagne], Readable(Coordinator));
        Assert.True(Reads(Coordinator, Bretagne));
        Assert.True(On(Coordinator, Bretagne).Manages);
        Assert.True(On(Coordinator, Bretagne).Shapes);
        Assert.False(Reads(Coordinator, Redon));
        Assert.False(On(Coordinator, Redon).Manages);
        Assert.False(On(Coordinator, Redon).Shapes);
    }

    [Fact]
    public void Member_reads_own_cpts_but_cannot_manage_it()
    {
        Assert.Equal([Bretagne], Readable(Member));
        Assert.True(Reads(Member, Bretagne));
        Assert.False(On(Member, Bretagne).Manages);
        Assert.False(On(Member, Bretagne).Shapes);
        Assert.False(On(Member, Bretagne).Steers);
        Assert.False(Reads(Member, Paris));
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
        Assert.True(On(OfficerRegion52, Redon).Shapes);
        Assert.False(On(OfficerRegion52, Bretagne).Shapes);
        Assert.False(On(OfficerRegion52, Redon).Manages);
    }

    [Fact]
    public void Only_an_officer_in_scope_or_an_admin_can_override()
    {
        Assert.True(On(Admin, Bretagne).Steers);
        Assert.True(On(OfficerRegion52, PaysDeLaLoire).Steers);
        Assert.False(On(OfficerRegion52, Bretagne).Steers);
        Assert.True(On(OfficerDepartement75, Paris).Steers);
        Assert.False(On(Coordinator, Bretagne).Steers);
        Assert.False(On(Member, Bretagne).Steers);
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
