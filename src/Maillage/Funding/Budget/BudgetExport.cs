using ClosedXML.Excel;
using Maillage.Platform.Exports;
using Maillage.Platform;

namespace Maillage.Funding.Budget;

/// <summary>
/// One year of a CPTS's budget for the accountant, as CSV (« ; », UTF-8 with BOM; the lines, an empty line, then the totals) or Excel (two
/// sheets). Spending that funds care is marked in the « Alerte » column (and in red in Excel), and totalled apart.
/// </summary>
public static class BudgetExport
{
    public const string FlagText = "HORS ACI : finance des soins";

    public static IReadOnlyList<string> LineColumns { get; } =
        ["Année", "Sens", "Source ou catégorie", "Mission", "Fiche action", "Libellé", "Prévu (€)", "Réalisé (€)", "Alerte", "Note"];

    public static IReadOnlyList<string> TotalColumns { get; } = ["Rubrique", "Poste", "Prévu (€)", "Réalisé (€)", "Lignes"];

    public static string FileName(BudgetView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return $"budget-{view.Year}";
    }

    public static IEnumerable<object?[]> LineCells(BudgetView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Lines.Select(l => new object?[]
        {
            l.Year, BudgetLabels.Label(l.Direction), BudgetLabels.Kind(l), l.Direction == BudgetDirection.Spending ? BudgetLabels.MissionLabel(l.Mission) : null,
            l.ActionSheet, l.Label, l.Planned, l.Actual, l.FundsCare ? FlagText : null, l.Note,
        });
    }

    public static IEnumerable<object?[]> TotalCells(BudgetView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var s = view.Summary;
        static object?[] Row(string section, string item, decimal planned, decimal actual, int? lines) => [section, item, planned, actual, lines];
        static IEnumerable<object?[]> Groups(string section, IEnumerable<BudgetGroup> groups) =>
            groups.Select(g => Row(section, g.Label, g.Amount.Planned, g.Amount.Actual, g.Amount.Lines));
        return Groups("Recettes par source", s.IncomeBySource)
            .Concat(Groups("Dépenses par catégorie", s.SpendingByCategory))
            .Concat(Groups("Dépenses par mission", s.SpendingByMission))
            .Concat(Groups("Dépenses par fiche action", s.SpendingByActionSheet))
            .Concat(
            [
                Row("Total", "Recettes", s.Income.Planned, s.Income.Actual, s.Income.Lines),
                Row("Total", "Dépenses", s.Spending.Planned, s.Spending.Actual, s.Spending.Lines),
                Row("Total", "dont dépenses d'organisation", s.Organisation.Planned, s.Organisation.Actual, s.Organisation.Lines),
                Row("Total", "dont hors ACI (finance des soins)", s.Flagged.Planned, s.Flagged.Actual, s.Flagged.Lines),
                Row("Total", "Solde (recettes − dépenses)", s.Balance.Planned, s.Balance.Actual, null),
            ]);
    }

    public static async Task WriteCsvAsync(BudgetView view, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        await CsvFile.WriteAsync(writer, LineColumns, LineCells(view).Select(Text), ct: ct);
        await writer.WriteLineAsync();
        await CsvFile.WriteAsync(writer, TotalColumns, TotalCells(view).Select(Text), ct: ct);
        await writer.FlushAsync(ct);
    }

    public static void WriteExcel(BudgetView view, Stream output)
    {
        using var book = new XLWorkbook();
        var lines = book.Worksheets.Add("Lignes");
        Fill(lines, LineColumns, LineCells(view), [8, 10, 34, 32, 28, 44, 14, 14, 30, 44]);
        var totals = book.Worksheets.Add("Totaux");
        Fill(totals, TotalColumns, TotalCells(view), [28, 44, 14, 14, 8]);
        book.SaveAs(output);
    }

    private static IReadOnlyList<string?> Text(object?[] cells) => Sheets.CsvCells(cells, "0.00");

    /// <summary>Amounts as numbers; a flagged row in red; widths set once.</summary>
    private static void Fill(IXLWorksheet sheet, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, IReadOnlyList<double> widths) =>
        Sheets.Fill(sheet, columns, rows, "#,##0.00", widths, (row, cells) =>
        {
            if (cells.Contains(FlagText))
            {
                row.Style.Font.FontColor = XLColor.DarkRed;
                row.Style.Font.Bold = true;
            }
        });
}
