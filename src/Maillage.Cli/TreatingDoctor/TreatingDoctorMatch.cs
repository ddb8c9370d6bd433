using System.Globalization;
using Maillage.Platform;
using Maillage.Platform.Tenancy;
using Maillage.TreatingDoctor;
using Maillage.TreatingDoctor.Assignment;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Cli.TreatingDoctor;

/// <summary><c>maillage treating-doctor match --cpts &lt;id&gt; [--dry-run]</c>: the assignment on a CPTS's open requests and volunteers, as the system.</summary>
internal sealed class TreatingDoctorMatch : Command
{
    public override string Name => "treating-doctor match";

    public override string Synopsis => "--cpts <id> [--dry-run]";

    public override string Summary => "Lance l'attribution optimale des demandes en attente d'une CPTS à ses médecins volontaires (propositions à relire et envoyer).";

    public override IReadOnlyList<string> Details =>
    [
        "--cpts <id> : l'identifiant de la CPTS (GUID).",
        "--dry-run : calcule sans rien proposer (la simulation est seulement notée dans l'historique des attributions).",
        "Demandes prises : en attente, non fusionnées, sans proposition envoyée ; médecins : volontaires actifs, avec leur place restante ce mois-ci",
        "  (patients par mois − propositions envoyées ou acceptées depuis le 1er), zéro en pause. Sans --dry-run, les propositions à envoyer",
        "  précédentes sont retirées et remplacées ; la coordination les relit et les envoie depuis la plateforme.",
        "JSON : {\"requests\", \"assigned\", \"objective\"}.",
        "Sort en 1 quand la CPTS est introuvable ; en 2 quand --cpts manque ou n'est pas un GUID.",
    ];

    public override IReadOnlyList<string> Flags => ["--dry-run"];

    public override IReadOnlyList<string> Options => ["--cpts"];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var cpts = args.Value("--cpts") ?? throw new CliUsageException("--cpts est obligatoire.");
        if (!Guid.TryParse(cpts, CultureInfo.InvariantCulture, out var id))
        {
            throw new CliUsageException($"--cpts attend l'identifiant d'une CPTS (un GUID), pas « {cpts} ».");
        }

        var dryRun = args.Has("--dry-run");
        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<MatchRequests>().RunAsync(id, dryRun, Actor.System, ct);
        if (!result.Succeeded)
        {
            return context.Fail(string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        var outcome = result.Value!;
        if (context.Json)
        {
            await context.WriteJsonAsync(new MatchDocument(outcome.Result.Requests, outcome.Result.Assigned, outcome.Result.Objective), ct);
            return CliApp.Success;
        }

        var fr = CultureInfo.GetCultureInfo("fr-FR");
        await context.Out.WriteLineAsync(
            $"{French.Count(outcome.Result.Assigned, "demande attribuée", "demandes attribuées")} sur {French.Number(outcome.Result.Requests)} en attente, "
            + $"{French.Count(outcome.Run.Doctors, "médecin avec de la place", "médecins avec de la place")}, valeur totale {outcome.Result.Objective.ToString("N2", fr)}"
            + (dryRun ? " (simulation : rien n'est proposé)." : $" : {French.Count(outcome.Drafts.Count, "proposition à relire et envoyer", "propositions à relire et envoyer")}."));
        var table = Human.Table("Niveau", "Propositions").RightAlign(1);
        foreach (var g in outcome.Result.Assignments.GroupBy(a => a.Level).OrderBy(g => g.Key))
        {
            table.Row(PriorityLabels.Of(g.Key), g.Count().ToString("N0", fr));
        }

        context.Console.Write(table);
        if (outcome.Waiting.Count > 0)
        {
            var none = outcome.Waiting.Count(w => w.Why.Reason == WaitingReason.NoDoctorWithinReach);
            string?[] why =
            [
                none > 0 ? $"{French.Number(none)} sans médecin volontaire à portée qui accepte leurs critères ou ait de la place" : null,
                outcome.Waiting.Count > none ? $"{French.Number(outcome.Waiting.Count - none)} dont les places à portée sont allées à des scores plus élevés" : null,
            ];
            await context.Out.WriteLineAsync($"Restent en attente : {French.Number(outcome.Waiting.Count)} — {string.Join(" ; ", why.OfType<string>())}.");
        }

        return CliApp.Success;
    }

    /// <summary>The JSON answer, as the issue gives it.</summary>
    private sealed record MatchDocument(int Requests, int Assigned, double Objective);
}
