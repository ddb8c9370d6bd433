using System.Globalization;
using ClosedXML.Excel;
using Maillage.Platform;

namespace Maillage.Lifecycle.Coverage;

/// <summary>Writes a coverage report as CSV (« ; », UTF-8) or Excel, with the same columns as the page.</summary>
public static class CoverageExport
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "Code", "Nom", "Population", "Population couverte", "Part couverte (%)", "Population ACI", "Part ACI (%)",
        "CPTS en projet", "Lettre d'intention validée", "Projet de santé validé", "ACI signé", "Communes non couvertes", "Population non couverte",
    ];

    public static object[] Cells(CoverageRow r) =>
    [
        r.Code, r.Name, r.Population, r.CoveredPopulation, Math.Round(r.CoveredShare * 100, 1), r.AciPopulation, Math.Round(r.AciShare * 100, 1),
        r.PreProject, r.LetterValidated, r.HealthProjectValidated, r.AciSigned, r.UncoveredCommunes, r.UncoveredPopulation,
    ];

    public static async Task WriteCsvAsync(CoverageReport report, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        var rows = report.Rows.Append(report.Total)
            .Select(r => (IReadOnlyList<string?>)[.. Cells(r).Select(c => Convert.ToString(c, French.Culture))]);
        await CsvFile.WriteAsync(writer, Columns, rows, ct: ct);
        await writer.FlushAsync(ct);
    }

    public static void WriteExcel(CoverageReport report, Stream output)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(report.Level == CoverageLevel.Region ? "Régions" : "Départements");
        for (var c = 0; c < Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = Columns[c];
        }

        var rows = report.Rows.Append(report.Total).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = Cells(rows[r]);
            for (var c = 0; c < cells.Length; c++)
            {
                sheet.Cell(r + 2, c + 1).Value = cells[c] switch
                {
                    string s => s,
                    long l => l,
                    int i => i,
                    double d => d,
                    var o => Convert.ToString(o, CultureInfo.InvariantCulture),
                };
            }
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.Row(rows.Count + 1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        book.SaveAs(output);
    }
}
