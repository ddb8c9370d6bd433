using System.Globalization;
using Maillage.Funding;
using Maillage.Platform.Errors;
using Maillage.Platform.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Cli.Funding;

/// <summary><c>maillage aci simulate</c>: the maximum annual ACI funding of a population or a CPTS, per line.</summary>
internal sealed class AciSimulate : Command
{
    public override string Name => "aci simulate";

    public override string Synopsis =>
        "--population <n> | --cpts <id> [--rule-set <id>] [--missions all|<liste>] [--crisis-plan first|update] [--crisis-occurred]";

    public override string Summary => "Simule le financement ACI annuel maximal d'un territoire, ligne par ligne (part fixe, part variable).";

    public override IReadOnlyList<string> Details =>
    [
        "--population : nombre d'habitants, la taille en découle ; sans base. --cpts <id> : la population et la taille enregistrées de la CPTS (ouvre la base).",
        "--rule-set : barème (défaut avenant2-2021 ; la liste : maillage aci rule-sets).",
        $"--missions : all (défaut) ou des lignes séparées par des virgules parmi {string.Join(", ", AciLineIds.Known.SkipLast(1))}.",
        "  Les quatre missions socles (access, pathways, prevention, crisis) sont obligatoires ; operating est toujours compris.",
        "  Un barème sans détail par mission (simplified-2024) n'accepte que all.",
        "--crisis-plan : first (année de première rédaction du plan de crise, défaut) ou update (année d'actualisation).",
        "--crisis-occurred : une crise sanitaire grave est survenue ; sans cette option, la part variable de la mission crisis est 0.",
        "JSON : {\"ruleSet\", \"tier\", \"lines\": [{\"line\", \"fixed\", \"variable\"}], \"maximum\"} ; montants annuels en euros ; maximum = somme des lignes.",
        $"Au-delà de {Human.Number(AciInput.PopulationWarningAbove)} habitants, la simulation est faite avec un avertissement (« Attention : … ») : aucune CPTS n'est si grande.",
        "Sort en 2 quand une option manque ou est invalide (population, barème, missions, plan de crise) ; en 1 quand la CPTS est introuvable ou sans territoire.",
    ];

    public override IReadOnlyList<string> Options => ["--population", "--cpts", "--rule-set", "--missions", "--crisis-plan"];

    public override IReadOnlyList<string> Flags => ["--crisis-occurred"];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var (population, cpts) = (args.Value("--population"), args.Value("--cpts"));
        if ((population is null) == (cpts is null))
        {
            throw new CliUsageException(population is null ? "--population ou --cpts est obligatoire." : "--population et --cpts s'excluent : donnez l'un ou l'autre.");
        }

        var options = AciInput.ParseOptions(args.Value("--rule-set"), args.Value("--missions"), args.Value("--crisis-plan"),
            args.Has("--crisis-occurred") ? "true" : null);
        Result<AciSimulation> result;
        if (cpts is not null)
        {
            ThrowIfUsage(options.Errors);
            if (!Guid.TryParse(cpts, CultureInfo.InvariantCulture, out var id))
            {
                throw new CliUsageException($"--cpts attend l'identifiant d'une CPTS (un GUID), pas « {cpts} ».");
            }

            await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
            await using var scope = database.CreateScope();
            result = await scope.ServiceProvider.GetRequiredService<SimulateAciForCpts>().RunAsync(id, Actor.System, options.Value!, ct);
        }
        else
        {
            var inhabitants = AciInput.ParsePopulation(population);
            ThrowIfUsage([.. inhabitants.Errors, .. options.Errors]);
            result = new SimulateAci(AciRuleSetsCommand.RuleSets).ForPopulation(inhabitants.Value, options.Value!);
        }

        if (!result.Succeeded)
        {
            ThrowIfUsage([.. result.Errors.Where(e => e.Kind == ErrorKind.Validation && e.Field != "cpts")]);
            return context.Fail(string.Join(" ", result.Errors.Select(e => e.Message)));
        }

        await WriteAsync(context, result.Value!, ct);
        return CliApp.Success;
    }

    private static void ThrowIfUsage(IReadOnlyList<Error> errors)
    {
        if (errors.Count > 0)
        {
            throw new CliUsageException(string.Join(" ", errors.Select(e => e.Message)));
        }
    }

    private static async Task WriteAsync(CliContext context, AciSimulation simulation, CancellationToken ct)
    {
        if (context.Json)
        {
            await context.WriteJsonAsync(simulation.ToDocument(), ct);
            return;
        }

        var table = Human.Table("Ligne", "Nature", "Part fixe", "Part variable", "Total").RightAlign(2, 3, 4);
        foreach (var l in simulation.Lines)
        {
            table.Row(l.Name, AciLabels.Kind(l.Kind), AciLabels.Euros(l.Fixed), AciLabels.Euros(l.Variable), AciLabels.Euros(l.Total));
        }

        table.Row("Maximum", "", AciLabels.Euros(simulation.FixedTotal), AciLabels.Euros(simulation.VariableTotal), AciLabels.Euros(simulation.Maximum));
        context.Console.Write(table);
        var set = simulation.RuleSet;
        await context.Out.WriteLineAsync(
            $"Maximum annuel : {AciLabels.Euros(simulation.Maximum)} — {Human.Number(simulation.Population)} habitants, taille {simulation.Tier} ; "
            + $"barème « {set.ShortName} » ({set.Source.Text}).");
        await context.Out.WriteLineAsync(set.HasMissionBreakdown
            ? $"Crise : {AciLabels.CrisisPlan(simulation.CrisisPlan)}, {(simulation.CrisisOccurred ? "crise grave survenue" : "sans crise grave (part variable de la mission à 0 €)")}."
            : set.Note ?? "");
        foreach (var warning in simulation.Warnings)
        {
            await context.Out.WriteLineAsync($"Attention : {warning}");
        }
    }
}
