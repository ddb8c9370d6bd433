namespace Maillage.Cli.Platform;

/// <summary>The verbs of the Platform module: the database, the demo and API tokens.</summary>
internal static class PlatformCommands
{
    /// <summary>Listed first: every other verb needs a database.</summary>
    public static Command[] Database => [new DbMigrate(), new DemoSeed()];

    public static Command[] Tokens => [new TokensCreate()];
}
