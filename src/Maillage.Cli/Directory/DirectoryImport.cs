using System.Globalization;
using Maillage.Directory;
using Maillage.Platform;
using Maillage.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Maillage.Cli.Directory;

/// <summary><c>maillage directory import</c>: loads professionals and structures from the Annuaire Santé (FHIR) or a CSV.</summary>
internal sealed class DirectoryImport : Command
{
    public override string Name => "directory import";

    public override string Synopsis => "<fichier.json|fichier.csv> [--cpts <id>]";

    public override string Summary => "Importe l'annuaire : Bundle FHIR de l'Annuaire Santé (.json) ou CSV (.csv) ; ré-importer met à jour sans doublon.";

    public override IReadOnlyList<string> Details =>
    [
        "Sans --cpts : annuaire national (tous les enregistrements). Avec --cpts <id> : seulement ceux qui exercent sur le territoire de la CPTS.",
        "Chaque fiche fautive est refusée avec sa raison (ligne ou ressource FHIR) ; les fiches valides sont gardées.",
        "Le format CSV est décrit dans docs/directory-csv.md.",
        "JSON : {\"created\", \"updated\", \"unchanged\", \"outsideTerritory\", \"rejected\": [{\"record\", \"reason\"}]}.",
    ];

    public override IReadOnlyList<string> Options => ["--cpts"];

    public override int MinPositionals => 1;

    public override int MaxPositionals => 1;

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var path = args.Positionals[0];
        if (!File.Exists(path))
        {
            return context.Fail($"Fichier introuvable : {path}");
        }

        Guid? cptsId = null;
        if (args.Value("--cpts") is { } cpts)
        {
            if (!Guid.TryParse(cpts, CultureInfo.InvariantCulture, out var id))
            {
                throw new CliUsageException($"--cpts attend l'identifiant d'une CPTS (un GUID), pas « {cpts} ».");
            }

            cptsId = id;
        }

        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportDirectory>();
        await using var file = File.OpenRead(path);
        var result = context.ShowProgress
            ? await context.Console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("Import de l'annuaire").IsIndeterminate();
                    return await import.RunAsync(file, path, cptsId, Actor.System,
                        new ActionProgress(done => task.Description = $"Import de l'annuaire : {done:N0} fiches traitées"), ct);
                })
            : await import.RunAsync(file, path, cptsId, Actor.System, null, ct);
        if (!result.Succeeded)
        {
            return context.Fail(string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var r = result.Value!;
        foreach (var rejected in r.Rejected)
        {
            await context.Error.WriteLineAsync($"refusé : {rejected.Record} — {rejected.Reason}");
        }

        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(r.Created, r.Updated, r.Unchanged, r.OutsideTerritory,
                [.. r.Rejected.Select(x => new Rejection(x.Record, x.Reason))]), ct);
        }
        else
        {
            await context.Out.WriteLineAsync(
                $"{French.Count(r.Created, "créé", "créés")}, {r.Updated} mis à jour, {French.Count(r.Unchanged, "inchangé", "inchangés")}, "
                + $"{r.OutsideTerritory} hors territoire, {French.Count(r.Rejected.Count, "refusé", "refusés")}.");
        }

        return CliApp.Success;
    }


    private sealed record Report(int Created, int Updated, int Unchanged, int OutsideTerritory, IReadOnlyList<Rejection> Rejected);

    private sealed record Rejection(string Record, string Reason);
}
