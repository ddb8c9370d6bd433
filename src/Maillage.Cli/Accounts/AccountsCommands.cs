namespace Maillage.Cli.Accounts;

/// <summary>The verbs of the Accounts module: opening and changing accounts.</summary>
internal static class AccountsCommands
{
    public static Command[] All => [new UsersAdd(), new UsersAddAdmin(), new UsersEdit(), new SasGrant(granted: true), new SasGrant(granted: false)];
}
