using Maillage.Territories.Published;

namespace Maillage.Tests.Territories;

/// <summary>domain-rules §1: INSEE COG 2026 with legal populations (@etalab/decoupage-administratif 6.0.0).</summary>
public sealed class GeoCatalogTests
{
    private static GeoCatalog Geo => Reference.Geo;

    [Fact]
    public void Catalog_is_the_cog_2026()
    {
        Assert.Equal("COG 2026", Geo.Vintage);
        Assert.Equal("@etalab/decoupage-administratif@6.0.0", Geo.Source);
    }

    [Fact]
    public void There_are_34969_current_communes() =>
        Assert.Equal(34_969, Geo.All.Count(u => u.Type == GeoUnitType.Commune));

    [Fact]
    public void There_are_45_arrondissements_municipaux() =>
        Assert.Equal(45, Geo.All.Count(u => u.Type == GeoUnitType.Arrondissement)); // Paris 20, Marseille 16, Lyon 9

    [Fact]
    public void Units_are_the_current_communes_and_the_arrondissements() =>
        Assert.Equal(34_969 + 45, Geo.Units.Count);

    [Fact]
    public void Population_of_metro_and_drom_communes_is_68350798()
    {
        // Coverage is computed over metro + DROM (domain-rules §1), not the collectivités d'outre-mer.
        var population = Geo.All.Where(u => u.Type == GeoUnitType.Commune && u.Zone != GeoZone.Com).Sum(u => (long)u.Population);
        Assert.Equal(68_350_798, population);
    }

    [Fact]
    public void Paris_75056_has_20_arrondissements()
    {
        var arrondissements = Geo.ArrondissementsOf("75056");
        Assert.Equal(20, arrondissements.Count);
        Assert.Contains(arrondissements, a => a.Code == "75114");
        Assert.All(arrondissements, a => Assert.Equal("75056", a.Parent));
    }

    [Fact]
    public void Lyon_has_9_and_Marseille_16_arrondissements()
    {
        Assert.Equal(9, Geo.ArrondissementsOf("69123").Count);
        Assert.Equal(16, Geo.ArrondissementsOf("13055").Count);
    }

    [Fact]
    public void An_ordinary_commune_has_no_arrondissements() => Assert.Empty(Geo.ArrondissementsOf("35236"));

    [Fact]
    public void Delegated_and_associated_commune_codes_are_not_units()
    {
        var former = Geo.All.Where(u => u.Type is GeoUnitType.Delegated or GeoUnitType.Associated).ToList();
        Assert.NotEmpty(former);
        foreach (var u in former)
        {
            // A commune déléguée may share its code with its commune nouvelle: then the unit is the current commune.
            if (Geo.Units.TryGetValue(u.Code, out var unit))
            {
                Assert.Equal(GeoUnitType.Commune, unit.Type);
            }
        }

        Assert.Null(Geo.Find("01039")); // Béon, commune déléguée of Culoz-Béon (01138)
        Assert.Equal("Culoz-Béon", Geo.Find("01138")!.Name);
    }

    [Fact]
    public void Communes_of_collectivites_d_outre_mer_are_not_territory_units()
    {
        var miquelon = Geo.Find("97501")!;
        Assert.Equal(GeoZone.Com, miquelon.Zone);
        Assert.False(miquelon.IsTerritoryUnit);
        Assert.True(Geo.Find("35236")!.IsTerritoryUnit);
        Assert.True(Geo.Find("75114")!.IsTerritoryUnit);
    }

    [Fact]
    public void Redon_is_35236_in_ille_et_vilaine_bretagne()
    {
        var redon = Geo.Find("35236")!;
        Assert.Equal("Redon", redon.Name);
        Assert.Equal("35", redon.Departement);
        Assert.Equal("53", redon.Region);
        Assert.Equal("243500741", redon.Epci);
    }

    [Fact]
    public void Corsica_codes_use_2A_and_2B() => Assert.Equal("Ajaccio", Geo.Find("2A004")!.Name);

