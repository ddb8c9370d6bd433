using ClosedXML.Excel;
using Maillage.Platform;

namespace Maillage.Funding.Reviews;

/// <summary>Writes a <see cref="ReviewPack"/> as an Excel workbook: the summary and amounts, the indicators, the actions outside the contract.</summary>
public static class ReviewPackExcel
{
    private const string EurosFormat = "#,##0.00 €";

    public static IReadOnlyList<string> AmountColumns { get; } =
    [
        "Ligne", "Maximum fixe", "Maximum variable", "Maximum", "Attendu fixe", "Attendu variable", "Attendu", "Décidé fixe", "Décidé variable", "Décidé",
        "Versé", "Moyens déployés", "Commentaire",
    ];

    public static IReadOnlyList<string> IndicatorColumns { get; } =
    [
        "Mission", "Indicateur", "Type", "Unité", "Poids", "Cible", "Réalisé", "Taux", "Justification", "Preuve", "Neutralisé", "Ajustements",
        "Cible A1", "Réalisé A1", "Cible A2", "Réalisé A2", "Cible A3", "Réalisé A3", "Cible A4", "Réalisé A4", "Cible A5", "Réalisé A5",
    ];

    public static void Write(ReviewPack pack, Stream output)
    {
        ArgumentNullException.ThrowIfNull(pack);
        using var book = new XLWorkbook();
        Summary(book.Worksheets.Add("Synthèse"), pack);
        Indicators(book.Worksheets.Add("Indicateurs"), pack);
        Actions(book.Worksheets.Add("Actions hors contrat"), pack);
        book.SaveAs(output);
    }

    private static void Summary(IXLWorksheet sheet, ReviewPack pack)
    {
        sheet.Cell(1, 1).Value = ReviewPackText.Title(pack);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(2, 1).Value = ReviewPackText.Contract(pack);
        sheet.Cell(3, 1).Value = ReviewPackText.Record(pack);
        sheet.Cell(4, 1).Value = "Participants : " + (pack.Review.Participants ?? "—");
        sheet.Cell(5, 1).Value = "Conclusion : " + (pack.Review.Outcome ?? "—");
        const int header = 7;
        for (var c = 0; c < AmountColumns.Count; c++)
        {
            sheet.Cell(header, c + 1).Value = AmountColumns[c];
        }

        sheet.Row(header).Style.Font.Bold = true;
        var row = header + 1;
        foreach (var (line, mission) in (pack.Operating is { } o ? [(o, (PackMission?)null)] : Array.Empty<(PackLine, PackMission?)>())
            .Concat(pack.Missions.Select(m => (m.Amounts, (PackMission?)m))))
        {
            sheet.Cell(row, 1).Value = line.Name;
            decimal?[] amounts = [line.MaximumFixed, line.MaximumVariable, line.Maximum, line.ExpectedFixed, line.ExpectedVariable, line.Expected,
                line.DecidedFixed, line.DecidedVariable, line.Decided, line.Paid];
            Amounts(sheet, row, amounts);
            sheet.Cell(row, 12).Value = ReviewPackText.Deployed(mission?.MeansDeployed);
            sheet.Cell(row, 13).Value = mission?.Comment ?? "";
            row++;
        }

        sheet.Cell(row, 1).Value = "Total";
        sheet.Row(row).Style.Font.Bold = true;
        sheet.Cell(row, 4).Value = pack.Totals.Maximum;
        sheet.Cell(row, 7).Value = pack.Totals.Expected;
        if (pack.Totals.Decided is { } decided)
        {
            sheet.Cell(row, 10).Value = decided;
        }

        sheet.Cell(row, 11).Value = pack.Totals.Paid;
        sheet.Range(header + 1, 2, row, 11).Style.NumberFormat.Format = EurosFormat;
        sheet.Column(1).Width = 36;
        for (var c = 2; c <= 11; c++)
        {
            sheet.Column(c).Width = 15;
        }

        sheet.Column(13).Width = 60;
    }

    private static void Amounts(IXLWorksheet sheet, int row, decimal?[] amounts)
    {
        for (var i = 0; i < amounts.Length; i++)
        {
            if (amounts[i] is { } amount)
            {
                sheet.Cell(row, i + 2).Value = amount;
            }
        }
    }

    private static void Indicators(IXLWorksheet sheet, ReviewPack pack)
    {
        Header(sheet, IndicatorColumns);
        var row = 2;
        foreach (var mission in pack.Missions)
        {
            foreach (var i in mission.Indicators)
            {
                object?[] values = [mission.Name, i.Name, i.KindLabel, i.Unit, i.Weight, i.Target, i.Achieved, i.Rate, i.Justification, i.Evidence,
                    ReviewPackText.Obsolete(i), ReviewPackText.Adjustments(i)];
                for (var c = 0; c < values.Length; c++)
                {
                    Set(sheet.Cell(row, c + 1), values[c]);
                }

                sheet.Cell(row, 8).Style.NumberFormat.Format = "0.0%";
                foreach (var p in i.Trajectory)
                {
                    Set(sheet.Cell(row, values.Length + (p.Year * 2) - 1), p.Target);
                    Set(sheet.Cell(row, values.Length + (p.Year * 2)), p.Achieved);
                }

                row++;
            }
        }

        sheet.Column(2).Width = 40;
        sheet.Column(9).Width = 50;
        sheet.Column(9).Style.Alignment.WrapText = true;
    }

    private static void Actions(IXLWorksheet sheet, ReviewPack pack)
    {
        Header(sheet, ["Mission", "Action", "Description", "Enregistrée le"]);
        var row = 2;
        foreach (var a in pack.AllActions)
        {
            sheet.Cell(row, 1).Value = a.MissionName ?? "—";
            sheet.Cell(row, 2).Value = a.Title;
            sheet.Cell(row, 3).Value = a.Description ?? "";
            sheet.Cell(row, 4).Value = French.Date(a.RecordedOn);
            row++;
        }

        sheet.Column(2).Width = 40;
        sheet.Column(3).Width = 80;
        sheet.Column(3).Style.Alignment.WrapText = true;
    }

    private static void Header(IXLWorksheet sheet, IReadOnlyList<string> columns)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).Value = columns[c];
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case decimal d:
                cell.Value = d;
                break;
            default:
                cell.Value = Convert.ToString(value, French.Culture);
                break;
        }
    }
}
