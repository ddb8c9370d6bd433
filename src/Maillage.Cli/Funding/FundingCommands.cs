namespace Maillage.Cli.Funding;

/// <summary>The verbs of the Funding module: the ACI rule sets, simulator and schedules.</summary>
internal static class FundingCommands
{
    public static Command[] All => [new AciSimulate(), new AciRuleSetsCommand(), new AciSchedule()];
}
