using ClosedXML.Excel;
using Maillage.Platform;

namespace Maillage.Association;

/// <summary>Writes the register of decisions as CSV (« ; », UTF-8 with BOM) or Excel (one sheet, dates as dates).</summary>
public static class DecisionExport
{
    public static IReadOnlyList<string> Columns { get; } = ["Numéro", "Date", "Instance", "Décision", "Proposition", "Réunion"];

    public static async Task WriteCsvAsync(IReadOnlyList<DecisionRow> decisions, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        await CsvFile.WriteAsync(writer, Columns,
            decisions.Select(d => (IReadOnlyList<string?>)[d.Number, French.Date(d.Date), MeetingLabels.Label(d.Body), d.Text, d.ProposalTitle, d.MeetingTitle]), ct: ct);
        await writer.FlushAsync(ct);
    }

    public static void WriteExcel(IReadOnlyList<DecisionRow> decisions, Stream output)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("Registre des décisions");
        for (var c = 0; c < Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = Columns[c];
        }

        var row = 2;
        foreach (var d in decisions)
        {
            sheet.Cell(row, 1).Value = d.Number;
            sheet.Cell(row, 2).Value = d.Date.ToDateTime(TimeOnly.MinValue);
            sheet.Cell(row, 2).Style.DateFormat.Format = "dd/mm/yyyy";
            sheet.Cell(row, 3).Value = MeetingLabels.Label(d.Body);
            sheet.Cell(row, 4).Value = d.Text;
            sheet.Cell(row, 5).Value = d.ProposalTitle;
            sheet.Cell(row, 6).Value = d.MeetingTitle;
            row++;
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.Column(4).Width = 80;
        sheet.Column(4).Style.Alignment.WrapText = true;
        sheet.SheetView.FreezeRows(1);
        book.SaveAs(output);
    }
}
