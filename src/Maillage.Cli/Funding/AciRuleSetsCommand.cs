using Maillage.Funding;

namespace Maillage.Cli.Funding;

/// <summary><c>maillage aci rule-sets</c>: the versioned ACI rule sets, their sources and amounts; no database.</summary>
internal sealed class AciRuleSetsCommand : Command
{
    private static readonly Lazy<AciRuleSets> Shared = new(() => AciRuleSets.LoadEmbedded(CliDatabase.Tiers));

    /// <summary>Loaded once per process from the embedded files (validated: a faulty file is an error naming it).</summary>
    public static AciRuleSets RuleSets => Shared.Value;

    public override string Name => "aci rule-sets";

    public override string Synopsis => "";

    public override string Summary => "Liste les barèmes ACI : identifiant, nom, source, tailles et montants annuels par ligne, sans base.";

    public override IReadOnlyList<string> Details =>
    [
        "Chaque barème est un fichier de data/rules/aci/ : un avenant s'ajoute par un nouveau fichier (docs/funding.md).",
        "JSON : {\"default\", \"ruleSets\": [{\"id\", \"name\", \"source\": {\"text\", \"date\"}, \"tierRuleSet\", \"tierLowerBounds\",",
        "  \"missionBreakdown\", \"note\", \"lines\": [{\"id\", \"name\", \"kind\", \"crisisPlan\", \"tiers\": [{\"tier\", \"fixed\", \"variable\", \"fixedYearlyUpdate\"}]}]}]}.",
    ];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var sets = RuleSets;
        if (context.Json)
        {
            await context.WriteJsonAsync(AciCatalogueDocument.From(sets), ct);
            return CliApp.Success;
        }

        foreach (var set in sets.All)
        {
            await context.Out.WriteLineAsync($"{set.Id}{(set.IsDefault ? " (par défaut)" : "")} — {set.Name}");
            await context.Out.WriteLineAsync($"  Source : {set.Source.Text} (date : {AciLabels.SourceDate(set.Source)}) ; tailles : {set.Tiers.Id}.");
            var table = Human.Table([.. Enumerable.Range(1, set.TierCount).Select(t => $"Taille {t}").Prepend("Ligne (fixe + variable)")])
                .RightAlign([.. Enumerable.Range(1, set.TierCount)]);
            foreach (var line in set.Lines)
            {
                table.Row([.. line.Tiers.Select(Cell).Prepend(line.Name)]);
            }

            context.Console.Write(table);
            if (set.Note is { } note)
            {
                await context.Out.WriteLineAsync("  " + note);
            }
        }

        return CliApp.Success;
    }

    private static string Cell(AciTierAmounts amounts) => amounts.FixedYearlyUpdate is { } update
        ? $"{AciLabels.Euros(amounts.Fixed)} (actualisation {AciLabels.Euros(update)}) + {AciLabels.Euros(amounts.Variable)} si crise"
        : $"{AciLabels.Euros(amounts.Fixed)} + {AciLabels.Euros(amounts.Variable)}";
}
