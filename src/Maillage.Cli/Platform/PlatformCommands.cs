namespace Maillage.Cli.Platform;

/// <summary>The verbs of the Platform module: the database, the demo, accounts and tokens.</summary>
internal static class PlatformCommands
{
    /// <summary>Listed first: every other verb needs a database.</summary>
    public static Command[] Database => [new DbMigrate()];

    public static Command[] Accounts => [new DemoSeed(), new UsersAdd(), new UsersAddAdmin(), new TokensCreate()];
}
