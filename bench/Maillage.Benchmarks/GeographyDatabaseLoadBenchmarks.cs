using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Maillage.Platform.Persistence;
using Maillage.Territories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Maillage.Territories.Published;
using Maillage.Territories.Storage;

namespace Maillage.Benchmarks;

/// <summary>
/// Copying the geography (35,014 communes and arrondissements) into a database, as the first start-up
/// does. Baseline: the raw bulk primitive of the engine on the same rows, without EF Core (one prepared
/// INSERT in one transaction on SQLite, binary COPY on PostgreSQL), the floor <see cref="LoadGeography"/>
/// can reach. Every "fresh" iteration gets a new, migrated database, prepared outside the measurement.
/// PostgreSQL runs only when <c>MAILLAGE_TEST_POSTGRES</c> is set.
/// </summary>
[Config(typeof(ColdConfig))]
public class GeographyDatabaseLoadBenchmarks
{
    private const string InsertSql = """
        INSERT INTO terr_geo_units ("Code","Name","IsArrondissement","Departement","Region","Zone","Epci","Parent","Population")
        VALUES ($code,$name,$arr,$dep,$reg,$zone,$epci,$parent,$pop)
        """;

    private const string CopySql =
        """COPY terr_geo_units ("Code","Name","IsArrondissement","Departement","Region","Zone","Epci","Parent","Population") FROM STDIN (FORMAT BINARY)""";

    private static readonly string[] ParameterNames = ["$code", "$name", "$arr", "$dep", "$reg", "$zone", "$epci", "$parent", "$pop"];

    private GeoUnitRow[] rows = [];
    private BenchDatabase? database;

    [ParamsSource(nameof(Engines))]
    public Engine Engine { get; set; }

    public static IEnumerable<Engine> Engines => BenchDatabase.Engines;

    [GlobalSetup]
    public void Setup() => rows = [.. Reference.Geo.Units.Values.OrderBy(u => u.Code, StringComparer.Ordinal).Select(ToRow)];

    [IterationSetup(Targets = [nameof(RawBulkInsert), nameof(LoadFresh), nameof(EfCoreAddRange)])]
    public void FreshMigratedDatabase() => database = BenchDatabase.CreateMigratedAsync(Engine).GetAwaiter().GetResult();

    [IterationSetup(Target = nameof(MigrateOnly))]
    public void FreshEmptyDatabase() => database = BenchDatabase.CreateEmptyAsync(Engine).GetAwaiter().GetResult();

    [IterationCleanup(Targets = [nameof(RawBulkInsert), nameof(LoadFresh), nameof(EfCoreAddRange), nameof(MigrateOnly)])]
    public void DropDatabase()
    {
        database?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        database = null;
    }

    [GlobalSetup(Targets = [nameof(LoadAgainSameVintage), nameof(LoadNewVintageOverExisting)])]
    public void LoadedDatabase()
    {
        Setup();
        database = BenchDatabase.CreateLoadedAsync(Engine).GetAwaiter().GetResult();
    }

    [GlobalCleanup(Targets = [nameof(LoadAgainSameVintage), nameof(LoadNewVintageOverExisting)])]
    public void DropLoadedDatabase() => DropDatabase();

    /// <summary>Makes the loaded database look like it holds an older vintage: every unit already exists.</summary>
    [IterationSetup(Target = nameof(LoadNewVintageOverExisting))]
    public void ForgetVintage()
    {
        using var scope = database!.Scope();
        scope.ServiceProvider.GetRequiredService<MaillageDbContext>().GeoVintages().ExecuteDelete();
    }

    [Benchmark(Baseline = true, Description = "Raw bulk insert, no EF (floor)")]
    public async Task<int> RawBulkInsert()
    {
        await using var scope = database!.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        if (Engine == Engine.Sqlite)
        {
            await InsertPreparedAsync(connection, tx.GetDbTransaction());
        }
        else
        {
            await CopyAsync((NpgsqlConnection)connection);
        }

        await tx.CommitAsync();
        return rows.Length;
    }

    [Benchmark(Description = "LoadGeography.RunAsync, fresh database")]
    public async Task<int> LoadFresh()
    {
        await using var scope = database!.Scope();
        return await scope.ServiceProvider.GetRequiredService<LoadGeography>().RunAsync();
    }

    [Benchmark(Description = "LoadGeography.RunAsync, vintage already loaded (no-op)")]
    public async Task<int> LoadAgainSameVintage()
    {
        await using var scope = database!.Scope();
        return await scope.ServiceProvider.GetRequiredService<LoadGeography>().RunAsync();
    }

    [Benchmark(Description = "LoadGeography.RunAsync, new vintage over 35,014 existing units")]
    public async Task<int> LoadNewVintageOverExisting()
    {
        await using var scope = database!.Scope();
        return await scope.ServiceProvider.GetRequiredService<LoadGeography>().RunAsync();
    }

    [Benchmark(Description = "Naive EF Core AddRange + SaveChanges (for comparison)")]
    public async Task<int> EfCoreAddRange()
    {
        await using var scope = database!.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        db.GeoUnits().AddRange(rows.Select(Copy));
        return await db.SaveChangesAsync();
    }

    [Benchmark(Description = "Database.MigrateAsync alone, empty database (schema)")]
    public async Task MigrateOnly()
    {
        await using var scope = database!.Scope();
        await scope.ServiceProvider.GetRequiredService<MaillageDbContext>().Database.MigrateAsync();
    }

    private async Task InsertPreparedAsync(DbConnection connection, DbTransaction transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        var parameters = ParameterNames.Select(n =>
        {
            var p = command.CreateParameter();
            p.ParameterName = n;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync();
        foreach (var r in rows)
        {
            parameters[0].Value = r.Code;
            parameters[1].Value = r.Name;
            parameters[2].Value = r.IsArrondissement;
            parameters[3].Value = r.Departement;
            parameters[4].Value = r.Region;
            parameters[5].Value = r.Zone;
            parameters[6].Value = (object?)r.Epci ?? DBNull.Value;
            parameters[7].Value = (object?)r.Parent ?? DBNull.Value;
            parameters[8].Value = r.Population;
            await command.ExecuteNonQueryAsync();
        }
    }

    private async Task CopyAsync(NpgsqlConnection connection)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopySql);
        foreach (var r in rows)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(r.Code);
            await importer.WriteAsync(r.Name);
            await importer.WriteAsync(r.IsArrondissement);
            await importer.WriteAsync(r.Departement);
            await importer.WriteAsync(r.Region);
            await importer.WriteAsync(r.Zone);
            await WriteNullableAsync(importer, r.Epci);
            await WriteNullableAsync(importer, r.Parent);
            await importer.WriteAsync(r.Population);
        }

        await importer.CompleteAsync();
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value);

    private static GeoUnitRow ToRow(GeoUnit u) => new()
    {
        Code = u.Code,
        Name = u.Name,
        IsArrondissement = u.Type == GeoUnitType.Arrondissement,
        Departement = u.Departement,
        Region = u.Region,
        Zone = u.Zone.ToString().ToLowerInvariant(),
        Epci = u.Epci,
        Parent = u.Parent,
        Population = u.Population,
    };

    private static GeoUnitRow Copy(GeoUnitRow r) => new()
    {
        Code = r.Code, Name = r.Name, IsArrondissement = r.IsArrondissement, Departement = r.Departement, Region = r.Region,
        Zone = r.Zone, Epci = r.Epci, Parent = r.Parent, Population = r.Population,
    };
}
