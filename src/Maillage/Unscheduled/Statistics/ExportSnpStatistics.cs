using ClosedXML.Excel;
using Maillage.Platform.Exports;
using Maillage.Platform;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;

namespace Maillage.Unscheduled.Statistics;

/// <summary>The formats the statistics are exported to.</summary>
public enum SnpStatisticsFormat
{
    Csv,
    Xlsx,
}

/// <summary>What an export wrote: the file's name and type.</summary>
public sealed record SnpStatisticsFile(string FileName, string ContentType);

/// <summary>
/// The statistics of <see cref="ReadSnpStatistics"/> (same rights, same period) as CSV (« ; », UTF-8 with BOM, one table per breakdown
/// separated by an empty line) or Excel (one sheet per breakdown, rates as percentages, hours and amounts as numbers). No patient in them.
/// </summary>
public sealed class ExportSnpStatistics(ReadSnpStatistics read)
{
    public static IReadOnlyList<string> FigureColumns { get; } =
    [
        "Créneaux offerts", "Heures offertes", "Réservés", "Taux de remplissage (%)", "Patients vus", "Réorientés", "Non venus", "Taux de non-venue (%)",
        "Issue à saisir", "Délai moyen de réservation (h)",
    ];

    public static IReadOnlyList<string> SasColumns { get; } =
        ["Semaine", "Lundi", "Effecteur", "Consultations adressées par le SAS", "Plafond hebdomadaire", "Retenues", "Au-delà du plafond", "Montant unitaire (€)", "Dû (€)"];

    public static Result<SnpStatisticsFormat> ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => Result<SnpStatisticsFormat>.Ok(SnpStatisticsFormat.Csv),
        "xlsx" or "excel" => Result<SnpStatisticsFormat>.Ok(SnpStatisticsFormat.Xlsx),
        _ => new Error("invalid_format", $"Format « {format} » inconnu : csv ou xlsx.", "format"),
    };

    public async Task<Result<SnpStatisticsFile>> RunAsync(Guid cptsId, DateOnly? from, DateOnly? to, SnpStatisticsFormat format, Actor actor, Stream output,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var stats = await read.RunAsync(cptsId, from, to, actor, ct);
        if (!stats.Succeeded)
        {
            return Result<SnpStatisticsFile>.Fail(stats.Errors);
        }

        var name = FileName(stats.Value!);
        if (format == SnpStatisticsFormat.Xlsx)
        {
            WriteExcel(stats.Value!, output);
            return Result<SnpStatisticsFile>.Ok(new SnpStatisticsFile(name + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        }

        await WriteCsvAsync(stats.Value!, output, ct);
        return Result<SnpStatisticsFile>.Ok(new SnpStatisticsFile(name + ".csv", "text/csv; charset=utf-8"));
    }

    public static string FileName(SnpStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return $"soins-non-programmes-{stats.From:yyyy-MM-dd}-{stats.To:yyyy-MM-dd}";
    }

    /// <summary>The tables of the export: the whole period, then each breakdown, then the SAS supplement.</summary>
    public static IEnumerable<(string Sheet, IReadOnlyList<string> Columns, IEnumerable<object?[]> Rows)> Tables(SnpStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return
        [
            ("Synthèse", ["Période", .. FigureColumns], [[$"Du {French.Date(stats.From)} au {French.Date(stats.To)}", .. Cells(stats.Total)]]),
            ("Par semaine", ["Semaine", "Libellé", .. FigureColumns], Lines(stats.ByWeek)),
            ("Par effecteur", ["Identifiant", "Effecteur", .. FigureColumns], Lines(stats.ByEffector)),
            ("Par commune", ["Code INSEE", "Commune", .. FigureColumns], Lines(stats.ByCommune)),
            ("Par origine", ["Origine", "Libellé", .. FigureColumns], Lines(stats.ByOrigin)),
            ("Supplément SAS", SasColumns, stats.Sas.Select(s => new object?[]
                { s.Week, s.Monday, s.EffectorName, s.Referred, s.Cap, s.Counted, s.OverCap, s.UnitAmount, s.Due })),
        ];
    }

    public static async Task WriteCsvAsync(SnpStatistics stats, Stream output, CancellationToken ct = default)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(true), leaveOpen: true);
        foreach (var (table, i) in Tables(stats).Select((t, i) => (t, i)))
        {
            if (i > 0)
            {
                await writer.WriteLineAsync();
            }

            await CsvFile.WriteAsync(writer, table.Columns, table.Rows.Select(Text), ct: ct);
        }

        await writer.FlushAsync(ct);
    }

    public static void WriteExcel(SnpStatistics stats, Stream output)
    {
        using var book = new XLWorkbook();
        foreach (var table in Tables(stats))
        {
            Sheets.Fill(book.Worksheets.Add(table.Sheet), table.Columns, table.Rows, "0.0#");
        }

        book.SaveAs(output);
    }

    private static IEnumerable<object?[]> Lines(IEnumerable<SnpLine> lines) => lines.Select(l => (object?[])[l.Key, l.Label, .. Cells(l.Figures)]);

    /// <summary>The figures as cells: rates as percentages (0.25 → 25), absent rates empty.</summary>
    private static object?[] Cells(SnpFigures f) =>
    [
        f.Offered, f.OfferedHours, f.Booked, Percent(f.FillRate), f.Seen, f.Redirected, f.NoShows, Percent(f.NoShowRate), f.AwaitingOutcome, f.MeanLeadHours,
    ];

    private static decimal? Percent(decimal? rate) => rate is { } r ? decimal.Round(r * 100m, 1) : null;

    private static IReadOnlyList<string?> Text(object?[] cells) => Sheets.CsvCells(cells, "0.##");
}
