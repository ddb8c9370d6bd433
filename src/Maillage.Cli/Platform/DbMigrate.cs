namespace Maillage.Cli.Platform;

/// <summary><c>maillage db migrate</c>: applies the migrations and loads the geography vintage.</summary>
internal sealed class DbMigrate : Command
{
    public override string Name => "db migrate";

    public override string Synopsis => "";

    public override string Summary => "Applique les migrations et charge la géographie (COG) si elle manque.";

    public override IReadOnlyList<string> Details =>
    [
        "JSON : {\"migrated\": true, \"geographyUnitsLoaded\": n} (0 quand la géographie était déjà chargée).",
    ];

    public override async Task<int> RunAsync(CliContext context, CliArgs args, CancellationToken ct)
    {
        await using var database = await CliDatabase.OpenAsync(context, seedDemo: false, ct);
        var loaded = database.Startup.GeographyUnitsLoaded;
        if (context.Json)
        {
            await context.WriteJsonAsync(new Report(true, loaded), ct);
            return CliApp.Success;
        }

        await context.Out.WriteLineAsync($"Base de données à jour : {database.Setting.Describe()}.");
        await context.Out.WriteLineAsync(loaded > 0
            ? $"Géographie {CliDatabase.Geo.Vintage} chargée : {Human.Number(loaded)} communes et arrondissements."
            : $"Géographie {CliDatabase.Geo.Vintage} déjà chargée.");
        return CliApp.Success;
    }

    private sealed record Report(bool Migrated, int GeographyUnitsLoaded);
}
