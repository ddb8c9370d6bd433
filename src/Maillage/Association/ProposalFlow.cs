using Maillage.Platform.Errors;
using Maillage.Association.Published;

namespace Maillage.Association;

/// <summary>What can happen to a proposal.</summary>
public enum ProposalMove
{
    /// <summary>The bureau sends it on to the conseil d'administration.</summary>
    Forward,

    /// <summary>The bureau or the conseil turns it down, with the reason.</summary>
    Reject,

    /// <summary>The conseil adopts it: a decision enters the register.</summary>
    Adopt,

    /// <summary>Its author takes it back before a decision.</summary>
    Withdraw,
}

/// <summary>
/// The path of a proposal, without I/O: Submitted → (bureau) AtBoard or Rejected; AtBoard → (conseil) Adopted or Rejected; Submitted or
/// AtBoard → (author) Withdrawn. Adopted, Rejected and Withdrawn are final. Those who run the association move it; only its author
/// withdraws it.
/// </summary>
public static class ProposalFlow
{
    public static Result<ProposalStatus> Next(ProposalStatus from, ProposalMove move) => (from, move) switch
    {
        (ProposalStatus.Submitted, ProposalMove.Forward) => Result<ProposalStatus>.Ok(ProposalStatus.AtBoard),
        (ProposalStatus.Submitted or ProposalStatus.AtBoard, ProposalMove.Reject) => Result<ProposalStatus>.Ok(ProposalStatus.Rejected),
        (ProposalStatus.AtBoard, ProposalMove.Adopt) => Result<ProposalStatus>.Ok(ProposalStatus.Adopted),
        (ProposalStatus.Submitted or ProposalStatus.AtBoard, ProposalMove.Withdraw) => Result<ProposalStatus>.Ok(ProposalStatus.Withdrawn),
        _ => new Error("illegal_move", $"Cette proposition est « {AssociationLabels.Status(from)} » : {Why(move)}.", "action", ErrorKind.Conflict),
    };

    /// <summary>Whether the actor may make this move on a proposal of <paramref name="authorId"/> (whatever its status).</summary>
    public static bool MayMove(ProposalMove move, CommunityRights rights, Guid authorId)
    {
        ArgumentNullException.ThrowIfNull(rights);
        return move == ProposalMove.Withdraw ? rights.ActsFor(authorId) : rights.Run;
    }

    /// <summary>The moves the actor may make now: the buttons a page shows.</summary>
    public static IReadOnlyList<ProposalMove> Allowed(ProposalStatus status, CommunityRights rights, Guid authorId) =>
        [.. Enum.GetValues<ProposalMove>().Where(m => Next(status, m).Succeeded && MayMove(m, rights, authorId))];

    private static string Why(ProposalMove move) => move switch
    {
        ProposalMove.Forward => "seule une proposition en attente du bureau peut être transmise au conseil d'administration",
        ProposalMove.Adopt => "le conseil d'administration n'adopte qu'une proposition que le bureau lui a transmise",
        ProposalMove.Reject => "une proposition adoptée, rejetée ou retirée ne peut plus être rejetée",
        _ => "une proposition adoptée, rejetée ou retirée ne peut plus être retirée",
    };
}
