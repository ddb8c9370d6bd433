using ClosedXML.Excel;
using Maillage.Platform;

namespace Maillage.Membership;

/// <summary>
/// Writes the membership rates (by profession, then by kind of structure) and the monthly history as CSV (« ; », UTF-8, two tables
/// separated by an empty line) or Excel (two sheets). Aggregates only, no names.
/// </summary>
public static class MembershipExport
{
    public static IReadOnlyList<string> RateColumns { get; } =
        ["Groupe", "Code", "Libellé", "Territoire", "Adhérents", "Adhérents actifs", "Taux d'adhésion (%)", "Taux d'adhérents actifs (%)"];

    public static IReadOnlyList<string> HistoryColumns { get; } =
        ["Mois", "Adhérents", "Adhérents actifs", "Taux d'adhésion (%) (annuaire actuel)"];

    public static IEnumerable<object?[]> RateCells(MembershipRates rates) =>
        rates.ByProfession.Select(r => Cells("Profession", r)).Concat(rates.ByStructureKind.Select(r => Cells("Structure", r)));

    public static IEnumerable<object?[]> HistoryCells(IReadOnlyList<MembershipMonth> history) =>
        history.Select(m => new object?[] { m.Month.ToString("MM/yyyy", French.Culture), m.Members, m.Active, Percent(m.Rate) });

    public static async Task WriteCsvAsync(MembershipRates rates, IReadOnlyList<MembershipMonth> history, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        await CsvFile.WriteAsync(writer, RateColumns, RateCells(rates).Select(Text), ct: ct);
        await writer.WriteLineAsync();
        await CsvFile.WriteAsync(writer, HistoryColumns, HistoryCells(history).Select(Text), ct: ct);
        await writer.FlushAsync(ct);
    }

    public static void WriteExcel(MembershipRates rates, IReadOnlyList<MembershipMonth> history, Stream output)
    {
        using var book = new XLWorkbook();
        Sheet(book.Worksheets.Add("Taux d'adhésion"), RateColumns, [.. RateCells(rates)]);
        Sheet(book.Worksheets.Add("Historique mensuel"), HistoryColumns, [.. HistoryCells(history)]);
        book.SaveAs(output);
    }

    private static object?[] Cells(string group, MembershipRate r) =>
        [group, r.Code, r.Label, r.Territory, r.Members, r.ActiveMembers, Percent(r.MemberRate), Percent(r.ActiveRate)];

    private static double? Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : null;

    private static IReadOnlyList<string?> Text(object?[] cells) => [.. cells.Select(c => c is null ? null : Convert.ToString(c, French.Culture))];

    private static void Sheet(IXLWorksheet sheet, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = columns[c];
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (rows[r][c])
                {
                    case string s:
                        cell.Value = s;
                        break;
                    case int i:
                        cell.Value = i;
                        break;
                    case double d:
                        cell.Value = d;
                        break;
                }
            }
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
    }
}
