using Maillage.Territories.Published;

namespace Maillage.Cli.Territories;

/// <summary><c>maillage geo territory</c>: population and size tier of a set of INSEE codes; no database.</summary>
internal sealed class GeoTerritory : Command
{
    public override string Name => "geo territory";

    public override string Synopsis => "<code>... [--rule-set <id>]";

    public override string Summary => "Population et taille d'un territoire (codes INSEE de communes ou d'arrondissements), sans base.";

    public override IReadOnlyList<string> Details =>
    [
        "Les codes se donnent séparés par des espaces ou des virgules. --rule-set choisit le barème des tailles (défaut : le barème en vigueur).",
        "JSON : {\"population\", \"tier\", \"ruleSet\", \"units\": [{\"code\", \"name\", \"population\"}], \"errors\": [{\"code\", \"message\"}]}.",
        "Sort en 1 (document JSON tout de même écrit) quand un code est refusé : errors n'est alors pas vide.",
    ];

    public override IReadOnlyList<string> Options => ["--rule-set"];

    public override int MinPositionals => 1;

    public override int MaxPositionals => int.MaxValue;

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        SizeTierRuleSet? ruleSet = null;
        if (args.Value("--rule-set") is { } id)
        {
            ruleSet = CliDatabase.Tiers.Find(id) ?? throw new CliUsageException(
                $"barème « {id} » inconnu ; barèmes : {string.Join(", ", CliDatabase.Tiers.All.Select(s => s.Id))}.");
        }

        var codes = args.Positionals.SelectMany(p => p.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries));
        var summary = new ComputeTerritory(CliDatabase.Geo, CliDatabase.Tiers).Run(codes, ruleSet);
        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(
                summary.Population,
                summary.Tier,
                summary.RuleSet,
                [.. summary.Units.Select(u => new Unit(u.Code, u.Name, u.Population))],
                [.. summary.Errors.Select(e => new Problem(e.Code, e.Message))]), ct);
        }
        else
        {
            if (summary.Units.Count > 0)
            {
                var table = Human.Table("Code", "Commune", "Population").RightAlign(2);
                foreach (var u in summary.Units)
                {
                    table.Row(u.Code, u.Name, Human.Number(u.Population));
                }

                context.Console.Write(table);
            }

            await context.Out.WriteLineAsync(
                $"Population : {Human.Number(summary.Population)} habitants — taille {summary.Tier} (barème {summary.RuleSet}).");
        }

        foreach (var error in summary.Errors)
        {
            await context.Error.WriteLineAsync(error.Message);
        }

        return summary.Errors.Count == 0 ? CliApp.Success : CliApp.Failure;
    }

    private sealed record Report(long Population, int Tier, string RuleSet, IReadOnlyList<Unit> Units, IReadOnlyList<Problem> Errors);

    private sealed record Unit(string Code, string Name, int Population);

    private sealed record Problem(string Code, string Message);
}
