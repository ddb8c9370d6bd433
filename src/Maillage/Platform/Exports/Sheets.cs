using ClosedXML.Excel;

namespace Maillage.Platform.Exports;

/// <summary>
/// The tables of the exports, written once for every module: in Excel, typed cells (text stays text — even an RPPS —, numbers and dates are
/// numbers and dates), a bold frozen header, never sized to content (slow on large sheets); in CSV, the French way.
/// </summary>
public static class Sheets
{
    /// <summary>Writes the header and the rows; decimals take <paramref name="decimalFormat"/>, each row may be styled after it is written.</summary>
    public static void Fill(IXLWorksheet sheet, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string decimalFormat,
        IReadOnlyList<double>? widths = null, Action<IXLRow, object?[]>? styleRow = null)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c]);
            if (widths is not null && c < widths.Count)
            {
                sheet.Column(c + 1).Width = widths[c];
            }
        }

        var row = 2;
        foreach (var cells in rows)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                var cell = sheet.Cell(row, c + 1);
                switch (cells[c])
                {
                    case string s:
                        cell.SetValue(s);
                        break;
                    case decimal d:
                        cell.SetValue(d);
                        cell.Style.NumberFormat.Format = decimalFormat;
                        break;
                    case int i:
                        cell.SetValue(i);
                        break;
                    case DateOnly day:
                        cell.SetValue(day.ToDateTime(TimeOnly.MinValue));
                        cell.Style.NumberFormat.Format = "dd/mm/yyyy";
                        break;
                }
            }

            styleRow?.Invoke(sheet.Row(row), cells);
            row++;
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>A row as the CSV writes it: decimals with a comma in <paramref name="decimalFormat"/>, dates dd/MM/yyyy.</summary>
    public static IReadOnlyList<string?> CsvCells(object?[] cells, string decimalFormat)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return [.. cells.Select(c => c switch
        {
            null => null,
            decimal d => d.ToString(decimalFormat, French.Culture),
            DateOnly day => French.Date(day),
            _ => Convert.ToString(c, French.Culture),
        })];
    }
}
