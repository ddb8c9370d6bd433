namespace Maillage.Association;

/// <summary>
/// How a motion is decided. Abstentions are not votes cast: only « pour » and « contre » count. Simple majority: more for than
/// against. Two thirds: « pour » at least two thirds of the votes cast. Without any vote cast, a motion is rejected.
/// </summary>
public static class MotionRules
{
    public static MotionResult Decide(Majority majority, int votesFor, int against)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(votesFor);
        ArgumentOutOfRangeException.ThrowIfNegative(against);
        var adopted = majority switch
        {
            Majority.TwoThirds => votesFor > 0 && 3L * votesFor >= 2L * (votesFor + against),
            _ => votesFor > against,
        };
        return adopted ? MotionResult.Adopted : MotionResult.Rejected;
    }

    /// <summary>Two thirds for an extraordinary AG (statutes, dissolution), simple majority otherwise.</summary>
    public static Majority DefaultFor(BodyKind body, bool extraordinary) =>
        body == BodyKind.GeneralAssembly && extraordinary ? Majority.TwoThirds : Majority.Simple;
}
