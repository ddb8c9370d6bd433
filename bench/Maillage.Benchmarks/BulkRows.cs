using Maillage.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Maillage.Benchmarks;

/// <summary>
/// Rows of one mapped entity written with the engine's raw bulk primitive, as <see cref="DirectoryBulkInsert"/> does (one prepared INSERT
/// reused for every row on SQLite, binary COPY on PostgreSQL), but with the table, the columns and the value conversions read from the EF Core
/// model, so that a seed stays right when an entity gains a column. Only for entities whose properties are all scalar columns of their own
/// table (no owned types); no check, no generated value: every key is set by the caller.
/// </summary>
public static class BulkRows
{
    /// <summary>Writes <paramref name="rows"/> (streamed) in the current transaction of <paramref name="db"/>; returns how many.</summary>
    public static async Task<long> InsertAsync<T>(MaillageDbContext db, IEnumerable<T> rows)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => new Column(p.GetColumnName(store)!, p, p.GetTypeMapping().Converter)).ToArray();
        var names = string.Join(',', columns.Select(c => $"\"{c.Name}\""));
        var connection = db.Database.GetDbConnection();
        var count = 0L;
        if (db.IsSqlite)
        {
            var (command, parameters) = await PrepareInsertAsync(connection, db.Database.CurrentTransaction?.GetDbTransaction(), table, names, columns.Length);
            await using var _ = command;
            foreach (var row in rows)
            {
                for (var i = 0; i < columns.Length; i++)
                {
                    // As EF Core stores them on SQLite: GUIDs as upper-case text; the rest through the model's converters (instants as longs).
                    parameters[i].Value = columns[i].Value(row) switch
                    {
                        null => DBNull.Value,
                        Guid g => g.ToString().ToUpperInvariant(),
                        var v => v,
                    };
                }

                await command.ExecuteNonQueryAsync();
                count++;
            }

            return count;
        }

        var npgsql = (NpgsqlConnection)connection;
        await using var importer = await npgsql.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)");
        // Millions of rows: the server may take longer than the default command timeout (30 s) to finish the COPY.
        importer.Timeout = TimeSpan.FromMinutes(20);
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var column in columns)
            {
                await (column.Value(row) switch
                {
                    null => importer.WriteNullAsync(),
                    Guid g => importer.WriteAsync(g, NpgsqlDbType.Uuid),
                    string s => importer.WriteAsync(s, NpgsqlDbType.Text),
                    bool b => importer.WriteAsync(b, NpgsqlDbType.Boolean),
                    int i => importer.WriteAsync(i, NpgsqlDbType.Integer),
                    long l => importer.WriteAsync(l, NpgsqlDbType.Bigint),
                    decimal d => importer.WriteAsync(d, NpgsqlDbType.Numeric),
                    DateOnly d => importer.WriteAsync(d, NpgsqlDbType.Date),
                    TimeOnly t => importer.WriteAsync(t, NpgsqlDbType.Time),
                    DateTimeOffset t => importer.WriteAsync(t.ToUniversalTime(), NpgsqlDbType.TimestampTz),
                    var v => throw new InvalidOperationException($"No COPY mapping for {v.GetType()} ({table}.{column.Name})."),
                });
            }

            count++;
        }

        await importer.CompleteAsync();
        return count;
    }

    private sealed class Column(string name, IProperty property, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
    {
        // A compiled getter: millions of rows go through it.
        private readonly Func<object, object?> get = Getter(property);

        public string Name { get; } = name;

        public object? Value(object row)
        {
            var value = get(row);
            return value is null || converter is null ? value : converter.ConvertToProvider(value);
        }

        private static Func<object, object?> Getter(IProperty property)
        {
            var row = System.Linq.Expressions.Expression.Parameter(typeof(object), "row");
            var typed = System.Linq.Expressions.Expression.Convert(row, property.DeclaringType.ClrType);
            var member = property.PropertyInfo is { } info
                ? System.Linq.Expressions.Expression.Property(typed, info)
                : System.Linq.Expressions.Expression.Field(typed, property.FieldInfo ?? throw new InvalidOperationException($"{property.Name} is a shadow property."));
            return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(System.Linq.Expressions.Expression.Convert(member, typeof(object)), row).Compile();
        }
    }

    /// <summary>A prepared SQLite <c>INSERT INTO table (names) VALUES ($p0, …)</c> and its parameters, in column order.</summary>
    public static async Task<(System.Data.Common.DbCommand Command, System.Data.Common.DbParameter[] Parameters)> PrepareInsertAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string table, string names, int count)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({names}) VALUES ({string.Join(',', Enumerable.Range(0, count).Select(i => "$p" + i))})";
        var parameters = Enumerable.Range(0, count).Select(i =>
        {
            var p = command.CreateParameter();
            p.ParameterName = "$p" + i;
            command.Parameters.Add(p);
            return p;
        }).ToArray();
        await command.PrepareAsync();
        return (command, parameters);
    }
}
