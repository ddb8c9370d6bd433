using System.Data.Common;
using Maillage.Directory;
using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Maillage.Benchmarks;

/// <summary>
/// The floor of a directory import: the same structures, professionals and practices rows written with the engine's
/// raw bulk primitive, without EF Core and without any check or lookup (one prepared INSERT per table in one
/// transaction on SQLite, binary COPY on PostgreSQL). Only valid on an empty directory.
/// </summary>
public static class DirectoryBulkInsert
{
    private static readonly string[] StructureColumns = ["Id", "Kind", "Name", "Finess", "Siret", "CommuneCode", "Address", "Phone", "Email", "ExternalId", "UpdatedAt", "Version"];

    private static readonly string[] ProfessionalColumns =
        ["Id", "Rpps", "LastName", "FirstName", "ProfessionCode", "SpecialtyCode", "PracticeMode", "MssanteAddress", "WorkEmail", "WorkPhone", "PublishContacts", "Source", "UpdatedAt", "Version"];

    private static readonly string[] PracticeColumns = ["Id", "ProfessionalId", "CommuneCode", "StructureId", "Address", "ExternalId"];

    /// <summary>Writes the batch and returns the number of rows written (structures + professionals + practices).</summary>
    public static async Task<int> RunAsync(BenchDatabase database, DirectoryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(batch);
        var now = DateTimeOffset.UtcNow;
        var structureIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var structures = batch.Structures.Select(s =>
        {
            var id = Guid.NewGuid();
            structureIds[s.Key!] = id;
            return new object?[] { id, s.Kind.ToString(), s.Name, s.Finess, s.Siret, s.CommuneCode, s.Address, s.Phone, s.Email, s.ExternalId, now, 0 };
        }).ToList();
        var professionals = new List<object?[]>(batch.Professionals.Count);
        var practices = new List<object?[]>(batch.Professionals.Count * 5 / 4);
        foreach (var p in batch.Professionals)
        {
            var id = Guid.NewGuid();
            professionals.Add([id, p.Rpps, p.LastName, p.FirstName, p.ProfessionCode, p.SpecialtyCode, p.PracticeMode.ToString(), p.MssanteAddress, p.WorkEmail,
                p.WorkPhone, p.PublishContacts ?? false, "annuaire", now, 0]);
            foreach (var x in p.Practices)
            {
                practices.Add([Guid.NewGuid(), id, x.CommuneCode, x.StructureKey is { } k && structureIds.TryGetValue(k, out var sid) ? sid : null, x.Address, x.ExternalId]);
            }
        }

        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<MaillageDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        if (db.IsSqlite)
        {
            var transaction = tx.GetDbTransaction();
            await InsertAsync(connection, transaction, "directory_structures", StructureColumns, structures);
            await InsertAsync(connection, transaction, "directory_professionals", ProfessionalColumns, professionals);
            await InsertAsync(connection, transaction, "directory_practices", PracticeColumns, practices);
        }
        else
        {
            var npgsql = (NpgsqlConnection)connection;
            await CopyAsync(npgsql, "directory_structures", StructureColumns, structures);
            await CopyAsync(npgsql, "directory_professionals", ProfessionalColumns, professionals);
            await CopyAsync(npgsql, "directory_practices", PracticeColumns, practices);
        }

        await tx.CommitAsync();
        return structures.Count + professionals.Count + practices.Count;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string[] columns, List<object?[]> rows)
    {
        var (command, parameters) = await BulkRows.PrepareInsertAsync(connection, transaction, table, string.Join(',', columns.Select(c => $"\"{c}\"")), columns.Length);
        await using var _ = command;
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                // As EF Core stores them on SQLite: GUIDs as upper-case text, instants as DateTimeOffsetToBinaryConverter's long.
                parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    DateTimeOffset t => ((t.UtcTicks / 1000) << 11) | ((long)t.Offset.TotalMinutes & 0x7FF),
                    var v => v,
                };
            }

            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string[] columns, List<object?[]> rows)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(',', columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var value in row)
            {
                await (value switch
                {
                    null => importer.WriteNullAsync(),
                    Guid g => importer.WriteAsync(g, NpgsqlDbType.Uuid),
                    string s => importer.WriteAsync(s, NpgsqlDbType.Varchar),
                    bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean),
                    int i => importer.WriteAsync(i, NpgsqlDbType.Integer),
                    DateTimeOffset t => importer.WriteAsync(t, NpgsqlDbType.TimestampTz),
                    _ => throw new InvalidOperationException($"No COPY mapping for {value.GetType()}."),
                });
            }
        }

        await importer.CompleteAsync();
    }
}
