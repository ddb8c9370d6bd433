using Maillage.Territories.Published;

namespace Maillage.Cli.Territories;

/// <summary><c>maillage geo stats</c>: counts of the embedded reference geography; no database.</summary>
internal sealed class GeoStats : Command
{
    public override string Name => "geo stats";

    public override string Synopsis => "";

    public override string Summary => "Chiffres du référentiel géographique embarqué (sans base de données).";

    public override IReadOnlyList<string> Details =>
    [
        "communes : communes actuelles de toutes zones ; départements et régions : hors collectivités d'outre-mer ;",
        "population : population légale des communes de métropole et des DROM.",
        "JSON : {\"communes\", \"arrondissements\", \"departements\", \"regions\", \"epci\", \"population\", \"vintage\"}.",
    ];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        var stats = Compute(CliDatabase.Geo);
        if (context.Json)
        {
            await context.WriteJsonAsync(stats, ct);
            return CliApp.Success;
        }

        var table = Human.Table(stats.Vintage, "").RightAlign(1);
        table.Row("Communes", Human.Number(stats.Communes));
        table.Row("Arrondissements municipaux", Human.Number(stats.Arrondissements));
        table.Row("Départements (hors COM)", Human.Number(stats.Departements));
        table.Row("Régions (hors COM)", Human.Number(stats.Regions));
        table.Row("EPCI", Human.Number(stats.Epci));
        table.Row("Population (métropole et DROM)", Human.Number(stats.Population));
        context.Console.Write(table);
        return CliApp.Success;
    }

    private static Stats Compute(GeoCatalog geo) => new(
        geo.All.Count(u => u.Type == GeoUnitType.Commune),
        geo.All.Count(u => u.Type == GeoUnitType.Arrondissement),
        geo.Departements.Values.Count(d => d.Zone != GeoZone.Com),
        geo.Regions.Values.Count(r => r.Zone != GeoZone.Com),
        geo.Epcis.Count,
        geo.All.Where(u => u.Type == GeoUnitType.Commune && u.Zone is GeoZone.Metro or GeoZone.Drom).Sum(u => (long)u.Population),
        geo.Vintage);

    private sealed record Stats(int Communes, int Arrondissements, int Departements, int Regions, int Epci, long Population, string Vintage);
}
