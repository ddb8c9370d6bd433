namespace Maillage.Cli.Territories;

/// <summary>The verbs of the Territories module: the reference geography.</summary>
internal static class TerritoriesCommands
{
    public static Command[] All => [new GeoStats(), new GeoTerritory()];
}
