using System.Net;
using System.Text;
using Maillage.IntegrationTests.Infrastructure;

namespace Maillage.IntegrationTests.Cli;

/// <summary>
/// <c>maillage</c> on a real database, next to a running host on that same database: exit codes (0 success, 1 domain
/// error, 2 bad usage), one JSON document on stdout with <c>--json</c>, all-or-nothing imports.
/// </summary>
public abstract class CommandLine(MaillageApp app) : IntegrationTest(app)
{
    private static readonly string Header = "nom;rna;siret;email;telephone;communes;date_en_projet;date_lettre_intention;date_projet_sante;date_aci;date_dissolution";

    [Fact]
    public async Task Db_migrate_prepares_a_fresh_database_then_finds_nothing_left_to_do()
    {
        await using var fresh = await TestDatabase.CreateAsync(App.Kind, Ct);

        var first = await MaillageCommand.RunAsync(fresh.Setting, "db", "migrate", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(first.Json.GetProperty("migrated").GetBoolean());
        Assert.True(first.Json.GetProperty("geographyUnitsLoaded").GetInt32() > 34_000);

        var second = await MaillageCommand.RunAsync(fresh.Setting, "db", "migrate", "--json");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(0, second.Json.GetProperty("geographyUnitsLoaded").GetInt32());
    }

    [Fact]
    public async Task A_bad_line_refuses_the_whole_file_with_its_line_number_and_imports_nothing()
    {
        var admin = await App.AdminAsync();
        var (file, names) = WriteImportFile(badLineCode: "99999");

        var run = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "import", file, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var report = run.Json;
        Assert.False(report.GetProperty("committed").GetBoolean());
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        var rejected = Assert.Single(report.GetProperty("rejected").EnumerateArray());
        Assert.Equal(3, rejected.GetProperty("line").GetInt32());   // the header is line 1
        Assert.Contains("99999", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("ligne 3", run.Stderr, StringComparison.Ordinal);
        var listed = (await admin.GetJsonAsync("/api/cpts")).Names();
        Assert.DoesNotContain(listed, names.Contains);
    }

    [Fact]
    public async Task A_commune_claimed_twice_in_one_file_refuses_the_file_on_the_second_line()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("59", 2);
        var names = new[] { Http.Unique("CPTS Flandre"), Http.Unique("CPTS Houtland") };
        var file = WriteFile($"{Header}\n{names[0]};;;;;{codes[0]} {codes[1]};;;;;\n{names[1]};;;;;{codes[1]};;;;;\n");

        var run = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "import", file, "--json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(3, Assert.Single(run.Json.GetProperty("rejected").EnumerateArray()).GetProperty("line").GetInt32());
        Assert.DoesNotContain((await admin.GetJsonAsync("/api/cpts")).Names(), names.Contains);
    }

    [Fact]
    public async Task Skip_invalid_imports_the_valid_lines_with_their_stage_dates()
    {
        var admin = await App.AdminAsync();
        var (file, names) = WriteImportFile(badLineCode: "ABC");

        var run = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "import", file, "--skip-invalid", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Json.GetProperty("committed").GetBoolean());
        Assert.Equal(2, run.Json.GetProperty("created").GetInt32());
        Assert.Equal(3, Assert.Single(run.Json.GetProperty("rejected").EnumerateArray()).GetProperty("line").GetInt32());
        var list = await admin.GetJsonAsync("/api/cpts");
        Assert.Contains(names[0], list.Names());
        Assert.DoesNotContain(names[1], list.Names());
        Assert.Contains(names[2], list.Names());
        var first = list.EnumerateArray().Single(c => c.GetProperty("name").GetString() == names[0]);
        var detail = await admin.GetJsonAsync($"/api/cpts/{first.Id()}");
        Assert.Equal("letter-validated", detail.GetProperty("stage").GetString());
        Assert.Equal(["2023-02-01", "2023-06-15"], detail.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("date").GetString()));
    }

    [Fact]
    public async Task A_line_whose_stages_cannot_be_recorded_is_skipped_and_frees_its_communes()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("59", 2);
        var names = new[] { Http.Unique("CPTS Avesnois"), Http.Unique("CPTS Sambre") };
        // Line 2 jumps from the letter to the ACI without a validated health project.
        var file = WriteFile($"{Header}\n{names[0]};;;;;{codes[0]};01/02/2023;15/06/2023;;01/09/2024;\n{names[1]};;;;;{codes[1]};;;;;\n");

        var run = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "import", file, "--skip-invalid", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(1, run.Json.GetProperty("created").GetInt32());
        Assert.Equal(2, Assert.Single(run.Json.GetProperty("rejected").EnumerateArray()).GetProperty("line").GetInt32());
        var listed = (await admin.GetJsonAsync("/api/cpts")).Names();
        Assert.DoesNotContain(names[0], listed);
        Assert.Contains(names[1], listed);
        await admin.CreateCptsAsync(Http.Unique("CPTS Avesnois bis"), [codes[0]]);
    }

    [Fact]
    public async Task A_repeated_rna_is_reported_on_its_line()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("59", 2);
        var names = new[] { Http.Unique("CPTS Hainaut"), Http.Unique("CPTS Cambrésis") };
        var file = WriteFile($"{Header}\n{names[0]};W593000001;;;;{codes[0]};;;;;\n{names[1]};W593000001;;;;{codes[1]};;;;;\n");

        var refused = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "import", file, "--json");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Equal(3, Assert.Single(refused.Json.GetProperty("rejected").EnumerateArray()).GetProperty("line").GetInt32());

        var skipped = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "import", file, "--skip-invalid", "--json");
        Assert.True(skipped.ExitCode == 0, skipped.ToString());
        Assert.Equal(1, skipped.Json.GetProperty("created").GetInt32());
        Assert.Contains(names[0], (await admin.GetJsonAsync("/api/cpts")).Names());
    }

    [Fact]
    public async Task Export_then_import_into_a_fresh_database_gives_back_the_same_file()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("62", 3);
        var created = await admin.CreateCptsAsync(Http.Unique("CPTS Opale"), codes.Take(2));
        await (await admin.PutJsonAsync($"/api/cpts/{created.Id()}",
            new { name = created.GetProperty("name").GetString(), rna = "W623000123", siret = "73282932000074", finess = "620999011", contactEmail = "contact@cpts-opale.example",
                contactPhone = "03 21 00 00 00", version = created.GetProperty("version").GetInt32() })).ExpectAsync(HttpStatusCode.OK);
        await admin.RecordStageAsync(created.Id(), "letter-validated");
        await admin.CreateCptsAsync(Http.Unique("CPTS Ternois"), codes.Skip(2));
        var exported = Path.Combine(App.Database.Folder, $"export-{Guid.NewGuid():N}.csv");

        var export = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "export", exported, "--json");
        Assert.True(export.ExitCode == 0, export.ToString());
        var count = export.Json.GetProperty("exported").GetInt32();
        Assert.True(count >= 2);

        await using var fresh = await TestDatabase.CreateAsync(App.Kind, Ct);
        var import = await MaillageCommand.RunAsync(fresh.Setting, "cpts", "import", exported, "--json");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(count, import.Json.GetProperty("created").GetInt32());

        var again = Path.Combine(App.Database.Folder, $"export-{Guid.NewGuid():N}.csv");
        var reexport = await MaillageCommand.RunAsync(fresh.Setting, "cpts", "export", again, "--json");
        Assert.True(reexport.ExitCode == 0, reexport.ToString());
        var original = await File.ReadAllTextAsync(exported, Ct);
        Assert.Equal(original, await File.ReadAllTextAsync(again, Ct));
        Assert.Contains($"{created.GetProperty("name").GetString()};W623000123;73282932000074;620999011;contact@cpts-opale.example;03 21 00 00 00;{codes[0]} {codes[1]};",
            original, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_then_import_keeps_a_dissolved_cpts_whose_communes_were_taken_over_and_a_shared_commune()
    {
        var admin = await App.AdminAsync();
        var codes = App.Communes.Take("14", 3);
        // Named so that the CPTS that took the communes over is exported (and imported) before the dissolved one.
        var dissolved = await admin.CreateCptsAsync(Http.Unique("CPTS Zone dissoute"), codes.Take(1));
        await admin.RecordStageAsync(dissolved.Id(), "dissolved");
        await admin.CreateCptsAsync(Http.Unique("CPTS Aval repreneuse"), codes.Take(2));
        var reason = "Commune partagée, décision ARS du 3 avril";
        await (await admin.PostJsonAsync("/api/cpts", new { name = Http.Unique("CPTS Bessin partagé"), territory = codes.Skip(1), overrideReason = reason }))
            .ExpectAsync(HttpStatusCode.Created);
        var exported = Path.Combine(App.Database.Folder, $"export-{Guid.NewGuid():N}.csv");
        var export = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "export", exported, "--json");
        Assert.True(export.ExitCode == 0, export.ToString());

        await using var fresh = await TestDatabase.CreateAsync(App.Kind, Ct);
        var import = await MaillageCommand.RunAsync(fresh.Setting, "cpts", "import", exported, "--json");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(export.Json.GetProperty("exported").GetInt32(), import.Json.GetProperty("created").GetInt32());

        var again = Path.Combine(App.Database.Folder, $"export-{Guid.NewGuid():N}.csv");
        Assert.Equal(0, (await MaillageCommand.RunAsync(fresh.Setting, "cpts", "export", again, "--json")).ExitCode);
        var original = await File.ReadAllTextAsync(exported, Ct);
        Assert.Equal(original, await File.ReadAllTextAsync(again, Ct));
        Assert.Contains($";{reason};", original, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_and_a_token_made_by_the_command_line_open_the_api_of_the_host()
    {
        var email = $"cli.{Guid.NewGuid().ToString("N")[..8]}@tests.maillage.example";
        var add = await MaillageCommand.RunAsync(App.Database.Setting, "users", "add-admin", "--email", email, "--password", "Cli-Passw0rd-" + Guid.NewGuid().ToString("N")[..6], "--json");
        Assert.True(add.ExitCode == 0, add.ToString());
        Assert.Equal("admin", add.Json.GetProperty("role").GetString());

        var token = await MaillageCommand.RunAsync(App.Database.Setting, "tokens", "create", "--email", email, "--name", "intégration", "--json");
        Assert.True(token.ExitCode == 0, token.ToString());
        var secret = token.Json.GetProperty("token").GetString()!;
        Assert.StartsWith("mlg_", secret, StringComparison.Ordinal);

        using var client = App.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        await client.CreateCptsAsync(Http.Unique("CPTS par jeton"), App.Communes.Take("80", 1));
        await client.GetJsonAsync("/api/cpts");
    }

    [Fact]
    public async Task Domain_errors_exit_with_1_and_a_message_on_stderr()
    {
        var duplicate = await MaillageCommand.RunAsync(App.Database.Setting, "tokens", "create", "--email", "personne@nulle-part.example", "--name", "x");
        Assert.True(duplicate.ExitCode == 1, duplicate.ToString());
        Assert.Contains("personne@nulle-part.example", duplicate.Stderr, StringComparison.Ordinal);

        var missing = await MaillageCommand.RunAsync(App.Database.Setting, "cpts", "import", Path.Combine(App.Database.Folder, "absent.csv"));
        Assert.True(missing.ExitCode == 1, missing.ToString());
        Assert.NotEmpty(missing.Stderr);
    }

    private (string File, string[] Names) WriteImportFile(string badLineCode)
    {
        var codes = App.Communes.Take("59", 3);
        var names = new[] { Http.Unique("CPTS Lys"), Http.Unique("CPTS invalide"), Http.Unique("CPTS Pévèle") };
        var text = Header + "\n"
            + $"{names[0]};;;;;{codes[0]} {codes[1]};01/02/2023;15/06/2023;;;\n"
            + $"{names[1]};;;;;{badLineCode};;;;;\n"
            + $"{names[2]};;;;;{codes[2]};;;;;\n";
        return (WriteFile(text), names);
    }

    private string WriteFile(string text)
    {
        var path = Path.Combine(App.Database.Folder, $"import-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}

public sealed class CommandLine_on_sqlite(SqliteApp app) : CommandLine(app), IClassFixture<SqliteApp>;

public sealed class CommandLine_on_postgres(PostgresApp app) : CommandLine(app), IClassFixture<PostgresApp>;
