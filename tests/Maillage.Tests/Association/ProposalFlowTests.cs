using Maillage.Association;
using Maillage.Platform.Errors;
using Maillage.Association.Published;

namespace Maillage.Tests.Association;

/// <summary>The path of a proposal: member → bureau → conseil → decision, and who may move it.</summary>
public sealed class ProposalFlowTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly CommunityRights Bureau = new(true, true, false, true, Guid.NewGuid());
    private static readonly CommunityRights AuthorRights = new(true, false, false, true, Author);
    private static readonly CommunityRights Reader = new(true, false, false, true, null);

    [Theory]
    [InlineData(ProposalStatus.Submitted, ProposalMove.Forward, ProposalStatus.AtBoard)]
    [InlineData(ProposalStatus.Submitted, ProposalMove.Reject, ProposalStatus.Rejected)]
    [InlineData(ProposalStatus.Submitted, ProposalMove.Withdraw, ProposalStatus.Withdrawn)]
    [InlineData(ProposalStatus.AtBoard, ProposalMove.Adopt, ProposalStatus.Adopted)]
    [InlineData(ProposalStatus.AtBoard, ProposalMove.Reject, ProposalStatus.Rejected)]
    [InlineData(ProposalStatus.AtBoard, ProposalMove.Withdraw, ProposalStatus.Withdrawn)]
    public void Legal_moves(ProposalStatus from, ProposalMove move, ProposalStatus to) => Assert.Equal(to, ProposalFlow.Next(from, move).Value);

    [Theory]
    [InlineData(ProposalStatus.Submitted, ProposalMove.Adopt)]
    [InlineData(ProposalStatus.AtBoard, ProposalMove.Forward)]
    [InlineData(ProposalStatus.Adopted, ProposalMove.Reject)]
    [InlineData(ProposalStatus.Adopted, ProposalMove.Withdraw)]
    [InlineData(ProposalStatus.Rejected, ProposalMove.Forward)]
    [InlineData(ProposalStatus.Withdrawn, ProposalMove.Adopt)]
    public void Illegal_moves_are_conflicts_that_say_why(ProposalStatus from, ProposalMove move)
    {
        var error = Assert.Single(ProposalFlow.Next(from, move).Errors);
        Assert.Equal(("illegal_move", ErrorKind.Conflict), (error.Code, error.Kind));
        Assert.StartsWith($"Cette proposition est « {AssociationLabels.Status(from)} »", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bureau_moves_the_author_withdraws_a_reader_does_nothing()
    {
        Assert.Equal([ProposalMove.Forward, ProposalMove.Reject], ProposalFlow.Allowed(ProposalStatus.Submitted, Bureau, Author));
        Assert.Equal([ProposalMove.Reject, ProposalMove.Adopt], ProposalFlow.Allowed(ProposalStatus.AtBoard, Bureau, Author));
        Assert.Equal([ProposalMove.Withdraw], ProposalFlow.Allowed(ProposalStatus.AtBoard, AuthorRights, Author));
        Assert.Empty(ProposalFlow.Allowed(ProposalStatus.Submitted, Reader, Author));
        Assert.Empty(ProposalFlow.Allowed(ProposalStatus.Adopted, Bureau with { MemberId = Author }, Author));
        Assert.False(ProposalFlow.MayMove(ProposalMove.Withdraw, Bureau, Author));
    }
}
