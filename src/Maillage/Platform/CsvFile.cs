using System.Data;
using Sylvan.Data.Csv;

namespace Maillage.Platform;

/// <summary>Writes tables as CSV with Sylvan (« ; » by default, the separator French spreadsheets expect).</summary>
public static class CsvFile
{
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, char delimiter = ';', CancellationToken ct = default)
    {
        using var table = new DataTable { Locale = French.Culture };
        foreach (var h in header)
        {
            table.Columns.Add(h, typeof(string));
        }

        foreach (var row in rows)
        {
            table.Rows.Add([.. row.Cast<object?>().Select(v => v ?? DBNull.Value)]);
        }

        // The CSV writer closes what it writes to: give it a buffer, not the caller's writer.
        using var buffer = new StringWriter(French.Culture);
        await using (var csv = CsvDataWriter.Create(buffer, new CsvDataWriterOptions { Delimiter = delimiter }))
        {
            using var reader = table.CreateDataReader();
            await csv.WriteAsync(reader, ct);
        }

        await writer.WriteAsync(buffer.ToString().AsMemory(), ct);
        await writer.FlushAsync(ct);
    }
}
