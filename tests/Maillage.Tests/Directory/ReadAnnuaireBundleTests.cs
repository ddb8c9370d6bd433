using System.Text;
using Maillage.Directory;
using Maillage.Directory.Annuaire;
using Maillage.Directory.Published;

namespace Maillage.Tests.Directory;

/// <summary>
/// Issue 3, directory: Annuaire Santé FHIR R4 Bundles (ANS IG-fhir-annuaire) read into directory records. The Bundles
/// in Bundles/ are built from the guide's example instances (pp16/pp19 DP and DR, example-organization-*) and the FHIR
/// base spec; the merge checks keys, codes and communes (its tests are elsewhere), the reader keeps what the source says.
/// </summary>
public sealed class ReadAnnuaireBundleTests
{
    private static readonly ReadAnnuaireBundle Reader = new(Reference.Geo);

    private static DirectoryBatch Read(string file)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Directory", "Bundles", file));
        return Reader.Read(stream);
    }

    private static DirectoryBatch ReadText(string json) => Reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Practitioner_with_one_role_at_an_msp()
    {
        var batch = Read("msp-one-role.json");

        Assert.Empty(batch.Unreadable);
        var msp = Assert.Single(batch.Structures);
        Assert.Equal(
            new StructureRecord(StructureKind.Msp, "MSP DES BORDS DE LOIRE", "580001238", null, "58059", "10 PL DES PECHEURS, 58400 LA CHARITE SUR LOIRE",
                "0386700000", null, "org-msp", "Organization/org-msp"),
            msp);

        var p = Assert.Single(batch.Professionals);
        Assert.Equal("10000001916", p.Rpps);
        Assert.Equal("MARTIN", p.LastName);
        Assert.Equal("Claire", p.FirstName);
        Assert.Equal("10", p.ProfessionCode);
        Assert.Equal("SM54", p.SpecialtyCode);
        Assert.Equal(PracticeMode.Liberal, p.PracticeMode);
        Assert.Equal("claire.martin@medecin.mssante.fr", p.MssanteAddress);
        Assert.Null(p.WorkEmail); // the Practitioner's other e-mail is a correspondence address, not a work contact
        Assert.Equal("0386700001", p.WorkPhone);
        Assert.Null(p.PublishContacts);
        Assert.Equal("Practitioner/pr-msp", p.Origin);
        Assert.Equal([new PracticeRecord("58059", "580001238", "10 PL DES PECHEURS, 58400 LA CHARITE SUR LOIRE", "prr-msp")], p.Practices);
    }

    [Fact]
    public void Practitioner_with_a_liberal_and_a_salaried_role_is_mixed_with_two_practices()
    {
        var batch = Read("two-roles-mixed.json");

        Assert.Empty(batch.Unreadable);
        var p = Assert.Single(batch.Professionals);
        Assert.Equal(("10002909371", "Saucier", "Arthur", "10", (string?)null), (p.Rpps, p.LastName, p.FirstName, p.ProfessionCode, p.SpecialtyCode));
        Assert.Equal(PracticeMode.Mixed, p.PracticeMode);
        Assert.Equal("jeromebonnet@pro.mssante.fr", p.MssanteAddress);
        Assert.Equal("secretariat@cabinet-saint-antoine.example", p.WorkEmail);
        Assert.Equal("0386610000", p.WorkPhone);
        Assert.Equal(
            [
                // Cabinet with neither FINESS nor SIRET: the practice points at it by the Annuaire's id; NEVERS + 58000 → Nevers.
                new PracticeRecord("58194", "548812", "58000 NEVERS", "1738459"),
                // Paris 14e from the address's INSEE extension; FINESS kept as given (the merge checks its key).
                new PracticeRecord("75114", "754567860", "96 R DIDOT, 75014 PARIS", "1578230"),
            ],
            p.Practices);

        var cabinet = batch.Structures.Single(s => s.ExternalId == "548812");
        Assert.Equal((StructureKind.Autre, "CABINET SAINT ANTOINE", (string?)null, (string?)null, "548812"), (cabinet.Kind, cabinet.Name, cabinet.Finess, cabinet.Siret, cabinet.Key));
        var hospital = batch.Structures.Single(s => s.ExternalId == "158480");
        Assert.Equal(
            new StructureRecord(StructureKind.Hopital, "CH EURE-SEINE", "754567860", null, "75114", "96 R DIDOT, 75014 PARIS", "0450636363", null, "158480", "Organization/158480"),
            hospital);
    }

    [Fact]
    public void Older_exports_http_rpps_fr_profession_and_specialty_in_the_role_and_urn_uuid_references()
    {
        var batch = Read("older-api.json");

        Assert.Empty(batch.Unreadable);
        var p = Assert.Single(batch.Professionals);
        Assert.Equal(("10001234565", "LE GALL", "Yann Marie", "10", "SM26", PracticeMode.Salaried), (p.Rpps, p.LastName, p.FirstName, p.ProfessionCode, p.SpecialtyCode, p.PracticeMode));
        Assert.Equal([new PracticeRecord("35236", "44306184100047", "3 RUE DES DOUVES, 35600 REDON", "ancien-role-1")], p.Practices);
        var cabinet = Assert.Single(batch.Structures);
        Assert.Equal((StructureKind.Autre, (string?)null, "44306184100047", "35236"), (cabinet.Kind, cabinet.Finess, cabinet.Siret, cabinet.CommuneCode)); // IDNST "3" + SIRET
    }

    [Fact]
    public void Idnps_alone_gives_the_rpps_after_its_leading_8_and_official_name_comes_first()
    {
        var batch = Read("idnps-only.json");

        Assert.Empty(batch.Unreadable);
        var p = Assert.Single(batch.Professionals);
        Assert.Equal(("10007654329", "DURAND", "Sophie", "50", PracticeMode.Volunteer), (p.Rpps, p.LastName, p.FirstName, p.ProfessionCode, p.PracticeMode));
        Assert.Equal([new PracticeRecord("35236", "350004560", "1 PLACE DE LA REPUBLIQUE, 35600 Redon", "idnps-role-1")], p.Practices);
        var pmi = Assert.Single(batch.Structures);
        Assert.Equal((StructureKind.Pmi, "35236"), (pmi.Kind, pmi.CommuneCode)); // the "old" address in Nantes is skipped
    }

    [Fact]
    public void Organizations_of_the_guide_and_one_identified_by_siret()
    {
        var batch = Read("ig-organizations.json");

        Assert.Empty(batch.Unreadable);
        Assert.Empty(batch.Professionals);
        Assert.Equal(
            [
                // Its INSEE extension says 18000, the postal code: no commune has that code, so postal code and city decide (Bourges).
                new StructureRecord(StructureKind.Autre, "Hôpital fictif", "458174839", null, "18033", "R DE LA LIBERTE, 18000 BOURGES", "0248391028",
                    "direction@hopital-fictif.fr", "example-organization-fictive", "Organization/example-organization-fictive"),
                // A CEDEX postal code, and the INSEE code of Vandœuvre-lès-Nancy; the MSSanté box is not the structure's e-mail.
                new StructureRecord(StructureKind.Autre, "CHRU NANCY - HOPITAUX DE BRABOIS", "540002698", null, "54547", "R DU MORVAN, 54511 VANDOEUVRE LES NANCY CEDEX",
                    "0383153030", "direction.generale@chu-nancy.fr", "example-organization-nancy", "Organization/example-organization-nancy"),
                // Secteur SA33: an officine. No address in the example: the merge will say so.
                new StructureRecord(StructureKind.Pharmacie, "PHARMACIE NOLOT", "580008803", null, "sans adresse", null, null, null, "481677", "Organization/481677"),
                new StructureRecord(StructureKind.Clinique, "CLINIQUE CONVERT", null, "77220148900022", "01053", "62 AVENUE DE JASSERON, 01000 BOURG EN BRESSE", null, null,
                    "clinique-siret", "Organization/clinique-siret"),
            ],
            batch.Structures);
    }

    [Fact]
    public void Bad_rpps_key_is_kept_as_given_for_the_merge_to_refuse()
    {
        // The guide's own example RPPS (pp19 DP) has a wrong Luhn key.
        var p = Assert.Single(Read("bad-rpps-key.json").Professionals);
        Assert.Equal("10003461033", p.Rpps);
        Assert.Equal("invalid_rpps_key", Maillage.Platform.Identifiers.Identifiers.CheckRpps(p.Rpps)?.Code);
        Assert.Equal("Practitioner/334081DP : RPPS 10003461033", p.Label);
        Assert.Empty(p.Practices);
    }

    [Fact]
    public void Unknown_profession_and_missing_name_are_kept_raw_missing_profession_and_adeli_are_refused()
    {
        var batch = Read("unknown-profession-missing-name.json");

        var unknown = batch.Professionals.Single(p => p.Origin == "Practitioner/inconnue-1");
        Assert.Equal("99", unknown.ProfessionCode);
        Assert.DoesNotContain("99", Nomenclatures.LoadEmbedded().Professions.Keys);

        var nameless = batch.Professionals.Single(p => p.Origin == "Practitioner/sans-nom-1");
        Assert.Equal(("10002909371", "", "", "60"), (nameless.Rpps, nameless.LastName, nameless.FirstName, nameless.ProfessionCode));

        Assert.Equal(2, batch.Professionals.Count);
        Assert.Equal(
            [
                new RejectedRecord("Practitioner/sans-profession-1 : RPPS 10001234565",
                    "Aucune profession : pas de code TRE_G15 ProfessionSante dans Practitioner.qualification ni dans PractitionerRole.code."),
                new RejectedRecord("Practitioner/adeli-1",
                    "Aucun RPPS : ni identifiant « https://rpps.esante.gouv.fr » (ou « http://rpps.fr ») ni IDNPS « 8 » + RPPS."),
            ],
            batch.Unreadable);
    }

    [Fact]
    public void Broken_references_refuse_the_role_naming_the_reference()
    {
        var batch = Read("broken-references.json");

        Assert.Equal(
            [
                new RejectedRecord("PractitionerRole/role-org-absente", "La structure référencée « Organization/absente » est absente du Bundle."),
                new RejectedRecord("PractitionerRole/role-pro-absent", "Le professionnel référencé « Practitioner/absent » est absent du Bundle."),
                new RejectedRecord("PractitionerRole/role-sans-pro", "La situation d'exercice ne désigne aucun professionnel (« practitioner » absent)."),
                new RejectedRecord("PractitionerRole/role-mauvais-type", "La référence « Practitioner/orphelin-1 » ne désigne pas une Organization."),
            ],
            batch.Unreadable);
        // The professional is still read, without a place: the merge refuses it ("Aucun lieu d'exercice").
        var p = Assert.Single(batch.Professionals);
        Assert.Equal(("10007654329", "70"), (p.Rpps, p.ProfessionCode));
        Assert.Empty(p.Practices);
    }

    [Fact]
    public void Resources_of_other_types_or_unreadable_are_refused_one_by_one_search_outcomes_ignored()
    {
        var batch = Read("unsupported-types.json");

        Assert.Equal(
            [
                new RejectedRecord("HealthcareService/hs-1", "Type de ressource « HealthcareService » non pris en charge : l'import lit Practitioner, PractitionerRole, Organization (et Location)."),
                new RejectedRecord("Patient/pat-1", "Type de ressource « Patient » non pris en charge : l'import lit Practitioner, PractitionerRole, Organization (et Location)."),
                new RejectedRecord("Bundle.entry[4]", "Entrée sans ressource."),
                new RejectedRecord("Bundle.entry[5] (type inconnu)", "Ressource sans « resourceType » : elle ne peut pas être lue."),
                // Names the elements, never their values (which could be a person's name).
                new RejectedRecord("Organization/mal-typee", "Ressource FHIR non conforme, illisible : Organization.name[3] (PVAL127), Organization.active (PVAL123)."),
            ],
            batch.Unreadable);
        Assert.Empty(batch.Structures);
        Assert.Empty(batch.Professionals);
    }

    [Fact]
    public void A_document_that_is_not_a_bundle_is_one_rejection()
    {
        var batch = Read("not-a-bundle.json");
        Assert.Empty(batch.Structures);
        Assert.Empty(batch.Professionals);
        Assert.Equal(
            new RejectedRecord("Fichier", "Le document est une ressource FHIR « Practitioner », pas un Bundle : un Bundle de Practitioner, PractitionerRole et Organization est attendu."),
            Assert.Single(batch.Unreadable));
    }

    [Theory]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"entry\": []}")]
    [InlineData("\"Bundle\"")]
    public void Json_that_is_not_a_fhir_resource_is_one_rejection(string json)
    {
        var rejected = Assert.Single(ReadText(json).Unreadable);
        Assert.Equal("Fichier", rejected.Record);
        Assert.StartsWith("Le document JSON n'est pas une ressource FHIR", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_one_rejection_naming_the_line()
    {
        var batch = Read("invalid.json");
        Assert.Empty(batch.Professionals);
        Assert.Equal(
            new RejectedRecord("Fichier", "Le fichier n'est pas du JSON valide (ligne 6) : un Bundle FHIR au format JSON, encodé en UTF-8, est attendu."),
            Assert.Single(batch.Unreadable));
    }

    [Fact]
    public void Resource_in_another_encoding_is_refused_and_the_others_kept()
    {
        // "Hôpital" in Latin-1 (0xF4): not UTF-8; the pharmacy has no accent and is read.
        var latin1 = Encoding.Latin1.GetBytes("""
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Organization","id":"h","name":"Hôpital","identifier":[{"system":"https://finess.esante.gouv.fr","value":"540002698"}]}},
              {"resource":{"resourceType":"Organization","id":"p","name":"PHARMACIE NOLOT","identifier":[{"system":"https://finess.esante.gouv.fr","value":"580008803"}]}}
            ]}
            """);
        var batch = Reader.Read(new MemoryStream(latin1));
        Assert.Equal("580008803", Assert.Single(batch.Structures).Finess);
        var rejected = Assert.Single(batch.Unreadable);
        Assert.Equal(
            new RejectedRecord("Organization/h", "Ressource mal encodée : son texte n'est pas de l'UTF-8 (fichier enregistré en Latin-1 ou Windows-1252 ?)."),
            rejected);
    }

    [Fact]
    public void Utf16_text_is_one_rejection()
    {
        var batch = Reader.Read(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"resourceType\":\"Bundle\"}")).ToArray()));
        Assert.Equal("Fichier", Assert.Single(batch.Unreadable).Record);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_read()
    {
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Directory", "Bundles", "msp-one-role.json"));
        var batch = Reader.Read(new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. json]));
        Assert.Empty(batch.Unreadable);
        Assert.Single(batch.Professionals);
    }

    [Fact]
    public void Bundle_with_no_entry_reads_nothing_and_refuses_nothing()
    {
        var batch = Read("empty-searchset.json");
        Assert.Empty(batch.Structures);
        Assert.Empty(batch.Professionals);
        Assert.Empty(batch.Unreadable);
    }

    [Fact]
    public void Bundle_whose_entry_is_not_a_list_is_one_rejection() =>
        Assert.Equal(
            new RejectedRecord("Fichier", "Le Bundle est mal formé : « entry » n'est pas une liste."),
            Assert.Single(ReadText("{\"resourceType\":\"Bundle\",\"entry\":{}}").Unreadable));

    [Fact]
    public void Inactive_resources_are_refused_and_inactive_roles_skipped()
    {
        var batch = ReadText("""
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Practitioner","id":"p1","active":false,
                "identifier":[{"system":"https://rpps.esante.gouv.fr","value":"10000001916"}],
                "qualification":[{"code":{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante","code":"10"}]}}]}},
              {"resource":{"resourceType":"Practitioner","id":"p2",
                "identifier":[{"system":"https://rpps.esante.gouv.fr","value":"10002909371"}],
                "qualification":[{"code":{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante","code":"21"}]}}]}},
              {"resource":{"resourceType":"PractitionerRole","id":"r2","active":false,"practitioner":{"reference":"Practitioner/p2"},
                "organization":{"reference":"Organization/o1"}}},
              {"resource":{"resourceType":"Organization","id":"o1","active":false,"name":"PHARMACIE FERMEE",
                "identifier":[{"system":"https://finess.esante.gouv.fr","value":"580008803"}]}}
            ]}
            """);

        Assert.Equal(
            [
                new RejectedRecord("Organization/o1 : PHARMACIE FERMEE (580008803)", "Structure fermée ou supprimée dans l'Annuaire Santé (active = false)."),
                new RejectedRecord("Practitioner/p1 : RPPS 10000001916", "Professionnel inactif ou supprimé dans l'Annuaire Santé (active = false)."),
            ],
            batch.Unreadable);
        var p = Assert.Single(batch.Professionals);
        Assert.Equal("10002909371", p.Rpps);
        Assert.Empty(p.Practices);
    }

    [Fact]
    public void Role_location_gives_the_place_before_the_organization_address()
    {
        var batch = ReadText("""
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Practitioner","id":"p1",
                "identifier":[{"system":"https://rpps.esante.gouv.fr","value":"10000001916"}],
                "qualification":[{"code":{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante","code":"60"}]}}]}},
              {"resource":{"resourceType":"PractitionerRole","id":"r1","practitioner":{"reference":"Practitioner/p1"},
                "organization":{"reference":"Organization/o1"},"location":[{"reference":"Location/l1"}]}},
              {"resource":{"resourceType":"Organization","id":"o1","name":"CENTRE DE SANTE",
                "identifier":[{"system":"https://finess.esante.gouv.fr","value":"580008803"}],
                "type":[{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite","code":"SA05"}]}],
                "address":[{"postalCode":"58000","city":"NEVERS"}]}},
              {"resource":{"resourceType":"Location","id":"l1","address":{"line":["2 RUE DE L'EGLISE"],"postalCode":"58400","city":"LA CHARITE-SUR-LOIRE"}}}
            ]}
            """);

        Assert.Empty(batch.Unreadable);
        Assert.Equal(StructureKind.CentreSante, Assert.Single(batch.Structures).Kind);
        Assert.Equal([new PracticeRecord("58059", "580008803", "2 RUE DE L'EGLISE, 58400 LA CHARITE-SUR-LOIRE", "r1")], Assert.Single(batch.Professionals).Practices);
    }

    [Fact]
    public void A_role_with_a_value_of_the_wrong_type_is_refused_naming_the_element_and_the_professional_kept()
    {
        var batch = ReadText("""
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Practitioner","id":"p1",
                "identifier":[{"system":"https://rpps.esante.gouv.fr","value":"10000001916"}],
                "qualification":[{"code":{"coding":[{"system":"https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante","code":"91"}]}}]}},
              {"resource":{"resourceType":"PractitionerRole","id":"r1","active":"peut-être","practitioner":{"reference":"Practitioner/p1"}}}
            ]}
            """);

        Assert.Equal(new RejectedRecord("PractitionerRole/r1", "Ressource FHIR non conforme, illisible : PractitionerRole.active (PVAL123)."), Assert.Single(batch.Unreadable));
        Assert.Equal("91", Assert.Single(batch.Professionals).ProfessionCode);
    }

    [Theory]
    [InlineData("58000", "NEVERS", "58194")] // one name among the communes of the postal code
    [InlineData("35600", "SAINTE MARIE", "35294")] // "Sainte" folded like GeoCatalog.Search
    [InlineData("75014", "PARIS", "75114")] // the arrondissement rather than the city
    [InlineData("54511", "VANDOEUVRE LES NANCY CEDEX", "54547")] // CEDEX: by name within the département
    [InlineData("20000", "AJACCIO", "2A004")] // Corsica: postal codes start with 20, communes with 2A/2B
    [InlineData("99999", "NULLE PART", "99999 NULLE PART")] // unresolvable: kept for the merge to name it
    [InlineData("", "", "sans adresse")]
    public void Commune_from_postal_code_and_city(string postal, string city, string expected)
    {
        var batch = ReadText($$$"""
            {"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Organization","id":"o","name":"X",
              "identifier":[{"system":"https://finess.esante.gouv.fr","value":"580008803"}],
              "address":[{"postalCode":"{{{postal}}}","city":"{{{city}}}"}]}}]}
            """);
        Assert.Equal(expected, Assert.Single(batch.Structures).CommuneCode);
    }

    [Fact]
    public void A_postal_code_alone_is_never_taken_for_a_commune_code()
    {
        // 01400 is the postal code of Châtillon-sur-Chalaronne and others, and also the INSEE code of a commune.
        var batch = ReadText("""
            {"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Organization","id":"o","name":"X",
              "address":[{"postalCode":"01400","city":"VILLE INCONNUE"}]}}]}
            """);
        Assert.Equal("01400 VILLE INCONNUE", Assert.Single(batch.Structures).CommuneCode);
    }
}
