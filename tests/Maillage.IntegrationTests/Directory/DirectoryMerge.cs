using Maillage.Directory;
using Maillage.IntegrationTests.Infrastructure;
using Maillage.Platform.Identifiers;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Maillage.IntegrationTests.Directory.DirectoryData;
using Maillage.Directory.Storage;
using Maillage.Directory.Published;

namespace Maillage.IntegrationTests.Directory;

/// <summary>
/// <see cref="MergeDirectory"/> on real databases: professionals merged by RPPS and structures by FINESS / SIRET,
/// updated in place and never duplicated, each bad record refused with a French reason naming where it is,
/// former commune codes resolved, a CPTS's import limited to its territory, and nothing half-written on failure.
/// </summary>
public abstract class DirectoryMerge(MaillageApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task A_batch_creates_its_structures_and_professionals_with_practices_linked_by_finess_siret_or_source_id()
    {
        var communes = App.Communes.Take("22", 3);
        var msp = new StructureRecord(StructureKind.Msp, "MSP des Trois Rivières", NewFiness("22"), null, communes[0], "1 rue du Port", ExternalId: "Organization/msp-1");
        var pharmacy = new StructureRecord(StructureKind.Pharmacie, "Pharmacie du Centre", null, NewSiret(), communes[1]);
        var annuaireOnly = new StructureRecord(StructureKind.CentreSante, "Centre de santé municipal", NewFiness("22"), null, communes[2], ExternalId: "Organization/cds-9");
        var doctor = Doctor(NewRpps(), "ligne 2", communes[0]) with
        {
            Practices = [new PracticeRecord(communes[0], msp.Finess, " 1 rue du Port ", "PractitionerRole/1")],
            MssanteAddress = "claire.martin@medecin.mssante.fr", WorkEmail = "cabinet@example.fr", WorkPhone = "02 96 00 00 00", PublishContacts = true,
        };
        var pharmacist = new ProfessionalRecord(NewRpps(), "Le Gall", "Yann", "21", null, PracticeMode.Salaried,
            [new PracticeRecord(communes[1], pharmacy.Siret)], Origin: "ligne 3");
        var nurse = Nurse(NewRpps(), "ligne 4", new PracticeRecord(communes[2], "Organization/cds-9"), new PracticeRecord(communes[0]));

        var report = await MergeAsync(Batch([msp, pharmacy, annuaireOnly], [doctor, pharmacist, nurse]));

        Assert.Empty(report.Rejected);
        Assert.Equal((6, 0, 0, 0), (report.Created, report.Updated, report.Unchanged, report.OutsideTerritory));
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        var structures = await db.Structures().AsNoTracking().Where(s => s.CommuneCode == communes[0] || s.CommuneCode == communes[1] || s.CommuneCode == communes[2])
            .ToDictionaryAsync(s => s.Name, Ct);
        Assert.Equal(3, structures.Count);
        Assert.Equal((StructureKind.Msp, msp.Finess, "1 rue du Port", 0), (structures[msp.Name].Kind, structures[msp.Name].Finess, structures[msp.Name].Address, structures[msp.Name].Version));
        Assert.Equal(pharmacy.Siret, structures[pharmacy.Name].Siret);

        var saved = await ProfessionalsAsync(doctor.Rpps, pharmacist.Rpps, nurse.Rpps);
        var d = saved[doctor.Rpps];
        Assert.Equal(("Martin", "Claire", "10", "SM54", PracticeMode.Liberal, "annuaire", 0), (d.LastName, d.FirstName, d.ProfessionCode, d.SpecialtyCode, d.PracticeMode, d.Source, d.Version));
        Assert.Equal(("claire.martin@medecin.mssante.fr", "cabinet@example.fr", "02 96 00 00 00", true), (d.MssanteAddress, d.WorkEmail, d.WorkPhone, d.PublishContacts));
        var dp = Assert.Single(d.Practices);
        Assert.Equal((communes[0], structures[msp.Name].Id, "1 rue du Port", "PractitionerRole/1"), (dp.CommuneCode, dp.StructureId, dp.Address, dp.ExternalId));
        Assert.Equal(structures[pharmacy.Name].Id, Assert.Single(saved[pharmacist.Rpps].Practices).StructureId);
        Assert.Equal(PracticeMode.Salaried, saved[pharmacist.Rpps].PracticeMode);
        Assert.Equal(
            [(communes[0], (Guid?)null), (communes[2], (Guid?)structures[annuaireOnly.Name].Id)],
            saved[nurse.Rpps].Practices.Select(p => (p.CommuneCode, p.StructureId)).OrderBy(p => p.CommuneCode, StringComparer.Ordinal));
        Assert.False(saved[nurse.Rpps].PublishContacts);
    }

    [Fact]
    public async Task The_same_batch_merged_twice_creates_nothing_the_second_time_and_reports_every_record_unchanged()
    {
        var communes = App.Communes.Take("22", 2);
        var structures = new[]
        {
            new StructureRecord(StructureKind.Msp, "MSP de l'Arguenon", NewFiness("22"), NewSiret(), communes[0]),
            new StructureRecord(StructureKind.Laboratoire, "Laboratoire Bio Armor", null, NewSiret(), communes[1]),
        };
        var professionals = Enumerable.Range(0, 30).Select(i => Nurse(NewRpps(), $"ligne {i + 2}",
            new PracticeRecord(communes[i % 2], i % 3 == 0 ? structures[i % 2].Key : null, $"{i} place de la Mairie", $"PractitionerRole/{i}"),
            new PracticeRecord(communes[(i + 1) % 2]))).ToList();
        var batch = Batch(structures, professionals);

        var first = await MergeAsync(batch);
        var before = await ProfessionalsAsync([.. professionals.Select(p => p.Rpps)]);
        var second = await MergeAsync(batch);

        Assert.Equal((32, 0, 0), (first.Created, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 32, 0), (second.Created, second.Updated, second.Unchanged, second.OutsideTerritory));
        Assert.Empty(second.Rejected);
        var after = await ProfessionalsAsync([.. professionals.Select(p => p.Rpps)]);
        Assert.Equal(30, after.Count);
        foreach (var (rpps, p) in after)
        {
            Assert.Equal((before[rpps].Id, 0, before[rpps].UpdatedAt), (p.Id, p.Version, p.UpdatedAt));
            Assert.Equal(before[rpps].Practices.Select(x => x.Id).Order(), p.Practices.Select(x => x.Id).Order());
        }

        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        Assert.Equal(2, await db.Structures().CountAsync(s => s.Name == "MSP de l'Arguenon" || s.Name == "Laboratoire Bio Armor", Ct));
    }

    [Fact]
    public async Task A_changed_name_or_practice_is_updated_in_place_with_the_same_id_and_the_next_version()
    {
        var communes = App.Communes.Take("22", 2);
        var msp = new StructureRecord(StructureKind.Msp, "MSP du Trégor", NewFiness("22"), null, communes[0]);
        var renamed = Doctor(NewRpps(), "ligne 2", communes[0]);
        var moved = Doctor(NewRpps(), "ligne 3", communes[0]);
        var still = Doctor(NewRpps(), "ligne 4", communes[0]);
        await MergeAsync(Batch([msp], [renamed, moved, still]));
        var before = await ProfessionalsAsync(renamed.Rpps, moved.Rpps, still.Rpps);
        var structureBefore = await StructureAsync(msp.Finess!);

        var report = await MergeAsync(Batch(
            [msp with { Name = "MSP du Trégor-Goëlo" }],
            [renamed with { LastName = "Martin-Le Roux" }, moved with { Practices = [new PracticeRecord(communes[1], msp.Finess)] }, still]),
            source: "csv");

        Assert.Equal((0, 3, 1), (report.Created, report.Updated, report.Unchanged));
        var after = await ProfessionalsAsync(renamed.Rpps, moved.Rpps, still.Rpps);
        Assert.Equal((before[renamed.Rpps].Id, 1, "Martin-Le Roux", "csv"),
            (after[renamed.Rpps].Id, after[renamed.Rpps].Version, after[renamed.Rpps].LastName, after[renamed.Rpps].Source));
        Assert.Equal((before[moved.Rpps].Id, 1), (after[moved.Rpps].Id, after[moved.Rpps].Version));
        var practice = Assert.Single(after[moved.Rpps].Practices);
        Assert.Equal((communes[1], structureBefore.Id), (practice.CommuneCode, practice.StructureId));
        Assert.Equal((before[still.Rpps].Id, 0, "annuaire"), (after[still.Rpps].Id, after[still.Rpps].Version, after[still.Rpps].Source));
        var structureAfter = await StructureAsync(msp.Finess!);
        Assert.Equal((structureBefore.Id, 1, "MSP du Trégor-Goëlo"), (structureAfter.Id, structureAfter.Version, structureAfter.Name));
    }

    [Fact]
    public async Task A_source_that_says_nothing_of_contacts_or_consent_keeps_what_the_directory_knows()
    {
        var commune = App.Communes.Take("22", 1)[0];
        var doctor = Doctor(NewRpps(), "ligne 2", commune) with { WorkEmail = "cabinet@example.fr", WorkPhone = "02 96 11 22 33", PublishContacts = true };
        await MergeAsync(Batch(professionals: [doctor]));

        var report = await MergeAsync(Batch(professionals: [doctor with { WorkEmail = null, WorkPhone = null, PublishContacts = null }]));

        Assert.Equal(1, report.Unchanged);
        var p = (await ProfessionalsAsync(doctor.Rpps))[doctor.Rpps];
        Assert.Equal(("cabinet@example.fr", "02 96 11 22 33", true, 0), (p.WorkEmail, p.WorkPhone, p.PublishContacts, p.Version));
    }

    /// <summary>The Annuaire does not promise the order of a practitioner's roles: the same places in another order are no change.</summary>
    [Fact]
    public async Task The_same_practices_in_another_order_are_no_change()
    {
        var commune = App.Communes.Take("22", 1)[0];
        var a = new StructureRecord(StructureKind.Msp, "MSP de la Rance", NewFiness("22"), null, commune);
        var b = new StructureRecord(StructureKind.CentreSante, "Centre de santé de la Rance", NewFiness("22"), null, commune);
        var nurses = Enumerable.Range(0, 16)
            .Select(i => Nurse(NewRpps(), $"ligne {i + 2}", new PracticeRecord(commune, a.Finess), new PracticeRecord(commune, b.Finess))).ToList();
        await MergeAsync(Batch([a, b], nurses));

        var report = await MergeAsync(Batch([a, b], nurses.Select(n => n with { Practices = [.. n.Practices.Reverse()] })));

        Assert.Equal((0, 0, 18), (report.Created, report.Updated, report.Unchanged));
        Assert.All((await ProfessionalsAsync([.. nurses.Select(n => n.Rpps)])).Values, p => Assert.Equal(0, p.Version));
    }

    public static TheoryData<string> BadRecords =>
    [
        "rpps-wrong-key", "rpps-not-11-digits", "unknown-profession", "unknown-specialty", "missing-last-name", "missing-first-name",
        "unknown-commune", "no-practice", "structure-wrong-finess-key", "structure-malformed-finess", "structure-wrong-siret-key",
        "structure-without-identifier", "structure-without-name", "structure-unknown-commune",
    ];

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task A_bad_record_is_refused_with_a_french_reason_naming_where_it_is_and_the_valid_records_are_kept(string bad)
    {
        var commune = App.Communes.Take("29", 1)[0];
        var goodStructure = new StructureRecord(StructureKind.Pharmacie, "Pharmacie de l'Aulne", NewFiness("29"), null, commune, Origin: "ligne 2");
        var good = Doctor(NewRpps(), "ligne 3", commune);
        var rpps = NewRpps();
        var finess = NewFiness("29");
        var nurse = Nurse(rpps, "ligne 7", new PracticeRecord(commune));
        var structure = new StructureRecord(StructureKind.Msp, "MSP de l'Aulne", finess, null, commune, Origin: "Organization/msp-aulne");
        BadCase c = bad switch
        {
            "rpps-wrong-key" => new(nurse with { Rpps = WithWrongKey(rpps) }, null, $"ligne 7 : RPPS {WithWrongKey(rpps)}", [WithWrongKey(rpps), "clé de contrôle"]),
            "rpps-not-11-digits" => new(nurse with { Rpps = rpps[..10] }, null, $"ligne 7 : RPPS {rpps[..10]}", [rpps[..10], "11 chiffres"]),
            "unknown-profession" => new(nurse with { ProfessionCode = "99" }, null, $"ligne 7 : RPPS {rpps}", ["« 99 »", "TRE_G15"]),
            "unknown-specialty" => new(nurse with { SpecialtyCode = "SM99" }, null, $"ligne 7 : RPPS {rpps}", ["« SM99 »", "TRE_R38"]),
            "missing-last-name" => new(nurse with { LastName = " " }, null, $"ligne 7 : RPPS {rpps}", ["Nom ou prénom manquant"]),
            "missing-first-name" => new(nurse with { FirstName = "" }, null, $"ligne 7 : RPPS {rpps}", ["Nom ou prénom manquant"]),
            "unknown-commune" => new(nurse with { Practices = [new PracticeRecord(commune), new PracticeRecord("99999")] }, null, $"ligne 7 : RPPS {rpps}",
                ["« 99999 »", "inconnue du COG 2026"]),
            "no-practice" => new(nurse with { Practices = [] }, null, $"ligne 7 : RPPS {rpps}", ["Aucun lieu d'exercice"]),
            "structure-wrong-finess-key" => new(null, structure with { Finess = WithWrongKey(finess) },
                $"Organization/msp-aulne : MSP de l'Aulne ({WithWrongKey(finess)})", [WithWrongKey(finess), "clé de contrôle"]),
            "structure-malformed-finess" => new(null, structure with { Finess = "ABC" }, "Organization/msp-aulne : MSP de l'Aulne (ABC)", ["« ABC »", "9 caractères"]),
            "structure-wrong-siret-key" => new(null, structure with { Finess = null, Siret = WithWrongKey(SiretOf(42)) },
                $"Organization/msp-aulne : MSP de l'Aulne ({WithWrongKey(SiretOf(42))})", ["SIRET", "clé de contrôle"]),
            "structure-without-identifier" => new(null, structure with { Finess = null }, "Organization/msp-aulne : MSP de l'Aulne (sans identifiant)", ["Ni FINESS ni SIRET"]),
            "structure-without-name" => new(null, structure with { Name = "" }, $"Organization/msp-aulne :  ({finess})", ["Nom de la structure manquant"]),
            "structure-unknown-commune" => new(null, structure with { CommuneCode = "35999" }, $"Organization/msp-aulne : MSP de l'Aulne ({finess})",
                ["« 35999 »", "inconnue du COG 2026"]),
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };

        var (p, s, record, reason) = c;
        var report = await MergeAsync(Batch(s is null ? [goodStructure] : [goodStructure, s], p is null ? [good] : [good, p]));

        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(record, rejected.Record);
        foreach (var fragment in reason)
        {
            Assert.Contains(fragment, rejected.Reason, StringComparison.Ordinal);
        }

        Assert.Equal((2, 0, 0), (report.Created, report.Updated, report.Unchanged));
        Assert.Single(await ProfessionalsAsync(good.Rpps, rpps, p?.Rpps ?? rpps));
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        Assert.Equal([goodStructure.Name], await db.Structures().Where(x => x.CommuneCode == commune).Select(x => x.Name).ToListAsync(Ct));
    }

    [Fact]
    public async Task An_rpps_twice_in_a_batch_keeps_the_first_record_and_refuses_the_second_naming_its_line()
    {
        var commune = App.Communes.Take("29", 1)[0];
        var rpps = NewRpps();
        var first = Doctor(rpps, "ligne 2", commune);
        var second = Nurse(rpps, "ligne 5", new PracticeRecord(commune));

        var report = await MergeAsync(Batch(professionals: [first, second]));

        var rejected = Assert.Single(report.Rejected);
        Assert.Equal($"ligne 5 : RPPS {rpps}", rejected.Record);
        Assert.Contains("RPPS en double", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(1, report.Created);
        Assert.Equal("10", (await ProfessionalsAsync(rpps))[rpps].ProfessionCode);
    }

    [Fact]
    public async Task What_the_source_could_not_read_is_reported_with_the_refused_records()
    {
        var commune = App.Communes.Take("29", 1)[0];
        var unreadable = new RejectedRecord("ligne 9", "Encodage illisible : le fichier doit être en UTF-8.");

        var report = await MergeAsync(Batch(professionals: [Doctor(NewRpps(), "ligne 2", commune)], unreadable: [unreadable]));

        Assert.Equal([unreadable], report.Rejected);
        Assert.Equal(1, report.Created);
    }

    /// <summary>
    /// A structure whose SIRET is already held by another structure (another FINESS) cannot be stored: it must be
    /// refused with its reason, not break the unique index and the whole import.
    /// </summary>
    [Fact]
    public async Task A_structure_whose_siret_belongs_to_another_structure_is_refused_and_the_rest_is_kept()
    {
        var commune = App.Communes.Take("29", 1)[0];
        var siret = NewSiret();
        await MergeAsync(Batch([new StructureRecord(StructureKind.Msp, "MSP de l'Odet", NewFiness("29"), siret, commune)]));
        var good = Doctor(NewRpps(), "ligne 2", commune);
        var clash = new StructureRecord(StructureKind.CentreSante, "Centre de santé de l'Odet", NewFiness("29"), siret, commune, Origin: "ligne 3");

        var report = await MergeAsync(Batch([clash], [good]));

        var rejected = Assert.Single(report.Rejected);
        Assert.StartsWith("ligne 3 : ", rejected.Record, StringComparison.Ordinal);
        Assert.Contains(siret, rejected.Reason, StringComparison.Ordinal);
        Assert.Single(await ProfessionalsAsync(good.Rpps));
    }

    /// <summary>Values longer than their column (a shifted CSV column, say) are refused per record on every engine, not a crash of the import.</summary>
    [Fact]
    public async Task A_value_longer_than_the_directory_keeps_is_refused_and_the_rest_is_kept()
    {
        var commune = App.Communes.Take("29", 1)[0];
        var good = Doctor(NewRpps(), "ligne 2", commune);
        var overlong = Doctor(NewRpps(), "ligne 3", commune) with { LastName = new string('A', 101) };

        var report = await MergeAsync(Batch(professionals: [good, overlong]));

        var rejected = Assert.Single(report.Rejected);
        Assert.Equal($"ligne 3 : RPPS {overlong.Rpps}", rejected.Record);
        Assert.Single(await ProfessionalsAsync(good.Rpps, overlong.Rpps));
    }

    [Fact]
    public async Task A_former_commune_code_is_stored_as_its_current_commune()
    {
        var (former, current) = FormerCommune(App.Geo, "50");
        var structure = new StructureRecord(StructureKind.Pharmacie, "Pharmacie du Bocage", NewFiness("50"), null, former);
        var doctor = Doctor(NewRpps(), "ligne 2", former);

        var report = await MergeAsync(Batch([structure], [doctor]));

        Assert.Empty(report.Rejected);
        Assert.Equal(current, Assert.Single((await ProfessionalsAsync(doctor.Rpps))[doctor.Rpps].Practices).CommuneCode);
        Assert.Equal(current, (await StructureAsync(structure.Finess!)).CommuneCode);
    }

    [Fact]
    public async Task With_a_cpts_only_what_lies_in_its_territory_is_merged_and_the_rest_is_counted_outside()
    {
        var (former, current) = FormerCommune(App.Geo, "61");
        var inside = App.Communes.Take("14", 2);
        var elsewhere = App.Communes.Take("76", 1)[0];
        var admin = await App.AdminAsync();
        var cpts = await admin.CreateCptsAsync(Http.Unique("CPTS du Pays d'Auge"), [.. inside, current]);
        var inStructure = new StructureRecord(StructureKind.Msp, "MSP de Lisieux-Est", NewFiness("14"), null, inside[0]);
        var outStructure = new StructureRecord(StructureKind.Msp, "MSP de Caux", NewFiness("76"), null, elsewhere);
        var local = Doctor(NewRpps(), "ligne 2", inside[1]);
        var viaFormerCode = Doctor(NewRpps(), "ligne 3", former);
        var straddling = Nurse(NewRpps(), "ligne 4", new PracticeRecord(elsewhere), new PracticeRecord(inside[0], inStructure.Finess));
        var outsider = Doctor(NewRpps(), "ligne 5", elsewhere);
        var outsiderBadKey = Doctor(WithWrongKey(NewRpps()), "ligne 6", elsewhere);

        var report = await MergeAsync(Batch([inStructure, outStructure], [local, viaFormerCode, straddling, outsider, outsiderBadKey]), cptsId: cpts.Id());

        Assert.Equal((4, 0, 0, 2), (report.Created, report.Updated, report.Unchanged, report.OutsideTerritory));
        Assert.Equal("ligne 6 : RPPS " + outsiderBadKey.Rpps, Assert.Single(report.Rejected).Record);
        var saved = await ProfessionalsAsync(local.Rpps, viaFormerCode.Rpps, straddling.Rpps, outsider.Rpps);
        Assert.Equal(new[] { local.Rpps, straddling.Rpps, viaFormerCode.Rpps }.Order(StringComparer.Ordinal), saved.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(current, Assert.Single(saved[viaFormerCode.Rpps].Practices).CommuneCode);
        Assert.Equal(2, saved[straddling.Rpps].Practices.Count);
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        Assert.False(await db.Structures().AnyAsync(s => s.Finess == outStructure.Finess, Ct));
        Assert.True(await db.Structures().AnyAsync(s => s.Finess == inStructure.Finess, Ct));
    }

    [Fact]
    public async Task A_cancelled_import_writes_nothing_even_after_several_batches()
    {
        var commune = App.Communes.Take("56", 1)[0];
        var structures = Enumerable.Range(0, 10).Select(i => new StructureRecord(StructureKind.Pharmacie, $"Pharmacie {i}", NewFiness("56"), null, commune)).ToList();
        var professionals = Enumerable.Range(0, (MergeDirectory.BatchSize * 2) + 10)
            .Select(i => Nurse(NewRpps(), $"ligne {i + 2}", new PracticeRecord(commune, structures[i % 10].Finess))).ToList();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var reported = new List<int>();
        var progress = new Synchronous(done =>
        {
            reported.Add(done);
            if (done > MergeDirectory.BatchSize)
            {
                cancel.Cancel();   // after the structures and the first professionals were saved
            }
        });

        await using (var scope = App.Factory.Services.CreateAsyncScope())
        {
            var merge = scope.ServiceProvider.GetRequiredService<MergeDirectory>();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                merge.RunAsync(Batch(structures, professionals), "annuaire", progress: progress, ct: cancel.Token));
        }

        Assert.Equal([10, 10 + MergeDirectory.BatchSize], reported);
        Assert.Empty(await ProfessionalsAsync([.. professionals.Select(p => p.Rpps)]));
        await using var check = App.Factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<MaillageDbContext>();
        Assert.False(await db.Structures().AnyAsync(s => s.CommuneCode == commune, Ct));
        Assert.False(await db.Practices().AnyAsync(p => p.CommuneCode == commune, Ct));
    }

    [Fact]
    public async Task A_database_failure_in_the_last_batch_rolls_back_the_batches_before_it()
    {
        var commune = App.Communes.Take("56", 1)[0];
        var structure = new StructureRecord(StructureKind.Msp, "MSP du Blavet", NewFiness("56"), null, commune);
        var professionals = Enumerable.Range(0, MergeDirectory.BatchSize + 5)
            .Select(i => Nurse(NewRpps(), $"ligne {i + 2}", new PracticeRecord(commune, structure.Finess))).ToList();
        var poisoned = professionals[^1].Rpps;
        await ExecuteAsync(App.Database.Kind == DatabaseKind.Sqlite
            ? [$"CREATE TRIGGER poison_{poisoned} BEFORE INSERT ON directory_professionals WHEN NEW.\"Rpps\" = '{poisoned}' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END"]
            : [
                $"CREATE FUNCTION poison_{poisoned}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.\"Rpps\" = '{poisoned}' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$",
                $"CREATE TRIGGER poison_{poisoned} BEFORE INSERT ON directory_professionals FOR EACH ROW EXECUTE FUNCTION poison_{poisoned}()",
            ]);
        try
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => MergeAsync(Batch([structure], professionals)));
        }
        finally
        {
            await ExecuteAsync(App.Database.Kind == DatabaseKind.Sqlite
                ? [$"DROP TRIGGER poison_{poisoned}"]
                : [$"DROP TRIGGER poison_{poisoned} ON directory_professionals", $"DROP FUNCTION poison_{poisoned}()"]);
        }

        Assert.Empty(await ProfessionalsAsync([.. professionals.Select(p => p.Rpps)]));
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        Assert.False(await db.Structures().AnyAsync(s => s.Finess == structure.Finess, Ct));

        var retry = await MergeAsync(Batch([structure], professionals));
        Assert.Equal((MergeDirectory.BatchSize + 6, 0), (retry.Created, retry.Rejected.Count));
    }

    private async Task<DirectoryMergeReport> MergeAsync(DirectoryBatch batch, string source = "annuaire", Guid? cptsId = null)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MergeDirectory>().RunAsync(batch, source, cptsId, ct: Ct);
    }

    private async Task<Dictionary<string, Professional>> ProfessionalsAsync(params string[] rpps)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        return await db.Professionals().AsNoTracking().Include(p => p.Practices).Where(p => rpps.Contains(p.Rpps)).ToDictionaryAsync(p => p.Rpps, Ct);
    }

    private async Task<Structure> StructureAsync(string finess)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        return await db.Structures().AsNoTracking().SingleAsync(s => s.Finess == finess, Ct);
    }

    private async Task ExecuteAsync(IEnumerable<string> statements)
    {
        await using var scope = App.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        foreach (var sql in statements)
        {
            await db.Database.ExecuteSqlRawAsync(sql, Ct);   // test-only DDL built from a generated RPPS
        }
    }

    private sealed record BadCase(ProfessionalRecord? Professional, StructureRecord? Structure, string Record, string[] Reason);

    /// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>), so the test sees each report in order.</summary>
    private sealed class Synchronous(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}

public sealed class DirectoryMerge_on_sqlite(SqliteApp app) : DirectoryMerge(app), IClassFixture<SqliteApp>;

public sealed class DirectoryMerge_on_postgres(PostgresApp app) : DirectoryMerge(app), IClassFixture<PostgresApp>;

/// <summary>The identifiers the directory tests make are valid by the platform's own checks.</summary>
public sealed class DirectoryDataChecks
{
    [Fact]
    public void The_counter_makes_the_known_valid_rpps_and_valid_finess_and_siret()
    {
        Assert.Equal("10000001916", RppsOf(191));
        Assert.Null(Identifiers.CheckRpps("10002909371"));
        Assert.Equal('1', LuhnKey("1000290937"));
        foreach (var n in new long[] { 0, 1, 7, 123_456_789, 999_999_999 })
        {
            Assert.Null(Identifiers.CheckRpps(RppsOf(n)));
            Assert.NotNull(Identifiers.CheckRpps(WithWrongKey(RppsOf(n))));
            Assert.Null(Identifiers.CheckSiret(SiretOf(n)));
            foreach (var dep in new[] { "01", "35", "2A", "2B", "97" })
            {
                Assert.Null(Identifiers.CheckFiness(FinessOf(dep, n)));
            }
        }
    }
}
