namespace Maillage.Cli.Lifecycle;

/// <summary>The verbs of the Lifecycle module: the CPTS registry and its coverage.</summary>
internal static class LifecycleCommands
{
    public static Command[] All => [new CptsImport(), new CptsExport(), new CoverageCommand()];
}
