using System.Text;
using Maillage.Lifecycle;
using Maillage.Platform;
using Maillage.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Maillage.Cli.Lifecycle;

/// <summary><c>maillage cpts import</c>: loads CPTS from a CSV, all or nothing unless <c>--skip-invalid</c>.</summary>
internal sealed class CptsImport : Command
{
    public override string Name => "cpts import";

    public override string Synopsis => "<fichier.csv|-> [--skip-invalid]";

    public override string Summary => "Importe des CPTS d'un CSV (UTF-8, « ; ») ; une ligne fautive fait refuser tout le fichier.";

    public override IReadOnlyList<string> Details =>
    [
        $"En-tête : {string.Join(';', CptsCsv.Header)} (nom et communes obligatoires ;",
        "  communes = codes INSEE séparés par des espaces ; dates jj/mm/aaaa ou aaaa-mm-jj). « - » lit l'entrée standard.",
        "--skip-invalid importe les lignes valides et écarte les autres.",
        "Les lignes refusées sont écrites sur la sortie d'erreur avec leur numéro (l'en-tête est la ligne 1).",
        "JSON : {\"created\": n, \"rejected\": [{\"line\", \"record\", \"reason\"}], \"committed\": bool}.",
        "Sort en 1 quand rien n'a été importé à cause d'erreurs (committed = false).",
    ];

    public override IReadOnlyList<string> Flags => ["--skip-invalid"];

    public override int MinPositionals => 1;

    public override int MaxPositionals => 1;

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var path = args.Positionals[0];
        var fromStdin = path == "-";
        if (!fromStdin && !File.Exists(path))
        {
            return context.Fail($"Fichier introuvable : {path}");
        }

        var skipInvalid = args.Has("--skip-invalid");
        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCpts>();
        using var reader = fromStdin
            ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true)
            : new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var report = context.ShowProgress && !fromStdin
            ? await WithProgressAsync(context, path, p => import.RunAsync(reader, skipInvalid, Actor.System, p, ct))
            : await import.RunAsync(reader, skipInvalid, Actor.System, null, ct);

        foreach (var r in report.Rejected)
        {
            var record = r.Record.Length > 80 ? r.Record[..79] + "…" : r.Record;
            await context.Error.WriteLineAsync(record.Length == 0 ? $"ligne {r.Line} : {r.Reason}" : $"ligne {r.Line} : {r.Reason} [{record}]");
        }

        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(
                report.Created, [.. report.Rejected.Select(r => new Rejection(r.Line, r.Record, r.Reason))], report.Committed), ct);
        }
        else if (report.Committed)
        {
            var imported = French.Count(report.Created, "CPTS importée", "CPTS importées");
            await context.Out.WriteLineAsync(report.Rejected.Count == 0
                ? $"{imported}."
                : $"{imported} ; {French.Count(report.Rejected.Select(r => r.Line).Distinct().Count(), "ligne écartée", "lignes écartées")}.");
        }

        if (!report.Committed)
        {
            return context.Fail($"Fichier refusé : {French.Count(report.Rejected.Select(r => r.Line).Distinct().Count(), "ligne", "lignes")} en erreur, rien n'a été importé"
                + " (--skip-invalid pour importer les lignes valides).");
        }

        return CliApp.Success;
    }

    private static async Task<ImportReport> WithProgressAsync(CliContext context, string path, Func<IProgress<int>, Task<ImportReport>> run)
    {
        // Lines, not records: a quoted field may span lines, so this is an upper bound.
        var lines = Math.Max(1, File.ReadLines(path, Encoding.UTF8).Count() - 1);
        return await context.Console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Import des CPTS", maxValue: lines);
                var report = await run(new ActionProgress(done => task.Value = Math.Min(done, lines)));
                task.Value = lines;
                return report;
            });
    }


    private sealed record Report(int Created, IReadOnlyList<Rejection> Rejected, bool Committed);

    private sealed record Rejection(int Line, string Record, string Reason);
}
