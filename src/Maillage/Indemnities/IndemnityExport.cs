using ClosedXML.Excel;
using Maillage.Platform.Exports;
using Maillage.Platform;
using Maillage.Directory.Published;

namespace Maillage.Indemnities;

/// <summary>
/// A payment batch for the accountant, as CSV (« ; », UTF-8; three tables separated by an empty line) or Excel (three sheets): one line per
/// declaration with who declared, validated and paid it; the totals per person; the CPTS's notes on the tax and social treatment per profession.
/// </summary>
public static class IndemnityExport
{
    public static IReadOnlyList<string> DeclarationColumns { get; } =
    [
        "Lot", "Adhérent", "RPPS", "Profession", "Date de la mission", "Activité", "Description", "Heures", "Taux horaire (€)", "Montant (€)",
        "Déclaré par", "Validé par", "Payé par", "Payé le",
    ];

    public static IReadOnlyList<string> PersonColumns { get; } = ["Adhérent", "RPPS", "Profession", "Heures", "Montant (€)", "Déclarations"];

    public static IReadOnlyList<string> NoteColumns { get; } = ["Code profession", "Profession", "Traitement fiscal et social (note de la CPTS)"];

    public static string FileName(PaymentBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return "indemnites-lot-" + batch.Number;
    }

    public static IEnumerable<object?[]> DeclarationCells(BatchDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return detail.Declarations.Select(r => new object?[]
        {
            detail.Batch.Number, r.Person.Name, r.Person.Rpps, r.Person.Profession, r.Declaration.MissionDate, r.Declaration.Activity.French(),
            r.Declaration.Description, r.Declaration.Hours, r.Declaration.HourlyRate, r.Declaration.Amount, r.Declaration.DeclaredBy,
            r.Declaration.ReviewedBy, r.PaidBy, r.PaidOn,
        });
    }

    public static IEnumerable<object?[]> PersonCells(BatchDetail detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return detail.People.Select(p => new object?[] { p.Person.Name, p.Person.Rpps, p.Person.Profession, p.Hours, p.Amount, p.Declarations });
    }

    public static IEnumerable<object?[]> NoteCells(BatchDetail detail, Nomenclatures nomenclatures)
    {
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(nomenclatures);
        return detail.Notes.Select(n => new object?[] { n.ProfessionCode, nomenclatures.ProfessionLabel(n.ProfessionCode), n.Text });
    }

    public static async Task WriteCsvAsync(BatchDetail detail, Nomenclatures nomenclatures, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        foreach (var (table, i) in Tables(detail, nomenclatures).Select((t, i) => (t, i)))
        {
            if (i > 0)
            {
                await writer.WriteLineAsync();
            }

            await CsvFile.WriteAsync(writer, table.Columns, table.Rows.Select(Text), ct: ct);
        }

        await writer.FlushAsync(ct);
    }

    public static void WriteExcel(BatchDetail detail, Nomenclatures nomenclatures, Stream output)
    {
        using var book = new XLWorkbook();
        foreach (var table in Tables(detail, nomenclatures))
        {
            Sheets.Fill(book.Worksheets.Add(table.Sheet), table.Columns, table.Rows, "0.00");
        }

        book.SaveAs(output);
    }

    private static IEnumerable<(string Sheet, IReadOnlyList<string> Columns, IEnumerable<object?[]> Rows)> Tables(BatchDetail detail, Nomenclatures nomenclatures) =>
    [
        ("Déclarations", DeclarationColumns, DeclarationCells(detail)),
        ("Totaux par personne", PersonColumns, PersonCells(detail)),
        ("Notes fiscales et sociales", NoteColumns, NoteCells(detail, nomenclatures)),
    ];

    private static IReadOnlyList<string?> Text(object?[] cells) => Sheets.CsvCells(cells, "0.00##");
}
