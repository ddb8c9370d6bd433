using System.Text;
using Maillage.Lifecycle;
using Maillage.Platform;
using Maillage.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Cli.Lifecycle;

/// <summary><c>maillage cpts export</c>: every CPTS in the layout <c>cpts import</c> reads back.</summary>
internal sealed class CptsExport : Command
{
    public override string Name => "cpts export";

    public override string Synopsis => "<fichier.csv|->";

    public override string Summary => "Exporte toutes les CPTS en CSV (UTF-8, « ; »), relisible par cpts import ; « - » écrit sur la sortie standard.";

    public override IReadOnlyList<string> Details =>
    [
        "Le fichier est écrit en entier ou pas du tout (fichier temporaire puis renommage).",
        "JSON : {\"exported\": n, \"file\": \"chemin complet\"} (--json ne va pas avec « - »).",
    ];

    public override int MinPositionals => 1;

    public override int MaxPositionals => 1;

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var path = args.Positionals[0];
        if (path == "-" && context.Json)
        {
            throw new CliUsageException("--json ne va pas avec « - » : le CSV occupe déjà la sortie standard.");
        }

        var full = path == "-" ? path : Path.GetFullPath(path);
        if (path != "-" && !System.IO.Directory.Exists(Path.GetDirectoryName(full)))
        {
            return context.Fail($"Dossier introuvable : {Path.GetDirectoryName(full)}");
        }

        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var export = scope.ServiceProvider.GetRequiredService<ExportCpts>();
        if (path == "-")
        {
            await export.RunAsync(context.Out, Actor.System, ct);
            return CliApp.Success;
        }

        var temporary = full + ".tmp";
        int count;
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                count = await export.RunAsync(writer, Actor.System, ct);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(count, full), ct);
        }
        else
        {
            await context.Out.WriteLineAsync($"{French.Count(count, "CPTS exportée", "CPTS exportées")} dans {full}.");
        }

        return CliApp.Success;
    }

    private sealed record Report(int Exported, string File);
}
