using Maillage.Funding.Contracts;
using Maillage.Lifecycle.Published;
using Maillage.Platform.Identity;
using Maillage.Platform.Tenancy;

namespace Maillage.Tests.Funding;

/// <summary>
/// Who decides for the funders of a contract (issue 11), without a database: Redon's territory spans Ille-et-Vilaine and Morbihan
/// (Bretagne) and Loire-Atlantique (Pays de la Loire); its contract names the ARS Bretagne and the CPAM of Ille-et-Vilaine, whose officers
/// decide, while the officers of Pays de la Loire and Loire-Atlantique read only.
/// </summary>
public sealed class ContractFundersTests
{
    private static readonly CptsInfo Redon = Cpts(["35", "44", "56"], ["52", "53"]);

    private static CptsInfo Cpts(string[] departements, string[] regions) =>
        new(Guid.NewGuid(), "CPTS du Pays de Redon", Stage.AciSigned, 67_666, 2, "avenant2-2021", departements, regions, null, null, null, null, TimeZoneInfo.Utc);

    private static Actor Officer(string? region = null, string? departement = null) => new("u", "agent", Role.Officer, null, region, departement);

    private static AciContract Contract(string? arsRegion, string? cpamDepartement) => new() { ArsRegion = arsRegion, CpamDepartement = cpamDepartement };

    [Fact]
    public void Across_regions_the_ars_and_the_cpam_of_the_contract_decide_and_the_other_officers_of_the_territory_do_not()
    {
        var funders = ContractFunders.Of(Contract("53", "35"), Redon);
        Assert.True(funders.Decide(Officer(region: "53")));
        Assert.True(funders.Decide(Officer(departement: "35")));
        Assert.False(funders.Decide(Officer(region: "52")));
        Assert.False(funders.Decide(Officer(departement: "44")));
        Assert.False(funders.Decide(Officer(departement: "56")));
        Assert.True(funders.Decide(Actor.System));
        Assert.False(funders.Decide(new Actor("c", "coordination", Role.Coordinator, Redon.Id, null, null)));
        Assert.Equal("l'ARS de la région Bretagne et la CPAM du département Ille-et-Vilaine (35)", funders.Describe(Reference.Geo));
    }

    [Fact]
    public void A_contract_recorded_before_its_funders_were_named_leaves_the_decision_to_every_officer_of_the_territory()
    {
        var funders = ContractFunders.Of(Contract(null, null), Redon);
        Assert.True(funders.Decide(Officer(region: "52")));
        Assert.True(funders.Decide(Officer(departement: "44")));
        Assert.False(funders.Decide(Officer(region: "11")));
    }

    [Fact]
    public void The_ars_and_the_cpam_are_required_among_the_territory_s_when_it_has_several_and_default_to_its_only_one()
    {
        var (region, departement, errors) = ContractFunders.Check(null, null, Redon, Reference.Geo);
        Assert.Equal((null, null), (region, departement));
        Assert.Equal(["arsRegion_required", "cpamDepartement_required"], errors.Select(e => e.Code));
        Assert.Equal("Le territoire de la CPTS s'étend sur plusieurs régions (Pays de la Loire (52), Bretagne (53)) : indiquez la région de l'ARS signataire.",
            errors[0].Message);
        Assert.Equal("arsRegion", errors[0].Field);

        (_, _, errors) = ContractFunders.Check("11", "75", Redon, Reference.Geo);
        Assert.Equal(["arsRegion_outside", "cpamDepartement_outside"], errors.Select(e => e.Code));
        Assert.StartsWith("La région de l'ARS signataire doit être une région du territoire de la CPTS : ", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Le département de la CPAM signataire doit être un département du territoire de la CPTS : Ille-et-Vilaine (35), Loire-Atlantique (44)",
            errors[1].Message, StringComparison.Ordinal);

        Assert.Equal(("53", "35", 0), Counted(ContractFunders.Check(" 53 ", "35", Redon, Reference.Geo)));
        Assert.Equal(("52", "49", 0), Counted(ContractFunders.Check(null, null, Cpts(["49"], ["52"]), Reference.Geo)));
    }

    private static (string?, string?, int) Counted((string? Region, string? Departement, List<Maillage.Platform.Errors.Error> Errors) check) =>
        (check.Region, check.Departement, check.Errors.Count);
}
