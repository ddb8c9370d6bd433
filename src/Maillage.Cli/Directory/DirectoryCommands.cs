namespace Maillage.Cli.Directory;

/// <summary>The verbs of the Directory module: the directory of professionals.</summary>
internal static class DirectoryCommands
{
    public static Command[] All => [new DirectoryImport()];
}
