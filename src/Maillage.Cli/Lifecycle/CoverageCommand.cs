using Maillage.Lifecycle.Coverage;
using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Cli.Lifecycle;

/// <summary><c>maillage coverage</c>: the coverage table by région or département, with the national total.</summary>
internal sealed class CoverageCommand : Command
{
    public override string Name => "coverage";

    public override string Synopsis => "[--level region|departement]";

    public override string Summary => "Couverture de la population par les CPTS, par région (défaut) ou par département.";

    public override IReadOnlyList<string> Details =>
    [
        "Une commune est couverte quand une CPTS au stade lettre d'intention validée ou au-delà la compte.",
        "JSON : {\"level\", \"vintage\", \"rows\": [ligne], \"total\": ligne} ; ligne = {\"code\", \"name\", \"population\",",
        "  \"coveredPopulation\", \"aciPopulation\", \"coveredShare\", \"aciShare\", \"preProject\", \"letterValidated\",",
        "  \"healthProjectValidated\", \"aciSigned\", \"cptsCount\", \"uncoveredCommunes\", \"uncoveredPopulation\"} (parts entre 0 et 1).",
    ];

    public override IReadOnlyList<string> Options => ["--level"];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var level = ComputeCoverage.ParseLevel(args.Value("--level"));
        if (!level.Succeeded)
        {
            throw new CliUsageException(level.Errors[0].Message);
        }

        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        await using var scope = database.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ComputeCoverage>().RunAsync(level.Value, ct);
        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(
                report.Level == CoverageLevel.Region ? "region" : "departement",
                report.Vintage,
                [.. report.Rows.Select(Line.From)],
                Line.From(report.Total)), ct);
            return CliApp.Success;
        }

        var table = Human.Table(
            "Code", report.Level == CoverageLevel.Region ? "Région" : "Département", "Population", "Couverte", "Part",
            "ACI", "Part ACI", "En projet", "Lettre", "Projet santé", "ACI signé", "Communes non couvertes")
            .RightAlign(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        foreach (var r in report.Rows.Append(report.Total))
        {
            table.Row(r.Code, r.Name, Human.Number(r.Population), Human.Number(r.CoveredPopulation), Human.Percent(r.CoveredShare),
                Human.Number(r.AciPopulation), Human.Percent(r.AciShare), Human.Number(r.PreProject), Human.Number(r.LetterValidated),
                Human.Number(r.HealthProjectValidated), Human.Number(r.AciSigned), Human.Number(r.UncoveredCommunes));
        }

        context.Console.Write(table);
        await context.Out.WriteLineAsync(
            $"{report.Vintage}. Couverte : CPTS au stade lettre d'intention validée ou au-delà ; une CPTS compte dans chaque zone où elle a une commune, une seule fois au total.");
        return CliApp.Success;
    }

    private sealed record Report(string Level, string Vintage, IReadOnlyList<Line> Rows, Line Total);

    private sealed record Line(
        string Code,
        string Name,
        long Population,
        long CoveredPopulation,
        long AciPopulation,
        double CoveredShare,
        double AciShare,
        int PreProject,
        int LetterValidated,
        int HealthProjectValidated,
        int AciSigned,
        int CptsCount,
        int UncoveredCommunes,
        long UncoveredPopulation)
    {
        public static Line From(CoverageRow r) => new(
            r.Code, r.Name, r.Population, r.CoveredPopulation, r.AciPopulation, r.CoveredShare, r.AciShare, r.PreProject,
            r.LetterValidated, r.HealthProjectValidated, r.AciSigned, r.CptsCount, r.UncoveredCommunes, r.UncoveredPopulation);
    }
}