    [Fact]
    public void Search_st_etienne_finds_Saint_Etienne_first() =>
        Assert.Equal("42218", Geo.Search("st etienne")[0].Unit.Code);

    [Fact]
    public void Search_is_case_and_accent_insensitive() =>
        Assert.Equal("42218", Geo.Search("SAINT-ÉTIENNE")[0].Unit.Code);

    [Fact]
    public void Search_paris_14_finds_the_14th_arrondissement() =>
        Assert.Equal("75114", Geo.Search("paris 14")[0].Unit.Code);

    [Fact]
    public void Search_by_postal_code_75014_finds_the_14th_arrondissement()
    {
        // A postal code is not an INSEE code (domain-rules §6): 75014 is served by arrondissement 75114.
        var hits = Geo.Search("75014");
        Assert.Contains(hits, h => h.Unit.Code == "75114");
        Assert.DoesNotContain(hits, h => h.Unit.Code == "75014");
    }

    [Fact]
    public void Search_by_insee_code_35236_finds_Redon()
    {
        var hit = Assert.Single(Geo.Search("35236"));
        Assert.Equal("Redon", hit.Unit.Name);
        Assert.Null(hit.Via);
    }

    [Fact]
    public void Search_by_lowercase_corsican_code_finds_Ajaccio() =>
        Assert.Equal("2A004", Geo.Search("2a004")[0].Unit.Code);

    [Fact]
    public void Search_by_a_commune_deleguee_name_leads_to_its_commune_nouvelle()
    {
        // Bellegarde-sur-Valserine is a commune déléguée of Valserhône (01033) since 2019.
        var hit = Geo.Search("Bellegarde-sur-Valserine")[0];
        Assert.Equal("01033", hit.Unit.Code);
        Assert.Equal("Valserhône", hit.Unit.Name);
        Assert.Equal("Bellegarde-sur-Valserine", hit.Via);
    }

    [Fact]
    public void Search_never_returns_a_former_commune_nor_a_collectivite_d_outre_mer()
    {
        Assert.All(Geo.Search("saint", limit: 500), h => Assert.True(h.Unit.IsTerritoryUnit));
        Assert.DoesNotContain(Geo.Search("Miquelon"), h => h.Unit.Code == "97501");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("--")]
    public void Empty_query_finds_nothing(string? query) => Assert.Empty(Geo.Search(query));

    [Fact]
    public void Search_respects_its_limit() => Assert.Equal(5, Geo.Search("saint", limit: 5).Count);

    [Theory]
    [InlineData("Saint-Étienne-du-Rouvray", "st etienne du rouvray")]
    [InlineData("Sainte-Foy-lès-Lyon", "ste foy les lyon")]
    [InlineData("L'Abergement-Clémenciat", "l abergement clemenciat")]
    [InlineData("  REDON  ", "redon")]
    public void Normalize_folds_accents_case_hyphens_and_saint(string name, string key) =>
        Assert.Equal(key, GeoCatalog.Normalize(name));

    [Fact]
    public void Search_epci_Redon_finds_Redon_Agglomeration()
    {
        var epci = Geo.SearchEpci("Redon")[0];
        Assert.Equal("243500741", epci.Code);
        Assert.Equal("CA Redon Agglomération", epci.Name);
    }

    [Fact]
    public void Search_epci_by_siren_finds_it() => Assert.Equal("243500741", Assert.Single(Geo.SearchEpci("243500741")).Code);

    [Fact]
    public void Search_epci_with_empty_query_finds_nothing() => Assert.Empty(Geo.SearchEpci(" "));

    [Fact]
    public void Epci_members_are_current_communes_of_that_epci()
    {
        var members = Geo.Epcis["243500741"].Members;
        Assert.Contains("35236", members);
        Assert.All(members, code => Assert.Equal("243500741", Geo.Find(code)!.Epci));
    }
}
