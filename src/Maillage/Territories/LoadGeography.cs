using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Maillage.Territories.Published;
using Maillage.Territories.Storage;

namespace Maillage.Territories;

/// <summary>
/// Copies the reference geography into the database once per vintage: a no-op when that vintage is
/// already there, a bulk copy otherwise (binary COPY on PostgreSQL, one prepared insert in one
/// transaction on SQLite).
/// </summary>
public sealed class LoadGeography(MaillageDbContext db, GeoCatalog geo, TimeProvider clock) : IReferenceData
{
    /// <summary>Returns the number of units written: 0 when the vintage was already loaded.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        if (await db.GeoVintages().AnyAsync(v => v.Vintage == geo.Vintage, ct))
        {
            return 0;
        }

        var rows = geo.Units.Values.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.GeoUnits().ToDictionaryAsync(g => g.Code, ct);
        var fresh = rows.Where(u => !existing.ContainsKey(u.Code)).ToList();
        if (db.IsSqlite)
        {
            await InsertSqliteAsync(fresh, ct);
        }
        else
        {
            await CopyPostgresAsync(fresh, ct);
        }

        // A new vintage renames some units and changes populations: change tracking writes only those rows.
        foreach (var u in rows.Where(u => existing.ContainsKey(u.Code)))
        {
            var row = existing[u.Code];
            (row.Name, row.Population, row.Epci) = (u.Name, u.Population, u.Epci);
            (row.Departement, row.Region, row.Parent) = (u.Departement, u.Region, u.Parent);
        }

        db.GeoVintages().Add(new GeoVintageRow { Vintage = geo.Vintage, Source = geo.Source, Units = rows.Count, LoadedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return rows.Count;
    }

    private async Task InsertSqliteAsync(List<GeoUnit> units, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = """
            INSERT INTO terr_geo_units ("Code","Name","IsArrondissement","Departement","Region","Zone","Epci","Parent","Population")
            VALUES ($code,$name,$arr,$dep,$reg,$zone,$epci,$parent,$pop)
            """;
        var names = new[] { "$code", "$name", "$arr", "$dep", "$reg", "$zone", "$epci", "$parent", "$pop" };
        var parameters = names.Select(n =>
        {
            var p = command.CreateParameter();
            p.ParameterName = n;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync(ct);
        foreach (var u in units)
        {
            var values = Values(u);
            for (var i = 0; i < values.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task CopyPostgresAsync(List<GeoUnit> units, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(
            """COPY terr_geo_units ("Code","Name","IsArrondissement","Departement","Region","Zone","Epci","Parent","Population") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var u in units)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(u.Code, ct);
            await importer.WriteAsync(u.Name, ct);
            await importer.WriteAsync(u.Type == GeoUnitType.Arrondissement, ct);
            await importer.WriteAsync(u.Departement, ct);
            await importer.WriteAsync(u.Region, ct);
            await importer.WriteAsync(ZoneName(u), ct);
            await WriteNullableAsync(importer, u.Epci, ct);
            await WriteNullableAsync(importer, u.Parent, ct);
            await importer.WriteAsync(u.Population, ct);
        }

        await importer.CompleteAsync(ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken ct)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(ct);
        }
        else
        {
            await importer.WriteAsync(value, ct);
        }
    }

    private static string ZoneName(GeoUnit u) => u.Zone.ToString().ToLowerInvariant();

    private static object?[] Values(GeoUnit u) =>
        [u.Code, u.Name, u.Type == GeoUnitType.Arrondissement, u.Departement, u.Region, ZoneName(u), u.Epci, u.Parent, u.Population];
}
