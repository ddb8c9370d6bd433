namespace Maillage.Association;

/// <summary>
/// The quorum of a meeting: the voters present or represented must reach <see cref="Body.QuorumPercent"/> % of the voters, rounded
/// up, and at least one — a body nobody attends, or without voters, never deliberates.
/// </summary>
/// <param name="Voters">Who may vote on the meeting's date (every member for an AG, the mandates for a conseil or a bureau).</param>
/// <param name="Present">Voters marked present.</param>
/// <param name="Represented">Voters who gave a proxy to a present voter.</param>
/// <param name="Required">Present or represented voters needed.</param>
public sealed record QuorumCount(int Voters, int Present, int Represented, int Required)
{
    /// <summary>Present plus represented: the quorum's count, and the most votes a motion may get.</summary>
    public int Counted => Present + Represented;

    public bool Reached => Counted >= Required;

    /// <summary>« 12 présents ou représentés sur 40 votants, quorum 10 : atteint ».</summary>
    public string Text =>
        $"{Counted} {(Counted > 1 ? "présents ou représentés" : "présent ou représenté")} sur {Voters} {(Voters > 1 ? "votants" : "votant")}, "
        + $"quorum {Required} : {(Reached ? "atteint" : "non atteint")}";

    public static QuorumCount Of(int voters, int present, int represented, int quorumPercent) =>
        new(voters, present, represented, Quorum.Required(voters, quorumPercent));
}

public static class Quorum
{
    /// <summary>⌈<paramref name="percent"/> % × <paramref name="voters"/>⌉, at least 1.</summary>
    public static int Required(int voters, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(voters);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return Math.Max(1, ((voters * percent) + 99) / 100);
    }
}
