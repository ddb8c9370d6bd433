using System.Diagnostics;
using System.Globalization;
using Maillage.Platform;
using Maillage.TreatingDoctor.Assignment;

namespace Maillage.Cli.TreatingDoctor;

/// <summary><c>maillage treating-doctor solve &lt;instance.json&gt;</c>: the assignment solver on a file, no database.</summary>
internal sealed class TreatingDoctorSolve : Command
{
    public override string Name => "treating-doctor solve";

    public override string Synopsis => "<instance.json|->";

    public override string Summary => "Calcule l'affectation optimale de patients sans médecin traitant à des médecins volontaires décrits dans un fichier, sans base.";

    public override IReadOnlyList<string> Details =>
    [
        "Fichier : {\"weights\": {\"base\", \"ald\", \"age70\", \"lostDoctor\", \"c2s\", \"chronic\", \"disability\", \"pregnancy\", \"precarity\"},",
        "  \"proximity\": {\"commune\", \"epci\", \"departement\", \"beyond\"}, \"requests\": [{\"id\", \"commune\", \"criteria\": [...], \"homeVisit\"}],",
        "  \"doctors\": [{\"id\", \"commune\", \"capacity\", \"accepts\": [...] ou null pour tous, \"homeVisits\", \"beyond\"}]} ; communes : codes INSEE.",
        "Valeur d'une proposition : score (base + poids des critères) × facteur du niveau le plus proche (commune, EPCI, département, au-delà",
        "  si le médecin l'accepte) ; le total est maximisé exactement (flot de coût minimal, Google OR-Tools), pas glouton (docs/treating-doctor.md).",
        "JSON : {\"requests\", \"assigned\", \"objective\", \"assignments\": [{\"request\", \"doctor\", \"level\", \"value\"}]}.",
        "Sort en 1 quand le fichier est refusé (chaque problème nommé par sa place : requests[3].commune) ; en 2 sans fichier.",
    ];

    public override int MinPositionals => 1;

    public override int MaxPositionals => 1;

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var path = args.Positionals[0];
        if (path != "-" && !File.Exists(path))
        {
            return context.Fail($"Fichier introuvable : {path}");
        }

        await using var input = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
        var read = AssignmentFile.Read(input);
        var watch = Stopwatch.StartNew();
        var solved = read.Succeeded ? new SolveAssignment(CliDatabase.Geo).Run(read.Value!) : null;
        var errors = solved is { Succeeded: false } ? solved.Errors : read.Errors;
        if (solved is not { Succeeded: true })
        {
            foreach (var e in errors)
            {
                await context.Error.WriteLineAsync(e.Field is { } field && !e.Message.Contains(field, StringComparison.Ordinal) ? $"{field} : {e.Message}" : e.Message);
            }

            return CliApp.Failure;
        }

        var result = solved.Value!;
        if (context.Json)
        {
            await context.WriteJsonAsync(AssignmentFile.Document(result), ct);
            return CliApp.Success;
        }

        await context.Out.WriteLineAsync(string.Create(CultureInfo.GetCultureInfo("fr-FR"),
            $"{French.Count(result.Assigned, "demande affectée", "demandes affectées")} sur {result.Requests:N0}, valeur totale {result.Objective:N2}, en {watch.Elapsed.TotalSeconds:N1} s."));
        var table = Human.Table("Demande", "Médecin", "Niveau", "Valeur").RightAlign(3);
        foreach (var a in result.Assignments.Take(50))
        {
            table.Row(a.Request, a.Doctor, AssignmentNames.Name(a.Level), a.Value.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")));
        }

        context.Console.Write(table);
        if (result.Assignments.Count > 50)
        {
            await context.Out.WriteLineAsync($"… et {result.Assignments.Count - 50:N0} autres (--json pour toutes).");
        }

        return CliApp.Success;
    }
}

/// <summary>The verbs of the TreatingDoctor module.</summary>
internal static class TreatingDoctorCommands
{
    public static Command[] All => [new TreatingDoctorSolve(), new TreatingDoctorMatch()];
}
